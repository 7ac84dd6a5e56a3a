import { CATALOGUES, isLang } from '../../../src/views/catalogue/index.js';
import type { Lang } from '../../../src/views/types.js';

/** Every language the catalogue has, so the language switch grows with it. */
export const PAGE_LANGUAGES = Object.keys(CATALOGUES) as Lang[];

const FALLBACK: Lang = 'en';

/**
 * The language of a public page: `?lang=` when it names a catalogue language, else the best
 * match of the browser's Accept-Language (by q-value, primary subtag: `it-CH` is Italian), else
 * English. Nobody is signed in here, so there is no workspace language to follow.
 */
export function publicPageLanguage(query: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) return query;
  for (const tag of preferredTags(acceptLanguage ?? '')) {
    const primary = tag.split('-')[0]!.toLowerCase();
    if (isLang(primary)) return primary;
  }
  return FALLBACK;
}

/** Accept-Language's tags, most preferred first; `q=0` means "not this one". */
function preferredTags(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
