import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatHint, failureText, localeLanguage } from '../adapters/cli/terminal-chat.js';

/**
 * QA findings on the terminal surfaces, run through the built `dutybot` binary like a user would
 * (`npm test` builds first).
 */

const CLI = join(import.meta.dirname, '..', 'dist', 'adapters', 'cli', 'main.js');
let dir: string;

function cli(args: string[], input = '') {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(SLACK_|MICROSOFT_APP_|TEAMS_)/.test(k)) env[k] = v;
  }
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    cwd: dir,
    env: { ...env, DATABASE_URL: `sqlite:${join(dir, 'qa.sqlite')}`, USER: 'tester' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('run `npm run build` first (npm test does it)');
  dir = mkdtempSync(join(tmpdir(), 'dutybot-qa-cli-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('`--` separates the note, it does not swallow the options after it', () => {
  it('records as --by, at --at, with only the note as note', () => {
    const { code, stdout } = cli([
      'done',
      'check',
      'backup',
      'results',
      '1backup',
      '--',
      'checked',
      '--at',
      '2026-11-30T10:00:00+01:00',
      '--by',
      'bob',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Recorded: "Check backup results daily" (Monday 30 November 2026) is done.');
    // Shown in the workspace's time zone (Europe/Rome by default).
    expect(stdout).toContain('2026-11-30 10:00 2026-11-30 done by @bob · note: checked ·');
    expect(stdout).not.toContain('--at');
  });

  it('passes a negative number to the setting, which refuses it with what is allowed', () => {
    const { code, stderr } = cli(['settings', 'set', 'escalation.follow_up_after_working_days', '-1']);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Setting "escalation.follow_up_after_working_days" was not changed: use a whole number of working days from 1 to 30.',
    );
    expect(stderr).not.toContain('Unknown option');
  });
});

describe('export --out', () => {
  it('says plainly when the file cannot be written', () => {
    const { code, stderr } = cli(['export', '--out', join(dir, 'missing-dir', 'ledger.csv')]);
    expect(code).toBe(1);
    expect(stderr).toBe(`dutybot: cannot write ${join(dir, 'missing-dir', 'ledger.csv')}: ENOENT\n`);
  });
});

describe('the terminal chat keeps going after a failed line', () => {
  it('says what failed and answers the next line', () => {
    // `data` is a file, so the export cannot be written into data/.
    writeFileSync(join(dir, 'data'), 'not a directory');
    const { code, stdout } = cli(['chat'], 'export json\nhistory website backup\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^That request failed: .*data/m);
    expect(stdout).toContain('Monthly website backup — RocketWeb - Web Hosting (rocketweb.customer.website-backup)');
    rmSync(join(dir, 'data'));
  });

  it('speaks Italian to an Italian locale', () => {
    expect(localeLanguage({ LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(localeLanguage({ LANG: 'en_GB.UTF-8', LC_ALL: 'it_CH.UTF-8' })).toBe('it');
    expect(localeLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(localeLanguage({})).toBe('en');
    expect(chatHint('it')).toBe('Scrivi una domanda o un comando (`aiuto`); `esci` o Ctrl-D per uscire.');
    expect(failureText(new Error('disk full'), { LANG: 'it_IT.UTF-8' })).toBe('La richiesta non è riuscita: disk full');
  });
});
