import { DateTime } from 'luxon';
import type { Period, PeriodCadence } from './types.js';

/**
 * Calendar periods of each cadence, computed on local dates (no time zone arithmetic here: a
 * period is a range of calendar days; the occurrence layer turns days into instants).
 * Daily periods are single days, weekly periods ISO weeks (Monday–Sunday, ISO week-numbering
 * year), monthly calendar months, bimonthly Jan–Feb, Mar–Apr, …, quarterly calendar quarters.
 */

const MONTHS_PER_PERIOD = { monthly: 1, bimonthly: 2, quarterly: 3 } as const;

function makePeriod(cadence: PeriodCadence, start: DateTime, end: DateTime): Period {
  return {
    cadence,
    key: periodKey(cadence, start),
    start: start.toISODate() as string,
    end: end.toISODate() as string,
  };
}

function periodKey(cadence: PeriodCadence, start: DateTime): string {
  switch (cadence) {
    case 'daily':
      return start.toISODate() as string;
    case 'weekly':
      return start.toFormat("kkkk-'W'WW");
    case 'monthly':
      return start.toFormat('yyyy-MM');
    case 'bimonthly':
      return `${start.year}-B${Math.ceil(start.month / 2)}`;
    case 'quarterly':
      return `${start.year}-Q${start.quarter}`;
  }
}

/** Periods are immutable values; the same few are asked for over and over during a tick. */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, Period>();

function memoized(key: string, compute: () => Period): Period {
  let period = memo.get(key);
  if (!period) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    period = compute();
    memo.set(key, period);
  }
  return period;
}

/** The period of `cadence` that contains the local day `day` (any zone; only the date is used). */
export function periodContaining(cadence: PeriodCadence, day: DateTime): Period {
  return memoized(`${cadence}|${day.year}-${day.month}-${day.day}`, () => computePeriod(cadence, day));
}

function computePeriod(cadence: PeriodCadence, day: DateTime): Period {
  const d = DateTime.utc(day.year, day.month, day.day);
  switch (cadence) {
    case 'daily':
      return makePeriod(cadence, d, d);
    case 'weekly': {
      const start = d.startOf('week'); // luxon weeks are ISO weeks (Monday first)
      return makePeriod(cadence, start, start.plus({ days: 6 }));
    }
    default: {
      const months = MONTHS_PER_PERIOD[cadence];
      const firstMonth = Math.floor((d.month - 1) / months) * months + 1;
      const start = DateTime.utc(d.year, firstMonth, 1);
      return makePeriod(cadence, start, start.plus({ months }).minus({ days: 1 }));
    }
  }
}

/** The period `steps` periods after (negative: before) `period`. */
export function shiftPeriod(period: Period, steps: number): Period {
  return memoized(`${period.cadence}|${period.key}|${steps > 0 ? '+' : ''}${steps}`, () => computeShift(period, steps));
}

function computeShift(period: Period, steps: number): Period {
  const start = DateTime.fromISO(period.start, { zone: 'utc' });
  switch (period.cadence) {
    case 'daily':
      return periodContaining('daily', start.plus({ days: steps }));
    case 'weekly':
      return periodContaining('weekly', start.plus({ weeks: steps }));
    default:
      return periodContaining(period.cadence, start.plus({ months: steps * MONTHS_PER_PERIOD[period.cadence] }));
  }
}

const KEY_PATTERNS: Record<PeriodCadence, RegExp> = {
  daily: /^(\d{4})-(\d{2})-(\d{2})$/,
  weekly: /^(\d{4})-W(\d{2})$/,
  monthly: /^(\d{4})-(\d{2})$/,
  bimonthly: /^(\d{4})-B([1-6])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
};

/** Parses an occurrence key of `cadence`; null when it is malformed or names no real period. */
export function periodByKey(cadence: PeriodCadence, key: string): Period | null {
  const match = KEY_PATTERNS[cadence].exec(key.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  let day: DateTime;
  switch (cadence) {
    case 'daily':
      day = DateTime.utc(year, n, Number(match[3]));
      break;
    case 'weekly':
      day = DateTime.fromObject({ weekYear: year, weekNumber: n, weekday: 1 }, { zone: 'utc' });
      break;
    case 'monthly':
      day = DateTime.utc(year, n, 1);
      break;
    case 'bimonthly':
      day = DateTime.utc(year, n * 2 - 1, 1);
      break;
    case 'quarterly':
      day = DateTime.utc(year, n * 3 - 2, 1);
      break;
  }
  if (!day.isValid) return null;
  const period = periodContaining(cadence, day);
  // Round-trip check rejects 2026-02-30, 2026-W54 and friends that luxon would roll over.
  return period.key === key.trim() ? period : null;
}

/** Which cadence an occurrence key belongs to, judging by its shape. */
export function cadenceOfKey(key: string): PeriodCadence | null {
  for (const cadence of Object.keys(KEY_PATTERNS) as PeriodCadence[]) {
    if (KEY_PATTERNS[cadence].test(key.trim())) return cadence;
  }
  return null;
}
