import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
