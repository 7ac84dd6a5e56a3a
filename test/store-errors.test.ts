import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logging/logger.js';
import { openDatabase, StoreError } from '../src/store/database.js';
import { migrationProvider } from '../src/store/migrations/index.js';
import { KyselySqlStore } from '../src/store/sql-store.js';
import { CLI, installedEarlier, useCli } from './support/cli.js';

/**
 * What the store says when the machine gets in the way: a full disk, a lock held by another
 * program, a read-only file, a workspace row deleted by hand, and a reader that stops reading.
 * Each is one line naming the real cause and what to do — never a stack trace or a side effect.
 */

const { run: cli, dir } = useCli('errors.sqlite');

describe('a full disk', () => {
  it('is reported as a full disk, not as "cannot rollback"', async () => {
    const file = join(dir(), 'full.sqlite');
    const db = openDatabase({ dialect: 'sqlite', filename: file, memory: false }, silentLogger);
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    expect(error).toBeUndefined();
    const store = new KyselySqlStore(db, 'sqlite');
    await store.createWorkspace(
      {
        id: 'w',
        platform: 'local',
        settings: (await import('../src/settings/schema.js')).defaultSettings(),
        homeChannel: null,
      },
      'me',
      new Date('2026-11-02T08:00:00Z'),
    );
    // SQLite's own way to make "the disk" full: no page may be added beyond the current size.
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]?.page_count ?? 0;
    await sql.raw(`pragma max_page_count = ${pages}`).execute(db);
    let failure: unknown;
    try {
      for (let i = 0; i < 500; i++) {
        await store.appendConfirmation({
          workspaceId: 'w',
          dutyId: 'rocketweb.customer.website-backup',
          occurrence: `2026-${i}`,
          status: 'done',
          by: 'me',
          at: new Date('2026-11-02T09:00:00Z'),
          note: 'x'.repeat(2000),
          evidenceUrl: null,
          reason: null,
          snoozedUntil: null,
          idempotencyKey: `k${i}`,
        });
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).code).toBe('SQLITE_FULL');
    expect((failure as Error).message).toBe(
      `the disk holding ${file} is full: nothing was recorded; free some space and run it again`,
    );
    await store.close();
  });
});

describe('a lock held by another writer', () => {
  it('fails a write after the 5 s busy timeout with one line, while reading commands still work', () => {
    const env = { DATABASE_URL: `sqlite:${join(dir(), 'locked.sqlite')}` };
    installedEarlier(cli, join(dir(), 'locked.sqlite'), { env });
    expect(cli(['done', 'website', 'backup'], { env }).code).toBe(0);
    const holder = new Database(join(dir(), 'locked.sqlite'));
    holder.exec('begin exclusive');
    try {
      const started = Date.now();
      const write = cli(['done', 'restore', 'test', '1backup'], { env });
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
      expect(write.code).toBe(1);
      expect(write.stderr).toBe(
        `dutybot: ${join(dir(), 'locked.sqlite')} is locked by another program that has been writing for more than 5 s (another dutybot, a backup, an open sqlite3 shell): let it finish or stop it, then run it again\n`,
      );
      const read = cli(['history', 'website', 'backup'], { env });
      expect(read.stderr).toBe('');
      expect(read.code).toBe(0);
    } finally {
      holder.exec('rollback');
      holder.close();
    }
  });
});

describe('a read-only database', () => {
  it('serves reading commands without migrating, and refuses writes in one line', () => {
    const folder = join(dir(), 'ro');
    mkdirSync(folder);
    const file = join(folder, 'ro.sqlite');
    const env = { DATABASE_URL: `sqlite:${file}` };
    installedEarlier(cli, file, { env });
    expect(cli(['done', 'website', 'backup', '--note', 'kept'], { env }).code).toBe(0);
    // Checkpoint and leave rollback-journal mode so the file alone holds everything.
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.close();
    chmodSync(file, 0o444);
    chmodSync(folder, 0o555);
    chmodSync(dir(), 0o755);
    // Tests run as root, who may write anything: run the CLI as an unprivileged user instead.
    const asNobody = (args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], {
        cwd: folder,
        encoding: 'utf8',
        uid: 65534,
        gid: 65534,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: '/tmp',
          USER: 'nobody',
          DATABASE_URL: `sqlite:${file}`,
          DUTYBOT_KNOWLEDGE_CACHE: 'off',
        },
      });
    for (const args of [
      ['audit', 'verify'],
      ['export', '--format', 'json'],
      ['history', 'website', 'backup'],
      ['workspaces'],
    ]) {
      const result = asNobody(args);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.status, args.join(' ')).toBe(0);
    }
    expect(asNobody(['history', 'website', 'backup']).stdout).toContain('kept');
    const write = asNobody(['done', 'restore', 'test', '1backup']);
    expect(write.status).toBe(1);
    expect(write.stderr).toBe(
      `dutybot: ${file} is read-only for this user: reading commands (workspaces, pending, history, export, audit verify) still work; to record anything, give this user write access to the file and its folder\n`,
    );
    chmodSync(folder, 0o755);
    chmodSync(file, 0o644);
  });
});

describe('a workspace row deleted by hand', () => {
  it('names the cause instead of a raw UNIQUE constraint failure', () => {
    const file = join(dir(), 'orphan.sqlite');
    const env = { DATABASE_URL: `sqlite:${file}` };
    installedEarlier(cli, file, { env });
    expect(cli(['done', 'website', 'backup'], { env }).code).toBe(0);
    const db = new Database(file);
    db.prepare("delete from workspaces where id = 'local'").run();
    db.close();
    const result = cli(['done', 'website', 'backup'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'dutybot: workspace "local" has ledger entries but its row in the workspaces table is gone (deleted by hand?): restore it from a backup; dutybot will not start a second chain over the first\n',
    );
  });
});

describe('a closed pipe', () => {
  it('`dutybot … | head` ends quietly with exit 0', async () => {
    const child = spawn(process.execPath, [CLI, 'ask', '--json'], {
      cwd: dir(),
      env: { ...process.env, DATABASE_URL: `sqlite:${join(dir(), 'pipe.sqlite')}` },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The child exits before reading all its input: our side of its stdin then closes too.
    child.stdin.on('error', () => {});
    child.stdin.end(`${'who keeps the Sygma platform software updated?\n'.repeat(5000)}`);
    // Like `head -1`: read the first chunk, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
