import type { IndexedDoc } from './knowledge-index.js';
import type { SubjectWord } from './understand.js';

/**
 * Grounding: an answer is given only when every word that carries the question's subject is said
 * by the answer itself. Ranking finds the duty nearest to a question; it cannot tell that the
 * question also asks about something the page never says ("does CoreTech offer DDoS protection?",
 * "how fast is a 1Backup restore?", "is the data encrypted in transit?"). A subject word is grounded
 * when an answering document holds its stem (English or Italian text, title) or one of the concepts
 * its phrase says (so synonyms and inflections count). One word the answer does not say is enough
 * to abstain: the page would be answering a different question.
 */
export function ungroundedWords(subjects: readonly SubjectWord[], answers: readonly IndexedDoc[]): string[] {
  const missing: string[] = [];
  for (const subject of subjects) {
    const grounded = answers.some(
      (doc) => doc.terms.has(`w:${subject.stem}`) || subject.concepts.some((id) => doc.terms.has(`c:${id}`)),
    );
    if (!grounded) missing.push(subject.word);
  }
  return missing;
}
