import type { Logger } from '../logging/logger.js';
import type { KeyValueStore } from '../ports/key-value.js';

/**
 * Answers are at-least-once, effects exactly-once: the rule every surface follows for the
 * requests a platform may deliver again (Slack events, Teams activities). A request is marked
 * answered only after its reply was posted, so the platform's redelivery of a request whose reply
 * failed (or whose process died half-way) is processed again; the ledger effect it carries is not
 * repeated, because the core records it under the request's idempotency key. A redelivery of an
 * answered request is dropped.
 *
 * The key must be unique on its platform: Slack's event id is; a Teams activity id is unique only
 * within its conversation, so the Teams adapter scopes it by tenant and conversation.
 */
export interface AnswerOnceOptions {
  /** Key-value namespace of the "answered" marks, one per surface (`slack-answered`, `teams-answered`). */
  namespace: string;
  /** How long a mark is kept: longer than the platform keeps redelivering. */
  ttlMs: number;
}

export class AnswerOnce {
  /** Deliveries of one request being answered in this process, so a redelivery waits for the first. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
    private readonly options: AnswerOnceOptions,
  ) {}

  /**
   * Runs `answer` unless the request was answered already; `answer` resolves true once its reply
   * is posted (false: not answered, let the redelivery try again). Redeliveries arriving while the
   * first delivery is still being answered (in this process) wait for it, then look again, so a
   * quick retry neither answers twice nor gets lost. Without a key, `answer` simply runs.
   */
  async run(key: string | undefined, answer: () => Promise<boolean>): Promise<void> {
    if (!key) {
      await answer();
      return;
    }
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    // Registered before any await: two deliveries of one request queue up here, never side by side.
    const mine = previous
      .catch(() => undefined)
      .then(async () => {
        if (await this.answeredBefore(key)) return;
        if (await answer()) await this.markAnswered(key);
      });
    this.inFlight.set(key, mine);
    try {
      await mine;
    } finally {
      if (this.inFlight.get(key) === mine) this.inFlight.delete(key);
    }
  }

  /** True when a delivery of this request was answered already (e.g. to show the result as it stands). */
  async answeredBefore(key: string): Promise<boolean> {
    return (await this.store.kvGet<boolean>(this.options.namespace, key)) === true;
  }

  private async markAnswered(key: string): Promise<void> {
    try {
      await this.store.kvSet(this.options.namespace, key, true, this.options.ttlMs);
    } catch (error) {
      // The answer is out; at worst a redelivery answers once more (the ledger is protected anyway).
      this.logger.warn('could not record a request as answered', { key, error });
    }
  }
}
