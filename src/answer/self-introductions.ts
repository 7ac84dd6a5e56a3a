import { generalLanguage } from './general-words.js';
import { SELF_INTRODUCING } from './grammar.js';
import type { Word } from './words.js';

/**
 * "Salve, SONO DAVIDE del commerciale.", "hi, I'M DAVIDE from sales", "THIS IS ANNA from
 * accounting, …": a clause before the question in which the speaker gives their own name says who
 * asks, with whatever department or company follows it ("commerciale" is a word of the page, yet no
 * subject here). The name is a first name written with its capital right after a copula of the
 * first person (grammar.ts); the clause asks nothing itself, a later one does, and it names no
 * service.
 *
 * Returns the positions of the clause's words.
 */
export function selfIntroductions(words: readonly Word[], asks: (at: number) => boolean): number[] {
  const general = generalLanguage();
  const found: number[] = [];
  const segments = [...new Set(words.map((w) => w.segment))];
  for (const segment of segments) {
    const clause = words.flatMap((w, at) => (w.segment === segment ? [at] : []));
    const introduces = clause.some((at) =>
      SELF_INTRODUCING.some((opening) => {
        const name = words[at + opening.length];
        return (
          opening.every((word, k) => words[at + k]?.typed === word && words[at + k]!.segment === segment) &&
          name !== undefined &&
          name.segment === segment &&
          name.cased &&
          !name.acronym &&
          general.isFirstName(name.typed)
        );
      }),
    );
    if (!introduces || clause.some((at) => asks(at) || words[at]!.used)) continue;
    if (!words.some((w, at) => w.segment > segment && asks(at))) continue;
    found.push(...clause);
  }
  return found;
}
