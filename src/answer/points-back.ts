import { detachEnclitic, ITALIAN_OBJECT_CLITICS, OBJECT_PRONOUNS } from './grammar.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * An object pronoun that points back at a thing named before: English "it", "them" ending a
 * clause; Italian "lo", "li" before a verb, or joined to an infinitive ("ripararLO"). "La" and
 * "le" are articles too.
 */
export function pointsBack(words: readonly Word[], at: number): boolean {
  const word = words[at]!.typed;
  // Last in its clause, "it" is an object ("who repairs IT?"), not a subject ("is IT our job…").
  if (OBJECT_PRONOUNS.has(word)) return words[at + 1] === undefined || words[at + 1]!.segment !== words[at]!.segment;
  if (ITALIAN_OBJECT_CLITICS.has(word)) return wordClasses().namesAThing(words[at + 1]?.typed ?? '') === false;
  const clitic = detachEnclitic(word)?.clitic;
  return ['lo', 'la', 'li', 'le'].includes(clitic ?? '') && wordClasses().namesAThing(word) !== true;
}
