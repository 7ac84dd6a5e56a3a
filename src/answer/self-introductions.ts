import type { Lang } from '../views/types.js';
import { generalLanguage } from './general-words.js';
import { ON_BEHALF, SELF_INTRODUCING } from './grammar.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * "Salve, SONO DAVIDE del commerciale.", "hi, I'M DAVIDE from sales", "THIS IS ANNA from
 * accounting, …": a clause before the question in which the speaker gives their own name says who
 * asks, with whatever department or company follows it ("commerciale" is a word of the page, yet no
 * subject here). The name is a first name written with its capital right after a copula of the
 * first person (grammar.ts); the clause asks nothing itself, a later one does, and it names no
 * service.
 *
 * So does a clause saying for whom the speaker asks ("asking on behalf of the legal folks").
 *
 * Returns the positions of the clause's words.
 */
export function selfIntroductions(
  words: readonly Word[],
  asks: (at: number) => boolean,
  /** Whether a word names the provider: a clause about it is no introduction. */
  provider: (at: number) => boolean,
  lang: Lang,
): number[] {
  const general = generalLanguage();
  const found: number[] = [];
  const segments = [...new Set(words.map((w) => w.segment))];
  for (const segment of segments) {
    const clause = words.flatMap((w, at) => (w.segment === segment ? [at] : []));
    const introduces = (at: number) =>
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
      });
    if (
      !clause.some((at) => introduces(at) || speaksFor(words, at, segment, lang)) ||
      clause.some((at) => asks(at) || words[at]!.used || provider(at))
    )
      continue;
    if (!words.some((w, at) => w.segment > segment && asks(at))) continue;
    found.push(...clause);
  }
  return found;
}

/**
 * "…, ASKING ON BEHALF OF the legal folks —", "SCRIVO PER CONTO dell'ufficio legale.": a verb of the
 * speaker's right before "on behalf of" says for whom they ask, however the page uses the phrase
 * (the processor acts on the controller's behalf). English: a verb that can tell or pass something
 * on (WordNet), in "-ing" as chat drops its subject; Italian: a verb form of the first person, the
 * speaker's own ("scrivo", "chiediamo"). Opening the clause, the phrase alone says it.
 */
function speaksFor(words: readonly Word[], at: number, segment: number, lang: Lang): boolean {
  const verb = words[at]!.typed;
  const phraseAt = (start: number) =>
    ON_BEHALF.some((opening) =>
      opening.every((word, k) => words[start + k]?.typed === word && words[start + k]!.segment === segment),
    );
  // Opening its clause, the phrase says it alone ("PER CONTO della direzione, …").
  if (phraseAt(at) && words[at - 1]?.segment !== segment) return true;
  if (!phraseAt(at + 1)) return false;
  const classes = wordClasses();
  return lang === 'en'
    ? verb.endsWith('ing') && classes.passesOn(verb)
    : /(?:o|iamo)$/.test(verb) && classes.isItalianVerbForm(verb);
}
