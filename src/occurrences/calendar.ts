import { DateTime } from 'luxon';
import type { WorkspaceSettings } from '../settings/schema.js';

/**
 * A workspace's working calendar: time zone, working weekdays, holidays and reminder time.
 * Built once per settings object (settings are immutable values) and cached, because the
 * scheduler asks the same questions for every duty of a workspace.
 */
export interface WorkCalendar {
  /** Identifies calendars that answer every question alike (for memoizing across workspaces). */
  fingerprint: string;
  zone: string;
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  reminderHour: number;
  reminderMinute: number;
}

const cache = new WeakMap<WorkspaceSettings, WorkCalendar>();

export function calendarOf(settings: WorkspaceSettings): WorkCalendar {
  let calendar = cache.get(settings);
  if (!calendar) {
    const [hour, minute] = settings.reminder_time.split(':').map(Number);
    calendar = {
      fingerprint: [
        settings.timezone,
        settings.working_days.join(','),
        settings.reminder_time,
        [...settings.holidays].sort().join(','),
      ].join('|'),
      zone: settings.timezone,
      workingDays: new Set(settings.working_days),
      holidays: new Set(settings.holidays),
      reminderHour: hour ?? 9,
      reminderMinute: minute ?? 0,
    };
    cache.set(settings, calendar);
  }
  return calendar;
}

/** Local calendar day (start of day) of an instant in the calendar's zone. */
export function localDay(calendar: WorkCalendar, instant: Date): DateTime {
  const key = `${calendar.zone}|${instant.getTime()}`;
  let day = days.get(key);
  if (!day) {
    if (days.size >= MEMO_LIMIT) days.clear();
    day = DateTime.fromJSDate(instant, { zone: calendar.zone }).startOf('day');
    days.set(key, day); // DateTimes are immutable: safe to share
  }
  return day;
}
const days = new Map<string, DateTime>();

/** Parses an ISO local date in the calendar's zone (start of that day). */
export function dayFromIso(calendar: WorkCalendar, isoDate: string): DateTime {
  return DateTime.fromISO(isoDate, { zone: calendar.zone }).startOf('day');
}

export function isoDay(day: DateTime): string {
  return day.toISODate() as string;
}

export function isWorkingDay(calendar: WorkCalendar, day: DateTime): boolean {
  return calendar.workingDays.has(day.weekday) && !calendar.holidays.has(isoDay(day));
}

/**
 * The local time `hh:mm` on `day`, as an instant. Luxon resolves wall-clock times against the
 * zone's rules for that date, so 09:00 Europe/Rome stays 09:00 across DST changes (the UTC instant
 * moves); a time inside a spring-forward gap is pushed forward by the gap, as clocks do.
 */
export function atLocalTime(day: DateTime, hour: number, minute: number): Date {
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

export function atReminderTime(calendar: WorkCalendar, day: DateTime): Date {
  return atLocalTime(day, calendar.reminderHour, calendar.reminderMinute);
}

/** The instant the local day ends (last millisecond), for deadlines. */
export function endOfLocalDay(day: DateTime): Date {
  return day.endOf('day').toJSDate();
}

/** Upper bound on day-by-day walks: a year of holidays in a row means a misconfiguration. */
const MAX_WALK_DAYS = 366;

/** First working day on or after `day`, or null if none within `until` (inclusive, when given). */
export function firstWorkingDayFrom(calendar: WorkCalendar, day: DateTime, until?: DateTime): DateTime | null {
  let d = day;
  for (let i = 0; i < MAX_WALK_DAYS; i++) {
    if (until && d > until) return null;
    if (isWorkingDay(calendar, d)) return d;
    d = d.plus({ days: 1 });
  }
  return null;
}

/** Last working day on or before `day`, or null if none within `from` (inclusive, when given). */
export function lastWorkingDayUntil(calendar: WorkCalendar, day: DateTime, from?: DateTime): DateTime | null {
  let d = day;
  for (let i = 0; i < MAX_WALK_DAYS; i++) {
    if (from && d < from) return null;
    if (isWorkingDay(calendar, d)) return d;
    d = d.minus({ days: 1 });
  }
  return null;
}

/**
 * The instant `workingDays` working days after `instant`, at the same local wall-clock time
 * (e.g. Friday 09:00 + 1 working day = Monday 09:00 with a Mon–Fri week; holidays are skipped).
 */
export function addWorkingDays(calendar: WorkCalendar, instant: Date, workingDays: number): Date {
  const key = `${calendar.fingerprint}|${instant.getTime()}|${workingDays}`;
  const cached = memo.get(key);
  if (cached) return new Date(cached);
  const result = computeAddWorkingDays(calendar, instant, workingDays);
  remember(key, result.getTime());
  return result;
}

function computeAddWorkingDays(calendar: WorkCalendar, instant: Date, workingDays: number): Date {
  const local = DateTime.fromJSDate(instant, { zone: calendar.zone });
  let day = local.startOf('day');
  let left = workingDays;
  for (let i = 0; left > 0 && i < MAX_WALK_DAYS * 4; i++) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(calendar, day)) left--;
  }
  return atLocalTime(day, local.hour, local.minute);
}

/** Working days strictly after `from`'s local day up to and including `to`'s local day. */
export function workingDaysBetween(calendar: WorkCalendar, from: Date, to: Date): number {
  let day = localDay(calendar, from);
  const end = localDay(calendar, to);
  let count = 0;
  for (let i = 0; day < end && i < MAX_WALK_DAYS * 4; i++) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(calendar, day)) count++;
  }
  return count;
}

/**
 * Luxon answers time zone questions through Intl and costs tens of microseconds per operation;
 * a tick asks the same questions (same `now`, same calendars — most workspaces keep the defaults)
 * for every due workspace. Results are memoized by calendar fingerprint in a bounded map.
 */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, number>();

function remember(key: string, value: number): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}
