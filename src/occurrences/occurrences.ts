import type { Duty } from '../knowledge/model.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import {
  atReminderTime,
  calendarOf,
  dayFromIso,
  endOfLocalDay,
  firstWorkingDayFrom,
  lastWorkingDayUntil,
  localDay,
  type WorkCalendar,
} from './calendar.js';
import { periodByKey, periodContaining, shiftPeriod } from './periods.js';
import { scheduleOf } from './resolve.js';
import type { Occurrence, Period, ResolvedSchedule } from './types.js';

/**
 * Occurrences of a scheduled duty. A period has an occurrence when it contains a working day:
 *  - dueAt = `reminder_time` local on the first working day on/after the period's anchor (period
 *    start by default; `day_of_month` clamped to the month's last day, so "the 31st" is Feb 28/29
 *    and Apr 30; `weekday` for weekly), staying inside the period — if no working day remains
 *    after the anchor, the last working day before it;
 *  - deadline = end of the period's last working day (a daily occurrence: end of its day).
 * Daily periods that fall on non-working days or holidays have no occurrence.
 */

/** Periods walked at most when looking for an occurrence (a year of daily holidays is absurd). */
const MAX_PERIOD_STEPS = 400;

function anchorDay(schedule: ResolvedSchedule, calendar: WorkCalendar, period: Period) {
  const start = dayFromIso(calendar, period.start);
  if (schedule.cadence === 'weekly') return start.plus({ days: (schedule.weekday ?? 1) - 1 });
  if (schedule.cadence === 'daily' || schedule.dayOfMonth === null) return start;
  const lastDay = start.daysInMonth ?? 28;
  return start.set({ day: Math.min(schedule.dayOfMonth, lastDay) });
}

/**
 * Occurrence math is pure and luxon is slow (Intl time zone lookups), while a tick asks the same
 * questions for every due workspace — same `now`, mostly the same calendars and schedule shapes.
 * Results are memoized by calendar fingerprint + schedule shape (never by duty), in bounded maps.
 */
const MEMO_LIMIT = 100_000;
type Slot = Omit<Occurrence, 'dutyId'> | null;
const byPeriod = new Map<string, Slot>();
const byInstant = new Map<string, Period | null>();

function shapeKey(schedule: ResolvedSchedule, calendar: WorkCalendar): string {
  return `${calendar.fingerprint}|${schedule.cadence}|${schedule.dayOfMonth ?? ''}|${schedule.weekday ?? ''}`;
}

function withDuty(schedule: ResolvedSchedule, slot: Slot): Occurrence | null {
  return slot ? { ...slot, dutyId: schedule.dutyId } : null;
}

function bounded<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/** The occurrence of `schedule` in `period`, or null when the period has no working day. */
export function occurrenceInPeriod(
  schedule: ResolvedSchedule,
  calendar: WorkCalendar,
  period: Period,
): Occurrence | null {
  const key = `${shapeKey(schedule, calendar)}|${period.key}`;
  let slot = byPeriod.get(key);
  if (slot === undefined) slot = bounded(byPeriod, key, computeSlot(schedule, calendar, period));
  return withDuty(schedule, slot);
}

/** Memoizes a walk that ends on a period key (latest due / next after an instant). */
function memoWalk(
  kind: string,
  schedule: ResolvedSchedule,
  calendar: WorkCalendar,
  instant: Date,
  walk: () => Occurrence | null,
): Occurrence | null {
  const key = `${kind}|${shapeKey(schedule, calendar)}|${instant.getTime()}`;
  const cached = byInstant.get(key);
  if (cached === null) return null;
  if (cached !== undefined) return occurrenceInPeriod(schedule, calendar, cached);
  const found = walk();
  bounded(byInstant, key, found ? found.period : null);
  return found;
}

function computeSlot(schedule: ResolvedSchedule, calendar: WorkCalendar, period: Period): Slot {
  const start = dayFromIso(calendar, period.start);
  const end = dayFromIso(calendar, period.end);
  const anchor = anchorDay(schedule, calendar, period);
  const dueDay =
    firstWorkingDayFrom(calendar, anchor, end) ?? lastWorkingDayUntil(calendar, anchor.minus({ days: 1 }), start);
  if (!dueDay) return null;
  const lastDay = lastWorkingDayUntil(calendar, end, start) ?? dueDay;
  return {
    key: period.key,
    cadence: schedule.cadence,
    period,
    dueAt: atReminderTime(calendar, dueDay),
    deadline: endOfLocalDay(lastDay),
  };
}

/** The occurrence whose period contains `instant` (local date), or null if that period has none. */
export function occurrenceAtFor(schedule: ResolvedSchedule, calendar: WorkCalendar, instant: Date): Occurrence | null {
  return occurrenceInPeriod(schedule, calendar, periodContaining(schedule.cadence, localDay(calendar, instant)));
}

