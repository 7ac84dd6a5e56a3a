import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';

/**
 * Runs the built `dutybot` binary in a child process, as users and scripts run it (`npm test`
 * builds first), in a fresh directory with its own SQLite file. Slack/Teams variables are removed
 * so `start` is the terminal chat. Registers its own beforeAll/afterAll.
 */

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'adapters', 'server', 'main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  /** The working directory of every run (removed after the file's tests). */
  dir(): string;
  run(args: string[], options?: { input?: string; env?: Record<string, string> }): CliRun;
}

export function useCli(database = 'cli.sqlite'): CliHarness {
  let dir = '';
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('run `npm run build` first (npm test does it)');
    dir = mkdtempSync(join(tmpdir(), 'dutybot-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  return {
    dir: () => dir,
    run(args, options = {}) {
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) {
        if (v !== undefined && !/^(SLACK_|MICROSOFT_APP_|TEAMS_)/.test(k)) env[k] = v;
      }
      const result = spawnSync(process.execPath, [CLI, ...args], {
        input: options.input ?? '',
        encoding: 'utf8',
        cwd: dir,
        env: { ...env, DATABASE_URL: `sqlite:${join(dir, database)}`, USER: 'tester', ...options.env },
        timeout: 60_000,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

/** A day in milliseconds. */
const DAY_MS = 86_400_000;

/**
 * Sets the terminal store's `local` workspace up as if `days` ago, with a write that asks nothing
 * of the clock (a setting left at its default), so `done` closes the current occurrence whatever
 * the hour the suite runs at. A store set up a moment ago rightly refuses an occurrence whose
 * period ended before it existed, and between midnight and the next due time (in the workspace's
 * time zone) the current occurrence is the one that just ended.
 */
export function installedEarlier(
  run: CliHarness['run'],
  file: string,
  options: { env?: Record<string, string>; days?: number } = {},
): void {
  const setup = run(['settings', 'set', 'escalation.follow_up_after_working_days', '1'], { env: options.env ?? {} });
  if (setup.code !== 0) throw new Error(`could not set the workspace up: ${setup.stderr}`);
  const db = new Database(file);
  try {
    db.prepare("update workspaces set created_at = created_at - ? where id = 'local'").run(
      (options.days ?? 90) * DAY_MS,
    );
  } finally {
    db.close();
  }
}
