import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  channelOf,
  confirmTarget,
  dutyStatus,
  ownersOf,
  type WorkspaceSnapshot,
  workspaceStatuses,
} from '../src/occurrences/index.js';
import { defaultSettings, type WorkspaceSettings } from '../src/settings/schema.js';
import type { ConfirmationRow } from '../src/store/types.js';
import { mentionedUserIds } from '../src/views/mentions.js';
import { homeView, pendingView, reminderView } from '../src/views/occurrence-views.js';
import type { ConfirmationStatus } from '../src/views/types.js';
import { DUTY, dutyOf, testKnowledge } from './support/scheduler-knowledge.js';

const knowledge = testKnowledge();
const rome = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Rome' }).toJSDate();

let seq = 0;
function confirmation(
  dutyId: string,
  occurrence: string,
  status: ConfirmationStatus,
  extra: Partial<ConfirmationRow> = {},
): ConfirmationRow {
  seq++;
  return {
    workspaceId: 'ws1',
    dutyId,
    occurrence,
    status,
    by: 'U-ANNA',
    at: rome('2026-11-10T10:00'),
    note: null,
    evidenceUrl: null,
    reason: status === 'skipped' ? 'site offline this month' : null,
    snoozedUntil: null,
    seq,
    hash: `h${seq}`,
    ...extra,
  };
}

function snapshot(confirmations: ConfirmationRow[] = [], settings: Partial<WorkspaceSettings> = {}): WorkspaceSnapshot {
  return {
    workspace: {
      id: 'ws1',
      platform: 'local',
      settings: defaultSettings(settings),
      homeChannel: 'C-HOME',
      nextWakeAt: null,
      createdAt: rome('2026-09-01T00:00'),
    },
    knowledge,
    confirmations,
  };
}

const backup = dutyOf(knowledge, DUTY.websiteBackup);
const daily = dutyOf(knowledge, DUTY.checkResults);

describe('duty status from the ledger', () => {
  it('is due in the current period and counts earlier unconfirmed occurrences since creation', () => {
    const status = dutyStatus(snapshot(), backup, rome('2026-11-10T12:00'));
    expect(status).toMatchObject({ state: 'due', missedBefore: 2 });
    expect(status?.occurrence.key).toBe('2026-11');
    const confirmedOctober = snapshot([confirmation(backup.id, '2026-10', 'done')]);
    expect(dutyStatus(confirmedOctober, backup, rome('2026-11-10T12:00'))?.missedBefore).toBe(1);
  });

  it('keeps Friday current (overdue) over the weekend until Monday falls due', () => {
    const saturday = dutyStatus(snapshot(), daily, rome('2026-11-28T10:00'));
    expect(saturday).toMatchObject({ state: 'overdue' });
    expect(saturday?.occurrence.key).toBe('2026-11-27');
    expect(dutyStatus(snapshot(), daily, rome('2026-11-30T08:59'))?.occurrence.key).toBe('2026-11-27');
    expect(dutyStatus(snapshot(), daily, rome('2026-11-30T09:00'))).toMatchObject({ state: 'due' });
  });

  it('is done or skipped once confirmed, and snoozed until the snooze ends', () => {
    expect(
      dutyStatus(snapshot([confirmation(backup.id, '2026-11', 'done')]), backup, rome('2026-11-20T12:00'))?.state,
    ).toBe('done');
    expect(
      dutyStatus(snapshot([confirmation(backup.id, '2026-11', 'skipped')]), backup, rome('2026-11-20T12:00'))?.state,
    ).toBe('skipped');
    const snoozed = snapshot([
      confirmation(backup.id, '2026-11', 'snoozed', { snoozedUntil: rome('2026-11-10T15:00') }),
    ]);
    expect(dutyStatus(snoozed, backup, rome('2026-11-10T12:00'))?.state).toBe('snoozed');
    const back = dutyStatus(snoozed, backup, rome('2026-11-10T16:00'));
    expect(back?.state).toBe('due');
    expect(back?.dueSince.toISOString()).toBe(rome('2026-11-10T15:00').toISOString());
  });

  it('uses the latest confirmation of an occurrence (a snooze after a done reopens nothing it did not close)', () => {
    const rows = [
      confirmation(backup.id, '2026-11', 'snoozed', { snoozedUntil: rome('2026-11-11T09:00') }),
      confirmation(backup.id, '2026-11', 'done'),
    ];
    expect(dutyStatus(snapshot(rows.reverse()), backup, rome('2026-11-10T12:00'))?.state).toBe('done');
  });

  it('resolves owners (duty > service > fallback) and channels (service > default > home)', () => {
    const settings = defaultSettings({
      owners: { by_duty: { [backup.id]: ['U-DUTY'] }, by_service: { rocketweb: ['U-SVC'] }, fallback: ['U-FB'] },
      channels: { '1backup': 'C-BACKUP' },
    });
    expect(ownersOf(backup, settings.owners)).toEqual(['U-DUTY']);
    expect(ownersOf(dutyOf(knowledge, DUTY.passwords), settings.owners)).toEqual(['U-SVC']);
    expect(ownersOf(daily, settings.owners)).toEqual(['U-FB']);
    expect(channelOf(daily, settings, 'C-HOME')).toBe('C-BACKUP');
    expect(channelOf(backup, settings, 'C-HOME')).toBe('C-HOME');
    expect(channelOf(backup, defaultSettings({ default_channel: 'C-DEF' }), 'C-HOME')).toBe('C-DEF');
  });
});

