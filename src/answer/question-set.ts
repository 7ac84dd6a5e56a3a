import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { packageRoot } from '../knowledge/package-root.js';
import type { Answer } from './answer.js';

/**
 * The engine's question sets and their scoring rule, shared by the test suite and the benchmark.
 * `test/questions/questions.yaml` and `dev-*.yaml` are the development part (tuned on); `heldout-*.yaml` is the
 * held-out part, written before the engine ever ran on it and only ever measured. A question is
 * correct when its first match is an accepted id (or, for a question with two answers, the first
 * matches are exactly the expected set) and the reply is in the expected language; an
 * out-of-scope question is correct only with no match at all. An accepted id may use `*` for any
 * run of characters ("*.customer.report-anomalies": any service's).
 */

const ExpectationSchema = z.union([
  z.literal('abstain'),
  z.object({
    /** Accepted ids for the first match; with `set`, the exact set of the first N matches. */
    top: z.array(z.string().min(1)).min(1),
    set: z.boolean().default(false),
    /** Ids that must appear somewhere among the matches (list questions). */
    includes: z.array(z.string().min(1)).default([]),
  }),
]);

export const QuestionSchema = z.object({
  q: z.string().trim().min(1),
  lang: z.enum(['en', 'it']),
  expect: ExpectationSchema,
});
export type Question = z.infer<typeof QuestionSchema>;

export function defaultQuestionSetPath(): string {
  return join(packageRoot(), 'test', 'questions', 'questions.yaml');
}

function questionFiles(pattern: RegExp): string[] {
  const folder = join(packageRoot(), 'test', 'questions');
  return readdirSync(folder)
    .filter((file) => pattern.test(file))
    .sort()
    .map((file) => join(folder, file));
}

/** The development part: `questions.yaml` and the later batches `dev-*.yaml`, tuned on. */
export function developmentQuestionSetPaths(): string[] {
  return [defaultQuestionSetPath(), ...questionFiles(/^dev-.*\.yaml$/)];
}

/** The held-out part: never tuned on. */
export function heldOutQuestionSetPaths(): string[] {
  return questionFiles(/^heldout-.*\.yaml$/);
}

/** One question file; without a path, the curated development set (questions.yaml). */
export function loadQuestionSet(path: string = defaultQuestionSetPath()): Question[] {
  return z.array(QuestionSchema).parse(parse(readFileSync(path, 'utf8')));
}

/** The whole development part: the curated set and the field batches. */
export function loadDevelopmentQuestionSet(): Question[] {
  return developmentQuestionSetPaths().flatMap((file) => loadQuestionSet(file));
}

export function loadHeldOutQuestionSet(): Question[] {
  return heldOutQuestionSetPaths().flatMap((path) => loadQuestionSet(path));
}

const patterns = new Map<string, RegExp>();

/** Whether an id is accepted by an expected id or `*` pattern. */
export function idMatches(pattern: string, id: string): boolean {
  if (!pattern.includes('*')) return pattern === id;
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
    patterns.set(pattern, regex);
  }
  return regex.test(id);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Verdict {
  ok: boolean;
  /** Why it failed, for the test report. */
  problem: string | null;
}

export function judge(question: Question, answer: Answer): Verdict {
  const ids = answer.matches.map((m) => m.id);
  const fail = (problem: string): Verdict => ({ ok: false, problem });
  if (question.expect === 'abstain') {
    if (ids.length > 0 || !answer.view.abstained) return fail(`expected no match, got ${ids.slice(0, 3).join(', ')}`);
    return { ok: true, problem: null };
  }
  if (answer.lang !== question.lang) return fail(`replied in ${answer.lang}, expected ${question.lang}`);
  if (ids.length === 0) return fail('abstained');
  const expected = question.expect;
  if (expected.set) {
    const head = new Set(ids.slice(0, expected.top.length));
    if (!expected.top.every((pattern) => [...head].some((id) => idMatches(pattern, id)))) {
      return fail(`top ${expected.top.length} were ${[...head].join(', ')}, expected ${expected.top.join(', ')}`);
    }
  } else if (!expected.top.some((pattern) => idMatches(pattern, ids[0]!))) {
    return fail(`top was ${ids[0]}, expected one of ${expected.top.slice(0, 4).join(', ')}`);
  }
  const missing = expected.includes.filter((pattern) => !ids.some((id) => idMatches(pattern, id)));
  if (missing.length > 0) return fail(`missing ${missing.join(', ')}`);
  return { ok: true, problem: null };
}

export interface SetScore {
  en: { correct: number; total: number };
  it: { correct: number; total: number };
  abstain: { correct: number; total: number };
  failures: { question: Question; problem: string }[];
}

/** Scores every question; in-scope questions count per language, out-of-scope ones together. */
export function scoreQuestionSet(questions: readonly Question[], ask: (q: string) => Answer): SetScore {
  const score: SetScore = {
    en: { correct: 0, total: 0 },
    it: { correct: 0, total: 0 },
    abstain: { correct: 0, total: 0 },
    failures: [],
  };
  for (const question of questions) {
    const verdict = judge(question, ask(question.q));
    const bucket = question.expect === 'abstain' ? score.abstain : score[question.lang];
    bucket.total++;
    if (verdict.ok) bucket.correct++;
    else score.failures.push({ question, problem: verdict.problem ?? 'wrong' });
  }
  return score;
}

export function percent(part: { correct: number; total: number }): number {
  return part.total === 0 ? 100 : Math.round((1000 * part.correct) / part.total) / 10;
}
