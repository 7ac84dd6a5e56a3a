import type { Lang } from '../types.js';
import { type Catalogue, en } from './en.js';
import { it } from './it.js';

export type { Catalogue, DocumentFacts, ExampleFacts, SetupFacts, WelcomeFacts } from './en.js';

/** One catalogue per language: a new language is one new file here (and its `Lang`). */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, it };

export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

/**
 * A surface's labels: the catalogue's shared ones (`ui`) with the surface's own words over them
 * (buttons, modal titles), merged once per language and frozen. Renderers ask for them per item:
 * a merge per call took 7% of the CPU of `npm run bench`'s chat-command load, and the garbage it
 * made cost more (548 commands/s with it, 690–880 without).
 */
export function surfaceLabels<Own extends object>(
  own: Readonly<Record<Lang, Own>>,
): (lang: Lang) => Readonly<Catalogue['ui'] & Own> {
  const merged = new Map<Lang, Readonly<Catalogue['ui'] & Own>>();
  return (lang) => {
    let labels = merged.get(lang);
    if (!labels) {
      labels = Object.freeze({ ...catalogue(lang).ui, ...own[lang] });
      merged.set(lang, labels);
    }
    return labels;
  };
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(CATALOGUES, value);
}
