import { APOLOGIZING, DETERMINERS, SENTENCE_OPENERS } from './grammar.js';
import type { Word } from './words.js';

/**
 * "SORRY FOR THE NOOB Q 🙈 who…", "…backups SRY FOR THE WALL OF TEXT", "SCUSATE IL CROSSPOSTING,
 * chi…", "…su Acme SCUSATE SE È UNA DOMANDA SCEMA": an apology is about the asking, and what
 * it apologizes for (a question, a message, a bother, its being obvious) is no subject, whatever
 * the words. It runs from the apology word to the end of its clause, or to the first word that
 * anchors the question (a service, a party, a subject of the page, a question word: "scusate il
 * disturbo ACME può…", "sorry for asking again about BACKUPS") or opens a sentence ("sorry to
 * bother IS an IP address…"), which is the question's again.
 *
 * Not an apology word after a determiner ("una SCUSA", "no excuse"), nor when the question points
 * back at what was apologized for ("sorry for the spam flood, who stops IT?").
 *
 * Returns the positions of the apology's words.
 */
export function apologies(
  words: readonly Word[],
  /** Words the question holds on to: a service, a party, a subject of the page, a question cue. */
  anchorsAt: (at: number) => boolean,
  /** A pronoun pointing back at a thing named before it. */
  pointsBackAt: (at: number) => boolean,
): number[] {
  const found: number[] = [];
  for (let at = 0; at < words.length; at++) {
    const segment = words[at]!.segment;
    const previous = words[at - 1];
    const determined = previous !== undefined && previous.segment === segment && DETERMINERS.has(previous.typed);
    if (!APOLOGIZING.has(words[at]!.typed) || determined) continue;
    const run = [at];
    // Unpunctuated, a word opening a sentence starts the question ("sorry to bother IS an IP
    // address…").
    const ends = (k: number) => words[k]!.segment !== segment || anchorsAt(k) || SENTENCE_OPENERS.has(words[k]!.typed);
    for (let k = at + 1; k < words.length && !ends(k); k++) run.push(k);
    const pointedAt = words.some((w, k) => w.segment > segment && pointsBackAt(k));
    if (!pointedAt) found.push(...run);
    at = run.at(-1)!;
  }
  return found;
}
