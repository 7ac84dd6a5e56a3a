import type { Lang } from '../views/types.js';
import type { CompiledLexicon } from './lexicon.js';

/**
 * Language by unambiguous function words ("chi", "il", "dobbiamo" vs "who", "the", "must"), then
 * by words only one language's vocabulary uses. Ties go to English, the product's default.
 */
export function detectLanguage(words: readonly { word: string }[], lexicon: CompiledLexicon): Lang {
  let it = 0;
  let en = 0;
  for (const { word } of words) {
    if (lexicon.markers.it.has(word)) it += 1;
    else if (lexicon.markers.en.has(word)) en += 1;
    else if (lexicon.onlyIn.it.has(word)) it += 0.5;
    else if (lexicon.onlyIn.en.has(word)) en += 0.5;
  }
  return it > en ? 'it' : 'en';
}
