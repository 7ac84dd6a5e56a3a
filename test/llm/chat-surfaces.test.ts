import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLlmConfig } from '../../adapters/llm/config.js';
import { createOpenAiAnswerModel } from '../../adapters/llm/openai.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { AnswerModel } from '../../src/ports/answer-model.js';
import { startSlackHarness } from '../slack/harness.js';
import { slashCommand } from '../slack/payloads.js';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.js';
import { cardProblems } from '../teams/card-validation.js';
import { cardOf, personalMessage, startTeamsHarness } from '../teams/harness.js';

/**
 * A slow model behind the real chat surfaces: Slack acknowledges `/duty` within its budget and
 * posts the answer through the response URL when it arrives; Teams shows a typing indicator and
 * replies in the same turn. Both replies are the pack's text with the model's small print.
 */

const PARAPHRASE = 'who makes sure our off-site copies can really be brought back?';
const RESTORE_TEST = '1backup.customer.restore-test';
const restoreText = loadKnowledge().dutyById.get(RESTORE_TEST)!.text;

describe('a slow model behind Slack and Teams', () => {
  let fake: FakeOpenAi;
  let model: AnswerModel;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    const config = loadLlmConfig({
      OPENAI_BASE_URL: fake.baseURL,
      DUTYBOT_LLM_MODEL: 'fake-model',
      DUTYBOT_LLM_TIMEOUT_MS: '6000',
    });
    model = createOpenAiAnswerModel(config!);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('Slack: `/duty <question>` is acknowledged with a notice, and the answer follows via the response URL', async () => {
    // Past the Slack adapter's 2 s acknowledgement budget, within the model's timeout.
    fake.reply = () => ({
      kind: 'select',
      selection: { status: 'answered', ids: [RESTORE_TEST] },
      delayMs: 2_600,
    });
    const h = await startSlackHarness({ answerModel: model });
    try {
      const responseUrl = h.api.responseUrl();
      const who = { team: 'T0001', user: 'UALICE', channel: 'CLLM' };
      const res = await h.requester.command(slashCommand(who, PARAPHRASE, responseUrl));
      expect(res.status).toBe(200);
      expect((res.json() as { text: string }).text).toMatch(/Working on it/);
      const late = await h.api.waitFor(() => h.api.responsesTo(responseUrl)[0], 'late answer', 10_000);
      const blocks = JSON.stringify(late.body.blocks);
      expect(blocks).toContain(restoreText);
      expect(blocks).toContain('suggested by a language model');
      expect(late.body.replace_original).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('Teams: a typing indicator first, then the answer in the same turn', async () => {
    fake.reply = () => ({
      kind: 'select',
      selection: { status: 'answered', ids: [RESTORE_TEST] },
      delayMs: 1_200,
    });
    const h = await startTeamsHarness({ answerModel: model });
    try {
      const response = await h.post(personalMessage(h.connector.serviceUrl, PARAPHRASE));
      expect(response.status).toBe(200);
      const types = h.connector.calls.map((call) => call.body?.type);
      const typing = types.indexOf('typing');
      expect(typing).toBeGreaterThanOrEqual(0);
      const answer = h.connector.calls.findIndex((call) => JSON.stringify(cardOf(call) ?? {}).includes(restoreText));
      expect(answer).toBeGreaterThan(typing);
      const card = cardOf(h.connector.calls[answer]!);
      expect(JSON.stringify(card)).toContain('suggested by a language model');
      expect(cardProblems(card)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
