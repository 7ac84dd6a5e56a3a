import type { CompiledLexicon } from './lexicon.js';

/**
 * "Titolare o responsabile?": two nouns joined by "or" share the complement said once, or not at
 * all. "Titolare del trattamento" and "responsabile del trattamento" are the controller and the
 * processor; asked together, "responsabile" is the second, however else it reads alone
 * ("responsible"). So a word coordinated with a concept's word says the concept of the phrase it
 * would make with that concept's complement.
 *
 * Returns the concepts the word says in that reading, other than its partner's.
 */
export function elidedConcepts(
  wordStem: string,
  partnerStem: string,
  partnerConcepts: readonly string[],
  lexicon: CompiledLexicon,
): string[] {
  const found = new Set<string>();
  for (const { complement, concepts } of phrasesHeadedBy(lexicon).get(partnerStem) ?? []) {
    if (!concepts.some((id) => partnerConcepts.includes(id))) continue;
    for (const id of lexicon.concepts.entries.get(`${wordStem} ${complement}`) ?? [])
      if (!partnerConcepts.includes(id) && lexicon.conceptInfo.get(id)?.strong) found.add(id);
  }
  return [...found];
}

type HeadedPhrases = Map<string, { complement: string; concepts: readonly string[] }[]>;

const headed = new WeakMap<CompiledLexicon, HeadedPhrases>();

/** The lexicon's concept phrases of several words by their first word's stem, built once per lexicon. */
function phrasesHeadedBy(lexicon: CompiledLexicon): HeadedPhrases {
  let byHead = headed.get(lexicon);
  if (byHead) return byHead;
  byHead = new Map();
  for (const [key, concepts] of lexicon.concepts.entries) {
    const space = key.indexOf(' ');
    if (space < 0) continue;
    const head = key.slice(0, space);
    byHead.set(head, [...(byHead.get(head) ?? []), { complement: key.slice(space + 1), concepts }]);
  }
  headed.set(lexicon, byHead);
  return byHead;
}
