import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';

/**
 * `dutybot ask` as scripts use it (issue 12): the JSON contract says whether the bot abstained, a
 * single question exits 0 when answered and 1 when it does not know, and batch mode always exits 0
 * while its input is readable. Runs the built binary (`npm test` builds first).
 */

let dir: string;

/** The built CLI in the test's folder, with its own SQLite file. */
function run(database: string, args: string[], input = '') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_URL: `sqlite:${join(dir, database)}` },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ask = (args: string[], input = '') => run('ask.sqlite', ['ask', ...args], input);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('run `npm run build` first (npm test does it)');
  dir = mkdtempSync(join(tmpdir(), 'dutybot-ask-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dutybot ask exit codes and the abstained field', () => {
  it('exits 0 with "abstained": false when it answers', () => {
    const { code, stdout } = ask(['--json', 'how long are email backups kept?']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.abstained).toBe(false);
    expect(json.matches[0].id).toBe('email.provider.backup-control');
    expect(Object.keys(json).sort()).toEqual(['abstained', 'answer', 'lang', 'matches', 'question']);
  });

  it('exits 1 with "abstained": true when it does not know, in JSON and in plain text', () => {
    const json = ask(['--json', 'how much does a Stellar server cost?']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ abstained: true, matches: [] });
    const plain = ask(["what's the capital of France?"]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^I don't know that/);
  });

  it('answers through filler: a greeting, a mention and thanks do not make it abstain', () => {
    const { code, stdout } = ask(['--json', 'yo @marco, how long are email backups kept? cheers!']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).matches[0].id).toBe('email.provider.backup-control');
  });

  it('exits 0 in batch mode, abstentions included, one abstained flag per line', () => {
    const { code, stdout } = ask(
      ['--json'],
      "who keeps the Sygma platform software updated?\nwhat's the weather in Milan?\n",
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { abstained: boolean });
    expect(lines.map((line) => line.abstained)).toEqual([false, true]);
  });
});

describe("dutybot ask --workspace: the answer that workspace's chat gives", () => {
  const cli = (args: string[], input = '') => run('workspace.sqlite', args, input);

  it('leads with the services the workspace uses and names its owner', () => {
    expect(cli(['settings', 'set', 'services', 'mailarchive,email']).code).toBe(0);
    expect(cli(['settings', 'set', 'owners.fallback', 'giulia.rossi']).code).toBe(0);
    const question = 'how often must we test a restore?';
    const fresh = JSON.parse(cli(['ask', '--json', question]).stdout);
    expect(fresh.matches[0].service).toBe('1backup');
    const scoped = cli(['ask', '--json', '--workspace', 'local', question]);
    expect(scoped.code).toBe(0);
    const json = JSON.parse(scoped.stdout);
    expect(json.matches[0].service).toBe('mailarchive');
    expect(json.answer).toContain('@giulia.rossi');
    const text = cli(['ask', '--workspace', 'local', question]);
    expect(text.stdout).toMatch(/^On MailArchive - Mail Archiving/);
  });

  it('reads batches from stdin, and an unknown workspace is a usage error naming the ones there are', () => {
    const batch = cli(
      ['ask', '--json', '--workspace', 'local'],
      'how often must we test a restore?\nweather in Milan?\n',
    );
    expect(batch.code).toBe(0);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { abstained: boolean });
    expect(lines.map((l) => l.abstained)).toEqual([false, true]);
    const unknown = cli(['ask', '--workspace', 'slack:T404', 'who checks the backups?']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('local');
  });
});
