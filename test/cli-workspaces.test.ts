import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServer } from '../adapters/server/start.js';
import { createDutybot } from '../src/bot/dutybot.js';
import { installedEarlier, useCli } from './support/cli.js';
import { parsedLines, recordingLogger } from './support/recording-logger.js';

/**
 * The CLI over the workspaces of a real store: a shared store (the server's) holds a Slack and a
 * Teams workspace created through the facade, as installs create them; the CLI reaches each with
 * --workspace, creates nothing when reading, and never delivers for a platform.
 */

const { run: cli, dir } = useCli('unused.sqlite');

const SLACK = { workspaceId: 'T0SLACK', platform: 'slack' as const, channelId: 'C0HOME' };
const TEAMS = { workspaceId: 'tenant-1|team-1', platform: 'teams' as const, channelId: '19:abc@thread.tacv2' };

async function sharedStore(name: string): Promise<Record<string, string>> {
  const url = `sqlite:${join(dir(), name)}`;
  const bot = await createDutybot({ databaseUrl: url, clock: () => new Date('2026-11-02T08:00:00Z') });
  await bot.ensureWorkspace(SLACK, 'U0INSTALLER');
  await bot.ensureWorkspace(TEAMS, 'aad-installer');
  await bot.close();
  return { DATABASE_URL: url };
}

function workspaceCount(name: string): number {
  const db = new Database(join(dir(), name), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from workspaces').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function outboxCount(name: string): number {
  const db = new Database(join(dir(), name), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from deliveries').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('dutybot workspaces', () => {
  it('lists every workspace with its platform, home channel, ledger and failures', async () => {
    const env = await sharedStore('list.sqlite');
    const json = cli(['workspaces', '--json'], { env });
    expect(json.code).toBe(0);
    const rows = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.platform, r.id, r.homeChannel])).toEqual([
      ['slack', 'T0SLACK', 'C0HOME'],
      ['teams', 'tenant-1|team-1', '19:abc@thread.tacv2'],
    ]);
    expect(rows[0]).toMatchObject({ entries: 1, failedDeliveries: 0, lastActivityAt: '2026-11-02T08:00:00.000Z' });
    expect(rows[0].chainHead).toMatch(/^[0-9a-f]{64}$/);

    const text = cli(['workspaces'], { env });
    expect(text.stdout.split('\n')[0]).toMatch(/^platform\s+id\s+name\s+status\s+home channel\s+entries\s+chain head/);
    expect(text.stdout).toMatch(
      /^slack\s+T0SLACK\s+—\s+active\s+C0HOME\s+1\s+[0-9a-f]{12}\s+2026-11-02T08:00:00.000Z\s+0$/m,
    );
  });
});

