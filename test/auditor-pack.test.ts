import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import type { DutybotCore } from '../src/bot/types.js';
import { silentLogger } from '../src/logging/logger.js';
import { defaultSettings } from '../src/settings/schema.js';
import { useCli } from './support/cli.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';

/**
 * The auditor pack, unzipped and checked as an auditor would: every file named in the README is
 * there, SHA256SUMS matches, and the chain is recomputed from the pack's own ledger.csv by
 * following ONLY the README's recipe (written out below from its words, with node:crypto) — which
 * also catches a tampered, deleted or reordered row.
 */

const WORKSPACE = 'T0AUDIT';
const T0 = new Date('2026-09-01T08:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
const decoder = new TextDecoder();

/** Notes that test the recipe's edges: spreadsheet protection, apostrophes, quotes, lines, empties. */
const TRICKY_NOTES = [
  '=HYPERLINK("http://evil.example","click")',
  "'=already quoted",
  "''+1",
  '-42',
  '@SUM(A1)',
  '\tleading tab',
  'comma, "quotes" and\nnew line\r\nand CRLF',
  'unicode: perché — 🔐 \u2028 sep',
  '\u001b[31mred\u001b[0m',
  '',
];

type Row = Record<string, string>;

/** README step 2: remove one apostrophe where apostrophes precede = + - @ TAB CR. */
function unprotect(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** README step 4's canonical form: sorted keys at every depth, no whitespace, JSON.stringify scalars. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** README steps 1–6 over a CSV text; returns the first failing seq (null: the chain holds). */
function reverify(csvText: string, workspaceId: string): { ok: boolean; failedAt: number | null; checked: number } {
  const rows = (parse(csvText, { columns: true }) as Row[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, unprotect(cell)])),
  );
  let previousHash = '0'.repeat(64);
  let previousSeq = 0;
  for (const row of rows) {
    const seq = Number(row.seq);
    const cell = (name: string) => (row[name] === '' ? null : row[name]);
    let payload: Record<string, unknown>;
    if (row.kind === 'confirmation') {
      payload = {
        dutyId: cell('duty'),
        occurrence: cell('occurrence'),
        status: cell('status'),
        note: cell('note'),
        evidenceUrl: cell('evidence_url'),
        reason: cell('reason'),
        snoozedUntil: cell('snoozed_until'),
        by: row.actor,
      };
      if (row.details) Object.assign(payload, JSON.parse(row.details));
    } else {
      payload = JSON.parse(row.details!) as Record<string, unknown>;
    }
    const object = {
      workspaceId,
      seq,
      kind: row.kind,
      actor: row.actor,
      at: row.at,
      payload,
      prevHash: row.prev_hash,
    };
    const hash = createHash('sha256').update(canonical(object), 'utf8').digest('hex');
    const linked = seq === previousSeq + 1 && row.prev_hash === previousHash;
    if (hash !== row.hash || !linked) return { ok: false, failedAt: seq, checked: rows.length };
    previousHash = row.hash!;
    previousSeq = seq;
  }
  const last = rows.at(-1);
  const headMatches = !last || `${last.seq}:${last.hash}` === last.chain_head;
  return { ok: headMatches, failedAt: headMatches ? null : Number(last?.seq), checked: rows.length };
}

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = unzipSync(bytes);
  const [first] = Object.keys(entries);
  const folder = first!.slice(0, first!.indexOf('/') + 1);
  for (const name of Object.keys(entries)) expect(name.startsWith(folder)).toBe(true);
  return new Map(Object.entries(entries).map(([name, content]) => [name.slice(folder.length), content]));
}

async function seed(bot: DutybotCore): Promise<void> {
  await bot.ensureWorkspace({ workspaceId: WORKSPACE, platform: 'slack', channelId: 'C0HOME' }, 'U0ADMIN');
  const base = {
    workspaceId: WORKSPACE,
    dutyId: 'backup.restore-test',
    evidenceUrl: null,
    reason: null,
    snoozedUntil: null,
  };
  let day = 1;
  for (const [index, note] of TRICKY_NOTES.entries()) {
    await bot.store.appendConfirmation({
      ...base,
      occurrence: `2026-S${index}`,
      status: 'done',
      by: index % 2 ? 'U1' : "=U2'",
      at: at(day++),
      note,
      evidenceUrl: index === 0 ? '+https://tickets.example.test/OPS-1' : null,
      idempotencyKey: `n${index}`,
    });
  }
  await bot.store.saveSettings(WORKSPACE, defaultSettings({ language: 'it' }), {
    kind: 'settings.changed',
    actor: 'U0ADMIN',
    at: at(day++),
    payload: { changed: ['language'], note: '-ignored, "x"' },
  });
  await bot.store.appendConfirmation({
    ...base,
    occurrence: '2026-10',
    status: 'snoozed',
    by: 'U1',
    at: at(day++),
    note: null,
    snoozedUntil: at(day + 1),
    idempotencyKey: 'z',
  });
  await bot.store.reopenOccurrence({
    workspaceId: WORKSPACE,
    dutyId: 'backup.restore-test',
    occurrence: '2026-S0',
    by: 'U0ADMIN',
    at: at(day++),
    reason: '@wrong evidence',
    idempotencyKey: 'r',
  });
}