describe('which occurrence a confirmation closes', () => {
  it('is the current open one when none is named', () => {
    const target = confirmTarget(snapshot(), backup, null, rome('2026-11-10T12:00'));
    expect(target.ok && target.status.occurrence.key).toBe('2026-11');
  });

  it('refuses the next one when the current is already closed, saying when it falls due and who closed it', () => {
    const closed = snapshot([confirmation(backup.id, '2026-11', 'done')]);
    const target = confirmTarget(closed, backup, null, rome('2026-11-20T12:00'));
    expect(target).toMatchObject({ ok: false, reason: 'not_due_yet' });
    if (target.ok || target.reason !== 'not_due_yet') throw new Error('unexpected');
    expect(target.occurrence.key).toBe('2026-12');
    expect(target.dueAt.toISOString()).toBe(rome('2026-12-01T09:00').toISOString());
    expect(target.closedBy?.by).toBe('U-ANNA');
  });

  it('accepts a named past occurrence, refuses a future one, a malformed one and an unscheduled duty', () => {
    const now = rome('2026-11-20T12:00');
    const past = confirmTarget(snapshot(), backup, '2026-10', now);
    expect(past.ok && past.status.state).toBe('overdue');
    expect(confirmTarget(snapshot(), backup, '2027-01', now)).toMatchObject({ ok: false, reason: 'not_due_yet' });
    expect(confirmTarget(snapshot(), backup, '2026-W47', now)).toMatchObject({
      ok: false,
      reason: 'unknown_occurrence',
      example: '2026-11',
    });
    expect(confirmTarget(snapshot(), dutyOf(knowledge, DUTY.reportIncident), null, now)).toMatchObject({
      ok: false,
      reason: 'not_scheduled',
      why: 'not_periodic',
    });
  });
});

