import type { IndexedDoc } from './knowledge-index.js';
import type { SubjectWord } from './understand.js';

/**
 * Grounding: an answer is given only when the words that carry the question's subject are said
 * by the answer itself. Ranking finds the duty nearest to a question; it cannot tell that the
 * question also asks about something the page never says ("does CoreTech offer DDoS protection?",
 * "how fast is a 1Backup restore?", "is the data encrypted in transit?"). A subject word is grounded
 * when an answering document holds its stem (English or Italian text, title) or one of the concepts
 * its phrase says (so synonyms and inflections count).
 */
export interface Grounding {
  /** Subject words the answers say. */
  grounded: number;
  /** Words neither the page nor the lexicon knows, so no answer can say them: the real subject. */
  unknown: string[];
  /** Known words the answers do not say (often a generic verb: "run", "manda", "have"). */
  unsaid: string[];
}

export function groundQuestion(subjects: readonly SubjectWord[], answers: readonly IndexedDoc[], isKnown: (word: string) => boolean): Grounding {
  const result: Grounding = { grounded: 0, unknown: [], unsaid: [] };
  for (const subject of subjects) {
    const said = answers.some(
      (doc) => doc.terms.has(`w:${subject.stem}`) || subject.concepts.some((id) => doc.terms.has(`c:${id}`)),
    );
    if (said) result.grounded++;
    else if (isKnown(subject.word)) result.unsaid.push(subject.word);
    else result.unknown.push(subject.word);
  }
  return result;
}

/** Whether the answers cover the question well enough to be given. */
export function isGrounded(g: Grounding): boolean {
  const mode = process.env.H10_MODE ?? 'A';
  if (g.unknown.length > 0) return false;
  if (mode === 'B') return g.unsaid.length <= g.grounded;
  if (mode === 'C') return g.unsaid.length < 2;
  if (mode === 'D') return g.unsaid.length < 2 || g.unsaid.length <= g.grounded;
  return true;
}
