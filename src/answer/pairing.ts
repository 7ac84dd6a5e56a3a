import type { Knowledge } from '../knowledge/model.js';
import { type IndexedDoc, indexFor, type KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * Whether a headline may say "both parties have a part" of two duties. Ranking keeps the other
 * party's best duty beside the best one when it matches enough of the question, and a common word
 * is enough ("who updates WordPress?" drew the provider's antivirus UPDATE checks next to the
 * customer's WordPress updates; "where do we store backups?" the encryption password one STORES).
 * Two duties are one subject when the second also says the most specific thing the question asks
 * and the first says: the question word (or concept) of highest IDF that the first duty holds.
 */
function namesService(stem: string, analysis: QuestionAnalysis, index: KnowledgeIndex): boolean {
  return analysis.services.some((id) => index.nameStems.get(id)?.has(stem) === true);
}

export function shareSubject(
  first: IndexedDoc,
  second: IndexedDoc,
  analysis: QuestionAnalysis | null,
  knowledge: Knowledge,
  lexicon: CompiledLexicon,
): boolean {
  if (analysis === null) return true;
  const index = indexFor(knowledge, lexicon);
  const hinted = new Set(analysis.hintConcepts);
  const asked = [
    ...[...analysis.concepts.keys()].filter((id) => !hinted.has(id)).map((id) => `c:${id}`),
    ...analysis.residual.map((stem) => `w:${stem}`),
    // A product word that pointed at the service ("WordPress") still says what is asked; the
    // service's own name ("server" of "Nebula - Server Cloud") does not.
    ...analysis.serviceStems.filter((stem) => !namesService(stem, analysis, index)).map((stem) => `w:${stem}`),
  ];
  let key: string | null = null;
  let keyIdf = -1;
  for (const term of asked) {
    if (!first.terms.has(term)) continue;
    const idf = index.idf.get(term) ?? 0;
    if (idf > keyIdf) {
      key = term;
      keyIdf = idf;
    }
  }
  // The first duty says none of the question's words (a service named alone): nothing tells them apart.
  return key === null || second.terms.has(key);
}
