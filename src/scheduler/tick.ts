import { buildDigest } from '../digest/build.js';
import { calendarOf, localDay } from '../occurrences/calendar.js';
import { periodContaining, shiftPeriod } from '../occurrences/periods.js';
import { loadSnapshot } from '../occurrences/status.js';
import type { ConfirmationRow, NewDelivery } from '../store/types.js';
import type { DigestView } from '../views/types.js';
import { optionsOf, type SchedulerDeps } from './deps.js';
import { dispatchOutbox } from './dispatch.js';
import { digestKey, escalationKey, followUpKey, reminderKey, reReminderKey, updateKey } from './keys.js';
import type { TickReport } from './report.js';
import { planMany, recomputeWake } from './wake.js';

/**
 * The scheduler's entry points. A tick plans (enqueues what is due in the workspaces whose
 * wake-up time has come) and then delivers the outbox. Ticks are safe to run concurrently in
 * several processes on one PostgreSQL: planning claims each message by inserting its unique key,
 * delivery leases rows, and every step is idempotent, so a crash at any point loses nothing.
 */

export async function tick(deps: SchedulerDeps, now: Date): Promise<TickReport> {
  const planned = await planDueDetailed(deps, now);
  const deliveries = await dispatchOutbox(deps, now);
  return { at: now.toISOString(), workspaces: planned.workspaces, enqueued: planned.enqueued, deliveries };
}

/** Enqueues what is due in every workspace whose wake-up time has come; returns rows inserted. */
export async function planDue(deps: SchedulerDeps, now: Date): Promise<number> {
  return (await planDueDetailed(deps, now)).enqueued;
}

async function planDueDetailed(deps: SchedulerDeps, now: Date): Promise<{ workspaces: number; enqueued: number }> {
  const { workspaceBatch } = optionsOf(deps);
  let workspaces = 0;
  let enqueued = 0;
  // Every planned workspace gets a wake-up strictly after `now` (or none), so pages never repeat
  // and the loop ends; a concurrent planner may plan the same workspace too — harmless.
  for (let page = 0; page < 10_000; page++) {
    const due = await deps.store.dueWorkspaces(now, workspaceBatch);
    enqueued += await planMany(deps, due, now);
    workspaces += due.length;
    if (due.length < workspaceBatch) break;
  }
  return { workspaces, enqueued };
}

/**
 * After a confirmation: a done/skip closes the occurrence (a snooze pauses it, a reopen opens it again), so every message already posted (or
 * still queued) about it — the reminder, re-reminders after snoozes, follow-up, escalation — is
 * updated in place to show who closed it, instead of posting anything new. Then re-plan, since
 * a snooze or a closed occurrence changes the next wake-up.
 */
export async function afterConfirmation(
  deps: SchedulerDeps,
  workspaceId: string,
  confirmation: ConfirmationRow,
  now: Date,
): Promise<void> {
  // A snooze updates them too (who snoozed, until when), keeping their buttons; a reopen shows
  // them open again, buttons back, so no channel keeps showing a closing the ledger withdrew.
  if (
    confirmation.status === 'done' ||
    confirmation.status === 'skipped' ||
    confirmation.status === 'snoozed' ||
    confirmation.status === 'reopened'
  ) {
    const { dutyId, occurrence } = confirmation;
    const snoozes = (await deps.store.history(workspaceId, dutyId, 500)).filter(
      (c) => c.occurrence === occurrence && c.status === 'snoozed',
    );
    const targets = [
      reminderKey(workspaceId, dutyId, occurrence),
      ...snoozes.map((s) => reReminderKey(workspaceId, dutyId, occurrence, s.seq)),
      followUpKey(workspaceId, dutyId, occurrence),
      escalationKey(workspaceId, dutyId, occurrence),
    ];
    const updates: NewDelivery[] = [];
    for (const targetKey of targets) {
      const target = await deps.store.getDelivery(targetKey);
      if (!target || target.status === 'failed') continue;
      updates.push({
        key: updateKey(targetKey, confirmation.seq),
        workspaceId,
        kind: 'update',
        dutyId,
        occurrence,
        channel: target.messageChannel ?? target.channel,
        payload: { kind: 'update', targetKey },
        createdAt: now,
        notBefore: now,
      });
    }
    await deps.store.enqueue(updates);
  }
  await recomputeWake(deps, workspaceId, now);
}

/**
 * The digest on demand (`digest` command): for a channel (its duties; the whole workspace when no
 * duty is routed there) or the whole workspace (`null`); "done since" counts from the channel's
 * last digest, or the last 7 days.
 */
export async function buildDigestNow(
  deps: SchedulerDeps,
  workspaceId: string,
  channel: string | null,
  now: Date,
): Promise<DigestView> {
  const snapshot = await loadSnapshot(deps.store, deps.knowledge, workspaceId);
  if (!snapshot) throw new Error(`unknown workspace ${workspaceId}`);
  let since = new Date(now.getTime() - 7 * 86_400_000);
  if (channel !== null) {
    const week = periodContaining('weekly', localDay(calendarOf(snapshot.workspace.settings), now));
    for (const candidate of [week, shiftPeriod(week, -1)]) {
      const previous = await deps.store.getDelivery(digestKey(workspaceId, channel, candidate.key));
      if (previous?.status === 'sent' && previous.sentAt && previous.sentAt <= now) {
        since = previous.sentAt;
        break;
      }
    }
  }
  const confirmations = await deps.store.confirmationsSince(workspaceId, since);
  return buildDigest({ snapshot, channel, now, confirmationsSince: confirmations });
}
