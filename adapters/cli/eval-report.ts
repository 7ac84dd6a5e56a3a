import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Answer } from '../../src/answer/answer.js';
import type { ModelOutcome } from '../../src/answer/model-assisted.js';
import type { Question } from '../../src/answer/question-set.js';
import type { ModelUsage } from '../../src/ports/answer-model.js';

/**
 * The evaluator behind `dutybot eval` (eval.ts) and the benchmark: the question-file format
 * (docs/eval.md), the scoring rule, and the report (accuracy per language, abstentions, latency,
 * tokens).
 */

/** A question file that does not follow the format; the message names the file and line. */
export class EvalFileError extends Error {}

const EvalItemSchema = z
  .object({
    question: z.string().trim().min(1),
    lang: z.enum(['en', 'it']),
    /** "none" for a question the page does not answer; else ids or texts the answer must ALL contain. */
    expect: z.union([z.literal('none'), z.array(z.string().min(1))]).default([]),
    /** Ids or texts of which the answer must contain at least one. */
    any: z.array(z.string().min(1)).default([]),
  })
  .refine((item) => item.expect === 'none' || item.expect.length > 0 || item.any.length > 0, {
    message: 'give "expect" (ids or texts, or "none") or "any"',
  });
export type EvalItem = z.infer<typeof EvalItemSchema>;

/** One JSON object per line; blank lines and lines starting with # are skipped. Errors name the line. */
export function parseEvalFile(text: string, file = 'questions'): EvalItem[] {
  const items: EvalItem[] = [];
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw new EvalFileError(`${file}:${i + 1}: not a JSON object`);
    }
    const parsed = EvalItemSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new EvalFileError(`${file}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    items.push(parsed.data);
  });
  if (items.length === 0) throw new EvalFileError(`${file}: no questions`);
  return items;
}

/** The project's own question set in this format (ids accepted first become `any`, exact sets `expect`). */
export function fromQuestionSet(questions: readonly Question[]): EvalItem[] {
  return questions.map((q) => {
    if (q.expect === 'abstain') return { question: q.q, lang: q.lang, expect: 'none', any: [] };
    return q.expect.set
      ? { question: q.q, lang: q.lang, expect: [...q.expect.top, ...q.expect.includes], any: [] }
      : { question: q.q, lang: q.lang, expect: [...q.expect.includes], any: [...q.expect.top] };
  });
}

export interface Asked {
  answer: Answer;
  outcome?: ModelOutcome;
  usage?: ModelUsage | null;
}

export interface EvalReport {
  questions: number;
  mode: string;
  byLang: Record<'en' | 'it', { correct: number; total: number }>;
  outOfScope: { correct: number; total: number };
  /** Replies that abstained, and in-scope questions among them. */
  abstentions: { total: number; inScope: number };
  latencyMs: { p50: number; p99: number; max: number };
  tokens: { input: number; output: number; cached: number; calls: number };
  outcomes: Partial<Record<ModelOutcome, number>>;
  failures: { question: string; problem: string }[];
}

export async function evaluate(
  items: readonly EvalItem[],
  ask: (question: string) => Promise<Asked>,
  mode: string,
): Promise<EvalReport> {
  const report: EvalReport = {
    questions: items.length,
    mode,
    byLang: { en: { correct: 0, total: 0 }, it: { correct: 0, total: 0 } },
    outOfScope: { correct: 0, total: 0 },
    abstentions: { total: 0, inScope: 0 },
    latencyMs: { p50: 0, p99: 0, max: 0 },
    tokens: { input: 0, output: 0, cached: 0, calls: 0 },
    outcomes: {},
    failures: [],
  };
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    const asked = await ask(item.question);
    samples.push(performance.now() - started);
    const problem = judgeItem(item, asked.answer);
    report.byLang[item.lang].total++;
    if (!problem) report.byLang[item.lang].correct++;
    if (item.expect === 'none') {
      report.outOfScope.total++;
      if (!problem) report.outOfScope.correct++;
    }
    if (asked.answer.matches.length === 0) {
      report.abstentions.total++;
      if (item.expect !== 'none') report.abstentions.inScope++;
    }
    if (asked.outcome) report.outcomes[asked.outcome] = (report.outcomes[asked.outcome] ?? 0) + 1;
    if (asked.usage) {
      report.tokens.calls++;
      report.tokens.input += asked.usage.inputTokens;
      report.tokens.output += asked.usage.outputTokens;
      report.tokens.cached += asked.usage.cachedTokens;
    }
    if (problem) report.failures.push({ question: item.question, problem });
  }
  samples.sort((a, b) => a - b);
  report.latencyMs = {
    p50: round(quantile(samples, 0.5)),
    p99: round(quantile(samples, 0.99)),
    max: round(samples.at(-1) ?? 0),
  };
  return report;
}

/** Null when the answer is right: ids must be among the matches, texts in the reply (any case). */
export function judgeItem(item: EvalItem, answer: Answer): string | null {
  const ids = answer.matches.map((m) => m.id);
  if (item.expect === 'none') return ids.length === 0 ? null : `expected no answer, got ${ids.slice(0, 3).join(', ')}`;
  if (ids.length === 0) return 'abstained';
  if (answer.lang !== item.lang) return `replied in ${answer.lang}`;
  const text = answer.text.toLowerCase();
  const contains = (expected: string) => ids.includes(expected) || text.includes(expected.toLowerCase());
  const missing = item.expect.filter((expected) => !contains(expected));
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  if (item.any.length > 0 && !item.any.some(contains)) return `none of ${item.any.slice(0, 3).join(', ')}`;
  return null;
}

export function formatReport(report: EvalReport): string[] {
  const pct = (part: { correct: number; total: number }) =>
    part.total === 0 ? '—' : `${((100 * part.correct) / part.total).toFixed(1)}% (${part.correct}/${part.total})`;
  const lines = [
    `${report.questions} questions, ${report.mode}`,
    `  English: ${pct(report.byLang.en)} · Italian: ${pct(report.byLang.it)} · out of scope: ${pct(report.outOfScope)}`,
    `  abstentions: ${report.abstentions.total} (${report.abstentions.inScope} on in-scope questions)`,
    `  latency per question: p50 ${report.latencyMs.p50} ms · p99 ${report.latencyMs.p99} ms · max ${report.latencyMs.max} ms`,
  ];
  if (report.tokens.calls > 0 || Object.keys(report.outcomes).length > 0) {
    const outcomes = Object.entries(report.outcomes)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    lines.push(
      `  model: ${report.tokens.calls} calls, ${report.tokens.input} input tokens (${report.tokens.cached} cached), ${report.tokens.output} output tokens`,
      `  model outcomes: ${outcomes}`,
    );
  }
  for (const failure of report.failures.slice(0, 20)) lines.push(`  ✗ ${failure.question} — ${failure.problem}`);
  if (report.failures.length > 20) lines.push(`  … and ${report.failures.length - 20} more`);
  return lines;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))]!;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
