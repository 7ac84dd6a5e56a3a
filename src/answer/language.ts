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
  /** The whole message, filler included ("…, che tipo?"): the language people chat in is theirs too. */
  message: readonly { word: string }[] = words,
): Lang {
  let it = 0;
  let en = 0;
  for (const { word } of words) {
    if (lexicon.markers.it.has(word)) it += 1;
    else if (lexicon.markers.en.has(word)) en += 1;
    else if (lexicon.onlyIn.it.has(word)) it += 0.5;
    else if (lexicon.onlyIn.en.has(word)) en += 0.5;
  }
  if (it === en) {
    // No function word of the question tells ("password x nebula, che tipo?"): the whole
    // message does, its function words and the everyday words of one language only (general-words.ts).
    const general = generalLanguage();
    for (const { word } of message) {
      if (lexicon.markers.it.has(word)) it += 1;
      else if (lexicon.markers.en.has(word)) en += 1;
      const lang = general.languageOf(word);
      if (lang === 'it') it += 1;
      else if (lang === 'en') en += 1;
    }
  }
  return it > en ? 'it' : 'en';
}
