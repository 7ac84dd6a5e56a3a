/**
 * Redaction lives with the Logger port (`src/logging/logger.ts`), the one place that decides what
 * may be written to a log or an outbox row; the scheduler's modules keep importing it from here.
 */
export { describeError, redactSecrets } from '../logging/logger.js';
