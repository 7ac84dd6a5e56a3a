import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type WorkspaceSettings } from '../src/settings/schema.js';
import { createStore, type SqlStore, UnknownDeliveryError, UnknownWorkspaceError } from '../src/store/create-store.js';
import { OccurrenceClosedError } from '../src/store/errors.js';
import type { NewConfirmation, NewDelivery } from '../src/store/types.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';

const T0 = new Date('2026-03-02T08:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function confirmation(overrides: Partial<NewConfirmation> = {}): NewConfirmation {
  return {
    workspaceId: 'ws1',
    dutyId: 'backup.restore-test',
    occurrence: '2026-03',
    status: 'done',
    by: 'U123',
    at: T0,
    note: 'restored the 1 March backup to staging',
    evidenceUrl: 'https://tickets.example.test/OPS-42',
    reason: null,
    snoozedUntil: null,
    idempotencyKey: 'evt-1',
    ...overrides,
  };
}

function delivery(key: string, overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    key,
    workspaceId: 'ws1',
    kind: 'reminder',
    dutyId: 'backup.restore-test',
    occurrence: '2026-03',
    channel: 'C1',
    payload: { text: `reminder ${key}` },
    createdAt: T0,
    notBefore: T0,
    ...overrides,
  };
}

describe.each(STORE_BACKENDS)('store on $name', ({ make }) => {
  let backend: StoreBackend;
  const open: SqlStore[] = [];

  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  async function storeAt(url: string): Promise<SqlStore> {
    const store = await createStore(url);
    open.push(store);
    return store;
  }

  /** A fresh database with workspace ws1 created at T0. */
  async function freshStore(): Promise<{ store: SqlStore; url: string }> {
    const url = await backend.fresh();
    const store = await storeAt(url);
    await store.createWorkspace(
      { id: 'ws1', platform: 'slack', settings: defaultSettings(), homeChannel: 'C-home' },
      'U-installer',
      T0,
    );
    return { store, url };
  }

  describe('workspaces and settings', () => {
    it('creates a workspace once, with its first audit entry', async () => {
      const { store } = await freshStore();
      expect(store.dialect).toBe(backend.name);
      const again = await store.createWorkspace(
        { id: 'ws1', platform: 'slack', settings: defaultSettings({ language: 'it' }), homeChannel: 'C-other' },
        'U-someone',
        minutes(5),
      );
      expect(again).toBe(false);
      const row = await store.getWorkspace('ws1');
      expect(row).toMatchObject({ id: 'ws1', platform: 'slack', homeChannel: 'C-home', nextWakeAt: null });
      expect(row?.createdAt.toISOString()).toBe(T0.toISOString());
      expect(row?.settings).toEqual(defaultSettings());
      const entries = await store.ledgerEntries('ws1');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        seq: 1,
        kind: 'workspace.created',
        actor: 'U-installer',
        prevHash: '0'.repeat(64),
      });
      expect(entries[0]?.payload).toMatchObject({ platform: 'slack', homeChannel: 'C-home' });
      expect(await store.getWorkspace('nope')).toBeNull();
    });

    it('saves settings and their audit entry together', async () => {
      const { store } = await freshStore();
      const settings: WorkspaceSettings = defaultSettings({ language: 'it', timezone: 'Europe/Rome', admins: ['U9'] });
      const entry = await store.saveSettings('ws1', settings, {
        kind: 'settings.changed',
        actor: 'U9',
        at: minutes(10),
        payload: { changed: ['language', 'admins'] },
      });
      expect(entry).toMatchObject({ seq: 2, kind: 'settings.changed', actor: 'U9' });
      expect((await store.getWorkspace('ws1'))?.settings.language).toBe('it');
      const entries = await store.ledgerEntries('ws1');
      expect(entries.map((e) => e.kind)).toEqual(['workspace.created', 'settings.changed']);
      expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
      expect(await store.ledgerHead('ws1')).toEqual({ seq: 2, hash: entry.hash });
    });

    it('rejects invalid settings and unknown workspaces without writing anything', async () => {
      const { store } = await freshStore();
      const bad = { ...defaultSettings(), timezone: 'Mars/Olympus' } as WorkspaceSettings;
      await expect(
        store.saveSettings('ws1', bad, { kind: 'settings.changed', actor: 'U9', at: T0, payload: {} }),
      ).rejects.toThrow(/ws1.*invalid.*IANA/s);
      await expect(
        store.saveSettings('ghost', defaultSettings(), { kind: 'settings.changed', actor: 'U9', at: T0, payload: {} }),
      ).rejects.toThrow(UnknownWorkspaceError);
      await expect(store.setNextWake('ghost', T0)).rejects.toThrow(/ghost/);
      expect(await store.ledgerEntries('ws1')).toHaveLength(1);
    });

    it('fails loudly, naming the workspace, when a stored settings row is corrupt', async () => {
      const { url } = await freshStore();
      await backend.sql(url, 'update workspaces set settings = ? where id = ?', ['{"language":"fr"}', 'ws1']);
      const store = await storeAt(url);
      await expect(store.getWorkspace('ws1')).rejects.toThrow(/workspace "ws1".*invalid[\s\S]*language/);
      await backend.sql(url, 'update workspaces set settings = ? where id = ?', ['{not json', 'ws1']);
      await expect(store.getWorkspace('ws1')).rejects.toThrow(/workspace "ws1".*not valid JSON/);
    });

    it('lists due workspaces by wake time, up to the limit, skipping unscheduled ones', async () => {
      const { store } = await freshStore();
      for (const id of ['a', 'b', 'c', 'd']) {
        await store.createWorkspace({ id, platform: 'teams', settings: defaultSettings(), homeChannel: null }, 'x', T0);
      }
      await store.setNextWake('a', minutes(30));
      await store.setNextWake('b', minutes(10));
      await store.setNextWake('c', minutes(90)); // not due yet
      await store.setNextWake('ws1', minutes(20));
      await store.setNextWake('d', minutes(5));
      await store.setNextWake('d', null); // unscheduled again
      const due = await store.dueWorkspaces(minutes(60), 10);
      expect(due.map((w) => w.id)).toEqual(['b', 'ws1', 'a']);
      expect(due[0]?.nextWakeAt?.toISOString()).toBe(minutes(10).toISOString());
      expect((await store.dueWorkspaces(minutes(60), 2)).map((w) => w.id)).toEqual(['b', 'ws1']);
      expect(await store.dueWorkspaces(minutes(0), 10)).toEqual([]);
    });

    it('answers dueWorkspaces from the next_wake_at index', async () => {
      const { url } = await freshStore();
      const query = 'select * from workspaces where next_wake_at <= 1000 order by next_wake_at limit 10';
      if (backend.name === 'sqlite') {
        const plan = await backend.sql<{ detail: string }>(url, `explain query plan ${query}`);
        expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING INDEX workspaces_next_wake_at/);
      } else {
        // A tiny table would be seq-scanned anyway; forbid that to prove the index is usable.
        const plan = await backend.session<{ 'QUERY PLAN': string }>(url, [
          'set enable_seqscan = off',
          `explain ${query}`,
        ]);
        expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Index Scan using workspaces_next_wake_at/);
      }
    });
  });

  describe('ledger', () => {
    it('appends a confirmation with its audit entry and returns it', async () => {
      const { store } = await freshStore();
      const { confirmation: row, duplicate } = await store.appendConfirmation(confirmation());
      expect(duplicate).toBe(false);
      expect(row).toMatchObject({
        workspaceId: 'ws1',
        dutyId: 'backup.restore-test',
        status: 'done',
        by: 'U123',
        seq: 2,
      });
      const entries = await store.ledgerEntries('ws1');
      expect(entries[1]).toMatchObject({ seq: 2, kind: 'confirmation', actor: 'U123', hash: row.hash });
      expect(entries[1]?.payload).toEqual({
        dutyId: 'backup.restore-test',
        occurrence: '2026-03',
        status: 'done',
        note: 'restored the 1 March backup to staging',
        evidenceUrl: 'https://tickets.example.test/OPS-42',
        reason: null,
        snoozedUntil: null,
        by: 'U123',
      });
    });

    it('treats a repeated idempotency key as a no-op returning the first entry', async () => {
      const { store } = await freshStore();
      const first = await store.appendConfirmation(confirmation());
      const again = await store.appendConfirmation(confirmation({ note: 'changed my mind', at: minutes(1) }));
      expect(again.duplicate).toBe(true);
      expect(again.confirmation).toEqual(first.confirmation);
      expect(await store.ledgerEntries('ws1')).toHaveLength(2);
    });

    it('writes exactly one entry when two replicas receive the same submission at once', async () => {
      const { url } = await freshStore();
      const replicaA = await storeAt(url);
      const replicaB = await storeAt(url);
      const attempts = Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? replicaA : replicaB).appendConfirmation(confirmation({ idempotencyKey: 'slack-evt-777' })),
      );
      const results = await Promise.all(attempts);
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.confirmation.hash)).size).toBe(1);
      expect(await replicaA.ledgerEntries('ws1')).toHaveLength(2);
      expect((await replicaA.verifyLedger('ws1')).ok).toBe(true);
    });

    it('never forks the chain when replicas append different entries concurrently', async () => {
      const { url } = await freshStore();
      const replicas = [await storeAt(url), await storeAt(url), await storeAt(url)];
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          replicas[i % 3]!.appendConfirmation(
            confirmation({
              idempotencyKey: `evt-${i}`,
              dutyId: `duty-${i % 3}`,
              occurrence: `2026-${String((i % 10) + 1).padStart(2, '0')}`,
            }),
          ),
        ),
      );
      const entries = await replicas[0]!.ledgerEntries('ws1');
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
      expect(await replicas[1]!.verifyLedger('ws1')).toEqual({ ok: true, checked: 31, problems: [] });
    });

    it('keeps the latest confirmation per duty and occurrence, history and recent ones', async () => {
      const { store } = await freshStore();
      await store.appendConfirmation(
        confirmation({
          idempotencyKey: 'k1',
          status: 'snoozed',
          at: minutes(1),
          snoozedUntil: minutes(60 * 24),
          note: null,
          evidenceUrl: null,
        }),
      );
      await store.appendConfirmation(confirmation({ idempotencyKey: 'k2', at: minutes(2) }));
      await store.appendConfirmation(
        confirmation({
          idempotencyKey: 'k3',
          occurrence: '2026-02',
          status: 'skipped',
          reason: 'holiday',
          at: minutes(3),
        }),
      );
      await store.appendConfirmation(
        confirmation({ idempotencyKey: 'k4', dutyId: 'access.review', occurrence: '2026-Q1', at: minutes(4) }),
      );

      const latest = await store.latestConfirmations('ws1');
      expect(latest.map((c) => [c.dutyId, c.occurrence, c.status])).toEqual([
        ['backup.restore-test', '2026-03', 'done'],
        ['backup.restore-test', '2026-02', 'skipped'],
        ['access.review', '2026-Q1', 'done'],
      ]);
      const onlyAccess = await store.latestConfirmations('ws1', ['access.review']);
      expect(onlyAccess.map((c) => c.dutyId)).toEqual(['access.review']);
      expect(await store.latestConfirmations('ws1', [])).toEqual([]);
      expect(await store.latestConfirmations('other-ws')).toEqual([]);

      const history = await store.history('ws1', 'backup.restore-test', 2);
      expect(history.map((c) => c.seq)).toEqual([4, 3]);
      const snoozed = (await store.history('ws1', 'backup.restore-test', 10)).at(-1);
      expect(snoozed?.snoozedUntil?.toISOString()).toBe(minutes(60 * 24).toISOString());

      const since = await store.confirmationsSince('ws1', minutes(3));
      expect(since.map((c) => c.seq)).toEqual([4, 5]);
    });

    it('refuses a confirmation for an unknown workspace or with a bad status', async () => {
      const { store } = await freshStore();
      await expect(store.appendConfirmation(confirmation({ workspaceId: 'ghost' }))).rejects.toThrow(
        UnknownWorkspaceError,
      );
      await expect(
        store.appendConfirmation(confirmation({ status: 'finished' as NewConfirmation['status'] })),
      ).rejects.toThrow(/unknown confirmation status "finished"/);
      await expect(store.appendConfirmation(confirmation({ idempotencyKey: '' }))).rejects.toThrow(/idempotency/);
      expect(await store.ledgerEntries('ws1')).toHaveLength(1);
    });
  });

  describe('one closing per occurrence', () => {
    it('lets exactly one of concurrent Done and Skip from two store instances close an occurrence', async () => {
      const { url } = await freshStore();
      const replicaA = await storeAt(url);
      const replicaB = await storeAt(url);
      const attempts = Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? replicaA : replicaB)
          .appendConfirmation(
            confirmation({
              idempotencyKey: `click-${i}`,
              by: i % 2 === 0 ? 'U-alice' : 'U-bob',
              status: i % 3 === 0 ? 'skipped' : 'done',
              reason: i % 3 === 0 ? 'holiday' : null,
            }),
          )
          .then(
            (result) => ({ written: result, error: null }),
            (error: unknown) => ({ written: null, error }),
          ),
      );
      const results = await Promise.all(attempts);
      const written = results.filter((r) => r.written && !r.written.duplicate);
      expect(written).toHaveLength(1);
      const winner = written[0]!.written!.confirmation;
      const losers = results.filter((r) => r.error);
      expect(losers).toHaveLength(9);
      for (const loser of losers) {
        expect(loser.error).toBeInstanceOf(OccurrenceClosedError);
        // The loser is told who closed it and when.
        expect((loser.error as OccurrenceClosedError).closedBy).toMatchObject({
          by: winner.by,
          status: winner.status,
          seq: winner.seq,
          at: winner.at,
        });
      }
      expect(await replicaA.ledgerEntries('ws1')).toHaveLength(2);
      expect(await replicaB.history('ws1', 'backup.restore-test', 10)).toHaveLength(1);
      expect((await replicaA.verifyLedger('ws1')).ok).toBe(true);
    });

    it('refuses a later closing or snooze of a closed occurrence and writes nothing', async () => {
      const { store } = await freshStore();
      await store.appendConfirmation(confirmation());
      const head = await store.ledgerHead('ws1');
      for (const late of [
        confirmation({ idempotencyKey: 'stale-card', status: 'skipped', reason: 'never happened', by: 'U-mallory' }),
        confirmation({ idempotencyKey: 'snooze', status: 'snoozed', snoozedUntil: minutes(60) }),
      ]) {
        await expect(store.appendConfirmation(late)).rejects.toThrow(OccurrenceClosedError);
      }
      expect(await store.ledgerHead('ws1')).toEqual(head);
      // Another occurrence of the same duty is independent.
      const other = await store.appendConfirmation(confirmation({ idempotencyKey: 'feb', occurrence: '2026-02' }));
      expect(other.duplicate).toBe(false);
    });

    it('reopens a closed occurrence with a chained entry, after which it can be closed again', async () => {
      const { store } = await freshStore();
      expect(
        await store.reopenOccurrence({
          workspaceId: 'ws1',
          dutyId: 'backup.restore-test',
          occurrence: '2026-03',
          by: 'U-admin',
          at: minutes(1),
          reason: 'not closed yet',
          idempotencyKey: 'r0',
        }),
      ).toBeNull();
      expect(await store.ledgerEntries('ws1')).toHaveLength(1);
      await store.appendConfirmation(confirmation());
      const reopened = await store.reopenOccurrence({
        workspaceId: 'ws1',
        dutyId: 'backup.restore-test',
        occurrence: '2026-03',
        by: 'U-admin',
        at: minutes(2),
        reason: 'recorded by mistake',
        idempotencyKey: 'r1',
      });
      expect(reopened).toMatchObject({ status: 'reopened', reason: 'recorded by mistake', by: 'U-admin', seq: 3 });
      const [entry] = await store.ledgerWindow('ws1', 3, 3);
      expect(entry).toMatchObject({ kind: 'reopen', actor: 'U-admin' });
      expect(entry?.payload).toMatchObject({ status: 'reopened', reopens: 2, occurrence: '2026-03' });
      const again = await store.appendConfirmation(
        confirmation({ idempotencyKey: 'redo', status: 'skipped', reason: 'site frozen', at: minutes(3) }),
      );
      expect(again).toMatchObject({ duplicate: false, confirmation: { status: 'skipped', seq: 4 } });
      const latest = await store.latestConfirmations('ws1');
      expect(latest.map((c) => c.status)).toEqual(['skipped']);
      expect((await store.verifyLedger('ws1')).ok).toBe(true);
    });

    it('records a backfill in the row and in the chained payload', async () => {
      const { store } = await freshStore();
      const { confirmation: row } = await store.appendConfirmation(
        confirmation({ occurrence: '2025-10', backfill: true, reason: 'from the paper log', note: null }),
      );
      expect(row.backfill).toBe(true);
      expect((await store.history('ws1', 'backup.restore-test', 1))[0]?.backfill).toBe(true);
      const [entry] = await store.ledgerWindow('ws1', 2, 2);
      expect(entry?.payload).toMatchObject({ backfill: true, reason: 'from the paper log' });
    });
  });

  describe('audit chain verification', () => {
    /** ws1 with entries #1 (created) … #6 (5 confirmations). */
    async function chainOfSix(): Promise<{ store: SqlStore; url: string }> {
      const fresh = await freshStore();
      for (let i = 0; i < 5; i++) {
        // One closing per occurrence: each entry closes its own month.
        await fresh.store.appendConfirmation(
          confirmation({ idempotencyKey: `k${i}`, occurrence: `2026-0${i + 1}`, at: minutes(i + 1) }),
        );
      }
      return fresh;
    }

    it('passes an untouched chain', async () => {
      const { store } = await chainOfSix();
      expect(await store.verifyLedger('ws1')).toEqual({ ok: true, checked: 6, problems: [] });
    });

    it('names an entry whose payload was edited in SQL', async () => {
      const { store, url } = await chainOfSix();
      const [row] = await backend.sql<{ payload: string }>(
        url,
        'select payload from audit_log where workspace_id = ? and seq = 4',
        ['ws1'],
      );
      const forged = row!.payload.replace('"done"', '"skipped"');
      await backend.sql(url, 'update audit_log set payload = ? where workspace_id = ? and seq = 4', [forged, 'ws1']);
      expect(await store.verifyLedger('ws1')).toEqual({
        ok: false,
        checked: 6,
        problems: ['entry #4 was edited (hash mismatch)'],
      });
    });

    it('names a confirmation row edited in SQL behind an intact chain (seen: "skipped" shown as "done by mallory")', async () => {
      const { store, url } = await chainOfSix();
      await store.appendConfirmation(
        confirmation({
          idempotencyKey: 'skip-1',
          occurrence: '2026-07',
          status: 'skipped',
          reason: 'holiday',
          note: null,
        }),
      );
      expect((await store.verifyLedger('ws1')).ok).toBe(true);
      await backend.sql(
        url,
        "update confirmations set status = 'done', confirmed_by = 'mallory', reason = null where workspace_id = ? and seq = 7",
        ['ws1'],
      );
      // What the bot shows now looks genuine (the row still carries the entry's hash)…
      expect((await store.history('ws1', 'backup.restore-test', 1))[0]).toMatchObject({
        status: 'done',
        by: 'mallory',
      });
      // …but verification holds the row against its chained entry and names the first mismatch.
      expect(await store.verifyLedger('ws1')).toEqual({
        ok: false,
        checked: 7,
        problems: [
          'confirmation row #7 does not match its chained entry (status: row says "done", entry says "skipped")',
        ],
      });
    });

    it('names a confirmation row deleted or added behind the ledger', async () => {
      const { store, url } = await chainOfSix();
      await backend.sql(url, 'delete from confirmations where workspace_id = ? and seq = 3', ['ws1']);
      await backend.sql(
        url,
        "insert into confirmations (workspace_id, seq, duty_id, occurrence, status, confirmed_by, at, hash, idempotency_key) values (?, 9, 'x.duty', '2026-09', 'done', 'mallory', ?, 'feed', 'forged')",
        ['ws1', T0.getTime()],
      );
      expect((await store.verifyLedger('ws1')).problems).toEqual([
        'the confirmation row of entry #3 is missing (deleted from what the bot shows)',
        'confirmation row #9 (x.duty 2026-09 done by mallory) was added outside the ledger (past the chain head)',
      ]);
    });

    it('names a deleted middle entry', async () => {
      const { store, url } = await chainOfSix();
      await backend.sql(url, 'delete from audit_log where workspace_id = ? and seq = 3', ['ws1']);
      const result = await store.verifyLedger('ws1');
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual(['entry #3 is missing (seq jumps 2→4)']);
    });

    it('detects a deleted tail through the chain head on the workspace row', async () => {
      const { store, url } = await chainOfSix();
      await backend.sql(url, 'delete from audit_log where workspace_id = ? and seq = 6', ['ws1']);
      expect((await store.verifyLedger('ws1')).problems).toEqual([
        'entry #6 was deleted (head says 6 entries, found 5)',
      ]);
      await backend.sql(url, 'delete from audit_log where workspace_id = ? and seq = 5', ['ws1']);
      expect((await store.verifyLedger('ws1')).problems).toEqual([
        'entries #5–#6 were deleted (head says 6 entries, found 4)',
      ]);
    });

    it('names two entries whose seq values were swapped', async () => {
      const { store, url } = await chainOfSix();
      await backend.sql(url, 'update audit_log set seq = -1 where workspace_id = ? and seq = 3', ['ws1']);
      await backend.sql(url, 'update audit_log set seq = 3 where workspace_id = ? and seq = 4', ['ws1']);
      await backend.sql(url, 'update audit_log set seq = 4 where workspace_id = ? and seq = -1', ['ws1']);
      expect((await store.verifyLedger('ws1')).problems).toEqual([
        'entries #3/#4 are out of order (prev_hash does not link)',
      ]);
    });

    it('names rows inserted behind the ledger, past the recorded head', async () => {
      const { store, url } = await chainOfSix();
      const [last] = await store.ledgerWindow('ws1', 6, 6);
      const { nextEntry } = await import('../src/ledger/chain.js');
      const forged = nextEntry(last!, { workspaceId: 'ws1', kind: 'confirmation', actor: 'U-x', at: T0, payload: {} });
      await backend.sql(
        url,
        'insert into audit_log (workspace_id, seq, kind, actor, at, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)',
        ['ws1', forged.seq, forged.kind, forged.actor, T0.getTime(), '{}', forged.prevHash, forged.hash],
      );
      expect((await store.verifyLedger('ws1')).problems).toEqual([
        'entries after #6 were added outside the ledger (head says 6 entries, found up to #7)',
      ]);
    });

    it('reports no false alarm while other replicas keep appending', async () => {
      const { store, url } = await chainOfSix();
      const writer = await storeAt(url);
      const appends = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          writer.appendConfirmation(confirmation({ idempotencyKey: `live-${i}`, dutyId: `live-duty-${i}` })),
        ),
      );
      const checks = await Promise.all(Array.from({ length: 5 }, () => store.verifyLedger('ws1')));
      await appends;
      for (const check of checks) expect(check.problems).toEqual([]);
      expect((await store.verifyLedger('ws1')).checked).toBe(26);
    });

    it('detects an entry rewritten with a recomputed hash by the broken link after it', async () => {
      const { store, url } = await chainOfSix();
      const { computeEntryHash } = await import('../src/ledger/chain.js');
      const [original] = await store.ledgerWindow('ws1', 3, 3);
      const forged = { ...original!, actor: 'U-impostor' };
      await backend.sql(url, 'update audit_log set actor = ?, hash = ? where workspace_id = ? and seq = 3', [
        forged.actor,
        computeEntryHash(forged),
        'ws1',
      ]);
      const result = await store.verifyLedger('ws1');
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toMatch(/^entries #3\/#4 do not link/);
    });
  });

  describe('outbox', () => {
    it('enqueues each key once and counts what was inserted', async () => {
      const { store } = await freshStore();
      expect(await store.enqueue([delivery('a'), delivery('b')])).toBe(2);
      expect(await store.enqueue([delivery('b'), delivery('c'), delivery('c')])).toBe(1);
      expect(await store.enqueue([])).toBe(0);
      const row = await store.getDelivery('a');
      expect(row).toMatchObject({
        key: 'a',
        status: 'pending',
        attempts: 0,
        channel: 'C1',
        lastError: null,
        sentAt: null,
      });
      expect(row?.payload).toEqual({ text: 'reminder a' });
      expect(await store.getDelivery('zzz')).toBeNull();
    });

    it('claims only due rows, leases them, and hands back expired leases', async () => {
      const { store } = await freshStore();
      await store.enqueue([
        delivery('due-2', { notBefore: minutes(2) }),
        delivery('due-1', { notBefore: minutes(1) }),
        delivery('later', { notBefore: minutes(60) }),
      ]);
      const claimed = await store.claimDeliveries(minutes(5), 'worker-a', 10, 30_000);
      expect(claimed.map((d) => d.key)).toEqual(['due-1', 'due-2']);
      expect(claimed.every((d) => d.attempts === 1)).toBe(true);
      // Leased: another worker gets nothing until the lease expires.
      expect(await store.claimDeliveries(minutes(5), 'worker-b', 10, 30_000)).toEqual([]);
      // worker-a died; 30 s later the rows are claimable again.
      const reclaimed = await store.claimDeliveries(new Date(minutes(5).getTime() + 30_000), 'worker-b', 1, 30_000);
      expect(reclaimed.map((d) => [d.key, d.attempts])).toEqual([['due-1', 2]]);
    });

    it('marks sent, retry and failed, clearing the lease', async () => {
      const { store } = await freshStore();
      await store.enqueue([delivery('s'), delivery('r'), delivery('f')]);
      const hour = 3_600_000;
      const leases = new Map((await store.claimDeliveries(T0, 'w', 10, hour)).map((d) => [d.key, d.lease]));
      const lease = (key: string) => {
        const found = leases.get(key);
        if (!found) throw new Error(`${key} was not leased`);
        return found;
      };

      await store.markSent(lease('s'), { channel: 'C1', id: '1700000000.0001' }, minutes(1));
      expect(await store.getDelivery('s')).toMatchObject({
        status: 'sent',
        messageChannel: 'C1',
        messageId: '1700000000.0001',
        sentAt: minutes(1),
      });

      await store.markRetry(lease('r'), 'rate limited (429)', minutes(10), T0);
      expect(await store.getDelivery('r')).toMatchObject({
        status: 'pending',
        lastError: 'rate limited (429)',
        notBefore: minutes(10),
      });
      expect(await store.claimDeliveries(minutes(9), 'w2', 10, hour)).toEqual([]);
      const retried = await store.claimDeliveries(minutes(10), 'w2', 10, hour);
      expect(retried.map((d) => [d.key, d.attempts])).toEqual([['r', 2]]);

      await store.markFailed(lease('f'), 'channel_not_found', T0);
      expect(await store.getDelivery('f')).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
      // Sent and failed rows are never claimed again, whatever the time.
      expect((await store.claimDeliveries(minutes(10_000), 'w3', 10, hour)).map((d) => d.key)).toEqual(['r']);

      await expect(
        store.markSent({ key: 'nope', owner: 'w', token: 't' }, { channel: 'C', id: '1' }, T0),
      ).rejects.toThrow(UnknownDeliveryError);
    });

    it('fences every mark by the claim: a lost lease changes nothing, and failures are listed', async () => {
      const { store } = await freshStore();
      await store.enqueue([delivery('x'), delivery('y')]);
      const [first] = await store.claimDeliveries(T0, 'worker-a', 1, 30_000);
      const oldLease = first?.lease;
      if (!oldLease) throw new Error('no lease');
      expect(oldLease).toMatchObject({ key: 'x', owner: 'worker-a' });
      expect(await store.holdsLease(oldLease, T0)).toBe(true);
      // worker-a stalls past its lease; the SAME worker name claims again (a restart): a new token.
      const [again] = await store.claimDeliveries(minutes(1), 'worker-a', 1, 30_000);
      const newLease = again?.lease;
      if (!newLease) throw new Error('no lease');
      expect(newLease.token).not.toBe(oldLease.token);
      expect(await store.holdsLease(oldLease, minutes(1))).toBe(false);
      expect(await store.markSent(oldLease, { channel: 'C', id: 'stale' }, minutes(1))).toBe(false);
      expect(await store.markRetry(oldLease, 'late', minutes(2), minutes(1))).toBe(false);
      expect(await store.markFailed(oldLease, 'late', minutes(1))).toBe(false);
      expect(await store.getDelivery('x')).toMatchObject({ status: 'pending', messageId: null, lastError: null });
      // The current holder decides; a notice goes in with the failure, atomically.
      const notice = delivery('notice-x');
      expect(await store.markFailed(newLease, 'not_in_channel', minutes(1), notice)).toBe(true);
      expect(await store.markFailed(newLease, 'not_in_channel', minutes(1), notice)).toBe(false);
      expect((await store.getDelivery('notice-x'))?.status).toBe('pending');
      expect((await store.getDelivery('x'))?.firstErrorAt).toEqual(minutes(1));
      expect((await store.deliveryFailures('ws1')).map((d) => d.key)).toEqual(['x']);
    });

    it('gives concurrent workers on separate connections disjoint sets', async () => {
      const { url } = await freshStore();
      const workers = [await storeAt(url), await storeAt(url), await storeAt(url)];
      await workers[0]!.enqueue(Array.from({ length: 60 }, (_, i) => delivery(`d${String(i).padStart(2, '0')}`)));
      const batches = await Promise.all(
        Array.from({ length: 15 }, (_, i) => workers[i % 3]!.claimDeliveries(minutes(1), `worker-${i}`, 5, 60_000)),
      );
      const keys = batches.flat().map((d) => d.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(batches.every((batch) => batch.length <= 5)).toBe(true);
      // Each row's lease belongs to the worker that received it.
      const owners = await backend.sql<{ key: string; lease_owner: string }>(
        url,
        'select key, lease_owner from deliveries where lease_owner is not null',
      );
      const ownerByKey = new Map(owners.map((row) => [row.key, row.lease_owner]));
      for (const [i, batch] of batches.entries()) {
        for (const d of batch) expect(ownerByKey.get(d.key)).toBe(`worker-${i}`);
      }
      // A claim can come back short when it raced a commit, never overlapping; the rest is still there.
      const rest = await workers[1]!.claimDeliveries(minutes(1), 'sweeper', 100, 60_000);
      expect(new Set([...keys, ...rest.map((d) => d.key)]).size).toBe(60);
      expect(keys.length + rest.length).toBe(60);
    });
  });

  describe('key-value state', () => {
    it('says firstSeen true once, false afterwards, and true again after the TTL', async () => {
      const { store } = await freshStore();
      expect(await store.firstSeen('slack:Ev1', 60_000, T0)).toBe(true);
      expect(await store.firstSeen('slack:Ev1', 60_000, minutes(0.5))).toBe(false);
      expect(await store.firstSeen('slack:Ev2', 60_000, minutes(0.5))).toBe(true);
      expect(await store.firstSeen('slack:Ev1', 60_000, minutes(1))).toBe(true);
      expect(await store.firstSeen('slack:Ev1', 60_000, minutes(1.5))).toBe(false);
    });

    it('lets exactly one of many concurrent replicas see a key first', async () => {
      const { url } = await freshStore();
      const replicas = [await storeAt(url), await storeAt(url)];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => replicas[i % 2]!.firstSeen('teams:activity-9', 60_000, T0)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('stores, reads, expires and deletes values through keyv, per namespace', async () => {
      const { store } = await freshStore();
      const installation = { team: { id: 'T1' }, bot: { token: 'xoxb-test', scopes: ['chat:write'] } };
      await store.kvSet('slack-installations', 'T1', installation);
      await store.kvSet('conversation-refs', 'T1', 'a different value');
      expect(await store.kvGet('slack-installations', 'T1')).toEqual(installation);
      expect(await store.kvGet('conversation-refs', 'T1')).toBe('a different value');
      expect(await store.kvGet('slack-installations', 'T2')).toBeUndefined();

      await store.kvSet('slack-installations', 'T1', { replaced: true });
      expect(await store.kvGet('slack-installations', 'T1')).toEqual({ replaced: true });

      await store.kvSet('short', 'k', 42, 20);
      expect(await store.kvGet('short', 'k')).toBe(42);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(await store.kvGet('short', 'k')).toBeUndefined();

      await store.kvDelete('slack-installations', 'T1');
      expect(await store.kvGet('slack-installations', 'T1')).toBeUndefined();
      expect(await store.kvGet('conversation-refs', 'T1')).toBe('a different value');
    });

    it('exposes Keyv namespaces over the same database', async () => {
      const { url, store } = await freshStore();
      const keyv = store.keyv<{ n: number }>('adapter-state');
      await keyv.set('x', { n: 1 });
      await keyv.set('y', { n: 2 });
      expect(await keyv.get('x')).toEqual({ n: 1 });
      expect(await store.kvGet('adapter-state', 'y')).toEqual({ n: 2 });
      // A second replica reads what the first wrote.
      const other = await storeAt(url);
      expect(await other.kvGet('adapter-state', 'x')).toEqual({ n: 1 });
      await keyv.clear();
      expect(await other.kvGet('adapter-state', 'x')).toBeUndefined();
      expect(() => store.keyv('dedupe')).toThrow(/reserved/);
    });

    it('sweeps expired dedupe keys and values, keeping live ones', async () => {
      const { store, url } = await freshStore();
      await store.firstSeen('old-event', 1, new Date(Date.now() - 60_000));
      await store.firstSeen('live-event', 3_600_000, new Date());
      await store.kvSet('cards', 'stale', { v: 1 }, 1);
      await store.kvSet('cards', 'kept', { v: 2 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await store.sweepExpired()).toBe(2);
      const keys = await backend.sql<{ key: string }>(url, 'select key from kv order by key');
      expect(keys.map((row) => row.key)).toEqual(['kept', 'live-event']);
    });

    it('surfaces a database failure instead of reporting a missing key', async () => {
      const url = await backend.fresh();
      const store = await createStore(url);
      await store.close();
      await expect(store.kvGet('ns', 'k')).rejects.toThrow();
      await expect(store.kvSet('ns', 'k', 1)).rejects.toThrow();
    });
  });

  describe('migrations', () => {
    it('is idempotent: opening the same database again keeps the data', async () => {
      const { url, store } = await freshStore();
      await store.appendConfirmation(confirmation());
      await store.close();
      open.splice(open.indexOf(store), 1);
      const reopened = await storeAt(url);
      expect(await reopened.latestConfirmations('ws1')).toHaveLength(1);
      expect((await reopened.verifyLedger('ws1')).ok).toBe(true);
    });

    it('survives several processes migrating a fresh database at the same time', async () => {
      const url = await backend.fresh();
      const stores = await Promise.all([createStore(url), createStore(url), createStore(url)]);
      open.push(...stores);
      expect(
        await stores[2]!.createWorkspace(
          { id: 'w', platform: 'local', settings: defaultSettings(), homeChannel: null },
          'x',
          T0,
        ),
      ).toBe(true);
      expect(await stores[0]!.getWorkspace('w')).not.toBeNull();
    });
  });
});

describe('database URLs', () => {
  it('opens an in-memory SQLite store', async () => {
    const store = await createStore('sqlite::memory:');
    expect(store.dialect).toBe('sqlite');
    expect(
      await store.createWorkspace(
        { id: 'm', platform: 'local', settings: defaultSettings(), homeChannel: null },
        'me',
        T0,
      ),
    ).toBe(true);
    await store.close();
  });

  it('creates the parent directory of a SQLite file', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'dutybot-url-'));
    const store = await createStore(`sqlite:${join(dir, 'nested', 'deeper', 'bot.sqlite')}`);
    await store.close();
    expect(existsSync(join(dir, 'nested', 'deeper', 'bot.sqlite'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains which URLs are accepted, without echoing a password', async () => {
    await expect(createStore('mysql://root:hunter2@db/dutybot')).rejects.toThrow(
      /Unsupported database URL "mysql:\/\/root:\*\*\*@db\/dutybot": use sqlite:<path>, sqlite::memory: or postgres:/,
    );
    await expect(createStore('sqlite:')).rejects.toThrow(/no file path/);
  });
});
