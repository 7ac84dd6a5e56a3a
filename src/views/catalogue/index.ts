import type { Lang } from '../types.js';
import { type Catalogue, en } from './en.js';
import { it } from './it.js';

export type { Catalogue, DocumentFacts, ExampleFacts, SetupFacts, WelcomeFacts } from './en.js';

/** One catalogue per language: a new language is one new file here (and its `Lang`). */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, it };

export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(CATALOGUES, value);
}