describe.each(STORE_BACKENDS)('auditor pack on $name', ({ make }) => {
  let backend: StoreBackend;
  let bot: DutybotCore;

  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    await bot?.close();
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it('holds every promised file, and the chain re-verifies from its own CSV by the README alone', async () => {
    const now = at(40);
    bot = await createDutybot({ databaseUrl: await backend.fresh(), clock: () => now, logger: silentLogger });
    await seed(bot);
    const pack = await bot.auditorPack(WORKSPACE);
    expect(pack?.filename).toBe(`dutybot-auditor-pack-${WORKSPACE}-2026-10-11.zip`);
    const files = unzip(pack!.content);
    const text = (name: string) => decoder.decode(files.get(name));

    const sourceFile = bot.knowledge.document.source_file.split('/').at(-1)!;
    const packFile = bot.knowledge.file.split('/').at(-1)!;
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'README.en.txt',
        'SHA256SUMS',
        'ledger.csv',
        'ledger.json',
        'verification.json',
        'settings.json',
        `knowledge/${packFile}`,
        `knowledge/${sourceFile}`,
      ].sort(),
    );
    // SHA256SUMS covers every other file.
    const sums = text('SHA256SUMS').trim().split('\n');
    expect(sums).toHaveLength(files.size - 1);
    for (const line of sums) {
      const [sum, name] = line.split('  ');
      expect(createHash('sha256').update(files.get(name!)!).digest('hex'), name).toBe(sum);
    }
    // The knowledge pack and its source, byte for byte; the settings in force.
    expect(files.get(`knowledge/${packFile}`)).toEqual(new Uint8Array(readFileSync(bot.knowledge.file)));
    const sourcePath = join(bot.knowledge.file, '..', bot.knowledge.document.source_file);
    expect(files.get(`knowledge/${sourceFile}`)).toEqual(new Uint8Array(readFileSync(sourcePath)));
    expect(JSON.parse(text('settings.json'))).toEqual((await bot.store.getWorkspace(WORKSPACE))!.settings);
    const head = (await bot.store.ledgerHead(WORKSPACE))!;
    const report = JSON.parse(text('verification.json'));
    expect(report).toMatchObject({ chain_head: head, entries: head.seq, verification: { ok: true, problems: [] } });
    expect(JSON.parse(text('ledger.json')).entries).toHaveLength(head.seq);

    // The Italian workspace reads its README in Italian, with the English recipe beside it.
    expect(text('README.txt')).toContain('COME RIVERIFICARE LA CATENA');
    const readme = text('README.en.txt');
    expect(readme).toContain('HOW TO RE-VERIFY THE CHAIN FROM ledger.csv ALONE');
    expect(readme).toContain(`Chain head (seq:hash): ${head.seq}:${head.hash}`);
    const workspaceId = /^Workspace: (.+)$/m.exec(readme)?.[1];
    expect(workspaceId).toBe(WORKSPACE);

    const csv = text('ledger.csv');
    const result = reverify(csv, workspaceId!);
    expect(result).toEqual({ ok: true, failedAt: null, checked: head.seq });
    expect(head.seq).toBe(TRICKY_NOTES.length + 4);
  });

  it('detects a tampered, a deleted and a reordered row by the same recipe', async () => {
    const now = at(40);
    bot = await createDutybot({ databaseUrl: await backend.fresh(), clock: () => now, logger: silentLogger });
    await seed(bot);
    const files = unzip((await bot.auditorPack(WORKSPACE))!.content);
    const csv = decoder.decode(files.get('ledger.csv'));
    const rows = parse(csv) as string[][];
    const header = rows[0]!;
    const noteColumn = header.indexOf('note');
    const rewrite = (change: (body: string[][]) => string[][]) =>
      stringify([header, ...change(rows.slice(1).map((row) => [...row]))]);

    const edited = rewrite((body) => {
      body[3]![noteColumn] = 'restored, all good (edited later)';
      return body;
    });
    expect(reverify(edited, WORKSPACE)).toMatchObject({ ok: false, failedAt: 4 });
    const deleted = rewrite((body) => body.filter((_, index) => index !== 5));
    expect(reverify(deleted, WORKSPACE)).toMatchObject({ ok: false, failedAt: 7 });
    const swapped = rewrite((body) => {
      [body[2], body[3]] = [body[3]!, body[2]!];
      return body;
    });
    expect(reverify(swapped, WORKSPACE)).toMatchObject({ ok: false, failedAt: 4 });
    const truncated = rewrite((body) => body.slice(0, -1));
    expect(reverify(truncated, WORKSPACE).ok).toBe(false);
    expect(await bot.auditorPack('T0NOWHERE')).toBeNull();
  });
});

describe('dutybot export --auditor-pack', () => {
  const cli = useCli();

  it('writes the zip to a file, never over an earlier one without --force', () => {
    cli.run(['done', 'backup restore test', '--note', '=1+1']);
    const written = cli.run(['export', '--auditor-pack', '--out', 'pack.zip']);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('wrote the auditor pack');
    const files = unzip(new Uint8Array(readFileSync(join(cli.dir(), 'pack.zip'))));
    const readme = decoder.decode(files.get('README.txt'));
    const workspaceId = /^Workspace: (.+)$/m.exec(readme)?.[1];
    expect(reverify(decoder.decode(files.get('ledger.csv')), workspaceId!)).toMatchObject({ ok: true });

    const again = cli.run(['export', '--auditor-pack', '--out', 'pack.zip']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(cli.run(['export', '--auditor-pack', '--out', 'pack.zip', '--force']).code).toBe(0);
    const mixed = cli.run(['export', '--auditor-pack', '--format', 'json']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--format does not go with --auditor-pack');
  });
});
