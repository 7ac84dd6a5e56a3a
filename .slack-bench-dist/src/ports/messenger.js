/**
 * Thrown by messengers. `retryable` failures stay in the outbox and are tried again after
 * `retryAfterMs` (or the outbox's backoff); permanent ones are recorded as failed.
 */
export class DeliveryError extends Error {
    retryable;
    retryAfterMs;
    constructor(message, retryable, retryAfterMs = null) {
        super(message);
        this.retryable = retryable;
        this.retryAfterMs = retryAfterMs;
        this.name = 'DeliveryError';
    }
}
//# sourceMappingURL=messenger.js.map