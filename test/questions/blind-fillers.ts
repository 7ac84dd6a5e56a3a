import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '../../src/answer/question-set.js';
import { hash } from './filler.js';

/**
 * Blind fillers (issue 12): chat around a question written by people who never saw the engine nor
 * its word lists, one per line as `lang<TAB>before|after<TAB>text` (an `after` text opening with
 * a comma attaches without a space). Unlike the generator's fillers (filler.ts) they may use any
 * word, as people do.
 * - `blind-fillers-1.tsv` (2026-12-01, first list): measured on the development part, then tuned on.
 * - `blind-fillers-2.tsv` (2026-12-01, second list, by another writer): measured only, until the
 *   third list was written; then its failures on the development part were studied and tuned on.
 * - `blind-fillers-3.tsv` (2026-12-01, third list, by a third writer): never tuned on; only measured.
 * - `blind-fillers-4.tsv` (2026-12-02, fourth list, 100 per language, by a writer who never saw the
 *   engine nor the other lists): measured on both parts, then tuned on with the development part
 *   only; its held-out score is reported, its fillers no longer blind.
 * Tuned lists are reported for what they are; the untuned one is the measure.
 */
export interface BlindFiller {
  lang: 'en' | 'it';
  at: 'before' | 'after';
  text: string;
}

export const BLIND_FILLER_LISTS = [
  'blind-fillers-1.tsv',
  'blind-fillers-2.tsv',
  'blind-fillers-3.tsv',
  'blind-fillers-4.tsv',
] as const;
export type BlindFillerList = (typeof BLIND_FILLER_LISTS)[number];
/** The list never tuned on. */
export const UNTUNED_BLIND_FILLERS: BlindFillerList = 'blind-fillers-3.tsv';

export function loadBlindFillers(name: BlindFillerList): BlindFiller[] {
  return readFileSync(join(import.meta.dirname, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, at) => {
      const [lang, where, text] = line.split('\t');
      if ((lang !== 'en' && lang !== 'it') || (where !== 'before' && where !== 'after') || !text)
        throw new Error(`${name}:${at + 1}: expected lang<TAB>before|after<TAB>text`);
      return { lang, at: where, text };
    });
}

/** The question with a filler around it. */
export function withFiller(question: Question, filler: BlindFiller): Question {
  const q = question.q;
  if (filler.at === 'before') return { ...question, q: `${filler.text} ${q}` };
  return { ...question, q: filler.text.startsWith(',') ? `${q}${filler.text}` : `${q} ${filler.text}` };
}

/** `perQuestion` variants of each question, with fillers of its language chosen by a hash of the question. */
export function blindVariants(
  questions: readonly Question[],
  fillers: readonly BlindFiller[],
  perQuestion = 3,
): Question[] {
  return questions.flatMap((question) => {
    const own = fillers.filter((f) => f.lang === question.lang);
    const h = hash(question.q);
    return Array.from({ length: Math.min(perQuestion, own.length) }, (_, k) =>
      withFiller(question, own[(h + k * 7919) % own.length]!),
    );
  });
}
