import type { Lang } from '../views/types.js';
import { generalLanguage } from './general-words.js';
import type { CompiledLexicon } from './lexicon.js';

/**
 * Language by unambiguous function words ("chi", "il", "dobbiamo" vs "who", "the", "must"), then
 * by words only one language's vocabulary uses, then, on a tie, by the everyday words of one
 * language only. Ties that remain go to English, the product's default.
 */
export function detectLanguage(
  words: readonly { word: string }[],
  lexicon: CompiledLexicon,
  context: {
    /** The whole message, filler included ("…, che tipo?"): the language people chat in is theirs too. */
    message?: readonly { word: string }[];
    /** Words the pack names a service by in both languages ("hosting"): no vote. */
    bilingual?: ReadonlySet<string>;
  } = {},
): Lang {
  const { message = words, bilingual = new Set<string>() } = context;
  let [it, en] = vocabularyVotes(words, lexicon, bilingual);
  if (it === en) {
    // Nothing in the question tells ("password x nebula, che tipo?"): the whole message does, by
    // the same words and by the everyday words of one language only (general-words.ts).
    [it, en] = vocabularyVotes(message, lexicon, bilingual);
    const general = generalLanguage();
    for (const { word } of message) {
      const lang = bilingual.has(word) ? null : general.languageOf(word);
      if (lang === 'it') it += 1;
      else if (lang === 'en') en += 1;
    }
  }
  return it > en ? 'it' : 'en';
}

/** Italian and English votes of the lexicon's function words (1) and one-language words (0.5). */
function vocabularyVotes(
  words: readonly { word: string }[],
  lexicon: CompiledLexicon,
  bilingual: ReadonlySet<string>,
): [number, number] {
  let it = 0;
  let en = 0;
  for (const { word } of words) {
    if (bilingual.has(word)) continue;
    if (lexicon.markers.it.has(word)) it += 1;
    else if (lexicon.markers.en.has(word)) en += 1;
    else if (lexicon.onlyIn.it.has(word)) it += 0.5;
    else if (lexicon.onlyIn.en.has(word)) en += 0.5;
  }
  return [it, en];
}
