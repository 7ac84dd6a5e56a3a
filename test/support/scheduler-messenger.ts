import {
  DeliveryError,
  type MessageRef,
  type Messenger,
  type OutboundMessage,
  type PostRequest,
} from '../../src/ports/messenger.js';

/**
 * A messenger that records what it was asked to deliver, and can fail on demand: the next N posts
 * throw a retryable DeliveryError (with an optional Retry-After), or a permanent one.
 */
export class RecordingMessenger implements Messenger {
  readonly posts: PostRequest[] = [];
  readonly updates: { workspaceId: string; ref: MessageRef; message: OutboundMessage }[] = [];
  private failures: { count: number; retryable: boolean; retryAfterMs: number | null } = {
    count: 0,
    retryable: true,
    retryAfterMs: null,
  };
  attempts = 0;
  private seq = 0;

  failNext(count: number, options: { retryable?: boolean; retryAfterMs?: number | null } = {}): void {
    this.failures = { count, retryable: options.retryable ?? true, retryAfterMs: options.retryAfterMs ?? null };
  }

  async post(request: PostRequest): Promise<MessageRef> {
    this.attempts++;
    if (this.failures.count > 0) {
      this.failures.count--;
      throw new DeliveryError(
        'platform said no (token=xoxb-1-secret)',
        this.failures.retryable,
        this.failures.retryAfterMs,
      );
    }
    this.posts.push(request);
    this.seq++;
    return { channel: request.channel, id: `m${this.seq}` };
  }

  async update(workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void> {
    this.updates.push({ workspaceId, ref, message });
  }

  async sendToUser(_workspaceId: string, userId: string, _message: OutboundMessage, _key: string): Promise<MessageRef> {
    return { channel: `dm-${userId}`, id: `dm${++this.seq}` };
  }

  keys(): string[] {
    return this.posts.map((p) => p.deliveryKey);
  }

  byKind(kind: string): PostRequest[] {
    return this.posts.filter((p) => p.message.kind === kind);
  }
}