/** The latest occurrence that fell due at or before `instant` (null only if none in a long walk). */
export function latestDueOccurrence(
  schedule: ResolvedSchedule,
  calendar: WorkCalendar,
  instant: Date,
): Occurrence | null {
  return memoWalk('latest', schedule, calendar, instant, () => walkLatestDue(schedule, calendar, instant));
}

function walkLatestDue(schedule: ResolvedSchedule, calendar: WorkCalendar, instant: Date): Occurrence | null {
  let period = periodContaining(schedule.cadence, localDay(calendar, instant));
  for (let i = 0; i < MAX_PERIOD_STEPS; i++) {
    const occurrence = occurrenceInPeriod(schedule, calendar, period);
    if (occurrence && occurrence.dueAt.getTime() <= instant.getTime()) return occurrence;
    period = shiftPeriod(period, -1);
  }
  return null;
}

/** The first occurrence due strictly after `instant`. */
export function nextOccurrenceAfterFor(
  schedule: ResolvedSchedule,
  calendar: WorkCalendar,
  instant: Date,
): Occurrence | null {
  return memoWalk('next', schedule, calendar, instant, () => walkNextAfter(schedule, calendar, instant));
}

function walkNextAfter(schedule: ResolvedSchedule, calendar: WorkCalendar, instant: Date): Occurrence | null {
  let period = periodContaining(schedule.cadence, localDay(calendar, instant));
  for (let i = 0; i < MAX_PERIOD_STEPS; i++) {
    const occurrence = occurrenceInPeriod(schedule, calendar, period);
    if (occurrence && occurrence.dueAt.getTime() > instant.getTime()) return occurrence;
    period = shiftPeriod(period, 1);
  }
  return null;
}

/** The occurrence just before `occurrence` (skipping periods without one). */
export function previousOccurrenceFor(
  schedule: ResolvedSchedule,
  calendar: WorkCalendar,
  occurrence: Occurrence,
): Occurrence | null {
  let period = shiftPeriod(occurrence.period, -1);
  for (let i = 0; i < MAX_PERIOD_STEPS; i++) {
    const previous = occurrenceInPeriod(schedule, calendar, period);
    if (previous) return previous;
    period = shiftPeriod(period, -1);
  }
  return null;
}

/** Occurrences with `from <= dueAt < to`, oldest first. */
export function occurrencesBetweenFor(
  schedule: ResolvedSchedule,
  calendar: WorkCalendar,
  from: Date,
  to: Date,
): Occurrence[] {
  const result: Occurrence[] = [];
  let period = periodContaining(schedule.cadence, localDay(calendar, from));
  const lastPeriodKey = periodContaining(schedule.cadence, localDay(calendar, to)).key;
  // Walk until past the period containing `to`; bounded for safety on absurd ranges.
  for (let i = 0; i < 100_000; i++) {
    const occurrence = occurrenceInPeriod(schedule, calendar, period);
    if (occurrence && occurrence.dueAt >= from && occurrence.dueAt < to) result.push(occurrence);
    if (period.key === lastPeriodKey) break;
    period = shiftPeriod(period, 1);
  }
  return result;
}

export function occurrenceByKeyFor(schedule: ResolvedSchedule, calendar: WorkCalendar, key: string): Occurrence | null {
  const period = periodByKey(schedule.cadence, key);
  return period ? occurrenceInPeriod(schedule, calendar, period) : null;
}

// Convenience forms taking a duty and the workspace settings (null when the duty is not scheduled).

export function occurrenceAt(duty: Duty, settings: WorkspaceSettings, instant: Date): Occurrence | null {
  const schedule = scheduleOf(duty, settings);
  return schedule ? occurrenceAtFor(schedule, calendarOf(settings), instant) : null;
}

export function occurrenceByKey(duty: Duty, settings: WorkspaceSettings, key: string): Occurrence | null {
  const schedule = scheduleOf(duty, settings);
  return schedule ? occurrenceByKeyFor(schedule, calendarOf(settings), key) : null;
}

export function occurrencesBetween(duty: Duty, settings: WorkspaceSettings, from: Date, to: Date): Occurrence[] {
  const schedule = scheduleOf(duty, settings);
  return schedule ? occurrencesBetweenFor(schedule, calendarOf(settings), from, to) : [];
}

export function nextOccurrenceAfter(duty: Duty, settings: WorkspaceSettings, instant: Date): Occurrence | null {
  const schedule = scheduleOf(duty, settings);
  return schedule ? nextOccurrenceAfterFor(schedule, calendarOf(settings), instant) : null;
}

export function currentOccurrence(duty: Duty, settings: WorkspaceSettings, now: Date): Occurrence | null {
  const schedule = scheduleOf(duty, settings);
  return schedule ? latestDueOccurrence(schedule, calendarOf(settings), now) : null;
}
