import {
  addWorkingDays,
  atLocalTime,
  calendarOf,
  dayFromIso,
  firstWorkingDayFrom,
  localDay,
} from '../occurrences/calendar.js';
import { periodContaining, shiftPeriod } from '../occurrences/periods.js';
import { type DutyStatus, type WorkspaceSnapshot, workspaceStatuses } from '../occurrences/status.js';
import type { Period } from '../occurrences/types.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import type { DeliveryRow, NewDelivery, Store } from '../store/types.js';
import { digestKey, escalationKey, followUpKey, reminderKey, reReminderKey } from './keys.js';
import type { DeliveryPayload } from './payload.js';

/**
 * What one workspace needs sent at `now`, and when it next needs the scheduler.
 *
 * Rules (each keeps the channel quiet unless something is actually asked of someone):
 *  - Reminder: for each duty's CURRENT occurrence (the latest that has fallen due) while it is
 *    open. After downtime this is still one reminder — for the current occurrence, noting how many
 *    earlier ones were missed — never a burst of stale ones: earlier occurrences are superseded.
 *    An occurrence that had already fallen due when the workspace was created is not reminded
 *    individually (no burst on install); pending lists and digests show it.
 *  - Snooze: when a snooze ends and the occurrence is still open, the reminder is sent again
 *    (one per snooze).
 *  - Follow-up (in the reminder's thread, to the owners) and escalation (to the escalation
 *    channel): `follow_up_after_working_days` / `escalate_after_working_days` working days after
 *    the occurrence fell due — counted from when the reminder actually went out if that was later
 *    (a reminder delivered late must not be followed up at once), and from the end of a snooze.
 *    Only for the current occurrence: once the next occurrence falls due the old one is
 *    superseded, so a daily duty never piles up follow-ups (its next reminder comes first).
 *  - Digest: once per ISO week and channel, on `digest.weekday` at `digest.time` — moved to the
 *    next working day of the same week if that day is a holiday or not worked, skipped if none.
 *    Only the current week's digest is ever sent (no catch-up of old weeks).
 */

export interface WorkspacePlan {
  deliveries: NewDelivery[];
  /** Earliest future instant something may be due; null = nothing will ever be. */
  nextWake: Date | null;
}

