import { DateTime } from 'luxon';
import { failure, ok, type Result } from '../result.js';

/**
 * Parsing and validating the values people type: evidence links, dates and snooze durations.
 * Each returns a `Result` whose problem the caller turns into a helpful message.
 */

/**
 * How long free text in the ledger may be, in characters. Enforced in the core (every surface,
 * not only a card or modal): the ledger is evidence, read by people, and replayed into reminders.
 */
export const TEXT_LIMITS = { note: 1_000, reason: 500, evidenceUrl: 2_000 } as const;
export type LimitedField = keyof typeof TEXT_LIMITS;

/** The first field longer than its limit, with its length; null when all fit. */
export function overLimit(
  values: Partial<Record<LimitedField, string | null>>,
): { field: LimitedField; length: number; max: number } | null {
  for (const field of Object.keys(TEXT_LIMITS) as LimitedField[]) {
    const length = [...(values[field]?.trim() ?? '')].length;
    if (length > TEXT_LIMITS[field]) return { field, length, max: TEXT_LIMITS[field] };
  }
  return null;
}

/** Evidence must be a link an auditor can open: http(s) only, no javascript:/file: tricks. */
export function parseEvidenceUrl(raw: string): Result<string, 'not_a_web_link'> {
  const text = raw.trim().replace(/^<|>$/g, '');
  if (text.length > TEXT_LIMITS.evidenceUrl) return failure('not_a_web_link');
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return failure('not_a_web_link');
    return ok(url.toString());
  } catch {
    return failure('not_a_web_link');
  }
}

/**
 * A date (YYYY-MM-DD, start of day in `zone`) or an ISO instant. With `dayAfter`, a date means
 * "up to and including that day", i.e. the start of the next day (ranges end exclusively).
 */
export function parseDateOrInstant(raw: string, zone: string, dayAfter = false): Result<Date, 'not_a_date'> {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone });
    if (!day.isValid) return failure('not_a_date');
    return ok((dayAfter ? day.plus({ days: 1 }) : day).startOf('day').toJSDate());
  }
  const instant = DateTime.fromISO(text, { zone, setZone: true });
  if (!instant.isValid || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return failure('not_a_date');
  return ok(instant.toJSDate());
}

export interface SnoozeCalendar {
  zone: string;
  /** Reminder time of day HH:MM, where "tomorrow" and "next week" land. */
  reminderTime: string;
  isWorkingDay(day: DateTime): boolean;
}

const UNITS: [RegExp, 'minutes' | 'hours' | 'days' | 'weeks'][] = [
  [/^(m|min|mins|minutes?|minut[io])$/, 'minutes'],
  [/^(h|hrs?|hours?|or[ae])$/, 'hours'],
  [/^(d|days?|giorn[io])$/, 'days'],
  [/^(w|wk|weeks?|settiman[ae])$/, 'weeks'],
];

const MAX_SNOOZE_DAYS = 90;

/** When a snooze ends, or why it cannot. */
export type SnoozeResult = Result<Date, 'bad' | 'too_long' | 'past'>;

/**
 * "1h", "2d", "1w", "tomorrow"/"domani" (next working day at the reminder time),
 * "next-week"/"settimana-prossima" (first working day of next week at the reminder time),
 * or an ISO date/date-time.
 */
export function parseSnooze(raw: string, now: Date, calendar: SnoozeCalendar): SnoozeResult {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^(until|fino\s+al?)\s+/, '');
  const local = DateTime.fromJSDate(now, { zone: calendar.zone });
  const [hour, minute] = calendar.reminderTime.split(':').map(Number) as [number, number];
  const atReminder = (day: DateTime) => day.set({ hour, minute, second: 0, millisecond: 0 });
  const nextWorkingDay = (from: DateTime) => {
    let day = from;
    for (let i = 0; i < 31 && !calendar.isWorkingDay(day); i++) day = day.plus({ days: 1 });
    return day;
  };

  let until: DateTime | null = null;
  const amount = /^(\d+)\s*([a-z]+)$/.exec(text);
  if (amount) {
    const unit = UNITS.find(([pattern]) => pattern.test(amount[2]!))?.[1];
    if (unit) until = local.plus({ [unit]: Number(amount[1]) });
  } else if (/^(tomorrow|domani)$/.test(text)) {
    until = atReminder(nextWorkingDay(local.plus({ days: 1 }).startOf('day')));
  } else if (/^(next[- ]week|(la )?settimana[- ]prossima|1w)$/.test(text)) {
    until = atReminder(nextWorkingDay(local.plus({ weeks: 1 }).startOf('week')));
  } else {
    const date = parseDateOrInstant(text, calendar.zone);
    if (date.ok) {
      until = DateTime.fromJSDate(date.value, { zone: calendar.zone });
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) until = atReminder(until);
    }
  }
  if (!until?.isValid) return failure('bad');
  if (until <= local) return failure('past');
  if (until.diff(local, 'days').days > MAX_SNOOZE_DAYS) return failure('too_long');
  return ok(until.toJSDate());
}
