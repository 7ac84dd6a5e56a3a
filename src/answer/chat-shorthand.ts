import type { GeneralLanguage } from './general-words.js';
import { DETERMINERS } from './grammar.js';
import type { Word } from './words.js';

/**
 * "thx", "pls", "fyi", "tia", "cmq": short, lowercase and no word of either language. Written in
 * capitals ("DNS", "SSL") it is an acronym, and a subject; so it is after a determiner ("our nas",
 * "il crm"), where only a noun stands.
 */
export function isChatShorthand(words: readonly Word[], at: number, general: GeneralLanguage): boolean {
  const word = words[at]!;
  const previous = words[at - 1];
  if (previous !== undefined && previous.segment === word.segment && DETERMINERS.has(previous.typed)) return false;
  return !word.cased && /^[a-z]{2,4}$/.test(word.typed) && !general.isFrequent(word.typed);
}
