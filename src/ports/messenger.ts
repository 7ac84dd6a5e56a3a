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

/** Telling a workspace's admins something they must act on (a delivery that cannot succeed). */
export interface AdminNotice {
  workspaceId: string;
  /** Admins the core knows (`settings.admins`); the adapter adds the platform's own admins. */
  userIds: readonly string[];
  /**
   * People who switched personal messages off in this workspace (`stop reminders to me`): the
   * adapter must not add them back among the platform's admins.
   */
  declined: readonly string[];
  /** Where to post when no admin can be reached personally (the workspace's home channel), if any. */
  fallbackChannel: string | null;
  message: OutboundMessage;
  deliveryKey: string;
}

export interface Messenger {
  post(request: PostRequest): Promise<MessageRef>;
  update(workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void>;
  sendToUser(workspaceId: string, userId: string, message: OutboundMessage, deliveryKey: string): Promise<MessageRef>;
  /**
   * Sends the notice personally to each admin (Slack DM, Teams personal chat), or to the fallback
   * channel when none is known; resolves with the first message that landed. Optional: without
   * it the scheduler uses `sendToUser` for the core's admins, else posts to the fallback channel.
   */
  notifyAdmins?(notice: AdminNotice): Promise<MessageRef>;
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
