import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '../../src/answer/question-set.js';
import { hash } from './filler.js';

/**
 * Blind fillers (issue 12): chat around a question written by people who never saw the engine nor
 * its word lists, one per line as `lang<TAB>before|after<TAB>text` (an `after` text opening with
 * a comma attaches without a space). Unlike the generator's fillers (filler.ts) they may use any
 * word, as people do.
 * - `blind-fillers-tuned.tsv` (2026-12-01, first list): measured on the development part, then
 *   tuned on. Reported for what it is.
 * - `blind-fillers.tsv` (2026-12-01, second list, by another writer): never tuned on; only measured.
 */
export interface BlindFiller {
  lang: 'en' | 'it';
  at: 'before' | 'after';
  text: string;
}

export function loadBlindFillers(name: 'blind-fillers.tsv' | 'blind-fillers-tuned.tsv'): BlindFiller[] {
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
