import { generalLanguage } from './general-words.js';

/**
 * "Complexity", "complessità", "completeness": a noun derived from an adjective names the quality
 * the adjective says, so the page's "complex passwords" answers a question about their
 * complexity. Only the suffixes that make a quality of an adjective, a closed set of each
 * grammar, and only back to a word of the same language ("quality" is not Italian "quale").
 */
const QUALITY_SUFFIXES: readonly { lang: 'en' | 'it'; suffix: string; endings: readonly string[] }[] = [
  { lang: 'en', suffix: 'ity', endings: ['', 'e'] },
  { lang: 'en', suffix: 'ness', endings: [''] },
  { lang: 'it', suffix: 'ita', endings: ['o', 'a', 'e'] },
];

/** The adjective a quality noun is derived from, when `known` knows it; null otherwise. */
export function qualityBase(word: string, known: (word: string) => boolean): string | null {
  for (const { lang, suffix, endings } of QUALITY_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 4) continue;
    const root = word.slice(0, -suffix.length);
    for (const ending of endings) {
      const base = root + ending;
      const other = generalLanguage().languageOf(base);
      if (known(base) && (other === null || other === lang)) return base;
    }
  }
  return null;
}
