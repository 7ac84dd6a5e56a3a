import { generalLanguage } from './general-words.js';
import { normalize } from './text.js';
import type { QuestionAnalysis } from './understand.js';
import { wordClasses } from './word-classes.js';

/** At most this many words are named back: a reply is not a list of everything we did not know. */
const MAX_NAMED = 3;

/**
 * The things a question asks about that the page never mentions, spelled as the person typed them
 * ("a FOLDER on Orbit", "la password di ROOT"): an abstention names them, so the reply says what
 * the page lacks instead of only "I don't know". A word is named when it blocked the answer as a
 * subject (neither the page nor the lexicon knows it) and names a thing: a noun of the
 * dictionaries, or a rare word none of them holds ("ransomware"); a greeting or a verb ("yo",
 * "spewing") is not what was asked about. Not when a word of questions the page never answers was
 * asked ("che TEMPO fa a Milano?"): that, not the city, is what it lacks. Letters and digits only,
 * as the tokenizer reads words: nothing a surface could render as markup, a mention or a control
 * sequence.
 */
export function unmentionedSubjects(analysis: QuestionAnalysis | null, question: string): string[] {
  if (analysis === null || analysis.offTopic.length > 0) return [];
  const unknown = new Set(analysis.unknown);
  const namesAThing = (word: string) => {
    const thing = wordClasses().namesAThing(word);
    return thing === true || (thing === undefined && !generalLanguage().isFrequent(word));
  };
  const named = analysis.subjects
    .filter((s) => s.concepts.length === 0 && unknown.has(s.word) && namesAThing(s.word))
    .map((s) => s.word);
  const spelled = new Map<string, string>();
  for (const [surface] of question.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    const word = normalize(surface).replace(/[\s-]/g, '');
    if (!spelled.has(word)) spelled.set(word, surface);
  }
  return [...new Set(named)].slice(0, MAX_NAMED).map((word) => spelled.get(word) ?? word);
}
