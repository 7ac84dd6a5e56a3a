import type { OutboundMessage } from '../views/types.js';

/**
 * The only way the core talks to a chat platform. Each adapter (Slack, Teams, terminal)
 * implements it and renders the view models its own way.
 */

/** Where a posted message lives, so it can be updated or replied to in a thread later. */
export interface MessageRef {
  channel: string;
  /** Platform message id (Slack `ts`, Teams activity id, terminal sequence number). */
  id: string;
}

export type { OutboundMessage };

export interface PostRequest {
  workspaceId: string;
  channel: string;
  message: OutboundMessage;
  /** Post as a reply in the thread of this message (follow-ups under their reminder). */
  thread: MessageRef | null;
  /** The outbox key: unique per delivery, stable across retries. */
  deliveryKey: string;
}

export interface Messenger {
  post(request: PostRequest): Promise<MessageRef>;
  update(workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void>;
  sendToUser(workspaceId: string, userId: string, message: OutboundMessage, deliveryKey: string): Promise<MessageRef>;
}

/**
 * Thrown by messengers. `retryable` failures stay in the outbox and are tried again after
 * `retryAfterMs` (or the outbox's backoff); permanent ones are recorded as failed.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
