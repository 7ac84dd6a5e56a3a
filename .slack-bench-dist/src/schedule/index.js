/** Occurrence math and duty status: pure functions of knowledge, settings, ledger rows and `now`. */
export { addWorkingDays, calendarOf, isWorkingDay, localDay, workingDaysBetween, } from './calendar.js';
export { currentOccurrence, latestDueOccurrence, nextOccurrenceAfter, nextOccurrenceAfterFor, occurrenceAt, occurrenceAtFor, occurrenceByKey, occurrenceByKeyFor, occurrenceInPeriod, occurrencesBetween, occurrencesBetweenFor, previousOccurrenceFor, } from './occurrences.js';
export { cadenceOfKey, periodByKey, periodContaining, shiftPeriod } from './periods.js';
export { scheduledDuties, scheduleOf, whyNotScheduled, } from './resolve.js';
export { channelOf, confirmTarget, dutyStatus, isClosed, isPending, latestConfirmationOf, loadSnapshot, MISSED_LOOKBACK_PERIODS, ownersOf, stateOf, workspaceStatuses, } from './status.js';
//# sourceMappingURL=index.js.map