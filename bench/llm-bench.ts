import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluate, formatReport, fromQuestionSet } from '../adapters/cli/eval-report.js';
import { loadLlmConfig } from '../adapters/llm/config.js';
import { createOpenAiAnswerModel } from '../adapters/llm/openai.js';
import { promptPrefix, questionMessage } from '../adapters/llm/prompt.js';
import { answer } from '../src/answer/answer.js';
import { createModelAssistedAnswerer } from '../src/answer/model-assisted.js';
import { packCandidates } from '../src/answer/model-selection.js';
import { loadQuestionSet } from '../src/answer/question-set.js';
import { storeSelectionCache } from '../src/bot/model-records.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createStore } from '../src/store/create-store.js';
import { startFakeOpenAi } from '../test/support/fake-openai.js';

/**
 * The optional model path's own cost, against a local OpenAI-compatible fake that answers at once:
 * what dutybot adds to a model call (engine first, prompt, the SDK, structured-output parsing,
 * validation, composing from the pack) next to a bare HTTP round trip of the same request to the
 * same fake; then a cached answer (SQLite key-value table, no call). The project's question set is
 * also scored through `dutybot eval`'s evaluator (deterministic: no model is reachable here).
 */

const ROUNDS = 150;
const WARMUP = 20;
/** Questions the engine abstains on and nothing marks out of scope: the ones a model is asked. */
const PARAPHRASES = [
  'who makes sure our off-site copies can really be brought back?',
  'do you keep a second copy of our stuff somewhere else in Europe?',
  'chi si assicura che le copie fuori sede tornino davvero in vita?',
];

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(2)} ms · p99 ${quantile(sorted, 0.99).toFixed(2)} ms`;
}

async function timed(samples: number[], fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await fn();
  samples.push(performance.now() - t0);
}

export async function benchLlm(): Promise<string[]> {
  const knowledge = loadKnowledge();
  const fake = await startFakeOpenAi();
  const dir = mkdtempSync(join(tmpdir(), 'dutybot-llm-bench-'));
  const store = await createStore(`sqlite:${join(dir, 'bench.sqlite')}`);
  try {
    fake.reply = () => ({
      kind: 'select',
      selection: { status: 'answered', ids: ['1backup.customer.restore-test'] },
    });
    const config = loadLlmConfig({ OPENAI_BASE_URL: fake.baseURL, DUTYBOT_LLM_MODEL: 'fake-model' })!;
    const model = createOpenAiAnswerModel(config);
    const uncached = createModelAssistedAnswerer({ knowledge, model });
    const cached = createModelAssistedAnswerer({ knowledge, model, cache: storeSelectionCache(store) });

    // The same request as the chat path sends, posted with bare fetch: the network floor.
    const candidates = packCandidates(knowledge);
    const rawBody = (question: string) =>
      JSON.stringify({
        model: 'fake-model',
        messages: [
          { role: 'system', content: promptPrefix(candidates) },
          { role: 'user', content: questionMessage({ question, lang: 'en', services: [] }) },
        ],
      });
    const raw = async (question: string) => {
      const response = await fetch(`${fake.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
        body: rawBody(question),
      });
      await response.json();
    };

    const engine: number[] = [];
    const llm: number[] = [];
    const floor: number[] = [];
    const hits: number[] = [];
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const keep = round >= WARMUP;
      for (const question of PARAPHRASES) {
        await timed(keep ? engine : [], async () => answer(question, knowledge));
        await timed(keep ? floor : [], () => raw(question));
        await timed(keep ? llm : [], async () => {
          const result = await uncached.answer(question);
          if (result.outcome !== 'selected') throw new Error(`model path did not answer: ${result.detail}`);
        });
      }
    }
    for (const question of PARAPHRASES) await cached.answer(question); // fill the cache
    const callsBefore = fake.requests.length;
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const question of PARAPHRASES) {
        await timed(round >= WARMUP ? hits : [], async () => {
          const result = await cached.answer(question);
          if (result.outcome !== 'cached') throw new Error('expected a cache hit');
        });
      }
    }
    if (fake.requests.length !== callsBefore) throw new Error('cache hits reached the model');

    // Paired: each model-path sample minus the round trip measured just before it, same question.
    const added = llm.map((ms, i) => ms - floor[i]!).sort((a, b) => a - b);
    const report = await evaluate(
      fromQuestionSet(loadQuestionSet()),
      async (question) => ({ answer: answer(question, knowledge) }),
      'deterministic engine',
    );
    return [
      `model path against a local fake answering at once — ${PARAPHRASES.length} paraphrases × ${ROUNDS} rounds, one call each (no cache)`,
      `  engine alone (abstains): ${summary(engine)}`,
      `  bare HTTP round trip of the same request: ${summary(floor)}`,
      `  whole model path (engine, prompt, SDK, parse, validation, compose): ${summary(llm)}`,
      `  added by dutybot over the round trip (paired): p50 ${quantile(added, 0.5).toFixed(2)} ms · p99 ${quantile(added, 0.99).toFixed(2)} ms`,
      `  cached answer (SQLite key-value, no call): ${summary(hits)}`,
      `  prompt prefix (cacheable by the provider): ${promptPrefix(candidates).length.toLocaleString('en')} characters, ${candidates.length} items`,
      '`dutybot eval` on the project question set:',
      ...formatReport(report)
        .filter((line) => !line.startsWith('  ✗') && !line.startsWith('  …'))
        .map((line) => `  ${line.trim()}`),
    ];
  } finally {
    await store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Runnable on its own: `npx tsx bench/llm-bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchLlm()) console.log(line);
}
