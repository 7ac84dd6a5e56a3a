import { DateTime } from 'luxon';
/** Evidence must be a link an auditor can open: http(s) only, no javascript:/file: tricks. */
export function parseEvidenceUrl(raw) {
    const text = raw.trim().replace(/^<|>$/g, '');
    if (text.length > 2000)
        return { ok: false };
    try {
        const url = new URL(text);
        if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
            return { ok: false };
        return { ok: true, value: url.toString() };
    }
    catch {
        return { ok: false };
    }
}
/** A date (YYYY-MM-DD, start of day in `zone`) or an ISO instant. */
export function parseDateOrInstant(raw, zone, endOfDay = false) {
    const text = raw.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        const day = DateTime.fromISO(text, { zone });
        if (!day.isValid)
            return { ok: false };
        return { ok: true, value: (endOfDay ? day.endOf('day') : day.startOf('day')).toJSDate() };
    }
    const instant = DateTime.fromISO(text, { zone, setZone: true });
    if (!instant.isValid || !/^\d{4}-\d{2}-\d{2}T/.test(text))
        return { ok: false };
    return { ok: true, value: instant.toJSDate() };
}
const UNITS = [
    [/^(m|min|mins|minutes?|minut[io])$/, 'minutes'],
    [/^(h|hrs?|hours?|or[ae])$/, 'hours'],
    [/^(d|days?|giorn[io])$/, 'days'],
    [/^(w|wk|weeks?|settiman[ae])$/, 'weeks'],
];
const MAX_SNOOZE_DAYS = 90;
/**
 * "1h", "2d", "1w", "tomorrow"/"domani" (next working day at the reminder time),
 * "next-week"/"settimana-prossima" (first working day of next week at the reminder time),
 * or an ISO date/date-time.
 */
export function parseSnooze(raw, now, calendar) {
    const text = raw
        .trim()
        .toLowerCase()
        .replace(/^(until|fino\s+al?)\s+/, '');
    const local = DateTime.fromJSDate(now, { zone: calendar.zone });
    const [hour, minute] = calendar.reminderTime.split(':').map(Number);
    const atReminder = (day) => day.set({ hour, minute, second: 0, millisecond: 0 });
    const nextWorkingDay = (from) => {
        let day = from;
        for (let i = 0; i < 31 && !calendar.isWorkingDay(day); i++)
            day = day.plus({ days: 1 });
        return day;
    };
    let until = null;
    const amount = /^(\d+)\s*([a-z]+)$/.exec(text);
    if (amount) {
        const unit = UNITS.find(([pattern]) => pattern.test(amount[2]))?.[1];
        if (unit)
            until = local.plus({ [unit]: Number(amount[1]) });
    }
    else if (/^(tomorrow|domani)$/.test(text)) {
        until = atReminder(nextWorkingDay(local.plus({ days: 1 }).startOf('day')));
    }
    else if (/^(next[- ]week|(la )?settimana[- ]prossima|1w)$/.test(text)) {
        until = atReminder(nextWorkingDay(local.plus({ weeks: 1 }).startOf('week')));
    }
    else {
        const date = parseDateOrInstant(text, calendar.zone);
        if (date.ok) {
            until = DateTime.fromJSDate(date.value, { zone: calendar.zone });
            if (/^\d{4}-\d{2}-\d{2}$/.test(text))
                until = atReminder(until);
        }
    }
    if (!until?.isValid)
        return { ok: false, problem: 'bad' };
    if (until <= local)
        return { ok: false, problem: 'past' };
    if (until.diff(local, 'days').days > MAX_SNOOZE_DAYS)
        return { ok: false, problem: 'too_long' };
    return { ok: true, until: until.toJSDate() };
}
//# sourceMappingURL=values.js.map