import { addWorkingDays, atLocalTime, calendarOf, dayFromIso, firstWorkingDayFrom, localDay, } from '../schedule/calendar.js';
import { periodContaining, shiftPeriod } from '../schedule/periods.js';
import { workspaceStatuses } from '../schedule/status.js';
import { digestKey, escalationKey, followUpKey, reminderKey, reReminderKey } from './keys.js';
export async function planWorkspace(store, snapshot, now) {
    const { workspace } = snapshot;
    const settings = workspace.settings;
    const calendar = calendarOf(settings);
    const deliveries = [];
    const wake = new WakeTracker(now);
    const statuses = workspaceStatuses(snapshot, now, { missed: false });
    for (const status of statuses) {
        const { duty, occurrence } = status;
        if (status.next)
            wake.consider(status.next.dueAt);
        if (status.state === 'upcoming') {
            wake.consider(occurrence.dueAt);
            continue;
        }
        if (status.state === 'snoozed') {
            wake.consider(status.snoozedUntil);
            continue;
        }
        if (status.state === 'done' || status.state === 'skipped')
            continue;
        // Open (due or overdue) from here on.
        const channel = status.channel;
        // Occurrences that fell due before the bot joined are not reminded one by one: on install that
        // would be a burst of dozens of messages before the team has narrowed services or assigned
        // owners. They still show in `pending`, the home view and the digest.
        const neverAsked = occurrence.dueAt < workspace.createdAt;
        if (channel === null || neverAsked)
            continue;
        const base = {
            workspaceId: workspace.id,
            dutyId: duty.id,
            occurrence: occurrence.key,
            createdAt: now,
            notBefore: now,
        };
        const primaryKey = reminderKey(workspace.id, duty.id, occurrence.key);
        const latest = status.latest;
        const backFromSnooze = latest?.status === 'snoozed' && latest.snoozedUntil !== null && latest.snoozedUntil <= now;
        deliveries.push({
            ...base,
            key: backFromSnooze ? reReminderKey(workspace.id, duty.id, occurrence.key, latest.seq) : primaryKey,
            kind: 'reminder',
            channel,
            payload: payload({ kind: 'reminder' }),
        });
        // Follow-up and escalation, only while this occurrence is still the current one.
        const supersededAt = status.next?.dueAt ?? null;
        const steps = [
            { kind: 'followup', days: settings.escalation.follow_up_after_working_days },
            { kind: 'escalation', days: settings.escalation.escalate_after_working_days },
        ];
        let reminder;
        for (const step of steps) {
            // Lower bound first (from when it fell due): no store read until it could be due.
            const earliest = addWorkingDays(calendar, status.dueSince, step.days);
            if (supersededAt && earliest >= supersededAt)
                continue;
            if (earliest > now) {
                wake.consider(earliest);
                continue;
            }
            if (reminder === undefined)
                reminder = await store.getDelivery(primaryKey);
            // Without a delivered reminder there is nothing to follow up yet; dispatch recomputes the
            // wake-up once the reminder goes out.
            if (reminder?.status !== 'sent' || !reminder.sentAt)
                continue;
            const from = new Date(Math.max(reminder.sentAt.getTime(), status.dueSince.getTime()));
            const at = addWorkingDays(calendar, from, step.days);
            if (supersededAt && at >= supersededAt)
                continue;
            if (at > now) {
                wake.consider(at);
                continue;
            }
            if (step.kind === 'followup') {
                deliveries.push({
                    ...base,
                    key: followUpKey(workspace.id, duty.id, occurrence.key),
                    kind: 'followup',
                    channel: reminder.messageChannel ?? channel,
                    payload: payload({ kind: 'followup', threadKey: primaryKey }),
                });
            }
            else {
                const target = settings.escalation.channel ?? settings.default_channel ?? workspace.homeChannel ?? channel;
                deliveries.push({
                    ...base,
                    key: escalationKey(workspace.id, duty.id, occurrence.key),
                    kind: 'escalation',
                    channel: target,
                    payload: payload({ kind: 'escalation', workingDays: step.days }),
                });
            }
        }
    }
    planDigests(snapshot, statuses, now, deliveries, wake);
    return { deliveries, nextWake: wake.earliest };
}
function payload(p) {
    return { ...p };
}
function planDigests(snapshot, statuses, now, deliveries, wake) {
    const { workspace } = snapshot;
    const settings = workspace.settings;
    if (!settings.digest.enabled)
        return;
    const calendar = calendarOf(settings);
    const week = periodContaining('weekly', localDay(calendar, now));
    const at = digestInstant(settings, week);
    if (at && at <= now) {
        // A workspace created after this week's digest time gets its first digest next week.
        if (at >= workspace.createdAt) {
            for (const channel of digestChannels(snapshot, statuses)) {
                deliveries.push({
                    key: digestKey(workspace.id, channel, week.key),
                    workspaceId: workspace.id,
                    kind: 'digest',
                    dutyId: null,
                    occurrence: week.key,
                    channel,
                    payload: payload({ kind: 'digest' }),
                    createdAt: now,
                    notBefore: now,
                });
            }
        }
    }
    else if (at) {
        wake.consider(at);
        return;
    }
    for (let i = 1; i <= 4; i++) {
        const next = digestInstant(settings, shiftPeriod(week, i));
        if (next) {
            wake.consider(next);
            return;
        }
    }
}
/** This week's digest instant, or null when the week has no working day on/after the digest day. */
export function digestInstant(settings, week) {
    const calendar = calendarOf(settings);
    const start = dayFromIso(calendar, week.start);
    const end = dayFromIso(calendar, week.end);
    const day = firstWorkingDayFrom(calendar, start.plus({ days: settings.digest.weekday - 1 }), end);
    if (!day)
        return null;
    const [hour, minute] = settings.digest.time.split(':').map(Number);
    return atLocalTime(day, hour ?? 9, minute ?? 0);
}
/**
 * Where digests go: the digest channel when set (one digest for everything), otherwise one per
 * channel that scheduled duties are routed to (each covering its own duties).
 */
export function digestChannels(snapshot, statuses) {
    const settings = snapshot.workspace.settings;
    const fixed = settings.digest.channel;
    if (fixed)
        return [fixed];
    const channels = new Set();
    for (const status of statuses)
        if (status.channel)
            channels.add(status.channel);
    if (channels.size === 0) {
        const fallback = settings.default_channel ?? snapshot.workspace.homeChannel;
        if (fallback)
            channels.add(fallback);
    }
    return [...channels];
}
class WakeTracker {
    now;
    earliest = null;
    constructor(now) {
        this.now = now;
    }
    consider(at) {
        if (!at || at <= this.now)
            return;
        if (!this.earliest || at < this.earliest)
            this.earliest = at;
    }
}
//# sourceMappingURL=plan.js.map