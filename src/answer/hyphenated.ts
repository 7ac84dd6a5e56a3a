import { generalLanguage } from './general-words.js';
import { normalize, type Token } from './text.js';

/**
 * A word a hyphen joined that no one knows as a whole is read as its words: "whole-VM backup",
 * "remote-controlled", "mezzo-rotto". The page, the lexicon and everyday language know "e-mail",
 * "back-up", "anti-virus" whole, and those stay one word; so does a whole whose parts are not all
 * words ("X-Files"): it is read as typed, a name or a typo. A prefix of two letters ("re-test")
 * leaves the word it is put before.
 *
 * The whole may name a thing none of its words does ("PEN-TESTING", "READ-ONLY account"): where
 * its words are the question's subject, an answer must say each of them (grounding.ts). Where
 * they are filler ("on-call here at 2am, …"), they are set aside like any other word.
 */
export function hyphenatedAsWords(
  tokens: readonly Token[],
  known: (word: string) => boolean,
  /** Whether a word names one of the page's services ("vm"): never a mere prefix. */
  namesAService: (word: string) => boolean,
): Token[] {
  const general = generalLanguage();
  const isWord = (word: string) => known(word) || general.isFrequent(word);
  return tokens.flatMap((token) => {
    const parts = token.hyphenParts?.map((typed) => ({ typed, word: normalize(typed) }));
    if (parts === undefined || isWord(token.word)) return [token];
    // "RE-test", "RI-fare", "CO-owner": a prefix of repetition or company leaves the word it is put
    // before. Not one that turns its meaning ("NON-Italian", "UN-encrypted"), nor a shorthand
    // ("WP-admin", "VM-level"), which is read with the rest.
    const [prefix, head] = parts;
    const isPrefix = KEEPING_PREFIXES.has(prefix!.word) && !namesAService(prefix!.word);
    if (parts.length === 2 && isPrefix && isWord(head!.word))
      return [{ ...token, word: head!.word, hyphenParts: undefined }];
    if (!parts.every(({ word }) => word.length > 1 && isWord(word))) return [token];
    return parts.map(({ typed, word }, at): Token => {
      const last = at === parts.length - 1;
      const cased = /\p{Lu}/u.test(typed);
      return {
        word,
        capitalized: token.capitalized && cased,
        segment: token.segment,
        mention: token.mention && at === 0,
        cased,
        acronym: typed.length >= 2 && !/\p{Ll}/u.test(typed) && cased,
        // Only the last part ends the clause as the whole did.
        exclaims: last && token.exclaims,
        asks: last && token.asks,
        compoundPart: true,
      };
    });
  });
}

/** Prefixes that keep the meaning of the word after them: English and Italian "re-"/"ri-", "co-". */
const KEEPING_PREFIXES: ReadonlySet<string> = new Set(['re', 'ri', 'co']);
