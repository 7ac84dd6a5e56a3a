import { CONDITIONALS, POSTSCRIPT_MARKS } from './grammar.js';
import type { Word } from './words.js';

/**
 * "…weekly duties? PS IT'S SNOWING IN MILAN LOL", "…for Orbit ps oggi piove a dirotto qui a
 * Bologna": after the question, a postscript mark opens an aside, to the end of the message. It is
 * said beside the question, whatever its words ("snowing", "piove" are words of questions the page
 * never answers, not asked here): filler, unless it is more of the question, naming a service or a
 * subject of the page, asking something itself ("…? PS and on Orbit?") or naming a thing of ours
 * ("…backups? ps we mean OUR LAPTOPS"): then only the mark is set aside.
 *
 * Only after a clause that holds the question: a message opening with the mark has nothing to
 * set it beside.
 *
 * Returns the positions of the postscript's words, the mark included.
 */
export function postscript(
  words: readonly Word[],
  /** Words of the question: a service, a subject of the page, a question cue. */
  holdsTheQuestion: (at: number) => boolean,
  /** More of the question: a service, a subject of the page, a question word or mark, a thing of ours. */
  asksMore: (at: number) => boolean,
): number[] {
  for (let at = 1; at < words.length; at++) {
    const mark = POSTSCRIPT_MARKS.find((marks) =>
      marks.every((typed, k) => words[at + k]?.typed === typed && words[at + k]!.segment === words[at]!.segment),
    );
    if (mark === undefined) continue;
    if (!words.slice(0, at).some((_, k) => holdsTheQuestion(k))) continue;
    const aside = words.map((_, k) => k).slice(at);
    // "ps: IF this is already DOCUMENTED somewhere just point me there": with nothing in it that
    // asks, a condition there says when to answer, not what; its words are no more of the question.
    const asksNothing = aside.every((k) => !words[k]!.asks);
    const conditional = (k: number) =>
      asksNothing &&
      aside.some((j) => j < k && words[j]!.segment === words[k]!.segment && CONDITIONALS.has(words[j]!.typed));
    // More of the question: only the mark is set aside ("…? ps AND FOR ORBIT?").
    if (aside.slice(mark.length).some((k) => asksMore(k) && !conditional(k))) return aside.slice(0, mark.length);
    return aside;
  }
  return [];
}
