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

function ask(args: string[], input = '') {
  const result = spawnSync(process.execPath, [CLI, 'ask', ...args], {
    input,
    encoding: 'utf8',
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_URL: `sqlite:${join(dir, 'ask.sqlite')}` },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
