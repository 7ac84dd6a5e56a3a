import type { Knowledge } from '../knowledge/model.js';
import type { FactRecord } from '../knowledge/schema.js';
import { extractTerms, type IndexedDoc, indexFor } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import type { Decision } from './rank.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * Plain facts first. "Who is the data controller?" is best answered by the fact that matters to
 * the reader (you are the controller of your hosted data; the provider is processor or
 * sub-processor), then by the definition. A pack gives such a fact a `plain` statement; it leads
 * a general answer (no service in view, a section leading) whose every subject is one of the
 * fact's topics, and the fact itself joins the items, so the statement is quoted and cited.
 */
export function plainFactFor(
  analysis: QuestionAnalysis | null,
  knowledge: Knowledge,
  lexicon: CompiledLexicon,
): (IndexedDoc & { kind: 'fact' }) | null {
  if (analysis === null || analysis.services.length > 0 || analysis.hintedServices.length > 0) return null;
  const hinted = new Set(analysis.hintConcepts);
  const subjects = [...analysis.concepts.keys()].filter(
    (id) => !hinted.has(id) && lexicon.conceptInfo.get(id)?.strong === true,
  );
  if (subjects.length === 0) return null;
  for (const doc of indexFor(knowledge, lexicon).docs) {
    if (doc.kind !== 'fact' || !doc.fact.plain) continue;
    const topics = topicConcepts(doc.fact, lexicon);
    // What the plain statement names counts too ("the PERSONAL DATA you host"), once the question
    // names one of the fact's topics: a question only about the personal data ("what is the GDPR?")
    // is not about the roles.
    const said = plainConcepts(doc.fact, lexicon);
    if (
      subjects.every((id) => topics.has(`c:${id}`) || said.has(`c:${id}`)) &&
      subjects.some((id) => topics.has(`c:${id}`))
    )
      return doc;
  }
  return null;
}

/** Adds the plain fact (from `plainFactFor`) right after a leading section that is not it already. */
export function withPlainFact(decision: Decision, plain: IndexedDoc | null): Decision {
  if (decision.kind !== 'specific' || decision.results[0]?.doc.kind !== 'fact') return decision;
  if (plain === null || decision.results.some((s) => s.doc === plain)) return decision;
  const [lead, ...rest] = decision.results;
  const sentences = new Map(decision.sentences);
  sentences.set(plain.id, 0);
  return { ...decision, results: [lead!, { doc: plain, score: lead!.score }, ...rest], sentences };
}

/** The concepts a fact's topics name (its topics are the pack's word for what it is about). */
function topicConcepts(fact: FactRecord, lexicon: CompiledLexicon): ReadonlySet<string> {
  return termsOf(topics, fact, lexicon, fact.topics);
}

/** The concepts its plain statement names, in either language. */
function plainConcepts(fact: FactRecord, lexicon: CompiledLexicon): ReadonlySet<string> {
  return termsOf(statements, fact, lexicon, fact.plain ? [fact.plain.en, fact.plain.it] : []);
}

type TermsByFact = WeakMap<CompiledLexicon, WeakMap<FactRecord, ReadonlySet<string>>>;

function termsOf(
  cache: TermsByFact,
  fact: FactRecord,
  lexicon: CompiledLexicon,
  texts: readonly string[],
): ReadonlySet<string> {
  let byFact = cache.get(lexicon);
  if (!byFact) {
    byFact = new WeakMap();
    cache.set(lexicon, byFact);
  }
  const known = byFact.get(fact);
  if (known) return known;
  const terms = new Set<string>();
  for (const text of texts) extractTerms(text, lexicon, terms);
  byFact.set(fact, terms);
  return terms;
}

const topics: TermsByFact = new WeakMap();
const statements: TermsByFact = new WeakMap();
