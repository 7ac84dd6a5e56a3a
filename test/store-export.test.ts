import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeEntryHash } from '../src/ledger/chain.js';
import { exportLedger, neutralizeFormula } from '../src/ledger/export.js';
import { defaultSettings } from '../src/settings/schema.js';
import { createStore, type SqlStore } from '../src/store/create-store.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';

const T0 = new Date('2026-03-02T08:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const NOW = new Date('2026-04-01T10:00:00.000Z');

describe.each(STORE_BACKENDS)('ledger export on $name', ({ make }) => {
  let backend: StoreBackend;
  let store: SqlStore;
  let url: string;

  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  /** ws1: #1 created (T0), #2 done (day 1), #3 settings (day 2), #4 skipped (day 3), #5 done with a formula note (day 4). */
  async function seeded(): Promise<SqlStore> {
    url = await backend.fresh();
    store = await createStore(url);
    await store.createWorkspace(
      { id: 'ws1', platform: 'slack', settings: defaultSettings(), homeChannel: 'C1' },
      'U0',
      T0,
    );
    const base = {
      workspaceId: 'ws1',
      dutyId: 'backup.restore-test',
      by: 'U1',
      note: null,
      evidenceUrl: null,
      reason: null,
      snoozedUntil: null,
    };
    await store.appendConfirmation({
      ...base,
      occurrence: '2026-03',
      status: 'done',
      at: days(1),
      note: 'restored, all good',
      evidenceUrl: 'https://tickets.example.test/OPS-1',
      idempotencyKey: 'a',
    });
    await store.saveSettings('ws1', defaultSettings({ language: 'it' }), {
      kind: 'settings.changed',
      actor: 'U9',
      at: days(2),
      payload: { changed: ['language'] },
    });
    await store.appendConfirmation({
      ...base,
      occurrence: '2026-02',
      status: 'skipped',
      reason: 'nessun backup, server spento',
      at: days(3),
      idempotencyKey: 'b',
    });
    await store.appendConfirmation({
      ...base,
      dutyId: 'access.review',
      occurrence: '2026-Q1',
      status: 'done',
      note: '=HYPERLINK("http://evil.example","click")',
      at: days(4),
      idempotencyKey: 'c',
    });
    return store;
  }

  it('exports CSV with a header, one row per entry and the chain fields', async () => {
    const s = await seeded();
    const result = await exportLedger(s, 'ws1', { format: 'csv', now: NOW });
    expect(result.entries).toBe(5);
    expect(result.filename).toBe('dutybot-ledger-ws1-until_2026-04-01.csv');
    const rows = parse(result.content, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'seq',
      'at',
      'kind',
      'actor',
      'duty',
      'occurrence',
      'status',
      'note',
      'evidence_url',
      'reason',
      'snoozed_until',
      'backfill',
      'details',
      'prev_hash',
      'hash',
      'chain_head',
    ]);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[1]).toMatchObject({
      at: days(1).toISOString(),
      kind: 'confirmation',
      actor: 'U1',
      duty: 'backup.restore-test',
      occurrence: '2026-03',
      status: 'done',
      note: 'restored, all good',
      evidence_url: 'https://tickets.example.test/OPS-1',
      reason: '',
      snoozed_until: '',
      details: '',
    });
    expect(rows[2]).toMatchObject({ kind: 'settings.changed', actor: 'U9', duty: '' });
    expect(JSON.parse(rows[2]!.details!)).toEqual({ changed: ['language'] });
    expect(JSON.parse(rows[0]!.details!)).toMatchObject({ platform: 'slack', homeChannel: 'C1' });
    expect(rows[3]?.reason).toBe('nessun backup, server spento');
    const entries = await s.ledgerEntries('ws1');
    expect(rows.map((r) => [r.prev_hash, r.hash])).toEqual(entries.map((e) => [e.prevHash, e.hash]));
  });

  it('carries enough to recompute every hash from the CSV alone', async () => {
    const s = await seeded();
    await s.appendConfirmation({
      workspaceId: 'ws1',
      dutyId: 'backup.restore-test',
      occurrence: '2026-04',
      status: 'snoozed',
      by: 'U2',
      at: days(5),
      note: null,
      evidenceUrl: null,
      reason: null,
      snoozedUntil: days(7),
      idempotencyKey: 'd',
    });
    const { content } = await exportLedger(s, 'ws1', { format: 'csv', now: NOW });
    const rows = parse(content, { columns: true }) as Record<string, string>[];
    const orNull = (cell: string) => (cell === '' ? null : cell.replace(/^'(?=[=+\-@\t\r])/, ''));
    for (const row of rows) {
      const extra = row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {};
      const payload =
        row.kind === 'confirmation'
          ? {
              dutyId: orNull(row.duty!),
              occurrence: orNull(row.occurrence!),
              status: orNull(row.status!),
              note: orNull(row.note!),
              evidenceUrl: orNull(row.evidence_url!),
              reason: orNull(row.reason!),
              snoozedUntil: orNull(row.snoozed_until!),
              by: row.actor!,
              ...extra,
            }
          : extra;
      const recomputed = computeEntryHash({
        workspaceId: 'ws1',
        seq: Number(row.seq),
        kind: row.kind!,
        actor: row.actor!,
        at: new Date(row.at!),
        payload,
        prevHash: row.prev_hash!,
      });
      expect(recomputed, `entry #${row.seq}`).toBe(row.hash);
    }
    expect(rows.at(-1)?.snoozed_until).toBe(days(7).toISOString());
  });

  it('neutralizes spreadsheet formulas in CSV cells', async () => {
    const s = await seeded();
    const { content } = await exportLedger(s, 'ws1', { format: 'csv', now: NOW });
    const rows = parse(content, { columns: true }) as Record<string, string>[];
    expect(rows[4]?.note).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'safe', ''].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      'safe',
      '',
    ]);
  });

  it('filters by time range (from inclusive, to exclusive)', async () => {
    const s = await seeded();
    const result = await exportLedger(s, 'ws1', { format: 'csv', from: days(1), to: days(3), now: NOW });
    expect(result.filename).toBe('dutybot-ledger-ws1-2026-03-03_to_2026-03-05.csv');
    const rows = parse(result.content, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.seq)).toEqual(['2', '3']);
    expect(result.entries).toBe(2);
    const empty = await exportLedger(s, 'ws1', { format: 'csv', from: days(30), now: NOW });
    expect(empty.entries).toBe(0);
    expect(parse(empty.content, { columns: true })).toEqual([]);
    expect(empty.content.split('\n')[0]).toMatch(/^seq,at,kind/);
  });

  it('exports JSON with the chain head, the verification result and the entries', async () => {
    const s = await seeded();
    const result = await exportLedger(s, 'ws1', { format: 'json', from: days(3), now: NOW });
    expect(result.filename).toBe('dutybot-ledger-ws1-2026-03-05_to_2026-04-01.json');
    const doc = JSON.parse(result.content);
    expect(doc).toMatchObject({
      workspace: 'ws1',
      generated_at: NOW.toISOString(),
      range: { from: days(3).toISOString(), to: null },
      chain_head: { seq: 5 },
      verification: { ok: true, checked: 5, problems: [] },
      entry_count: 2,
    });
    expect(doc.entries.map((e: { seq: number }) => e.seq)).toEqual([4, 5]);
    expect(doc.entries[0]).toMatchObject({
      kind: 'confirmation',
      duty: 'backup.restore-test',
      status: 'skipped',
      reason: 'nessun backup, server spento',
    });
    // JSON is not a spreadsheet: the note stays verbatim.
    expect(doc.entries[1].note).toBe('=HYPERLINK("http://evil.example","click")');
    expect(doc.entries[1].payload.dutyId).toBe('access.review');
  });

  it('reports tampering in the JSON export', async () => {
    const s = await seeded();
    await backend.sql(url, 'update audit_log set actor = ? where workspace_id = ? and seq = 2', ['U-forger', 'ws1']);
    const doc = JSON.parse((await exportLedger(s, 'ws1', { format: 'json', now: NOW })).content);
    expect(doc.verification).toEqual({ ok: false, checked: 5, problems: ['entry #2 was edited (hash mismatch)'] });
  });

  it('explains bad requests', async () => {
    const s = await seeded();
    await expect(exportLedger(s, 'nope', { format: 'csv' })).rejects.toThrow(/workspace "nope" does not exist/);
    await expect(exportLedger(s, 'ws1', { format: 'csv', from: days(3), to: days(1) })).rejects.toThrow(
      /range is empty/,
    );
    await expect(exportLedger(s, 'ws1', { format: 'xml' as 'csv' })).rejects.toThrow(/unknown export format "xml"/);
  });
});
