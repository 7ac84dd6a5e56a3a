import { CONDITIONALS, ITALIAN_MODAL_FORMS, MODALS, SUBJECT_PRONOUNS } from './grammar.js';
import type { Word } from './words.js';

/**
 * "…? let me know WHEN YOU CAN.", "…? fatemi sapere QUANDO POTETE": "when" or "if" before only a
 * subject and a modal, closing a clause after the question without a question mark, says when to
 * answer; the modal's verb, the answering, is left unsaid. It asks nothing ("when" is no "how
 * often"). Returns those words of the clause at `positions`, or none.
 */
export function whenToAnswer(words: readonly Word[], positions: readonly number[]): number[] {
  const end = positions.length - 1;
  const last = positions[end];
  if (last === undefined || words[last]!.asks) return [];
  if (!MODALS.has(words[last]!.typed) && !ITALIAN_MODAL_FORMS.has(words[last]!.typed)) return [];
  for (const opener of [end - 2, end - 1]) {
    const at = positions[opener];
    if (at === undefined || !CONDITIONALS.has(words[at]!.typed)) continue;
    if (opener === end - 2 && !SUBJECT_PRONOUNS.has(words[positions[end - 1]!]!.typed)) continue;
    return positions.slice(opener);
  }
  return [];
}
