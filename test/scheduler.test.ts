import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  afterConfirmation,
  dispatchOutbox,
  followUpKey,
  planDue,
  recomputeWake,
  reminderKey,
  tick,
} from '../src/scheduler/index.js';
import { defaultSettings, type WorkspaceSettings } from '../src/settings/schema.js';
import type { NewConfirmation, Store } from '../src/store/types.js';
import { mention } from '../src/views/mentions.js';
import type { ReminderView } from '../src/views/types.js';
import { DUTY, testKnowledge } from './support/scheduler-knowledge.js';
import { RecordingMessenger } from './support/scheduler-messenger.js';
import { backupOnlySettings, type Dialect, depsFor, openStore, rome } from './support/scheduler-setup.js';

const knowledge = testKnowledge();

describe.each<Dialect>(['sqlite', 'postgres'])('scheduler on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let messenger: RecordingMessenger;

  beforeEach(async () => {
    ({ store, cleanup } = await openStore(dialect));
    messenger = new RecordingMessenger();
  });
  afterEach(async () => cleanup());

  async function workspace(id: string, settings: WorkspaceSettings, createdAt: Date, homeChannel = 'C-HOME') {
    await store.createWorkspace({ id, platform: 'local', settings, homeChannel }, 'installer', createdAt);
    await recomputeWake(depsFor(store, knowledge, messenger), id, createdAt);
  }

  function confirm(
    workspaceId: string,
    dutyId: string,
    occurrence: string,
    status: NewConfirmation['status'],
    at: Date,
    extra: Partial<NewConfirmation> = {},
  ) {
    return store.appendConfirmation({
      workspaceId,
      dutyId,
      occurrence,
      status,
      by: 'U-ANNA',
      at,
      note: null,
      evidenceUrl: null,
      reason: status === 'skipped' ? 'not needed' : null,
      snoozedUntil: null,
      idempotencyKey: `${dutyId}|${occurrence}|${status}|${at.toISOString()}`,
      ...extra,
    });
  }

  function reminderViewOf(i: number): ReminderView {
    const post = messenger.posts[i];
    if (!post) throw new Error(`no post #${i}`);
    return (post.message as { view: ReminderView }).view;
  }

  it('after downtime sends ONE reminder per duty for the current occurrence, noting missed ones', async () => {
    await workspace('ws1', defaultSettings({ services: ['rocketweb', '1backup'] }), rome('2026-09-01T08:00'));
    const deps = depsFor(store, knowledge, messenger);
    // September's first reminders were planned, then the scheduler went down before delivering.
    expect(await planDue(deps, rome('2026-09-01T09:00'))).toBe(2);
    const now = rome('2026-11-10T12:00'); // nothing ran since
    const report = await tick(deps, now);

    const reminders = messenger.byKind('reminder');
    const byDuty = new Map(reminders.map((p) => [(p.message as { view: ReminderView }).view.occurrence.duty.id, p]));
    expect(reminders).toHaveLength(byDuty.size); // one per duty, no stale burst
    expect([...byDuty.keys()].sort()).toEqual(
      [
        DUTY.websiteBackup,
        DUTY.passwords,
        DUTY.checkResults,
        DUTY.restoreTest,
        DUTY.weeklyReview,
        DUTY.configurePolicy,
      ].sort(),
    );
    const viewOf = (id: string) => {
      const post = byDuty.get(id);
      if (!post) throw new Error(`no reminder for ${id}`);
      return (post.message as { view: ReminderView }).view;
    };
    const occurrenceOf = (id: string) => viewOf(id).occurrence;
    expect(occurrenceOf(DUTY.websiteBackup)).toMatchObject({ occurrence: '2026-11', missedBefore: 2 });
    expect(occurrenceOf(DUTY.checkResults)).toMatchObject({ occurrence: '2026-11-10', missedBefore: 12 });
    expect(occurrenceOf(DUTY.weeklyReview).occurrence).toBe('2026-W46');
    expect(viewOf(DUTY.websiteBackup).headline).toContain('2 earlier occurrences were missed.');
    // This week's digest (Monday 09:00) is due too: one, to the home channel.
    expect(messenger.byKind('digest').map((p) => p.deliveryKey)).toEqual(['ws1|digest|C-HOME|2026-W46']);
    expect(report).toMatchObject({ workspaces: 1, enqueued: reminders.length + 1 });
    expect(report.deliveries.every((d) => d.status === 'sent')).toBe(true);
    // What was queued in September never went out: superseded, not delivered two months late.
    const stale = await store.getDelivery(reminderKey('ws1', DUTY.websiteBackup, '2026-09'));
    expect(stale).toMatchObject({ status: 'failed', lastError: 'cancelled: superseded by 2026-10' });
    expect(await store.getDelivery(reminderKey('ws1', DUTY.checkResults, '2026-09-01'))).toMatchObject({
      status: 'failed',
    });

    // Ticking again at the same instant changes nothing; the workspace sleeps until its next event.
    const again = await tick(deps, now);
    expect(again).toMatchObject({ workspaces: 0, enqueued: 0, deliveries: [] });
    const wake = (await store.getWorkspace('ws1'))?.nextWakeAt;
    expect(wake && wake > now).toBe(true);
  });

  it('follows up in the reminder thread and escalates after the configured working days', async () => {
    const settings = backupOnlySettings({
      owners: { by_duty: {}, by_service: { rocketweb: ['U-ANNA'] }, fallback: [] },
      escalation: { follow_up_after_working_days: 1, escalate_after_working_days: 3, channel: 'C-ESC' },
    });
    await workspace('ws1', settings, rome('2026-10-31T12:00'));
    const deps = depsFor(store, knowledge, messenger);

    await tick(deps, rome('2026-11-02T09:00')); // Monday: reminder
    expect(messenger.keys()).toEqual([reminderKey('ws1', DUTY.websiteBackup, '2026-11')]);
    expect((await store.getWorkspace('ws1'))?.nextWakeAt?.toISOString()).toBe(rome('2026-11-03T09:00').toISOString());

    await tick(deps, rome('2026-11-02T18:00'));
    expect(messenger.posts).toHaveLength(1);

    await tick(deps, rome('2026-11-03T09:00')); // +1 working day: follow-up in the thread
    expect(messenger.posts).toHaveLength(2);
    const followUp = messenger.posts[1]!;
    expect(followUp.deliveryKey).toBe(followUpKey('ws1', DUTY.websiteBackup, '2026-11'));
    expect(followUp.thread).toEqual({ channel: 'C-HOME', id: 'm1' });
    expect(reminderViewOf(1).headline).toMatch(
      /^\uFDD0U-ANNA\uFDD1, a nudge: “Website backup” for November 2026 is still open/,
    );

    await tick(deps, rome('2026-11-04T09:00'));
    expect(messenger.posts).toHaveLength(2);
    await tick(deps, rome('2026-11-05T09:00')); // +3 working days: escalation
    expect(messenger.posts).toHaveLength(3);
    expect(messenger.posts[2]).toMatchObject({ channel: 'C-ESC', thread: null });
    expect(reminderViewOf(2)).toMatchObject({ kind: 'escalation' });
    expect(reminderViewOf(2).headline).toContain(`still open after 3 working days. Owners: ${mention('U-ANNA')}.`);

    await tick(deps, rome('2026-11-20T09:00'));
    expect(messenger.posts).toHaveLength(3); // nothing more this month
    await tick(deps, rome('2026-12-01T09:00')); // December: a new reminder, noting November was missed
    expect(messenger.posts).toHaveLength(4);
    expect(reminderViewOf(3).headline).toContain('1 earlier occurrence was missed.');
  });

  it('never piles up follow-ups for daily duties: the next reminder supersedes them', async () => {
    const base = defaultSettings();
    const settings = defaultSettings({
      services: ['1backup'],
      cadence: { ...base.cadence, periodic: 'off', as_configured: 'off' },
      digest: { ...base.digest, enabled: false },
      cadence_overrides: undefined,
    } as Partial<WorkspaceSettings>);
    const onlyDaily = defaultSettings({
      ...settings,
      cadence: { ...settings.cadence, overrides: { [DUTY.weeklyReview]: { cadence: 'off' } } },
    });
    await workspace('ws1', onlyDaily, rome('2026-11-01T12:00'));
    const deps = depsFor(store, knowledge, messenger);
    for (const day of ['02', '03', '04', '05', '06']) {
      await tick(deps, rome(`2026-11-${day}T09:00`));
      await tick(deps, rome(`2026-11-${day}T17:00`));
    }
    expect(messenger.posts.map((p) => p.message.kind)).toEqual([
      'reminder',
      'reminder',
      'reminder',
      'reminder',
      'reminder',
    ]);
    expect(messenger.posts.map((p) => (p.message as { view: ReminderView }).view.occurrence.occurrence)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
    ]);
  });

  it('updates the reminder in place after a confirmation instead of posting again', async () => {
    await workspace('ws1', backupOnlySettings(), rome('2026-10-31T12:00'));
    const deps = depsFor(store, knowledge, messenger);
    await tick(deps, rome('2026-11-02T09:00'));
    expect(messenger.posts).toHaveLength(1);

    const { confirmation } = await confirm('ws1', DUTY.websiteBackup, '2026-11', 'done', rome('2026-11-02T11:00'));
    await afterConfirmation(deps, 'ws1', confirmation, rome('2026-11-02T11:00'));
    const report = await tick(deps, rome('2026-11-02T11:00'));

    expect(report.deliveries).toMatchObject([{ kind: 'update', status: 'sent' }]);
    expect(messenger.posts).toHaveLength(1);
    expect(messenger.updates).toHaveLength(1);
    const update = messenger.updates[0]!;
    expect(update.ref).toEqual({ channel: 'C-HOME', id: 'm1' });
    expect((update.message as { view: ReminderView }).view.closedBy).toMatchObject({ status: 'done', by: 'U-ANNA' });

    // Closed: no follow-up, no escalation; the next wake-up is December's reminder.
    await tick(deps, rome('2026-11-03T09:00'));
    await tick(deps, rome('2026-11-06T09:00'));
    expect(messenger.posts).toHaveLength(1);
    expect((await store.getWorkspace('ws1'))?.nextWakeAt?.toISOString()).toBe(rome('2026-12-01T09:00').toISOString());
  });

  it('posts a reminder already closed when it was confirmed before it could be delivered', async () => {
    await workspace('ws1', backupOnlySettings(), rome('2026-10-31T12:00'));
    const deps = depsFor(store, knowledge, messenger);
    messenger.failNext(1);
    await tick(deps, rome('2026-11-02T09:00'));
    expect(messenger.posts).toHaveLength(0);

    const { confirmation } = await confirm('ws1', DUTY.websiteBackup, '2026-11', 'done', rome('2026-11-02T09:05'));
    await afterConfirmation(deps, 'ws1', confirmation, rome('2026-11-02T09:05'));
    await tick(deps, rome('2026-11-02T10:00'));
    expect(messenger.posts).toHaveLength(1);
    expect(reminderViewOf(0).closedBy).toMatchObject({ status: 'done' });
    expect(reminderViewOf(0).snoozeOptions).toEqual([]);
  });

  it('retries a failing messenger with backoff, honours Retry-After, and delivers exactly once', async () => {
    await workspace('ws1', backupOnlySettings(), rome('2026-10-31T12:00'));
    const deps = depsFor(store, knowledge, messenger);
    const key = reminderKey('ws1', DUTY.websiteBackup, '2026-11');
    const start = rome('2026-11-02T09:00');
    messenger.failNext(3, { retryAfterMs: 120_000 });

    expect((await tick(deps, start)).deliveries).toMatchObject([{ key, status: 'retry' }]);
    const row = await store.getDelivery(key);
    expect(row?.status).toBe('pending');
    expect(row!.notBefore.getTime() - start.getTime()).toBeGreaterThanOrEqual(120_000);
    expect(row?.lastError).toContain('platform said no');
    expect(row?.lastError).not.toContain('xoxb'); // credentials are never stored or logged

    // Before Retry-After elapses nothing is attempted.
    expect((await dispatchOutbox(deps, new Date(start.getTime() + 60_000))).length).toBe(0);
    let at = start.getTime();
    for (let attempt = 0; attempt < 6 && messenger.posts.length === 0; attempt++) {
      at += 3 * 60_000;
      await dispatchOutbox(deps, new Date(at));
    }
    expect(messenger.attempts).toBe(4);
    expect(messenger.keys()).toEqual([key]);
    expect((await store.getDelivery(key))?.status).toBe('sent');
    await dispatchOutbox(deps, new Date(at + 3_600_000));
    expect(messenger.posts).toHaveLength(1);
  });

  it('backs off exponentially without Retry-After and records permanent failures', async () => {
    await workspace('ws1', backupOnlySettings(), rome('2026-10-31T12:00'));
    await workspace('ws2', backupOnlySettings(), rome('2026-10-31T12:00'));
    const deps = depsFor(store, knowledge, messenger, {
      options: { random: () => 0.5, dispatchBatch: 1, maxDispatchRounds: 1 },
    });
    const start = rome('2026-11-02T09:00');
    messenger.failNext(1, { retryable: false });
    await planDue(deps, start);
    const first = await dispatchOutbox(deps, start, 1);
    expect(first[0]?.status).toBe('failed');
    expect((await store.getDelivery(first[0]!.key))?.status).toBe('failed');
    expect(deps.logs.some((l) => l.includes('failed permanently') && !l.includes('xoxb'))).toBe(true);

    const second = messenger.attempts;
    messenger.failNext(2);
    const delays: number[] = [];
    let now = start.getTime();
    for (let i = 0; i < 3; i++) {
      const report = await dispatchOutbox(deps, new Date(now), 1);
      const pending = report[0] ? await store.getDelivery(report[0].key) : null;
      if (report[0]?.status === 'retry' && pending) delays.push(pending.notBefore.getTime() - now);
      now = pending ? pending.notBefore.getTime() : now;
    }
    expect(messenger.attempts - second).toBe(3);
    expect(delays).toEqual([30_000, 60_000]); // 30 s, doubling (jitter fixed at the midpoint)
    expect(messenger.posts).toHaveLength(1);
  });

  it('keeps deliveries for a platform without a messenger until one is registered', async () => {
    await workspace('ws1', backupOnlySettings(), rome('2026-10-31T12:00'));
    const none = depsFor(store, knowledge, undefined);
    const report = await tick(none, rome('2026-11-02T09:00'));
    expect(report.deliveries).toMatchObject([{ status: 'retry' }]);
    await dispatchOutbox(depsFor(store, knowledge, messenger), rome('2026-11-02T09:30'));
    expect(messenger.posts).toHaveLength(1);
  });

  it('reminds again when a snooze ends, and only then', async () => {
    await workspace('ws1', backupOnlySettings(), rome('2026-10-31T12:00'));
    const deps = depsFor(store, knowledge, messenger);
    await tick(deps, rome('2026-11-02T09:00'));
    const { confirmation } = await confirm('ws1', DUTY.websiteBackup, '2026-11', 'snoozed', rome('2026-11-02T09:10'), {
      snoozedUntil: rome('2026-11-04T09:00'),
    });
    await afterConfirmation(deps, 'ws1', confirmation, rome('2026-11-02T09:10'));
    await tick(deps, rome('2026-11-03T09:00')); // the follow-up would be now, but it is snoozed
    expect(messenger.posts).toHaveLength(1);
    expect((await store.getWorkspace('ws1'))?.nextWakeAt?.toISOString()).toBe(rome('2026-11-04T09:00').toISOString());
    await tick(deps, rome('2026-11-04T09:00'));
    expect(messenger.posts).toHaveLength(2);
    expect(messenger.posts[1]?.deliveryKey).toBe(
      `${reminderKey('ws1', DUTY.websiteBackup, '2026-11')}|snooze-${confirmation.seq}`,
    );
    expect(reminderViewOf(1).headline).toMatch(/^Back from snooze — /);
    await tick(deps, rome('2026-11-04T12:00'));
    expect(messenger.posts).toHaveLength(2);
    await tick(deps, rome('2026-11-05T09:00')); // one working day after the snooze ended: follow-up
    expect(messenger.posts.map((p) => p.message.kind)).toEqual(['reminder', 'reminder', 'followup']);
  });

  it('touches only the workspaces that are due', async () => {
    const later = backupOnlySettings({ reminder_time: '15:00' });
    for (let i = 0; i < 30; i++) await workspace(`quiet-${i}`, later, rome('2026-10-31T12:00'));
    await workspace('due', backupOnlySettings(), rome('2026-10-31T12:00'));
    const report = await tick(depsFor(store, knowledge, messenger), rome('2026-11-02T11:00'));
    // The quiet ones remind at 15:00: their wake-up has not come, so the tick does not read them.
    expect(report.workspaces).toBe(1);
    expect(messenger.keys()).toEqual([reminderKey('due', DUTY.websiteBackup, '2026-11')]);
  });
});
