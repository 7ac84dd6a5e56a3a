/** Occurrence math and duty status: pure functions of knowledge, settings, ledger rows and `now`. */
export {
  addWorkingDays,
  calendarOf,
  isWorkingDay,
  localDay,
  type WorkCalendar,
  workingDaysBetween,
} from './calendar.js';
export {
  currentOccurrence,
  latestDueOccurrence,
  nextOccurrenceAfter,
  nextOccurrenceAfterFor,
  occurrenceAt,
  occurrenceAtFor,
  occurrenceByKey,
  occurrenceByKeyFor,
  occurrenceInPeriod,
  occurrencesBetween,
  occurrencesBetweenFor,
  previousOccurrenceFor,
} from './occurrences.js';
export { cadenceOfKey, periodByKey, periodContaining, shiftPeriod } from './periods.js';
export {
  type NotScheduledReason,
  type ScheduledDuty,
  scheduledDuties,
  scheduleOf,
  whyNotScheduled,
} from './resolve.js';
export {
  type ConfirmTarget,
  channelOf,
  confirmTarget,
  type DutyStatus,
  dutyStatus,
  isClosed,
  isPending,
  latestConfirmationOf,
  loadSnapshot,
  MISSED_LOOKBACK_PERIODS,
  ownersOf,
  type StatusOptions,
  stateOf,
  type WorkspaceSnapshot,
  workspaceStatuses,
} from './status.js';
export type { Occurrence, Period, PeriodCadence, ResolvedSchedule } from './types.js';
