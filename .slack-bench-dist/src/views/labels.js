import { DateTime } from 'luxon';
/**
 * Localized labels for schedules, periods, states and instants (en + it). Month and weekday
 * names come from Intl through luxon, so they are spelled as each language spells them.
 */
const STATE = {
    upcoming: { en: 'upcoming', it: 'in arrivo' },
    due: { en: 'due', it: 'da fare' },
    overdue: { en: 'overdue', it: 'in ritardo' },
    done: { en: 'done', it: 'fatto' },
    skipped: { en: 'skipped', it: 'saltato' },
    snoozed: { en: 'snoozed', it: 'rimandato' },
};
export function stateLabel(state, lang) {
    return STATE[state][lang];
}
const PERIOD_CADENCE = {
    daily: { en: 'every working day', it: 'ogni giorno lavorativo' },
    weekly: { en: 'every week', it: 'ogni settimana' },
    monthly: { en: 'every month', it: 'ogni mese' },
    bimonthly: { en: 'every two months', it: 'ogni due mesi' },
    quarterly: { en: 'every quarter', it: 'ogni trimestre' },
};
const REVIEW = {
    daily: { en: 'daily review', it: 'verifica giornaliera' },
    weekly: { en: 'weekly review', it: 'verifica settimanale' },
    monthly: { en: 'monthly review', it: 'verifica mensile' },
    bimonthly: { en: 'bimonthly review', it: 'verifica bimestrale' },
    quarterly: { en: 'quarterly review', it: 'verifica trimestrale' },
};
/** The source's cadence, as the page words it (for answers and "as the source says" notes). */
const SOURCE_CADENCE = {
    daily: { en: 'every day', it: 'ogni giorno' },
    weekly: { en: 'every week', it: 'ogni settimana' },
    monthly: { en: 'every month', it: 'ogni mese' },
    at_least_monthly_bimonthly: { en: 'at least monthly / bimonthly', it: 'almeno mensile / bimestrale' },
    periodic: { en: 'periodically', it: 'periodicamente' },
    ongoing: { en: 'ongoing', it: 'in modo continuativo' },
    on_event: { en: 'when it happens', it: 'quando si verifica' },
    on_request: { en: 'on request', it: 'su richiesta' },
    as_configured: { en: 'as configured by you', it: 'secondo la vostra configurazione' },
    one_off: { en: 'once', it: 'una tantum' },
};
export function sourceCadenceLabel(cadence, lang) {
    return SOURCE_CADENCE[cadence][lang];
}
export function periodCadenceLabel(cadence, lang) {
    return PERIOD_CADENCE[cadence][lang];
}
/**
 * How a scheduled duty recurs, e.g. "every month, on the 15th (source: at least monthly /
 * bimonthly)" / "ogni mese, il giorno 15 (fonte: almeno mensile / bimestrale)".
 */
export function scheduleLabel(schedule, lang) {
    let label = schedule.review ? REVIEW[schedule.cadence][lang] : PERIOD_CADENCE[schedule.cadence][lang];
    if (schedule.weekday !== null) {
        const day = weekdayName(schedule.weekday, lang);
        label += lang === 'it' ? `, di ${day}` : `, on ${day}`;
    }
    if (schedule.dayOfMonth !== null) {
        label += lang === 'it' ? `, il giorno ${schedule.dayOfMonth}` : `, on the ${ordinal(schedule.dayOfMonth)}`;
    }
    const vague = ['at_least_monthly_bimonthly', 'periodic', 'as_configured'];
    if (vague.includes(schedule.sourceCadence)) {
        const source = SOURCE_CADENCE[schedule.sourceCadence][lang];
        label += lang === 'it' ? ` (fonte: ${source})` : ` (source: ${source})`;
    }
    return label;
}
function ordinal(n) {
    const tens = n % 100;
    if (tens >= 11 && tens <= 13)
        return `${n}th`;
    return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}
function locale(lang) {
    return lang === 'it' ? 'it-IT' : 'en-GB';
}
export function weekdayName(isoWeekday, lang) {
    // 2024-01-01 was a Monday.
    return DateTime.utc(2024, 1, isoWeekday).setLocale(locale(lang)).toFormat('cccc');
}
/** "27 November 2026", "week 48, 2026", "November 2026", "November–December 2026", "Q4 2026". */
export function periodLabel(period, lang) {
    const start = DateTime.fromISO(period.start, { zone: 'utc' }).setLocale(locale(lang));
    const end = DateTime.fromISO(period.end, { zone: 'utc' }).setLocale(locale(lang));
    switch (period.cadence) {
        case 'daily':
            return start.toFormat('cccc d LLLL yyyy');
        case 'weekly': {
            const week = start.weekNumber;
            return lang === 'it' ? `settimana ${week}, ${start.weekYear}` : `week ${week}, ${start.weekYear}`;
        }
        case 'monthly':
            return start.toFormat('LLLL yyyy');
        case 'bimonthly':
            return `${start.toFormat('LLLL')}–${end.toFormat('LLLL yyyy')}`;
        case 'quarterly':
            return lang === 'it'
                ? `${start.quarter}º trimestre ${start.year} (${start.toFormat('LLLL')}–${end.toFormat('LLLL')})`
                : `Q${start.quarter} ${start.year} (${start.toFormat('LLLL')}–${end.toFormat('LLLL')})`;
    }
}
/** A short local date and time, e.g. "Mon 30 Nov 2026, 09:00" / "lun 30 nov 2026, 09:00". */
export function formatInstant(instant, zone, lang) {
    return DateTime.fromJSDate(instant, { zone }).setLocale(locale(lang)).toFormat('ccc d LLL yyyy, HH:mm');
}
/** A short local date, e.g. "Mon 30 Nov" / "lun 30 nov". */
export function formatDay(instant, zone, lang) {
    return DateTime.fromJSDate(instant, { zone }).setLocale(locale(lang)).toFormat('ccc d LLL');
}
/** Snooze choices offered on reminders; ids are what `snooze` accepts. */
export const SNOOZE_OPTION_IDS = ['1h', 'tomorrow', 'next-week'];
const SNOOZE = {
    '1h': { en: 'In 1 hour', it: 'Tra 1 ora' },
    tomorrow: { en: 'Tomorrow', it: 'Domani' },
    'next-week': { en: 'Next week', it: 'La prossima settimana' },
};
export function snoozeOptions(lang) {
    return SNOOZE_OPTION_IDS.map((id) => ({ id, label: SNOOZE[id][lang] }));
}
/** "2 earlier occurrences were missed" / "2 scadenze precedenti non sono state confermate". */
export function missedNote(count, lang) {
    if (lang === 'it') {
        return count === 1
            ? '1 scadenza precedente non è stata confermata.'
            : `${count} scadenze precedenti non sono state confermate.`;
    }
    return count === 1 ? '1 earlier occurrence was missed.' : `${count} earlier occurrences were missed.`;
}
//# sourceMappingURL=labels.js.map