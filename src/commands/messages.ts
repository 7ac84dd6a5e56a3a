import { type Catalogue, catalogue } from '../views/catalogue/index.js';
import { typed } from '../views/mentions.js';
import type { Lang } from '../views/types.js';

/** The command layer's sentences: the `commands` section of the one catalogue (src/views/catalogue). */
export type Messages = Catalogue['commands'];

/**
 * Sentences that echo what a user typed, and which of their arguments that is: every language's
 * sentence gets those arguments as typed spans (src/views/mentions.ts), so each surface shows
 * them as inert text — a typed `<!channel>`, `*bold*` or `[link](…)` is never markup.
 */
const ECHOES = {
  unknownDuty: [0],
  ambiguous: [0],
  unknownOccurrence: [0],
  badUrl: [0],
  badDuration: [0],
  badDate: [0],
  badSetting: [0, 1],
  unknownSetting: [0],
  settingsImportBad: [0],
} as const satisfies Partial<Record<keyof Messages, readonly number[]>>;

function withTypedEchoes(sentences: Messages): Messages {
  const wrapped: Record<string, unknown> = { ...sentences };
  for (const [key, positions] of Object.entries(ECHOES)) {
    const say = sentences[key as keyof typeof ECHOES] as (...args: string[]) => string;
    wrapped[key] = (...args: string[]) =>
      say(...args.map((arg, i) => ((positions as readonly number[]).includes(i) ? typed(arg) : arg)));
  }
  return wrapped as Messages;
}

/** Built once per language, on first use. */
const wrappedByLang = new Map<Lang, Messages>();

export function messages(lang: Lang): Messages {
  let sentences = wrappedByLang.get(lang);
  if (!sentences) {
    sentences = withTypedEchoes(catalogue(lang).commands);
    wrappedByLang.set(lang, sentences);
  }
  return sentences;
}