describe('--workspace', () => {
  it('reaches a platform workspace; without it, several workspaces ask to choose one', async () => {
    const env = await sharedStore('choose.sqlite');
    const ambiguous = cli(['pending'], { env });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(
      'dutybot: this store has 2 workspaces (T0SLACK, tenant-1|team-1): choose one with --workspace <id>\n',
    );
    const pending = cli(['pending', '--all', '--workspace', 'T0SLACK', '--json'], { env });
    expect(pending.code).toBe(0);
    expect(JSON.parse(pending.stdout).kind).toBe('pending');

    const csv = cli(['export', '--workspace', 'tenant-1|team-1', '--format', 'csv'], { env });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('workspace.created');

    const unknown = cli(['history', 'website', 'backup', '--workspace', 'T9NOPE'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^dutybot: no workspace "T9NOPE" in this store \(it has: T0SLACK, tenant-1\|team-1;/,
    );
    expect(workspaceCount('choose.sqlite')).toBe(2);
  });

  it('never creates the terminal workspace in a store that holds platform workspaces', async () => {
    const env = await sharedStore('nolocal.sqlite');
    const done = cli(['done', 'website', 'backup', '--workspace', 'local'], { env });
    expect(done.code).toBe(1);
    expect(done.stderr).toMatch(/^dutybot: this store belongs to the server/);
    expect(workspaceCount('nolocal.sqlite')).toBe(2);
  });

  it('read-only commands never create a workspace, even in an empty store', () => {
    const env = { DATABASE_URL: `sqlite:${join(dir(), 'empty.sqlite')}` };
    const absent = cli(['pending'], { env });
    expect(absent.code).toBe(1);
    expect(absent.stderr).toBe(
      `dutybot: there is no database at ${join(dir(), 'empty.sqlite')} yet: nothing has been recorded\n`,
    );
    // `status` opens the store to write (it brings its schema up to date) and creates no workspace.
    expect(cli(['status'], { env }).code).toBe(0);
    for (const args of [['pending'], ['history', 'website', 'backup'], ['audit', 'verify'], ['export'], ['digest']]) {
      const result = cli(args, { env });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^dutybot: this store has no workspace yet/);
    }
    expect(cli(['settings', 'show'], { env }).code).toBe(1);
    expect(workspaceCount('empty.sqlite')).toBe(0);
    // A command that writes, in the terminal's own store, creates `local` as before (the setting
    // installedEarlier writes; then `done`, whatever the hour).
    installedEarlier(cli, join(dir(), 'empty.sqlite'), { env });
    expect(cli(['done', 'website', 'backup'], { env }).code).toBe(0);
    expect(workspaceCount('empty.sqlite')).toBe(1);
  });
});

describe('dutybot audit verify --all', () => {
  it('verifies every chain and exits non-zero naming the broken one', async () => {
    const env = await sharedStore('audit.sqlite');
    const ok = cli(['audit', 'verify', '--all'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('T0SLACK: chain intact (1 entries)');
    expect(ok.stdout).toContain('every chain is intact');

    const db = new Database(join(dir(), 'audit.sqlite'));
    db.prepare("update audit_log set actor = 'someone else' where workspace_id = 'tenant-1|team-1'").run();
    db.close();
    const broken = cli(['audit', 'verify', '--all'], { env });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('T0SLACK: chain intact');
    expect(broken.stderr).toMatch(/^tenant-1\|team-1: BROKEN — .*#1/m);
    expect(broken.stderr).toMatch(/^broken chain: tenant-1\|team-1$/m);
  });
});

describe('dutybot tick', () => {
  it('is a dry run by default: prints what would be sent and changes nothing', async () => {
    const env = await sharedStore('dry.sqlite');
    const db = new Database(join(dir(), 'dry.sqlite'), { readonly: true });
    const wakesBefore = db.prepare('select id, next_wake_at from workspaces order by id').all();
    db.close();
    const outboxBefore = outboxCount('dry.sqlite');
    const dry = cli(['tick', '--at', '2026-12-01T09:00:00+01:00', '--json'], { env });
    expect(dry.code).toBe(0);
    const lines = dry.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.status === 'planned')).toBe(true);
    expect(lines.some((l) => l.workspace === 'T0SLACK' && l.kind === 'reminder' && l.channel === 'C0HOME')).toBe(true);
    expect(outboxCount('dry.sqlite')).toBe(outboxBefore);
    const after = new Database(join(dir(), 'dry.sqlite'), { readonly: true });
    expect(after.prepare('select id, next_wake_at from workspaces order by id').all()).toEqual(wakesBefore);
    after.close();

    const text = cli(['tick', '--at', '2026-12-01T09:00:00+01:00', '--workspace', 'T0SLACK'], { env });
    expect(text.stdout).toMatch(/^would send reminder in T0SLACK → C0HOME: /m);
    expect(text.stderr).toMatch(
      /^dry run at 2026-12-01T08:00:00.000Z: \d+ deliveries would be enqueued; nothing was changed/,
    );
  });

  it('--commit refuses platform workspaces with a clear line and changes nothing', async () => {
    const env = await sharedStore('commit.sqlite');
    const outboxBefore = outboxCount('commit.sqlite');
    const one = cli(['tick', '--commit', '--workspace', 'T0SLACK', '--at', '2026-12-01T09:00:00+01:00'], { env });
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/^dutybot: refused: T0SLACK is a slack workspace; the server delivers its messages/);
    const all = cli(['tick', '--commit', '--at', '2026-12-01T09:00:00+01:00'], { env });
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(
      /^dutybot: refused: this store also holds platform workspaces \(T0SLACK, tenant-1\|team-1\)/,
    );
    expect(outboxCount('commit.sqlite')).toBe(outboxBefore);
  });

  it('--commit at a future instant on the terminal store runs and warns', () => {
    const env = { DATABASE_URL: `sqlite:${join(dir(), 'future.sqlite')}` };
    const result = cli(['tick', '--commit', '--at', '2099-01-05T09:00:00Z'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: 2099-01-05T09:00:00.000Z is in the future; local now plans from that instant/m,
    );
  });
});

describe('status, health and usage', () => {
  it("dutybot status shows surfaces, the store and each workspace's backlog", async () => {
    const env = await sharedStore('status.sqlite');
    const result = cli(['status'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Slack: not configured/m);
    expect(result.stdout).toMatch(/^store: answers \(2 workspaces\)$/m);
    expect(result.stdout).toMatch(/^ {2}T0SLACK \(slack\): \d+ waiting in the outbox, 0 failed, next wake-up 20\d\d-/m);
  });

  it('GET /healthz answers 503 when the store is down', async () => {
    const bot = await createDutybot({ databaseUrl: 'sqlite::memory:' });
    const logger = recordingLogger();
    const running = await startServer({}, { bot, port: 0, host: '127.0.0.1', scheduler: false, logger });
    try {
      expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
      await bot.close();
      const down = await fetch(`http://127.0.0.1:${running.port}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, store: 'unavailable' });
      expect(parsedLines(logger.lines).map((l) => l.msg)).toEqual(['health check: the store does not answer']);
    } finally {
      await running.stop();
    }
  });

  it('--version, unknown options in one line, aliases in --service and --party', () => {
    expect(cli(['--version']).stdout).toMatch(/^dutybot \d+\.\d+\.\d+\n$/);
    const unknown = cli(['pending', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'dutybot: unknown option --colour for `dutybot pending` (run `dutybot pending --help`)\n',
    );
    const missing = cli(['done', 'website', 'backup', '--note']);
    expect(missing.stderr).toBe('dutybot: --note needs a value (run `dutybot done --help`)\n');
    const byAlias = JSON.parse(cli(['duties', '--service', 'rocket web', '--party', 'coretech', '--json']).stdout);
    const byId = JSON.parse(cli(['duties', '--service', 'rocketweb', '--party', 'provider', '--json']).stdout);
    expect(byAlias.length).toBeGreaterThan(0);
    expect(byAlias).toEqual(byId);
  });
});
