import type { Knowledge } from '../knowledge/model.js';
import { indexFor } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import type { Decision, Scored } from './rank.js';
import { servicesInView } from './services-in-view.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * Some subjects carry a duty nobody asks about: "we got hacked, what now?" asks what happens, and
 * the answer must also say that the customer informs the provider promptly. The pack's lexicon
 * lists these companions (`companions`); each one's duties join a specific answer right after its
 * lead, on the services in view (the named ones, else every one: the arrangement puts those the
 * workspace uses first, and one duty repeated across services reads as one item).
 */
export function withCompanions(
  decision: Decision,
  analysis: QuestionAnalysis | null,
  knowledge: Knowledge,
  lexicon: CompiledLexicon,
): Decision {
  if (decision.kind !== 'specific' || analysis === null || decision.results.length === 0) return decision;
  const companions = lexicon.lexicon.companions.filter((c) => c.when.some((id) => analysis.concepts.has(id)));
  if (companions.length === 0) return decision;
  const named = servicesInView(analysis);
  const present = new Set(decision.results.map((s) => s.doc));
  const lead = decision.results[0]!;
  const added: Scored[] = [];
  for (const companion of companions) {
    if (analysis.party !== null && analysis.party !== companion.party) continue;
    for (const doc of indexFor(knowledge, lexicon).docs) {
      if (doc.kind !== 'duty' || doc.duty.party !== companion.party || present.has(doc)) continue;
      if (!doc.terms.has(`c:${companion.add}`)) continue;
      if (named.length > 0 && !named.includes(doc.duty.service)) continue;
      added.push({ doc, score: lead.score });
      present.add(doc);
    }
  }
  if (added.length === 0) return decision;
  const [first, ...rest] = decision.results;
  return { ...decision, results: [first!, ...added, ...rest] };
}
