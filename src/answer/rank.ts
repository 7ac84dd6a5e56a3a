import type { CadenceFilter, Intent } from '../knowledge/lexicon-schema.js';
import type { Cadence } from '../knowledge/schema.js';
import { type Grounding, groundQuestion } from './grounding.js';
import { dutiesSaying, extractTerms, type IndexedDoc, type KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { namesRetention, settingAnswers, statesRetention } from './retention-question.js';
import { type Abstention, conditionalSubjects, outOfScope } from './scope.js';
import { servicesInView } from './services-in-view.js';

export type { Abstention };

import type { QuestionAnalysis } from './understand.js';

/** How the engine decided to answer. */
export type Decision =
  | Abstention
  /**
   * Specific question: the few best documents, best first, and for facts the index of the source
   * sentence that best answers (a section's first sentence is often only an introduction).
   */
  | { kind: 'specific'; results: Scored[]; sentences: ReadonlyMap<string, number> }
  /** List question: every duty in scope, in a useful order. */
  | { kind: 'list'; results: Scored[] }
  /** In scope, but the page has no such duty ("what does Acme do weekly?"): say so plainly. */
  | { kind: 'none' };

export interface Scored {
  doc: IndexedDoc;
  score: number;
}

// BM25 with every term counted once per document (documents are a sentence or two).
const K1 = 1.2;
const B = 0.4;
const B_FACT = 0.05;
const PARTY_MATCH = 1.5;
const PARTY_MISMATCH = 0.6;
const FACT_CUSTOMER_MATCH = 1.25;
/** Preference for the general sections when the question asks what something is. */
const DEFINITION_BOOST = 1.3;
/** Share of its score kept by a section that is only the introduction of a missing list. */
const INTRODUCTION_ONLY = 0.7;
/** Per source position, the share of score a later bullet gives up (breaks near-ties only). */
const POSITION_PRIOR = 0.01;
/** Weight of a plain content word relative to a lexicon concept. */
const RESIDUAL_WEIGHT = 0.7;
/** Weight of a word that named the service (it selects the service; in the text it only breaks ties). */
const SERVICE_WORD_WEIGHT = 0.6;
/** …and a naming word most of the service's duties repeat ("posta") only breaks ties. */
const COMMON_SERVICE_WORD_WEIGHT = 0.2;
const PARTY_WORD_WEIGHT = 0.8;
/** Weight of a concept said only by a service hint's own words ("mail VAULT"). */
const HINT_CONCEPT_WEIGHT = 0.4;
/** Preference for a service only hinted at ("mail vault" may be MailVault or the mail service's archive). */
const HINTED_SERVICE_BOOST = 1.5;
/** …and for one hinted at by a part of it ("the ROOT password"), which belongs to that service alone. */
const PART_HINTED_SERVICE_BOOST = 2.5;
/** Below this a "match" is a coincidence of one vague word. */
const MIN_SCORE = 0.9;
/** Share of a title hit's weight added on top of the body score. */
const TITLE_BOOST = 0.6;
/** A plain word only our title says (not the source text) is a paraphrase: it counts half. */
const TITLE_ONLY_WEIGHT = 0.5;
/** A specific answer shows results scoring at least this share of the best one. */
const KEEP_RATIO = 0.5;
const MAX_SPECIFIC = 5;
/** When the party is open, the other party's best duty joins the top if it is this relevant. */
const OTHER_PARTY_RATIO = 0.4;

const COMPATIBLE: Record<CadenceFilter, readonly Cadence[]> = {
  daily: ['daily'],
  weekly: ['weekly'],
  monthly: ['monthly', 'at_least_monthly_bimonthly'],
  bimonthly: ['at_least_monthly_bimonthly'],
  // "Regularly" is any recurring duty, the source's "periodically" first.
  periodic: ['periodic', 'at_least_monthly_bimonthly', 'monthly', 'weekly', 'daily'],
};

export function decide(analysis: QuestionAnalysis, index: KnowledgeIndex, lexicon: CompiledLexicon): Decision {
  const refusal = outOfScope(analysis, lexicon);
  if (refusal) return refusal;
  const query = queryTerms(analysis, lexicon);
  const decision = rankDecision(analysis, index, lexicon, query);
  // "Is the mail export free?" is answered only by answers that say what it costs; "how much does a
  // Nebula server cost?" finds none and stays out of scope…
  const required = conditionalSubjects(analysis, lexicon);
  if (required.length === 0 || (decision.kind !== 'list' && decision.kind !== 'specific')) return decision;
  // …and that say it of something the question asks about, when it asks about anything, implied
  // concepts included: "how much is the BACKUP?" is not answered by the price of the mail export,
  // while "we were HACKED, how fast do we tell them?" is by the duty to report anomalies promptly
  // (being hacked implies telling the provider, concept_rules.implications).
  const subjects = [...query.keys()].filter((term) => term.startsWith('c:') && !required.includes(term.slice(2)));
  const results = decision.results.filter(
    (s) =>
      required.every((id) => s.doc.terms.has(`c:${id}`)) &&
      (subjects.length === 0 || subjects.some((term) => s.doc.terms.has(term))),
  );
  if (results.length === 0 || results[0] !== decision.results[0])
    return { kind: 'abstain', reason: 'off_topic', foreign: [] };
  return { ...decision, results };
}

function rankDecision(
  analysis: QuestionAnalysis,
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
  /** The question's weighted terms (`queryTerms`), which `decide` reads again for a price or a speed. */
  query: ReadonlyMap<string, number>,
): Decision {
  const hasService = analysis.services.length > 0 || analysis.hintedServices.length > 0;
  // Services that bound a list: the named ones, else the hinted ones.
  const listServices = servicesInView(analysis);
  const titleless = new Set(
    [...analysis.serviceStems, ...analysis.commonServiceStems, ...analysis.partyStems].map((stem) => `w:${stem}`),
  );
  const named = analysis.services;
  const inScope = (doc: IndexedDoc) => doc.kind === 'fact' || named.length === 0 || named.includes(doc.duty.service);
  const scores = scoreAll(query, titleless, analysis, index);
  const scored: Scored[] = [];
  for (const doc of index.docs) if (inScope(doc)) scored.push({ doc, score: scores[doc.order]! });
  const byScore = (a: Scored, b: Scored) => b.score - a.score || a.doc.order - b.doc.order;

  // "How long do we keep invoices?": the page gives periods only for what its retention duties
  // speak of; asked about anything else, a backup's retention would be an unrelated answer.
  if (asksForPeriod(analysis, lexicon) && !retentionCovers(analysis, index, lexicon)) {
    return { kind: 'abstain', reason: 'no_match', foreign: [] };
  }
  // Concepts said only by a hinted service's own name ("mail archiving") do not narrow a list, nor
  // does asking how the work divides within a service or a schedule ("who does what on Orbit?",
  // "chi fa cosa ogni giorno"): that is the list of both parties' duties there.
  const asked = analysis.concepts.size - analysis.hintConcepts.length - divisionAsked(analysis, hasService, lexicon);
  const contentful = asked > 0 || analysis.residual.length > 0 || analysis.intents.has('how_long');
  const listFilters = hasService || analysis.cadence !== null || analysis.party !== null;
  const scope = scored.filter((s) => passesFilters(s.doc, analysis, listServices));
  // Nothing at all for this party, cadence and service: an honest "none" beats a far-fetched match.
  // Unless the other party has that very duty: "do WE check the mail backups every day?" is
  // answered by the provider's daily check, which says whose job it is.
  if (scope.length === 0 && analysis.cadence !== null) {
    const other = contentful && analysis.party !== null ? otherPartyDuties(scored, analysis, listServices) : [];
    if (other.length > 0 && grounded(analysis, other, index, lexicon))
      return { kind: 'specific', results: other, sentences: new Map() };
    return { kind: 'none' };
  }
  // "What are our responsibilities for data security?" names no service and is answered by a
  // general section better than by a list of duties.
  const factLeads = () => {
    const top = scored.reduce<Scored | null>((best, s) => (best === null || s.score > best.score ? s : best), null);
    return named.length === 0 && top !== null && top.doc.kind === 'fact' && top.score >= MIN_SCORE;
  };
  if (listFilters && (!contentful || (analysis.intents.has('list') && !factLeads()))) {
    const relevant = contentful ? scope.filter((s) => s.score > 0) : [];
    const results = relevant.length > 0 ? relevant.sort(byScore) : scope.sort(byCadenceThenSource(analysis));
    if (results.length > 0)
      return grounded(analysis, results, index, lexicon) ? { kind: 'list', results } : ungroundedAbstention;
  }

  // "Quali sono gli impegni di Acme per Orbit?": what a party takes on, for a named service, is
  // that service's duties (of that party, if named), not a general section on commitments.
  if (named.length > 0 && undertakingOnly(analysis, lexicon) && scope.length > 0)
    return { kind: 'list', results: scope.sort(bySource) };
  const ranked = scored.filter((s) => s.score > 0).sort(byScore);
  const best = ranked[0];
  if (best?.doc.kind === 'fact' && analysis.relaysProviderNews)
    return { kind: 'abstain', reason: 'no_match', foreign: [] };
  if (!best || best.score < MIN_SCORE) {
    // A service named with only vague words around it ("anything for FileBox?"): list it. Unless
    // the question asks no one's duties and has a word they never say ("max RECIPIENTS per Orbit
    // campaign?"): that, not the service, is what is asked, and no duty ranked for it.
    if (hasService && analysis.strongConcepts === 0 && scope.length > 0) {
      const results = scope.sort(bySource);
      const asksDuties = analysis.dutyWords > 0 || analysis.party !== null || analysis.intents.size > 0;
      const g = groundingOf(analysis, results, index, lexicon);
      const saysAll = asksDuties || g.unsaid.length === 0;
      return saysAll && grounded(analysis, results, index, lexicon, g)
        ? { kind: 'list', results }
        : ungroundedAbstention;
    }
    return { kind: 'abstain', reason: 'no_match', foreign: [] };
  }
  // A cadence filter with no service is a list across services ("what must we check every day?").
  if (analysis.cadence !== null && !hasService) {
    const results = ranked.filter((s) => s.doc.kind === 'duty' && passesFilters(s.doc, analysis, listServices));
    if (results.length > 0)
      return grounded(analysis, results, index, lexicon) ? { kind: 'list', results } : ungroundedAbstention;
  }
  const kept = ranked.filter((s) => s.score >= best.score * KEEP_RATIO).slice(0, MAX_SPECIFIC);
  if (analysis.party === null && best.doc.kind === 'duty') ensureOtherParty(kept, ranked, best);
  // "What's the retention of the Orbit backups?" where the page states no period: the customer's
  // duty to configure them leads, since it says who decides.
  if (settingAnswers(analysis, lexicon) && !statesRetention(best.doc, lexicon)) {
    const setter = kept.findIndex((s) => customerSets(s.doc, lexicon));
    if (setter > 0) kept.unshift(...kept.splice(setter, 1));
  }
  if (!grounded(analysis, kept, index, lexicon) || !answersKind(analysis, kept[0]!.doc, lexicon))
    return ungroundedAbstention;
  const sentences = new Map<string, number>();
  for (const { doc } of kept)
    if (doc.kind === 'fact') sentences.set(doc.id, bestSentence(doc.fact.text, query, index, lexicon));
  return { kind: 'specific', results: kept, sentences };
}

/** Whether every concept the question asks is one of what a party takes on (`concept_rules.undertaking`). */
function undertakingOnly(analysis: QuestionAnalysis, lexicon: CompiledLexicon): boolean {
  const undertaking = lexicon.lexicon.concept_rules.undertaking;
  const asked = [...analysis.concepts.keys()].filter((id) => !analysis.hintConcepts.includes(id));
  return (
    asked.length > 0 &&
    asked.every((id) => undertaking.includes(id)) &&
    analysis.residual.length === 0 &&
    analysis.unknown.length === 0
  );
}

/** The other party's duties in the asked services and cadence that the question's words reach, best first. */
function otherPartyDuties(
  scored: readonly Scored[],
  analysis: QuestionAnalysis,
  services: readonly string[],
): Scored[] {
  const anyParty = { ...analysis, party: null };
  const matching = scored.filter((s) => s.score >= MIN_SCORE && passesFilters(s.doc, anyParty, services));
  return matching.sort((a, b) => b.score - a.score || a.doc.order - b.doc.order).slice(0, MAX_SPECIFIC);
}

/** How many concepts asking what each party does (`both_parties_imply`) a scoped question names. */
function divisionAsked(analysis: QuestionAnalysis, hasService: boolean, lexicon: CompiledLexicon): number {
  if (!hasService && analysis.cadence === null) return 0;
  return Object.keys(lexicon.lexicon.concept_rules.both_parties_imply).filter((id) => analysis.concepts.has(id)).length;
}

const ungroundedAbstention: Abstention = { kind: 'abstain', reason: 'no_match', foreign: [] };

/**
 * Whether the answers cover the question (see grounding.ts). A subject word neither the page nor
 * the lexicon knows is the part of the question the page does not cover ("DDoS", "ransomware",
 * "timeout", "lento"): abstain. A known word the answers do not say is tolerated (paraphrases carry
 * plenty: "where is our data HOSTED?", "an extra COPY"), unless it names one of the page's own
 * subjects and the question is not about who does a duty or when: "the bandwidth LIMIT", "a
 * Acme office" are other subjects next to the answer, not what it says. A general section must
 * say every such subject: sections are broad, and close to many questions they do not answer.
 */
function grounded(
  analysis: QuestionAnalysis,
  answers: readonly Scored[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
  /** Already computed for these answers, if the caller needed it too. */
  g: Grounding = groundingOf(analysis, answers, index, lexicon),
): boolean {
  if (g.unknown.length > 0) return false;
  // "Orari del supporto tecnico?": a question naming no concept, no service and no schedule of the
  // page, nor asking a kind of question ("what do we do every month?", "list…"), is only words the
  // page happens to use; the answers must say each of them.
  const namesNothing =
    analysis.concepts.size === 0 &&
    analysis.services.length === 0 &&
    analysis.hintedServices.length === 0 &&
    analysis.cadence === null &&
    analysis.intents.size === 0;
  if (namesNothing && g.unsaid.length > 0) return false;
  if (g.otherSubjects.length === 0) return true;
  // "Does Acme ENCRYPT the disks?": a yes-or-no question about what the provider does is answered
  // only by a duty that says each of the page's subjects it names; any other party or question
  // word asks about a duty, which may leave context unsaid ("who checks the backups of our VMs?").
  const asksWhetherProviderDoes = analysis.party === 'provider' && analysis.intents.size === 0;
  const asksAboutDuty =
    ['who', 'how_often', 'list', 'how_long'].some((intent) => analysis.intents.has(intent as Intent)) ||
    (analysis.party !== null && !asksWhetherProviderDoes);
  return answers[0]?.doc.kind !== 'fact' && asksAboutDuty;
}

/** How far the answers say the question's subject words (grounding.ts). */
function groundingOf(
  analysis: QuestionAnalysis,
  answers: readonly Scored[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): Grounding {
  return groundQuestion(
    analysis.subjects,
    answers.map((s) => s.doc),
    {
      // A word told in a story before the question is context, not a subject (story-clauses.ts).
      knows: (subject) =>
        subject.story === true ||
        subject.concepts.length > 0 ||
        index.vocabulary.has(subject.word) ||
        index.stems.has(subject.stem),
      // Keeping words ("kept", "conservati", "tenuta") say how a thing is asked about (where, how
      // long: answersKind checks those), not what it is.
      isSubjectConcept: (id) =>
        id !== lexicon.lexicon.concept_rules.retention && lexicon.conceptInfo.get(id)?.strong === true,
    },
  );
}

/**
 * Whether the best answer is the kind of statement the question asks for: "how long…" wants a
 * period the page states (a retention), "where…" a place (the data centres in Italy, the backup in
 * the Netherlands). "How long does a Nebula restore take?" or "where is Acme's head office?"
 * are close to a restore duty or the data-centre section, yet neither answers them.
 */
function answersKind(analysis: QuestionAnalysis, best: IndexedDoc, lexicon: CompiledLexicon): boolean {
  const rules = lexicon.lexicon.concept_rules;
  // "Why do my e-mails end up in spam?": the page states duties, never the causes of our problems.
  if (analysis.asksWhy && analysis.party === 'customer') return false;
  // "How long are the Orbit backups kept?" wants a retention's period.
  if (
    asksForPeriod(analysis, lexicon) &&
    !statesRetention(best, lexicon) &&
    !(settingAnswers(analysis, lexicon) && customerSets(best, lexicon))
  )
    return false;
  // "Where should we keep the encryption password?" is answered by the customer's duty to keep it.
  const customerKeeps =
    analysis.party === 'customer' ||
    (best.kind === 'duty' && best.duty.party === 'customer' && rules.keeping.some((id) => analysis.concepts.has(id)));
  // "Where do I see whether the VM backup worked?" asks what to check, not for a place.
  const asksWhereToLook = rules.looking.some((id) => analysis.concepts.has(id));
  if (
    analysis.intents.has('where') &&
    !customerKeeps &&
    !asksWhereToLook &&
    !rules.places.some((id) => best.terms.has(`c:${id}`))
  )
    return false;
  return true;
}

/** A customer's duty to set something up (the pack's `setting` rule): the customer decides how it works. */
function customerSets(doc: IndexedDoc, lexicon: CompiledLexicon): boolean {
  return (
    doc.kind === 'duty' &&
    doc.duty.party === 'customer' &&
    lexicon.lexicon.concept_rules.setting.some((id) => doc.terms.has(`c:${id}`))
  );
}

/**
 * "How long…", "per quanti giorni…" ask for a period the page states (a retention). Not when they
 * ask how soon ("IN QUANTO TEMPO dobbiamo intervenire?", the pack's `promptness` rule): a duty done
 * "promptly" answers that, and only such a duty (the concept is said-only, see `conditionalSubjects`).
 */
function asksForPeriod(analysis: QuestionAnalysis, lexicon: CompiledLexicon): boolean {
  const { promptness } = lexicon.lexicon.concept_rules;
  if (analysis.intents.has('how_long')) return !(promptness !== undefined && analysis.concepts.has(promptness));
  return namesRetention(analysis, lexicon);
}

/** The concepts every retention duty speaks of besides the retention itself: what retentions keep ("backup"). */
function keptByEveryRetention(holders: readonly IndexedDoc[], retention: string | undefined): string[] {
  const [first, ...rest] = holders;
  if (!first) return [];
  return [...first.terms.keys()].filter(
    (term) => term.startsWith('c:') && term !== `c:${retention}` && rest.every((doc) => doc.terms.has(term)),
  );
}

/**
 * Whether the page's retention statements can answer a "how long" question: each strong subject it
 * asks about must appear in some duty that speaks of retention (with a service named, see below).
 */
function retentionCovers(analysis: QuestionAnalysis, index: KnowledgeIndex, lexicon: CompiledLexicon): boolean {
  const retention = lexicon.lexicon.concept_rules.retention;
  const services = servicesInView(analysis);
  // Duties only: a general section merely saying data is "stored" states no period.
  const duties = (concept: string | undefined) => dutiesSaying(index, concept);
  const holders = duties(retention);
  const kept = keptByEveryRetention(holders, retention);
  for (const id of analysis.concepts.keys()) {
    if (id === retention || !lexicon.conceptInfo.get(id)?.strong) continue;
    if (holders.some((doc) => doc.terms.has(`c:${id}`))) continue;
    // A service named: a subject none of its duties speaks of is a way of asking for its retention
    // ("how far back can we RESTORE mail?"); one another of its duties states, with no period, is
    // what is asked about ("how long does the mailbox EXPORT take?").
    if (services.length === 0) return false;
    const speakingOfIt = duties(id);
    if (speakingOfIt.some((doc) => services.includes(doc.duty.service))) return false;
    // …and only a subject the page relates to what every retention keeps (restores are of
    // backups), not one it speaks of apart from them ("how long are the LOGS kept?").
    if (!speakingOfIt.some((doc) => kept.some((term) => doc.terms.has(term)))) return false;
  }
  return true;
}

/** Index of the sentence sharing the most query weight (the first one on ties). */
function bestSentence(
  sentences: readonly string[],
  query: ReadonlyMap<string, number>,
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): number {
  let best = 0;
  let bestValue = 0;
  sentences.forEach((sentence, i) => {
    const terms = new Set<string>();
    extractTerms(sentence, lexicon, terms);
    let value = 0;
    for (const [term, weight] of query) if (terms.has(term)) value += (index.idf.get(term) ?? 0) * weight;
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  });
  return best;
}

/**
 * "Who handles backups on WebSpace?" has two answers, one per party: put the other party's best
 * duty right after the best one when it is relevant enough.
 */
function ensureOtherParty(kept: Scored[], ranked: readonly Scored[], best: Scored): void {
  if (best.doc.kind !== 'duty') return;
  const party = best.doc.duty.party;
  const other = ranked.find((s) => s.doc.kind === 'duty' && s.doc.duty.party !== party);
  if (!other || other.score < best.score * OTHER_PARTY_RATIO) return;
  const at = kept.indexOf(other);
  if (at === 1) return;
  if (at > 1) kept.splice(at, 1);
  kept.splice(1, 0, other);
  if (kept.length > MAX_SPECIFIC) kept.length = MAX_SPECIFIC;
}

function queryTerms(analysis: QuestionAnalysis, lexicon: CompiledLexicon): Map<string, number> {
  const rules = lexicon.lexicon.concept_rules;
  const terms = new Map<string, number>();
  // Concepts said only by the words that hinted at a service ("MAIL VAULT passwords") name the
  // service, not the subject: like a service's name, they only break ties.
  const hintOnly = new Set(analysis.hintConcepts);
  for (const [id, weight] of analysis.concepts)
    terms.set(`c:${id}`, hintOnly.has(id) ? weight * HINT_CONCEPT_WEIGHT : weight);
  for (const stem of analysis.residual) if (!terms.has(`w:${stem}`)) terms.set(`w:${stem}`, RESIDUAL_WEIGHT);
  // Words that named the service still tell duties apart ("WordPress", "Plesk", "VM").
  for (const stem of analysis.serviceStems) if (!terms.has(`w:${stem}`)) terms.set(`w:${stem}`, SERVICE_WORD_WEIGHT);
  for (const stem of analysis.commonServiceStems)
    if (!terms.has(`w:${stem}`)) terms.set(`w:${stem}`, COMMON_SERVICE_WORD_WEIGHT);
  // The provider named as the party tells "the provider's roles" from a bare definition.
  for (const stem of analysis.partyStems) if (!terms.has(`w:${stem}`)) terms.set(`w:${stem}`, PARTY_WORD_WEIGHT);
  // What some questions ask without saying it:
  const implied = (term: string, weight: number) => {
    if (!terms.has(term)) terms.set(term, weight);
  };
  // "How long…" asks for a retention period even when it says neither "kept" nor "retention".
  if (analysis.intents.has('how_long') && rules.retention) implied(`c:${rules.retention}`, 1);
  // "What is a sub-processor?" asks for a definition.
  if (asksWhatSomethingIs(analysis) && rules.definition)
    implied(`c:${rules.definition.concept}`, rules.definition.weight);
  // The pack's own implications ("we noticed something suspicious" → tell the provider), on the
  // concepts the question itself asked (implied ones never chain).
  const asked = new Set(terms.keys());
  for (const rule of rules.implications) {
    if (rule.unless_party !== undefined && analysis.party === rule.unless_party) continue;
    if (rule.parties_weighed === true && !analysis.partiesWeighed) continue;
    if (rule.when.every((id) => asked.has(`c:${id}`))) implied(`c:${rule.imply}`, rule.weight);
  }
  // Both parties named as one subject ("what do the provider and the customer each do?") asks how
  // the work is shared, not for one duty.
  if (analysis.bothParties && analysis.services.length === 0 && analysis.hintedServices.length === 0)
    for (const [id, weight] of Object.entries(rules.both_parties_imply)) implied(`c:${id}`, weight);
  // "Where…" without a service asks where the data lives. "Where are the provider's servers?": an
  // everyday word for a service does not make it a question about that service's duties. "Where
  // should WE store the key?" asks about a customer duty, though.
  if (
    analysis.intents.has('where') &&
    !analysis.servicesByName &&
    analysis.hintedServices.length === 0 &&
    analysis.party !== 'customer'
  ) {
    for (const [id, weight] of Object.entries(rules.where_implies)) implied(`c:${id}`, weight);
  }
  return terms;
}

/** Scores of every document (0 when nothing matches), walking only the postings of the query's terms. */
function scoreAll(
  query: ReadonlyMap<string, number>,
  /** Terms that get no title bonus: a service's or Acme's name in a title says nothing about the duty. */
  titleless: ReadonlySet<string>,
  analysis: QuestionAnalysis,
  index: KnowledgeIndex,
): Float64Array {
  const sums = new Float64Array(index.docs.length);
  const titles = new Float64Array(index.docs.length);
  for (const [term, weight] of query) {
    const value = (index.idf.get(term) ?? 0) * weight;
    const bonus = !titleless.has(term);
    for (const position of index.postings.get(term) ?? []) {
      const doc = index.docs[position]!;
      sums[position]! += doc.titleOnly.has(term) ? value * TITLE_ONLY_WEIGHT : value;
      if (bonus && doc.titleTerms.has(term)) titles[position]! += value;
    }
  }
  for (let position = 0; position < sums.length; position++) {
    if (sums[position]! > 0)
      sums[position] = finishScore(index.docs[position]!, sums[position]!, titles[position]!, query, analysis, index);
  }
  return sums;
}

/** Whether a section speaks of the provider itself (its roles, its data centres) rather than defining a term. */
function mentionsProvider(doc: IndexedDoc, index: KnowledgeIndex): boolean {
  return index.providerTerms.some((term) => doc.terms.has(term));
}

/** Share of a document's title concepts that the question asks about. */
function titleCoverage(doc: IndexedDoc, query: ReadonlyMap<string, number>): number {
  let concepts = 0;
  let covered = 0;
  for (const term of doc.titleTerms) {
    if (!term.startsWith('c:')) continue;
    concepts++;
    if (query.has(term)) covered++;
  }
  return concepts === 0 ? 1 : covered / concepts;
}

/** BM25 (each term counted once) plus the title bonus, then the question's structural preferences. */
function finishScore(
  doc: IndexedDoc,
  sum: number,
  title: number,
  query: ReadonlyMap<string, number>,
  analysis: QuestionAnalysis,
  index: KnowledgeIndex,
): number {
  // Facts are whole sections, so their length says little about relevance: barely normalized.
  const b = doc.kind === 'fact' ? B_FACT : B;
  let score = (sum * (K1 + 1)) / (1 + K1 * (1 - b + (b * doc.length) / index.averageLength)) + TITLE_BOOST * title;
  if (doc.kind === 'fact') {
    // A section whose title is only partly asked about ("commitments as sub-processor" for "is
    // Acme our processor?") yields to one whose title is all asked about.
    score *= 0.75 + 0.25 * titleCoverage(doc, query);
    // A section that only introduces a list the page left empty ("…to carry out the following
    // actions:") answers nothing by itself: a fuller section on the same subject comes first.
    if (doc.fact.text.length === 1 && doc.fact.text[0]!.trimEnd().endsWith(':')) score *= INTRODUCTION_ONLY;
    // The general sections describe Acme, and the customer's own share of security: a question
    // about either party may be answered by them (a little less strongly than by a party's duty).
    if (analysis.party === 'provider' && mentionsProvider(doc, index)) score *= PARTY_MATCH;
    else if (analysis.party === 'customer') score *= FACT_CUSTOMER_MATCH;
    if (asksWhatSomethingIs(analysis)) score *= DEFINITION_BOOST;
    // A product named by its name is about its duties; "our server" may still be a general question.
    if (analysis.services.length > 0) score *= analysis.servicesByName ? 0.35 : 0.7;
    if (analysis.cadence !== null) score *= 0.4;
    // A general question ("where are the data centres?") prefers the general section.
    if (analysis.services.length === 0) score *= 1.2;
    return score;
  }
  const duty = doc.duty;
  // Each list in the source starts with its main duties: a whisker of preference breaks near-ties.
  score *= 1 - POSITION_PRIOR * duty.position;
  if (analysis.hintedServices.includes(duty.service))
    score *= analysis.hintedByParts ? PART_HINTED_SERVICE_BOOST : HINTED_SERVICE_BOOST;
  if (analysis.party !== null) score *= duty.party === analysis.party ? PARTY_MATCH : PARTY_MISMATCH;
  if (analysis.cadence !== null) {
    const asked = analysis.cadences.map((c) => COMPATIBLE[c]);
    if (asked.some((compatible) => compatible[0] === duty.cadence)) score *= 1.8;
    else if (asked.some((compatible) => compatible.includes(duty.cadence))) score *= 1.5;
    else score *= 0.5;
  }
  if (analysis.intents.has('how_long')) score *= duty.retention_days !== undefined ? 1.6 : 0.7;
  // "How often…?", "when…?": a duty that holds all the time ("ongoing") gives no frequency; one
  // done on a schedule, on an event or by the customer's own rule does.
  if (analysis.intents.has('how_often') && analysis.cadence === null && duty.cadence === 'ongoing') score *= 0.7;
  return score;
}

/** "What is a sub-processor?", "cos'è il GDPR?": asked without a service or a customer duty in view. */
function asksWhatSomethingIs(analysis: QuestionAnalysis): boolean {
  return (
    analysis.intents.has('definition') &&
    analysis.services.length === 0 &&
    analysis.hintedServices.length === 0 &&
    analysis.party !== 'customer'
  );
}

function passesFilters(doc: IndexedDoc, analysis: QuestionAnalysis, services: readonly string[]): boolean {
  if (doc.kind !== 'duty') return false;
  const duty = doc.duty;
  if (services.length > 0 && !services.includes(duty.service)) return false;
  if (analysis.party !== null && duty.party !== analysis.party) return false;
  // "Weekly or daily checks": any cadence asked about will do.
  if (analysis.cadence !== null && !analysis.cadences.some((c) => COMPATIBLE[c].includes(duty.cadence))) return false;
  return true;
}

/** Duties of exactly the asked cadence first ("periodically" before "daily" for "periodic tasks"), then source order. */
function byCadenceThenSource(analysis: QuestionAnalysis) {
  const exact = analysis.cadence ? COMPATIBLE[analysis.cadence][0] : null;
  const rank = (s: Scored) => (exact !== null && s.doc.kind === 'duty' && s.doc.duty.cadence === exact ? 0 : 1);
  return (a: Scored, b: Scored) => rank(a) - rank(b) || bySource(a, b);
}

function bySource(a: Scored, b: Scored): number {
  return a.doc.order - b.doc.order;
}
