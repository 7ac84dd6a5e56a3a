import type { Lang } from '../views/types.js';
import { PREPOSITIONS } from './grammar.js';
import type { Word } from './words.js';

/**
 * "How long does a VM restore TAKE?", "quanto CI METTE Acme a fare l'export?", "quanto IMPIEGANO
 * a disattivarlo?": how long a piece of work takes, which a page of duties never states (it states
 * how often, by whom, and how long copies are kept). Read by the grammar, not by a list of topics:
 * English "take" in a clause asking how long; Italian "metterci" ("ci mette", "ci hanno messo") or
 * "impiegare" in a clause asking "quanto". Returns the words that asked it, as typed, or null.
 */
export function asksHowLongWorkTakes(words: readonly Word[], asksHowLong: boolean, lang: Lang): string | null {
  const askingQuanto = new Set(words.filter((w) => w.typed === 'quanto').map((w) => w.segment));
  for (let at = 0; at < words.length; at++) {
    const typed = words[at]!.typed;
    // "…does a restore TAKE?", "…TAKE to restore", "…TAKE them": not "take ACTION", a verb of its own.
    const object = words[at + 1];
    const takesTime =
      object === undefined ||
      object.segment !== words[at]!.segment ||
      PREPOSITIONS.has(object.typed) ||
      TIME_TAKERS.has(object.typed) ||
      object.capitalized;
    if (lang === 'en' && asksHowLong && ENGLISH_TAKING.has(typed) && takesTime) return typed;
    if (lang !== 'it' || !askingQuanto.has(words[at]!.segment)) continue;
    if (ITALIAN_SPENDING.test(typed)) return typed;
    // "ci mette", "ci hanno messo": the clitic, an auxiliary perhaps, then a form of "mettere".
    const next = words[at + 1]?.typed ?? '';
    const after = words[at + 2]?.typed ?? '';
    if (typed === 'ci' && (METTERE.test(next) || (ITALIAN_HAVE.has(next) && METTERE.test(after))))
      return `ci ${METTERE.test(next) ? next : `${next} ${after}`}`;
  }
  return null;
}

const ENGLISH_TAKING: ReadonlySet<string> = new Set(['take', 'takes', 'took', 'taking', 'taken']);
/** Whom the time is taken from ("take US", "take THEM"): the object pronouns of English. */
const TIME_TAKERS: ReadonlySet<string> = new Set(['us', 'them', 'you', 'me', 'him', 'her', 'it']);
/** Every form of "impiegare" that says time spent ("impiega", "impiegano", "impiegherà", "impiegato"). */
const ITALIAN_SPENDING = /^impieg(a|ano|hi|hiamo|ate|ato|ata|ati|ava|avano|hera|heranno|herebbe|herebbero)$/;
/** The forms of "mettere" that follow "ci" in "metterci" (time taken). */
const METTERE = /^(mett(e|ono|i|iamo|ete|era|eranno|erebbe|erebbero|eva|evano)|messo|messa|messi)$/;
const ITALIAN_HAVE: ReadonlySet<string> = new Set(['ha', 'hanno', 'ho', 'hai', 'abbiamo', 'avete']);
