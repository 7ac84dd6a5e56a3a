import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLlmConfig } from '../../adapters/llm/config.js';
import { answerModelFromEnv } from '../../adapters/llm/from-env.js';
import { createOpenAiAnswerModel } from '../../adapters/llm/openai.js';
import { createModelAssistedAnswerer } from '../../src/answer/model-assisted.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Conversation } from '../../src/bot/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { byQuestion, type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.js';

/**
 * The optional model mode, end to end through the real `openai` SDK against a local fake server:
 * the model only selects pack ids, everything it returns is checked, the reply is composed from the
 * pack, and every failure gives the deterministic answer.
 */

const knowledge = loadKnowledge();
const PARAPHRASE = 'who makes sure our off-site copies can really be brought back?';
const RESTORE_TEST = '1backup.customer.restore-test';
const restoreDuty = knowledge.dutyById.get(RESTORE_TEST)!;
const silent = () => undefined;

describe('model-assisted answers through the openai SDK', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(async () => {
    await fake?.close();
  });
  afterEach(() => {
    fake.requests.length = 0;
    fake.reply = () => ({ kind: 'select', selection: { status: 'not_in_pack', ids: [] } });
  });

  const answererFor = (env: Record<string, string>) => {
    const config = loadLlmConfig({ DUTYBOT_LLM_MODEL: 'fake-model', ...env });
    if (!config) throw new Error('expected a configured model');
    return createModelAssistedAnswerer({ knowledge, model: createOpenAiAnswerModel(config, { debugLog: silent }) });
  };
  const openai = (env: Record<string, string> = {}) =>
    answererFor({ OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'sk-test', ...env });

  it('answers a paraphrase the engine abstains on, rendered from the pack (Responses API, store: false)', async () => {
    fake.reply = byQuestion({
      'off-site copies': {
        kind: 'select',
        selection: { status: 'answered', ids: [RESTORE_TEST], quotes: [{ id: RESTORE_TEST, quote: 'restore test' }] },
      },
    });
    const result = await openai({ DUTYBOT_LLM_API: 'responses' }).answer(`<@U0BOB> ${PARAPHRASE} bob@example.com`);
    expect(result.outcome).toBe('selected');
    const view = result.answer.view;
    expect(view.abstained).toBe(false);
    expect(view.items.map((item) => item.id)).toEqual([RESTORE_TEST]);
    // The duty statement, party, cadence and citation are the pack's, never the model's.
    expect(view.items[0]!.quote).toBe(restoreDuty.text);
    expect(view.items[0]!.performer?.party).toBe('customer');
    expect(view.items[0]!.source.label).toContain('1Backup');
    expect(view.modelSuggestion).toMatch(/suggested by a language model/);
    expect(result.answer.text).toContain(restoreDuty.text);
    expect(result.answer.text).toContain(view.modelSuggestion);
    expect(result.usage).toEqual({ inputTokens: 1200, outputTokens: 20, cachedTokens: 1024 });

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1/responses');
    expect(request.body.store).toBe(false);
    expect(request.body.text.format.type).toBe('json_schema');
    expect(request.body.text.format.strict).toBe(true);
    expect(JSON.stringify(request.body.text.format.schema)).toContain(RESTORE_TEST);
    // No mention, user id or address leaves the workspace; the pack comes first, with its ids.
    expect(request.question).toBe(PARAPHRASE);
    expect(JSON.stringify(request.body)).not.toMatch(/U0BOB|bob@example/);
    expect(request.prefix).toContain(`${RESTORE_TEST} | duty |`);
    expect(request.prefix.indexOf(RESTORE_TEST)).toBeLessThan(request.prefix.length);
  });

  it('uses Chat Completions with structured output for another base URL, and the prefix stays the same', async () => {
    fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] } });
    const answerer = openai();
    const first = await answerer.answer(PARAPHRASE);
    const second = await answerer.answer('chi si assicura che le copie fuori sede tornino davvero in vita?');
    expect(first.outcome).toBe('selected');
    expect(second.outcome).toBe('selected');
    expect(second.answer.lang).toBe('it');
    expect(second.answer.view.modelSuggestion).toMatch(/modello linguistico/);
    const [a, b] = fake.requests;
    expect(a!.path).toBe('/v1/chat/completions');
    expect(a!.body.response_format.type).toBe('json_schema');
    expect(a!.body.response_format.json_schema.strict).toBe(true);
    expect(a!.prefix).toBe(b!.prefix);
  });

  it('reaches Azure OpenAI on its deployment path with the api-key header', async () => {
    fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] } });
    const result = await answererFor({
      AZURE_OPENAI_ENDPOINT: `${fake.origin}/`,
      AZURE_OPENAI_API_KEY: 'azure-key',
      OPENAI_API_VERSION: '2024-10-21',
      DUTYBOT_LLM_DEPLOYMENT: 'dutybot-mini',
    }).answer(PARAPHRASE);
    expect(result.outcome).toBe('selected');
    const request = fake.requests[0]!;
    expect(request.path).toBe('/openai/deployments/dutybot-mini/chat/completions');
    expect(request.query.get('api-version')).toBe('2024-10-21');
    expect(request.headers['api-key']).toBe('azure-key');
  });

  it('abstains when the model names an id the pack does not have', async () => {
    fake.reply = () => ({
      kind: 'select',
      selection: { status: 'answered', ids: ['1backup.customer.offsite-guarantee'] },
    });
    const result = await openai().answer(PARAPHRASE);
    expect(result.answer.view.abstained).toBe(true);
    expect(result.answer.matches).toEqual([]);
    expect(result.answer.view.modelSuggestion).toBeUndefined();
  });

  it('abstains when a quote is not verbatim in the selected duty', async () => {
    fake.reply = () => ({
      kind: 'select',
      selection: {
        status: 'answered',
        ids: [RESTORE_TEST],
        quotes: [{ id: RESTORE_TEST, quote: 'CoreTech guarantees every off-site copy can be restored' }],
      },
    });
    const result = await openai().answer(PARAPHRASE);
    expect(result.outcome).toBe('rejected');
    expect(result.detail).toMatch(/not verbatim/);
    expect(result.answer.view.abstained).toBe(true);
  });

  it('abstains when the model says the pack does not answer', async () => {
    const result = await openai().answer(PARAPHRASE);
    expect(fake.requests).toHaveLength(1);
    expect(result.outcome).toBe('rejected');
    expect(result.answer.view.abstained).toBe(true);
  });

  it('never asks the model when the question is positively out of scope', async () => {
    fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] } });
    const answerer = openai();
    for (const question of [
      'Does AWS back up our data?',
      'how much does RocketWeb cost?',
      'Does Synology backup work?',
    ]) {
      const result = await answerer.answer(question);
      expect(result.outcome, question).toBe('not_asked');
      expect(result.answer.view.abstained, question).toBe(true);
    }
    // Nor when the engine already answers well.
    expect((await answerer.answer('who handles backups on RocketWeb?')).outcome).toBe('not_asked');
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['a 429', { kind: 'status', status: 429 }],
    ['a 500', { kind: 'status', status: 500 }],
    ['malformed JSON', { kind: 'malformed' }],
    ['a refusal', { kind: 'refusal' }],
  ] as const)('falls back to the deterministic answer on %s, after one attempt', async (_, reply) => {
    fake.reply = () => reply;
    const result = await openai().answer(PARAPHRASE);
    expect(result.outcome).toBe('failed');
    expect(result.answer.view.abstained).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });

  it('falls back within the timeout when the model is slow', async () => {
    fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] }, delayMs: 3_000 });
    const answerer = openai({ DUTYBOT_LLM_TIMEOUT_MS: '300' });
    const started = performance.now();
    const result = await answerer.answer(PARAPHRASE);
    const waited = performance.now() - started;
    expect(result.outcome).toBe('timeout');
    expect(result.answer.view.abstained).toBe(true);
    // The reply did not wait for the slow server (3 s); behaviour, not a speed figure.
    expect(waited).toBeLessThan(2_500);
    expect(fake.requests).toHaveLength(1);
  });

  it('logs prompts and outputs only with DUTYBOT_DEBUG', async () => {
    fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] } });
    const lines = (debug: boolean) => {
      const logged: string[] = [];
      const config = loadLlmConfig({
        OPENAI_BASE_URL: fake.baseURL,
        DUTYBOT_LLM_MODEL: 'fake-model',
        ...(debug ? { DUTYBOT_DEBUG: '1' } : {}),
      })!;
      const model = createOpenAiAnswerModel(config, { debugLog: (line) => logged.push(line) });
      return { answerer: createModelAssistedAnswerer({ knowledge, model }), logged };
    };
    const quiet = lines(false);
    await quiet.answerer.answer(PARAPHRASE);
    expect(quiet.logged).toEqual([]);
    const verbose = lines(true);
    await verbose.answerer.answer(PARAPHRASE);
    expect(verbose.logged.join('\n')).toContain(PARAPHRASE);
    expect(verbose.logged.join('\n')).toContain(RESTORE_TEST);
  });

  describe('wired into the bot', () => {
    const dirs: string[] = [];
    afterAll(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });
    const local: Conversation = { workspaceId: 'local', platform: 'local', channelId: 'terminal' };
    const actor = { userId: 'me', isPlatformAdmin: async () => true };
    const botWith = async (env: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'dutybot-llm-'));
      dirs.push(dir);
      const answerModel = await answerModelFromEnv(env, silent);
      return createDutybot({ databaseUrl: `sqlite:${join(dir, 'dutybot.sqlite')}`, answerModel });
    };
    const env = () => ({ OPENAI_BASE_URL: fake.baseURL, DUTYBOT_LLM_MODEL: 'fake-model' });

    it('makes no request at all without a provider, or with DUTYBOT_LLM=off', async () => {
      fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] } });
      expect(await answerModelFromEnv({}, silent)).toBeUndefined();
      for (const bot of [await botWith({}), await botWith({ ...env(), DUTYBOT_LLM: 'off' })]) {
        const reply = await bot.handle({ text: PARAPHRASE, actor, conversation: local });
        expect(reply.kind === 'answer' && reply.answer.abstained).toBe(true);
        await bot.close();
      }
      expect(fake.requests).toHaveLength(0);
    });

    it('caches a selection: two identical questions make one request, and usage is counted', async () => {
      fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] } });
      const bot = await botWith(env());
      try {
        const first = await bot.handle({ text: PARAPHRASE, actor, conversation: local });
        const again = `  ${PARAPHRASE.replace('?', '').replace(' our ', '  our ')}  `;
        const second = await bot.handle({ text: again, actor, conversation: local });
        for (const reply of [first, second]) {
          expect(reply.kind).toBe('answer');
          if (reply.kind === 'answer') expect(reply.answer.items[0]?.id).toBe(RESTORE_TEST);
        }
        expect(fake.requests).toHaveLength(1);
        expect(await bot.llmUsage('local')).toEqual({
          requests: 1,
          inputTokens: 1200,
          outputTokens: 20,
          cachedTokens: 1024,
          cacheHits: 1,
        });
      } finally {
        await bot.close();
      }
    });

    it('lets a workspace opt out with `settings set llm off`', async () => {
      fake.reply = () => ({ kind: 'select', selection: { status: 'answered', ids: [RESTORE_TEST] } });
      const bot = await botWith(env());
      try {
        const set = await bot.handle({ text: 'settings set llm off', actor, conversation: local });
        expect(set.kind).toBe('updated');
        const reply = await bot.handle({ text: PARAPHRASE, actor, conversation: local });
        expect(reply.kind === 'answer' && reply.answer.abstained).toBe(true);
        expect(fake.requests).toHaveLength(0);
      } finally {
        await bot.close();
      }
    });
  });
});
