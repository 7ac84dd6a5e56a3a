import type { Lang } from '../views/types.js';
import type { Word } from './words.js';

/**
 * "WHERE IN the panel do I change the snapshot time?", "la blacklist la vediamo DA QUALCHE PARTE
 * NEL pannello?", "DOVE NEL pannello…": where inside one of the page's things (its panel), a menu
 * or a screen, which a page of duties never describes: it says at most which panel. A place inside
 * somewhere the page does not name ("where in the world is our data?") is just "where", and so is
 * one on a service ("where on the VM do we check the logs?" asks which logs, which a duty says).
 * Returns the words that asked it, as typed, or null.
 */
export function asksWhereInside(
  words: readonly Word[],
  lang: Lang,
  /** Whether the word at a position says a concept of the page that is neither a place nor a service ("panel"). */
  namesAThing: (at: number) => boolean,
): string | null {
  const asking = lang === 'en' ? ENGLISH_WHERE : ITALIAN_WHERE;
  const inside = lang === 'en' ? ENGLISH_INSIDE : ITALIAN_INSIDE;
  for (let at = 0; at < words.length; at++) {
    const opening = asking.find((phrase) => phrase.every((word, k) => words[at + k]?.typed === word));
    if (opening === undefined) continue;
    const preposition = at + opening.length;
    if (!inside.has(words[preposition]?.typed ?? '')) continue;
    // The thing it is inside: the next word past an article or a possessive.
    for (let k = preposition + 1; k < Math.min(words.length, preposition + 4); k++) {
      if (words[k]!.segment !== words[at]!.segment) break;
      if (namesAThing(k))
        return words
          .slice(at, k + 1)
          .map((w) => w.typed)
          .join(' ');
    }
  }
  return null;
}

const ENGLISH_WHERE: readonly (readonly string[])[] = [['where'], ['whereabouts'], ['which', 'part', 'of']];
const ITALIAN_WHERE: readonly (readonly string[])[] = [
  ['dove'],
  ['da', 'qualche', 'parte'],
  ['in', 'che', 'punto'],
  ['in', 'quale', 'punto'],
  ['in', 'che', 'parte'],
  ['in', 'quale', 'parte'],
];
const ENGLISH_INSIDE: ReadonlySet<string> = new Set(['in', 'on', 'inside', 'within', 'under']);
const ITALIAN_INSIDE: ReadonlySet<string> = new Set([
  ...['in', 'dentro', 'nel', 'nella', 'nello', 'nei', 'negli', 'nelle', 'nell'],
  ...['sul', 'sulla', 'sullo', 'sui', 'sugli', 'sulle', 'sull', 'del', 'della', 'dello', 'dell'],
]);
