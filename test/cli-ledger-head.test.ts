import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { computeEntryHash } from '../src/ledger/chain.js';
import { useCli } from './support/cli.js';

/**
 * Issue 10, "a head that leaves the database", with the built `dutybot` binary: `audit head`
 * states the head; `audit verify --against` catches a history rewritten consistently inside the
 * database (which plain verification cannot); an empty store file is an error, not a fresh start.
 */
const { run: cli, dir } = useCli('head.sqlite');
const AT = '2026-12-01T10:00:00+01:00';

/** Rewrites entry `seq` and every entry after it with recomputed hashes, and moves the head: a consistent forgery. */
function rewriteHistory(file: string, seq: number, edit: (payload: Record<string, unknown>) => void): void {
  const db = new Database(file);
  type Row = {
    workspace_id: string;
    seq: number;
    kind: string;
    actor: string;
    at: number;
    payload: string;
    prev_hash: string;
  };
  const rows = db.prepare('select * from audit_log where seq >= ? order by seq').all(seq) as Row[];
  let prevHash = (db.prepare('select hash from audit_log where seq = ?').get(seq - 1) as { hash: string }).hash;
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    if (row.seq === seq) edit(payload);
    const hash = computeEntryHash({
      workspaceId: row.workspace_id,
      seq: row.seq,
      kind: row.kind,
      actor: row.actor,
      at: new Date(row.at),
      payload,
      prevHash,
    });
    db.prepare('update audit_log set payload = ?, prev_hash = ?, hash = ? where seq = ?').run(
      JSON.stringify(payload),
      prevHash,
      hash,
      row.seq,
    );
    db.prepare('update confirmations set hash = ?, note = coalesce(?, note) where seq = ?').run(
      hash,
      typeof payload.note === 'string' ? payload.note : null,
      row.seq,
    );
    prevHash = hash;
  }
  db.prepare('update workspaces set head_hash = ?').run(prevHash);
  db.close();
}

describe('the ledger head leaves the database', () => {
  it('audit head states it; verify --against catches a history rewritten consistently', () => {
    expect(cli(['done', 'website', 'backup', '--note', 'to NAS', '--at', AT]).code).toBe(0);
    const head = cli(['audit', 'head', '--json']);
    expect(head.code).toBe(0);
    const reply = JSON.parse(head.stdout) as { kind: string; ok: boolean; message: string };
    const match = /Ledger head: (\d+) entries, #\1 ([0-9a-f]{64})/.exec(reply.message);
    expect(match, reply.message).not.toBeNull();
    const noted = `${match![1]}:${match![2]}`;
    expect(cli(['audit', 'head']).stdout).toContain(match![2]);

    // Later appends extend the noted head: still a prefix.
    expect(cli(['done', 'restore', 'test', '1backup', '--at', AT]).code).toBe(0);
    const fine = cli(['audit', 'verify', '--against', noted]);
    expect(fine.code, fine.stderr).toBe(0);
    expect(fine.stdout).toMatch(/still extends the head you noted \(entry #\d+\)/);
    expect(cli(['audit', 'verify', '--against', match![2]!]).code).toBe(0);

    // Someone with write access rewrites the first confirmation and re-chains everything after it.
    const confirmationSeq = Number(match![1]);
    rewriteHistory(join(dir(), 'head.sqlite'), confirmationSeq, (payload) => {
      payload.note = 'never mind';
    });
    // The chain is internally consistent again: plain verification cannot tell…
    expect(cli(['audit', 'verify']).code).toBe(0);
    // …but the head noted outside the database can.
    const caught = cli(['audit', 'verify', '--against', noted]);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toMatch(
      new RegExp(`does not extend the head you noted: entry #${confirmationSeq} now has a different hash`),
    );
    const bad = cli(['audit', 'verify', '--against', 'banana']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"banana" is not a ledger head/);
  });

  it('exports carry the head', () => {
    const csv = cli(['export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const [header, first] = csv.stdout.split('\n');
    expect(header).toMatch(/,chain_head$/);
    expect(first).toMatch(/,\d+:[0-9a-f]{64}$/);
  });

  it('refuses an existing but empty store file instead of starting a new ledger', () => {
    writeFileSync(join(dir(), 'empty.sqlite'), '');
    const env = { DATABASE_URL: `sqlite:${join(dir(), 'empty.sqlite')}` };
    const verify = cli(['audit', 'verify'], { env });
    expect(verify.code).not.toBe(0);
    expect(verify.stderr).toMatch(/exists but is empty \(0 bytes\)/);
    expect(verify.stdout).not.toMatch(/intact/);
  });
});
