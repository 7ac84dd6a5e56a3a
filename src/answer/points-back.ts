import {
  AFTER_PRONOUN_OBJECT,
  CONTRACTIONS,
  COPULAS,
  detachEnclitic,
  INVERTING,
  ITALIAN_OBJECT_CLITICS,
  MODALS,
  OBJECT_PRONOUNS,
} from './grammar.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * An object pronoun that points back at a thing named before: English "it", "them" ending a
 * clause or before their verb's particle; Italian "lo", "li" before a verb, or joined to an
 * infinitive ("ripararLO"). "La" and "le" are articles too.
 */
export function pointsBack(words: readonly Pick<Word, 'typed' | 'segment'>[], at: number): boolean {
  const word = words[at]!.typed;
  // Last in its clause, "it" is an object ("who repairs IT?"), not a subject ("is IT our job…");
  // so it is before its verb's particle ("who backs IT up?", "report THEM to Acme"), unless an
  // auxiliary opens a question with it as the subject ("does IT back up…", "is IT on us?", "isn't
  // IT up to…", "who's IT up to": a contraction's rest is an auxiliary).
  if (OBJECT_PRONOUNS.has(word)) {
    const next = words[at + 1];
    if (next === undefined || next.segment !== words[at]!.segment) return true;
    const before = words[at - 1]?.typed ?? '';
    const auxiliary = INVERTING.has(before) || COPULAS.has(before) || MODALS.has(before) || CONTRACTIONS.has(before);
    return AFTER_PRONOUN_OBJECT.has(next.typed) && !auxiliary;
  }
  if (ITALIAN_OBJECT_CLITICS.has(word)) return wordClasses().namesAThing(words[at + 1]?.typed ?? '') === false;
  const clitic = detachEnclitic(word)?.clitic;
  return ['lo', 'la', 'li', 'le'].includes(clitic ?? '') && wordClasses().namesAThing(word) !== true;
}
