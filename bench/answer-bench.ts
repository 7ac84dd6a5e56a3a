import { performance } from 'node:perf_hooks';
import { answer } from '../src/answer/answer.js';
import { loadLexicon } from '../src/answer/lexicon.js';
import { loadQuestionSet, percent, scoreQuestionSet } from '../src/answer/question-set.js';
import { loadKnowledge } from '../src/knowledge/load.js';

/**
 * In-process latency of `answer()` over the engine's own question set: the first call (which
 * builds the per-Knowledge indexes), then warm p50/p99/max per question over many rounds, plus
 * the question-set scores so speed and quality are read side by side.
 */

const ROUNDS = 200;
const WARMUP_ROUNDS = 5;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

function ms(value: number): string {
  return `${value.toFixed(3)} ms`;
}

export async function benchAnswer(): Promise<string[]> {
  const knowledge = loadKnowledge();
  const questions = loadQuestionSet();
  const texts = questions.map((q) => q.q);

  const coldStart = performance.now();
  loadLexicon();
  answer(texts[0]!, knowledge);
  const cold = performance.now() - coldStart;

  for (let round = 0; round < WARMUP_ROUNDS; round++) for (const text of texts) answer(text, knowledge);

  const samples: number[] = [];
  let sink = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of texts) {
      const t0 = performance.now();
      sink += answer(text, knowledge).matches.length;
      samples.push(performance.now() - t0);
    }
  }
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);

  const score = scoreQuestionSet(questions, (q) => answer(q, knowledge));
  return [
    `answer engine — ${questions.length} questions × ${ROUNDS} rounds in-process (warm), ${sink > 0 ? 'results checked' : 'no results?'}`,
    `  first answer incl. lexicon + index build: ${ms(cold)}`,
    `  per question: p50 ${ms(quantile(samples, 0.5))} · p99 ${ms(quantile(samples, 0.99))} · max ${ms(samples.at(-1)!)}`,
    `  throughput: ${Math.round((samples.length / elapsed) * 1000).toLocaleString('en')} answers/s on one thread`,
    `  question set: English ${percent(score.en)}% · Italian ${percent(score.it)}% · out of scope abstained ${percent(score.abstain)}%`,
  ];
}

// Runnable on its own: `npx tsx bench/answer-bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchAnswer()) console.log(line);
}
