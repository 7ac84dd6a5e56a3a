import type { Lang } from '../views/types.js';
import {
  DETERMINERS,
  ITALIAN_AUXILIARIES,
  ITALIAN_CAUSAL_PREPOSITIONS,
  PREPOSITIONS,
  QUESTION_WORDS,
} from './grammar.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * "chi controlla PER FAVORE i backup?", "ho cancellato PER SBAGLIO un file", "viene cancellato PER
 * ERRORE fino a…": in Italian, "per" with a bare singular noun right after a verb, before the
 * verb's object or complement, says how something is done or asked, not what it is done to. A
 * thing the verb acts on takes an article ("controlla PER LE stampanti") or is plural ("per
 * stampanti"); after a noun the phrase may say which thing ("backup PER UFFICIO"), so only a verb
 * before it counts. Closing a question, the same phrase is judged in closings.ts.
 *
 * Returns the positions of the preposition and its noun, for the words no lexicon of the page knows.
 */
export function mannerPhrases(words: readonly Word[], unknown: readonly boolean[], lang: Lang): number[] {
  if (lang !== 'it') return [];
  const found: number[] = [];
  const classes = wordClasses();
  const sameClause = (a: number, b: number) => words[b] !== undefined && words[a]!.segment === words[b]!.segment;
  for (let at = 1; at + 1 < words.length; at++) {
    const noun = at + 1;
    if (!ITALIAN_CAUSAL_PREPOSITIONS.has(words[at]!.typed) || !unknown[noun] || !sameClause(at, noun)) continue;
    if (!classes.isSingularBareItalianNoun(words[noun]!.typed)) continue;
    const verb = words[at - 1]!.typed;
    const afterVerb =
      sameClause(at - 1, at) &&
      (ITALIAN_AUXILIARIES.has(verb) || (classes.isItalianVerbForm(verb) && classes.namesAThing(verb) !== true));
    if (!afterVerb) continue;
    // The phrase ends at its noun: what follows opens another phrase, or the clause is over.
    const next = words[noun + 1]?.typed;
    const ends =
      !sameClause(noun, noun + 1) ||
      (next !== undefined && (DETERMINERS.has(next) || PREPOSITIONS.has(next) || QUESTION_WORDS.includes(next)));
    if (ends) found.push(at, noun);
  }
  return found;
}