describe('occurrence views', () => {
  const now = rome('2026-11-10T12:00');

  it('addresses the owners with mention tokens and notes missed occurrences', () => {
    const snap = snapshot([], {
      owners: { by_duty: {}, by_service: { rocketweb: ['U-ANNA', 'U-MARCO'] }, fallback: [] },
    });
    const status = dutyStatus(snap, backup, now)!;
    const view = reminderView('reminder', 'ws1', status, knowledge, 'en', 'Europe/Rome');
    expect(mentionedUserIds(view.headline)).toEqual(['U-ANNA', 'U-MARCO']);
    expect(view.headline).toContain('“Website backup” is due for November 2026 (by Mon 30 Nov)');
    expect(view.headline).toContain('2 earlier occurrences were missed.');
    expect(view.snoozeOptions.map((o) => o.id)).toEqual(['1h', 'tomorrow', 'next-week']);
    expect(view.source.label).toBe('CoreTech GDPR V.1, 16/04/2020 — RocketWeb - Web Hosting, Customer');
    expect(view.closedBy).toBeNull();
    expect(view.occurrence).toMatchObject({ occurrence: '2026-11', periodLabel: 'November 2026', state: 'due' });
  });

  it('speaks Italian, addresses the channel when nobody is assigned, and shows the translation', () => {
    const status = dutyStatus(snapshot(), backup, now)!;
    const view = reminderView('reminder', 'ws1', status, knowledge, 'it', 'Europe/Rome');
    expect(view.headline).toMatch(
      /^A tutto il canale: «Backup del sito» è da fare per novembre 2026 \(entro lun 30 nov\)\./,
    );
    expect(view.headline).toContain('2 scadenze precedenti non sono state confermate.');
    expect(view.translation).toBe(backup.text_it);
    expect(view.snoozeOptions.map((o) => o.label)).toEqual(['Tra 1 ora', 'Domani', 'La prossima settimana']);
  });

  it('says a caught-up reminder is overdue rather than due', () => {
    const status = dutyStatus(snapshot(), daily, rome('2026-11-28T10:00'))!;
    const view = reminderView('reminder', 'ws1', status, knowledge, 'en', 'Europe/Rome');
    expect(view.headline).toContain(
      '“Check backup results” for Friday 27 November 2026 is overdue (deadline Fri 27 Nov).',
    );
    expect(reminderView('reminder', 'ws1', status, knowledge, 'it', 'Europe/Rome').headline).toContain(
      '«Controllare esiti backup» per venerdì 27 novembre 2026 è in ritardo (scadenza ven 27 nov).',
    );
  });

  it('renders the closed form without buttons once confirmed', () => {
    const status = dutyStatus(snapshot([confirmation(backup.id, '2026-11', 'done')]), backup, now)!;
    const view = reminderView('reminder', 'ws1', status, knowledge, 'en', 'Europe/Rome');
    expect(view.closedBy).toMatchObject({ status: 'done', by: 'U-ANNA', occurrence: '2026-11' });
    expect(view.snoozeOptions).toEqual([]);
    expect(view.headline).toContain('done by {{user:U-ANNA}}');
  });

  it('shows a user their own and unassigned duties at home, urgent first', () => {
    const snap = snapshot([confirmation(DUTY.restoreTest, '2026-Q4', 'done')], {
      owners: { by_duty: { [DUTY.weeklyReview]: ['U-OTHER'] }, by_service: { rocketweb: ['U-ANNA'] }, fallback: [] },
    });
    const statuses = workspaceStatuses(snap, rome('2026-11-28T10:00'));
    const home = homeView(statuses, 'U-ANNA', 'en', rome('2026-11-28T10:00'), null);
    const ids = (list: { duty: { id: string } }[]) => list.map((o) => o.duty.id);
    expect(ids(home.overdue)).toContain(DUTY.checkResults); // Friday's daily, unassigned
    expect(ids(home.due)).toEqual(expect.arrayContaining([DUTY.websiteBackup, DUTY.passwords]));
    expect([...ids(home.overdue), ...ids(home.due), ...ids(home.upcoming)]).not.toContain(DUTY.weeklyReview);
    expect(ids(home.upcoming)).not.toContain(DUTY.restoreTest); // next quarter is more than a month away
    const pending = pendingView(statuses, 'en', { userId: 'U-OTHER' });
    expect(pending.items.map((i) => i.duty.id)).toContain(DUTY.weeklyReview);
    expect(pending.items.map((i) => i.duty.id)).not.toContain(DUTY.websiteBackup);
    expect(pending.title).toMatch(/^Your duties: \d+ open\.$/);
    expect(pendingView(statuses, 'it', { all: true }).title).toMatch(/^Adempimenti del workspace: \d+ da fare\.$/);
  });
});
