import type { Lang } from '../views/types.js';
import { extractTerms, type IndexedDoc } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import type { Decision } from './rank.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * A section shown below the lead must say what the question is about in the question's own
 * language. The index holds every section's text in both languages so either may be asked; but
 * across languages words collide ("Titolo del documento" shares a stem with "titolare", the data
 * controller), and "who is the data controller?" then drew the "Document information" section
 * into its answer. A supporting section whose text in the reply language says none of the
 * question's subjects is dropped; the lead (what ranking found best) and duties stay.
 */
export function withoutStraySections(
  decision: Decision,
  analysis: QuestionAnalysis | null,
  lexicon: CompiledLexicon,
  lang: Lang,
  keep: (doc: IndexedDoc) => boolean = () => false,
): Decision {
  if (decision.kind !== 'specific' || analysis === null || decision.results.length < 2) return decision;
  const hinted = new Set(analysis.hintConcepts);
  const subjects = [...analysis.concepts.keys()]
    .filter((id) => !hinted.has(id) && lexicon.conceptInfo.get(id)?.strong === true)
    .map((id) => `c:${id}`);
  if (subjects.length === 0) return decision;
  const [lead, ...rest] = decision.results;
  const kept = rest.filter(({ doc }) => doc.kind !== 'fact' || keep(doc) || saysAny(doc, lang, lexicon, subjects));
  return kept.length === rest.length ? decision : { ...decision, results: [lead!, ...kept] };
}

function saysAny(doc: IndexedDoc & { kind: 'fact' }, lang: Lang, lexicon: CompiledLexicon, terms: readonly string[]) {
  const said = sectionTerms(doc, lang, lexicon);
  return terms.some((term) => said.has(term));
}

/** A section's terms from its title and text in one language, built once per section, language and lexicon. */
function sectionTerms(doc: IndexedDoc & { kind: 'fact' }, lang: Lang, lexicon: CompiledLexicon): ReadonlySet<string> {
  let byDoc = cache.get(lexicon);
  if (!byDoc) {
    byDoc = new WeakMap();
    cache.set(lexicon, byDoc);
  }
  let byLang = byDoc.get(doc);
  if (!byLang) {
    byLang = {};
    byDoc.set(doc, byLang);
  }
  const known = byLang[lang];
  if (known) return known;
  const fact = doc.fact;
  const terms = new Set<string>();
  extractTerms(fact.title[lang], lexicon, terms);
  for (const sentence of lang === 'it' ? fact.text_it : fact.text) extractTerms(sentence, lexicon, terms);
  byLang[lang] = terms;
  return terms;
}

const cache = new WeakMap<CompiledLexicon, WeakMap<IndexedDoc, Partial<Record<Lang, ReadonlySet<string>>>>>();
