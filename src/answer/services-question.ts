import type { CompiledLexicon } from './lexicon.js';
import type { Decision } from './rank.js';
import { stem } from './text.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * "What services does Acme offer?": every content word is a word for "service", and no service,
 * no subject is named. The answer names them all (the pack's list), before the general sections.
 */
export function asksForServices(analysis: QuestionAnalysis | null, lexicon: CompiledLexicon): boolean {
  if (analysis === null || analysis.services.length > 0 || analysis.hintedServices.length > 0) return false;
  if (analysis.strongConcepts > 0 || analysis.subjects.length === 0) return false;
  const nouns = new Set([...lexicon.serviceNouns].map(stem));
  return analysis.subjects.every((word) => nouns.has(word.stem));
}

/**
 * Ranking finds no duty or section for a question made only of the word "services" and abstains
 * as off topic; the pack's own list of services answers it.
 */
export function withServicesAnswer(
  decision: Decision,
  analysis: QuestionAnalysis | null,
  lexicon: CompiledLexicon,
): Decision {
  if (decision.kind !== 'abstain' || decision.reason !== 'off_topic') return decision;
  return asksForServices(analysis, lexicon) ? { kind: 'specific', results: [], sentences: new Map() } : decision;
}
