import { DateTime } from 'luxon';
import type { Cadence } from '../knowledge/schema.js';
import type { Period, ResolvedSchedule } from '../occurrences/types.js';
import { catalogue } from './catalogue/index.js';
import type { ConfirmationStatus, Lang, OccurrenceState } from './types.js';

/**
 * Localized labels for schedules, periods, states and instants, read from the catalogue. Month
 * and weekday names come from Intl through luxon, so they are spelled as each language spells them.
 */

export function stateLabel(state: OccurrenceState | ConfirmationStatus, lang: Lang): string {
  return catalogue(lang).states[state];
}

/**
 * A recorded confirmation's state as every surface shows it: "done", or "done (backfill)" when
 * an admin recorded it for a period that ended before the workspace existed.
 */
export function confirmationStateLabel(c: { status: ConfirmationStatus; backfill?: boolean }, lang: Lang): string {
  const label = stateLabel(c.status, lang);
  return c.backfill ? `${label} (${catalogue(lang).ledger.backfillMarker})` : label;
}

/** The source document's cadence in words ("at least monthly / bimonthly"): answers and schedules share it. */
export function cadenceName(cadence: Cadence, lang: Lang): string {
  return catalogue(lang).sourceCadence[cadence];
}

/** Cadences the source words loosely: a schedule label says what the source said next to what we chose. */
const VAGUE_CADENCES: readonly Cadence[] = ['at_least_monthly_bimonthly', 'periodic', 'as_configured'];

/**
 * How a scheduled duty recurs, e.g. "every month, on the 15th (source: at least monthly /
 * bimonthly)" / "ogni mese, il giorno 15 (fonte: almeno ogni mese / ogni due mesi)".
 */
export function scheduleLabel(schedule: ResolvedSchedule, lang: Lang): string {
  const c = catalogue(lang);
  let label = schedule.review ? c.review[schedule.cadence] : c.periodCadence[schedule.cadence];
  if (schedule.weekday !== null) label += c.schedule.onWeekday(weekdayName(schedule.weekday, lang));
  if (schedule.dayOfMonth !== null) label += c.schedule.onDayOfMonth(schedule.dayOfMonth);
  if (VAGUE_CADENCES.includes(schedule.sourceCadence))
    label += c.schedule.source(cadenceName(schedule.sourceCadence, lang));
  return label;
}

function locale(lang: Lang): string {
  return catalogue(lang).locale;
}

export function weekdayName(isoWeekday: number, lang: Lang): string {
  // 2024-01-01 was a Monday.
  return DateTime.utc(2024, 1, isoWeekday).setLocale(locale(lang)).toFormat('cccc');
}

/** "27 November 2026", "week 48, 2026", "November 2026", "November–December 2026", "Q4 2026". */
export function periodLabel(period: Period, lang: Lang): string {
  const c = catalogue(lang);
  const start = DateTime.fromISO(period.start, { zone: 'utc' }).setLocale(locale(lang));
  const end = DateTime.fromISO(period.end, { zone: 'utc' }).setLocale(locale(lang));
  switch (period.cadence) {
    case 'daily':
      return start.toFormat('cccc d LLLL yyyy');
    case 'weekly':
      return c.period.week(start.weekNumber, start.weekYear);
    case 'monthly':
      return start.toFormat('LLLL yyyy');
    case 'bimonthly':
      return `${start.toFormat('LLLL')}–${end.toFormat('LLLL yyyy')}`;
    case 'quarterly':
      return c.period.quarter(start.quarter, start.year, start.toFormat('LLLL'), end.toFormat('LLLL'));
  }
}

/** A short local date and time, e.g. "Mon 30 Nov 2026, 09:00" / "lun 30 nov 2026, 09:00". */
export function formatInstant(instant: Date, zone: string, lang: Lang): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(locale(lang)).toFormat('ccc d LLL yyyy, HH:mm');
}

/** A short local date, e.g. "Mon 30 Nov" / "lun 30 nov". */
export function formatDay(instant: Date, zone: string, lang: Lang): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(locale(lang)).toFormat('ccc d LLL');
}

/** Snooze choices offered on reminders; ids are what `snooze` accepts. */
export const SNOOZE_OPTION_IDS = ['1h', 'tomorrow', 'next-week'] as const;

export function snoozeOptions(lang: Lang): { id: string; label: string }[] {
  const labels = catalogue(lang).snooze;
  return SNOOZE_OPTION_IDS.map((id) => ({ id, label: labels[id] }));
}

/** "2 earlier occurrences were missed" / "2 scadenze precedenti non sono state confermate". */
export function missedNote(count: number, lang: Lang): string {
  return catalogue(lang).missedNote(count);
}