export async function planWorkspace(store: Store, snapshot: WorkspaceSnapshot, now: Date): Promise<WorkspacePlan> {
  const { workspace } = snapshot;
  // Uninstalled: nothing is planned (re-installing re-plans it); the ledger stays as it is.
  if (workspace.status === 'inactive') return { deliveries: [], nextWake: null };
  const settings = workspace.settings;
  const calendar = calendarOf(settings);
  const deliveries: NewDelivery[] = [];
  const wake = new WakeTracker(now);

  const statuses = workspaceStatuses(snapshot, now, { missed: false });
  for (const status of statuses) {
    const { duty, occurrence } = status;
    if (status.next) wake.consider(status.next.dueAt);
    if (status.state === 'upcoming') {
      wake.consider(occurrence.dueAt);
      continue;
    }
    if (status.state === 'snoozed') {
      wake.consider(status.snoozedUntil);
      continue;
    }
    if (status.state === 'done' || status.state === 'skipped') continue;

    // Open (due or overdue) from here on.
    const channel = status.channel;
    // Occurrences that fell due before the bot joined are not reminded one by one: on install that
    // would be a burst of dozens of messages before the team has narrowed services or assigned
    // owners. They still show in `pending`, the home view and the digest.
    // (An OAuth install gets its channel later: the cut-off is then when it got one.)
    const neverAsked = occurrence.dueAt < (workspace.remindersSince ?? workspace.createdAt);
    if (channel === null || neverAsked) continue;
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
      { kind: 'followup' as const, days: settings.escalation.follow_up_after_working_days },
      { kind: 'escalation' as const, days: settings.escalation.escalate_after_working_days },
    ];
    let reminder: DeliveryRow | null | undefined;
    for (const step of steps) {
      // Lower bound first (from when it fell due): no store read until it could be due.
      const earliest = addWorkingDays(calendar, status.dueSince, step.days);
      if (supersededAt && earliest >= supersededAt) continue;
      if (earliest > now) {
        wake.consider(earliest);
        continue;
      }
      if (reminder === undefined) reminder = await store.getDelivery(primaryKey);
      // Without a delivered reminder there is nothing to follow up yet; dispatch recomputes the
      // wake-up once the reminder goes out. A reminder that could not be delivered at all (the
      // admins were told) must not silence the duty: it is followed up and escalated from when it
      // fell due, through the channels that work.
      const undeliverable = reminder?.status === 'failed' && !reminder.lastError?.startsWith('cancelled:');
      if (!undeliverable && (reminder?.status !== 'sent' || !reminder.sentAt)) continue;
      const sentAt = reminder?.sentAt?.getTime() ?? 0;
      const from = new Date(Math.max(sentAt, status.dueSince.getTime()));
      const at = addWorkingDays(calendar, from, step.days);
      if (supersededAt && at >= supersededAt) continue;
      if (at > now) {
        wake.consider(at);
        continue;
      }
      if (step.kind === 'followup') {
        deliveries.push({
          ...base,
          key: followUpKey(workspace.id, duty.id, occurrence.key),
          kind: 'followup',
          channel: reminder?.messageChannel ?? channel,
          payload: payload({ kind: 'followup', threadKey: primaryKey }),
        });
      } else {
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

function payload(p: DeliveryPayload): Record<string, unknown> {
  return { ...p };
}

function planDigests(
  snapshot: WorkspaceSnapshot,
  statuses: readonly DutyStatus[],
  now: Date,
  deliveries: NewDelivery[],
  wake: WakeTracker,
): void {
  const { workspace } = snapshot;
  const settings = workspace.settings;
  if (!settings.digest.enabled) return;
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
  } else if (at) {
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
export function digestInstant(settings: WorkspaceSettings, week: Period): Date | null {
  const calendar = calendarOf(settings);
  const key = `${calendar.fingerprint}|${settings.digest.weekday}|${settings.digest.time}|${week.key}`;
  const cached = digestInstants.get(key);
  if (cached !== undefined) return cached === null ? null : new Date(cached);
  const at = computeDigestInstant(settings, week);
  if (digestInstants.size >= 10_000) digestInstants.clear();
  digestInstants.set(key, at ? at.getTime() : null);
  return at;
}

/** Same question for every workspace with the same calendar in a tick: memoized (bounded). */
const digestInstants = new Map<string, number | null>();

function computeDigestInstant(settings: WorkspaceSettings, week: Period): Date | null {
  const calendar = calendarOf(settings);
  const start = dayFromIso(calendar, week.start);
  const end = dayFromIso(calendar, week.end);
  const day = firstWorkingDayFrom(calendar, start.plus({ days: settings.digest.weekday - 1 }), end);
  if (!day) return null;
  const [hour, minute] = settings.digest.time.split(':').map(Number);
  return atLocalTime(day, hour ?? 9, minute ?? 0);
}

/**
 * Where digests go: the digest channel when set (one digest for everything), otherwise one per
 * channel that scheduled duties are routed to (each covering its own duties).
 */
export function digestChannels(snapshot: WorkspaceSnapshot, statuses: readonly DutyStatus[]): string[] {
  const settings = snapshot.workspace.settings;
  const fixed = settings.digest.channel;
  if (fixed) return [fixed];
  const channels = new Set<string>();
  for (const status of statuses) if (status.channel) channels.add(status.channel);
  if (channels.size === 0) {
    const fallback = settings.default_channel ?? snapshot.workspace.homeChannel;
    if (fallback) channels.add(fallback);
  }
  return [...channels];
}

class WakeTracker {
  earliest: Date | null = null;
  constructor(private readonly now: Date) {}
  consider(at: Date | null | undefined): void {
    if (!at || at <= this.now) return;
    if (!this.earliest || at < this.earliest) this.earliest = at;
  }
}
