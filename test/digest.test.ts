import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigestNow, recomputeWake, tick } from '../src/scheduler/index.js';
import { defaultSettings, type WorkspaceSettings } from '../src/settings/schema.js';
import type { NewConfirmation, Store } from '../src/store/types.js';
import type { DigestView } from '../src/views/types.js';
import { DUTY, testKnowledge } from './support/scheduler-knowledge.js';
import { RecordingMessenger } from './support/scheduler-messenger.js';
import { depsFor, openStore, rome } from './support/scheduler-setup.js';

const knowledge = testKnowledge();

describe('digests', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let messenger: RecordingMessenger;

  beforeEach(async () => {
    ({ store, cleanup } = await openStore('sqlite'));
    messenger = new RecordingMessenger();
  });
  afterEach(async () => cleanup());

  const settings = (extra: Partial<WorkspaceSettings> = {}) =>
    defaultSettings({ services: ['rocketweb', '1backup'], channels: { '1backup': 'C-BACKUP' }, ...extra });

  async function setup(extra: Partial<WorkspaceSettings> = {}) {
    await store.createWorkspace(
      { id: 'ws1', platform: 'local', settings: settings(extra), homeChannel: 'C-HOME' },
      'installer',
      rome('2026-10-31T12:00'),
    );
    await recomputeWake(depsFor(store, knowledge, messenger), 'ws1', rome('2026-10-31T12:00'));
  }

  function confirm(dutyId: string, occurrence: string, status: NewConfirmation['status'], at: Date) {
    return store.appendConfirmation({
      workspaceId: 'ws1',
      dutyId,
      occurrence,
      status,
      by: 'U-ANNA',
      at,
      note: status === 'done' ? 'all good' : null,
      evidenceUrl: null,
      reason: status === 'skipped' ? 'restore tested by CoreTech this quarter' : null,
      snoozedUntil: null,
      idempotencyKey: `${dutyId}|${occurrence}|${at.toISOString()}`,
    });
  }

  const ids = (list: { duty: { id: string } }[]) => list.map((o) => o.duty.id).sort();

  it('sends one digest per channel on the digest day, each about its own duties', async () => {
    await setup();
    await confirm(DUTY.websiteBackup, '2026-11', 'done', rome('2026-11-03T10:00'));
    await confirm(DUTY.restoreTest, '2026-Q4', 'skipped', rome('2026-11-05T10:00'));
    await tick(depsFor(store, knowledge, messenger), rome('2026-11-09T09:00'));

    const digests = new Map(
      messenger.byKind('digest').map((p) => [p.channel, (p.message as { view: DigestView }).view]),
    );
    expect([...digests.keys()].sort()).toEqual(['C-BACKUP', 'C-HOME']);

    const backup = digests.get('C-BACKUP')!;
    expect(backup.title).toBe('GDPR duties digest — week 46, 2026');
    expect(backup.overdue).toEqual([]);
    expect(ids(backup.dueToday)).toEqual([DUTY.checkResults, DUTY.configurePolicy, DUTY.weeklyReview].sort());
    expect(backup.doneSinceLast.map((c) => [c.dutyId, c.status])).toEqual([[DUTY.restoreTest, 'skipped']]);
    // Digests list several duties: each confirmation carries its duty's title for display.
    expect(backup.doneSinceLast[0]?.dutyTitle).toEqual(expect.any(String));
    expect(backup.doneSinceLast[0]?.dutyTitle).not.toBe(DUTY.restoreTest);
    expect(backup.services).toEqual([
      // Since the workspace was created: Mon–Fri daily checks of last week (5) and week 45's two weeklies.
      {
        service: '1backup',
        serviceName: '1Backup',
        status: 'due',
        line: '1Backup: 3 due, 7 earlier occurrences missed.',
      },
    ]);

    const home = digests.get('C-HOME')!;
    expect(ids(home.dueToday)).toEqual([DUTY.passwords]);
    expect(home.doneSinceLast.map((c) => c.dutyId)).toEqual([DUTY.websiteBackup]);
    expect(home.services.map((s) => s.line)).toEqual(['RocketWeb - Web Hosting: 1 due.']);
  });

  it('counts "done since the last digest" from when the previous digest went out', async () => {
    await setup();
    const deps = depsFor(store, knowledge, messenger);
    await confirm(DUTY.websiteBackup, '2026-11', 'done', rome('2026-11-03T10:00'));
    await tick(deps, rome('2026-11-09T09:00'));
    await confirm(DUTY.passwords, '2026-Q4', 'done', rome('2026-11-10T10:00'));
    await tick(deps, rome('2026-11-16T09:00'));
    const homeDigests = messenger
      .byKind('digest')
      .filter((p) => p.channel === 'C-HOME')
      .map((p) => (p.message as { view: DigestView }).view);
    expect(homeDigests).toHaveLength(2);
    expect(homeDigests[1]?.doneSinceLast.map((c) => c.dutyId)).toEqual([DUTY.passwords]);
    expect(homeDigests[1]?.services[0]).toMatchObject({
      status: 'ok',
      line: 'RocketWeb - Web Hosting: all in order (2/2 confirmed).',
    });
  });

  it('lists overdue and upcoming items and speaks Italian on demand', async () => {
    await setup({ language: 'it' });
    await confirm(DUTY.weeklyReview, '2026-W45', 'done', rome('2026-11-02T10:00'));
    const digest = await buildDigestNow(depsFor(store, knowledge, messenger), 'ws1', null, rome('2026-11-07T10:00'));
    expect(digest.title).toBe('Riepilogo adempimenti GDPR — settimana 45, 2026');
    expect(digest.channel).toBeNull();
    // Saturday: Friday's daily check and this week's open weekly are past their deadline.
    expect(ids(digest.overdue)).toEqual([DUTY.checkResults, DUTY.configurePolicy].sort());
    expect(ids(digest.dueToday)).toEqual([DUTY.passwords, DUTY.restoreTest, DUTY.websiteBackup].sort());
    expect(digest.doneSinceLast.map((c) => c.dutyId)).toEqual([DUTY.weeklyReview]);
    expect(digest.services.map((s) => s.line)).toEqual([
      'RocketWeb - Web Hosting: 2 da fare.',
      // Mon–Thu daily checks were never confirmed (Friday's is the current, overdue one).
      '1Backup: 2 in ritardo, 1 da fare, 4 scadenze precedenti mancate.',
    ]);
    // Mid-week, with today's daily check done, tomorrow's is upcoming (one line per duty).
    await confirm(DUTY.checkResults, '2026-11-04', 'done', rome('2026-11-04T10:00'));
    const midweek = await buildDigestNow(
      depsFor(store, knowledge, messenger),
      'ws1',
      'C-BACKUP',
      rome('2026-11-04T12:00'),
    );
    expect(midweek.upcoming.map((o) => [o.duty.id, o.occurrence])).toEqual([[DUTY.checkResults, '2026-11-05']]);
    expect(ids(midweek.dueToday)).toEqual([DUTY.configurePolicy, DUTY.restoreTest]);
  });

  it('moves the digest off a holiday to the next working day of the week, and sends nothing when disabled', async () => {
    await setup({ holidays: ['2026-11-09'] });
    const deps = depsFor(store, knowledge, messenger);
    await tick(deps, rome('2026-11-09T09:00'));
    expect(messenger.byKind('digest')).toHaveLength(0);
    await tick(deps, rome('2026-11-10T09:00'));
    expect(
      messenger
        .byKind('digest')
        .map((p) => p.deliveryKey)
        .sort(),
    ).toEqual(['ws1|digest|C-BACKUP|2026-W46', 'ws1|digest|C-HOME|2026-W46']);
  });
});
