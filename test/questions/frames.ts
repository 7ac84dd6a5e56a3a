import type { Question } from '../../src/answer/question-set.js';
import { hash } from './filler.js';

/**
 * Framed variants of the question sets (issue 12): a question asked inside a clause saying who
 * wants to know ("we're trying to work out who checks…", "non ricordo ogni quanto…"). The
 * expected answer does not change: the frame's "we", "I", "noi" are the asker, not the party the
 * question is about.
 *
 * Only questions that open with a question word are framed (a yes-or-no question would need its
 * verb reordered). These frames were written after the engine's frame reading was built
 * (src/answer/embedded-questions.ts), with other frames than the ones it was built on. Measured
 * once on the development part, two readings were then fixed ("MI ricordate cosa…", "I'M
 * confused about…"); the held-out part is only measured. Unlike the fillers (filler.ts) frames may
 * share the page's words: people frame questions with ordinary words ("we", "know", "tell").
 */
export const FRAMES: Record<'en' | 'it', readonly string[]> = {
  en: [
    "we're trying to work out",
    "I can't remember",
    'help me understand',
    "I'd love to know",
    'we are unsure',
    'remind me',
    'our auditor asked us',
    'I honestly forgot',
    'quick q, does anyone know',
    'could you remind us',
    'we were debating',
    "I'm confused about",
  ],
  it: [
    'qualcuno sa',
    'non ricordo',
    'mi ricordate',
    'vorremmo capire',
    'non mi è chiaro',
    'ci potete dire',
    'sapreste dirmi',
    'mi aiutate a capire',
    'non so',
    'volevamo sapere',
    'stavamo discutendo',
    'il revisore ci ha chiesto',
  ],
};

const OPENERS: Record<'en' | 'it', RegExp> = {
  en: /^(who|whose|what|which|how|when|where)\b/i,
  it: /^(chi|cosa|che cosa|quale|quali|qual|come|quando|dove|quanto|quanti|quante|ogni quanto|per quanto)\b/i,
};

/** Whether a question opens with a question word, so that a frame can embed it as it is. */
export function canBeFramed(question: Question): boolean {
  return OPENERS[question.lang].test(question.q.trim());
}

/** The question inside a frame chosen by a hash of the question, its first letter lowered. */
export function framedVariant(question: Question): Question {
  const frames = FRAMES[question.lang];
  const frame = frames[hash(question.q) % frames.length]!;
  const q = question.q.trim();
  return { ...question, q: `${frame} ${q.charAt(0).toLowerCase()}${q.slice(1)}` };
}

/** Framed variants of the questions that can be framed. */
export function framedVariants(questions: readonly Question[]): Question[] {
  return questions.filter(canBeFramed).map(framedVariant);
}
