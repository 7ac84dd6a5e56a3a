import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromQuestionSet, parseEvalFile } from '../../adapters/cli/eval-report.js';
import { loadQuestionSet } from '../../src/answer/question-set.js';
import { CLI } from '../support/cli.js';
import { byQuestion, type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.js';

/** `dutybot eval`, run as users run it (the built CLI), with and without a model on loopback. */

const run = promisify(execFile);
const QUESTIONS = [
  '# a comment line',
  '{"question": "how often should we test restores on 1Backup?", "lang": "en", "expect": ["1backup.customer.restore-test"]}',
  '{"question": "who makes sure our off-site copies can really be brought back?", "lang": "en", "any": ["1backup.customer.restore-test"]}',
  '{"question": "Does AWS back up our data?", "lang": "en", "expect": "none"}',
  '{"question": "ogni quanto facciamo il test di ripristino su 1Backup?", "lang": "it", "expect": ["test di ripristino"]}',
  '',
].join('\n');

describe('dutybot eval', () => {
  let dir: string;
  let fake: FakeOpenAi;
  let file: string;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('run `npm run build` first (npm test does it)');
    dir = mkdtempSync(join(tmpdir(), 'dutybot-eval-'));
    file = join(dir, 'questions.jsonl');
    writeFileSync(file, QUESTIONS);
    fake = await startFakeOpenAi();
    fake.reply = byQuestion({
      'off-site': { kind: 'select', selection: { status: 'answered', ids: ['1backup.customer.restore-test'] } },
    });
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && !/^(OPENAI_|AZURE_OPENAI_|DUTYBOT_LLM)/.test(k)) clean[k] = v;
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, 'eval', ...args], { env: { ...clean, ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('scores the deterministic engine per language, with abstentions and latency, and calls nothing', async () => {
    const { code, stdout } = await cli([file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.questions).toBe(4);
    expect(report.byLang.en).toEqual({ correct: 2, total: 3 });
    expect(report.byLang.it).toEqual({ correct: 1, total: 1 });
    expect(report.outOfScope).toEqual({ correct: 1, total: 1 });
    expect(report.abstentions).toEqual({ total: 2, inScope: 1 });
    expect(report.latencyMs.p99).toBeGreaterThanOrEqual(report.latencyMs.p50);
    expect(report.tokens.calls).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('with --llm, the model answers what the engine could not, and tokens are reported', async () => {
    const env = { OPENAI_BASE_URL: fake.baseURL, DUTYBOT_LLM_MODEL: 'fake-model' };
    const { code, stdout } = await cli([file, '--llm'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/English: 100\.0% \(3\/3\)/);
    expect(stdout).toMatch(/model: 1 calls, 1200 input tokens \(1024 cached\), 20 output tokens/);
    // Out of scope and answered questions were not sent.
    expect(fake.requests.map((r) => r.question)).toEqual([
      'who makes sure our off-site copies can really be brought back?',
    ]);
  });

  it('refuses --llm without a provider, and names the line of a bad entry', async () => {
    const noProvider = await cli([file, '--llm']);
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toMatch(/--llm needs a provider/);
    expect(() => parseEvalFile('{"question": "x", "lang": "fr", "expect": "none"}', 'q.jsonl')).toThrow(
      /q\.jsonl:1: lang/,
    );
  });

  it('reads the project question set in the same format', () => {
    const items = fromQuestionSet(loadQuestionSet());
    expect(items.length).toBeGreaterThan(100);
    expect(items.some((item) => item.expect === 'none')).toBe(true);
  });
});
