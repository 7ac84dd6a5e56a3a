import type { IndexedDoc } from './knowledge-index.js';
import type { SubjectWord } from './understand.js';

/**
 * Grounding: an answer is given only when the words that carry the question's subject are covered.
 * Ranking finds the passage nearest to a question; it cannot tell that the question also asks about
 * something the page never says ("does Acme offer DDoS protection?", "how fast is a Backup1
 * restore?", "are the data encrypted in transit?"). A subject word is said by an answer when the
 * answer holds its stem (English or Italian text, title) or a concept its phrase says (synonyms and
 * inflections count).
 */
export interface Grounding {
  /** Subject words neither the page nor the lexicon knows: no answer can say them. */
  unknown: string[];
  /** Known subject words the answers do not say, and which name one of the page's subjects (a strong concept). */
  otherSubjects: string[];
  /** Every known subject word the answers do not say. */
  unsaid: string[];
}

export interface Vocabulary {
  /** Whether the page or the lexicon knows the word at all. */
  knows(subject: SubjectWord): boolean;
  /** Whether a concept names one of the page's subjects (not an everyday word like "security"). */
  isSubjectConcept(concept: string): boolean;
}

export function groundQuestion(
  subjects: readonly SubjectWord[],
  answers: readonly IndexedDoc[],
  vocabulary: Vocabulary,
): Grounding {
  const result: Grounding = { unknown: [], otherSubjects: [], unsaid: [] };
  for (const subject of subjects) {
    const said = answers.some(
      (doc) => doc.terms.has(`w:${subject.stem}`) || subject.concepts.some((id) => doc.terms.has(`c:${id}`)),
    );
    if (said) continue;
    // "fiume" read as "firme": a correction no answer confirms is a word we do not know.
    // Only a general section, broad and close to many questions, needs that confirmation.
    const guessed = subject.corrected && subject.concepts.length === 0 && answers[0]?.kind === 'fact';
    // "PEN-testing", "READ-only": what the whole names, no answer says by saying its other word.
    // Unless its words make a phrase of the lexicon ("sign-in": a login).
    const partOfUnknownWhole = subject.compoundPart === true && subject.story !== true && subject.concepts.length === 0;
    if (guessed || partOfUnknownWhole || !vocabulary.knows(subject)) {
      result.unknown.push(subject.word);
      continue;
    }
    result.unsaid.push(subject.word);
    // An adverb ("physically", "fisicamente") says how, never names another subject, though its
    // stem is a subject's ("physical security").
    if (!ADVERB.test(subject.word) && subject.concepts.some((id) => vocabulary.isSubjectConcept(id)))
      result.otherSubjects.push(subject.word);
  }
  return result;
}

/** English and Italian adverbs of manner. */
const ADVERB = /.{4,}(ly|mente)$/;
