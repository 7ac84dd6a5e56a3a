/** The scheduler: planning (transactional outbox), delivery with retries, wake-ups, digests. */

export { retryDelayMs } from './backoff.js';
export { DEFAULT_OPTIONS, type SchedulerDeps, type SchedulerOptions } from './deps.js';
export { dispatchOutbox } from './dispatch.js';
export { digestKey, escalationKey, followUpKey, reminderKey, reReminderKey, updateKey } from './keys.js';
export { type DeliveryPayload, readPayload } from './payload.js';
export { digestChannels, digestInstant, planWorkspace, type WorkspacePlan } from './plan.js';
export { resumeWorkspace } from './resume.js';
export { afterConfirmation, buildDigestNow, planDue, tick } from './tick.js';
export { recomputeWake } from './wake.js';
