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
  const head = `${partnerStem} `;
  for (const [key, values] of lexicon.concepts.entries) {
    if (!key.startsWith(head) || !values.some((id) => partnerConcepts.includes(id))) continue;
    const complement = key.slice(head.length);
    for (const id of lexicon.concepts.entries.get(`${wordStem} ${complement}`) ?? [])
      if (!partnerConcepts.includes(id) && lexicon.conceptInfo.get(id)?.strong) found.add(id);
  }
  return [...found];
}
