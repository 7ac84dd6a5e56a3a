import type { KnowledgeIndex } from './knowledge-index.js';
import { vocabularyBucket } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { editDistance, stem, typoBudget } from './text.js';

/**
 * Replaces a word nobody knows by the closest known word within the typo budget ("bakup" →
 * "backup", "ripristno" → "ripristino"). Short words and foreign names are left alone.
 */
export function correctTypo(word: string, index: KnowledgeIndex, lexicon: CompiledLexicon): string {
  if (index.vocabulary.has(word) || lexicon.offTopicWords.has(word) || lexicon.foreign.entries.has(stem(word)))
    return word;
  const budget = typoBudget(word.length);
  if (budget === 0 || /\d/.test(word)) return word;
  const memo = index.corrections.get(word);
  if (memo !== undefined) return memo ?? word;
  let best: string | null = null;
  let bestDistance = budget + 1;
  for (let length = word.length - budget; length <= word.length + budget; length++) {
    // Typos rarely hit the first letter; ordinary words we do not know ("manda") often are one
    // letter away from a domain word ("banda"): only same-initial candidates are considered.
    for (const candidate of index.vocabularyBuckets.get(vocabularyBucket(word[0]!, length)) ?? []) {
      const distance = editDistance(word, candidate, Math.min(budget, bestDistance));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  if (index.corrections.size < 10_000) index.corrections.set(word, best);
  return best ?? word;
}
