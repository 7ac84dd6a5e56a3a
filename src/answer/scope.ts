import type { Intent } from '../knowledge/lexicon-schema.js';
import type { CompiledLexicon } from './lexicon.js';
import { stem } from './text.js';
import type { QuestionAnalysis } from './understand.js';

/** Why the engine gives no answer; scope decides most of them, ranking the rest (`no_match`). */
export interface Abstention {
  kind: 'abstain';
  reason: 'empty' | 'foreign' | 'off_topic' | 'no_match';
  /** Other providers' names the question used ("AWS"), to say what we know nothing about. */
  foreign: string[];
}

/**
 * Is the question ours? The page answers who does what, how often and how long for Acme's
 * services, plus a few general sections. Anything else gets an honest "I don't know" rather than
 * the nearest duty: other providers' products, words of questions the page never answers (prices,
 * weather), questions with no domain vocabulary, and questions whose real subject is a word we do
 * not know. Returns the abstention, or null to go on and rank.
 */
export function outOfScope(analysis: QuestionAnalysis, lexicon: CompiledLexicon): Abstention | null {
  const refuse = (reason: Abstention['reason'], foreign: string[] = []): Abstention => ({
    kind: 'abstain',
    reason,
    foreign,
  });
  if (namesOtherProvider(analysis, lexicon)) return refuse('foreign', analysis.foreign);
  if (asksOffTopic(analysis, lexicon)) return refuse('off_topic');
  // "Why was the mail down YESTERDAY?": the cause of something that happened on a day is an
  // incident's, which the page never records. Not a schedule asked about ("why every MORNING?"),
  // what the provider did ("why did Acme shut our site down yesterday?": its duties say when it
  // does; "perché ieri Acme ci ha SEGNALATO…": what we do about its reports), nor a question asking
  // more ("…yesterday, and WHO monitors it?").
  if (
    analysis.asksWhy &&
    analysis.namesADay &&
    analysis.cadence === null &&
    analysis.party !== 'provider' &&
    !lexicon.lexicon.concept_rules.provider_reports.some((id) => analysis.concepts.has(id)) &&
    analysis.intents.size === 0
  )
    return refuse('off_topic');

  // "SSH access on the web hosting?": a thing of another service than the one asked about is
  // something the page does not say of this one.
  if (analysis.strayParts > 0) return refuse('off_topic');

  const { intents } = analysis;
  // Everyday words ("besides", "stanno") are never the subject, though the page does not say them.
  const unknownSubjects = analysis.unknown.filter((word) => !lexicon.genericStems.has(stem(word))).length;
  // "How do I migrate my site to WebSpace?", "come configuro i job?": the page states who does what,
  // never how; steps asked for are not there, whatever service they name. Asking who, how often,
  // how long or for a list as well keeps it ours ("how do I know who checks the backups?").
  // Checking is itself a duty: "how do we make sure the backups worked?" asks what to check.
  const asksMore =
    ['who', 'how_often', 'how_long', 'list'].some((intent) => intents.has(intent as Intent)) ||
    (lexicon.lexicon.concept_rules.checking.some((id) => analysis.concepts.has(id)) && analysis.strongConcepts > 0);
  if (intents.has('procedure') && !asksMore) return refuse('off_topic');
  // A service hinted at only by its parts ("root", "joomla vs drupal?") is no subject of the page:
  // the question must still ask about one.
  const hasService = analysis.services.length > 0 || (analysis.hintedServices.length > 0 && !analysis.hintedByParts);
  const inDomain =
    hasService ||
    analysis.strongConcepts > 0 ||
    // "weekly?", "what must we check every day?": a cadence is a question about duties.
    (analysis.cadence !== null && analysis.unknown.length === 0) ||
    (analysis.party !== null && (analysis.dutyWords > 0 || intents.has('list'))) ||
    // "What do Acme and the customer each take care of?": who does what between the two parties.
    analysis.bothParties ||
    // "Who is responsible for the security of our applications?": who answers for two of the page's
    // subjects, every word of it known.
    (intents.has('who') &&
      analysis.dutyWords > 0 &&
      analysis.unknown.length === 0 &&
      analysis.concepts.size + analysis.residual.length >= 2) ||
    // "In which circumstances may Acme intervene on a purchased service?": the page's own words.
    (analysis.party !== null &&
      analysis.unknown.length === 0 &&
      analysis.concepts.size + analysis.residual.length >= 3);
  if (!inDomain) return refuse('off_topic');

  // "How many employees…": the page counts nothing but days of retention and its own duties.
  if (intents.has('count') && !intents.has('list') && !intents.has('how_long') && !intents.has('how_often')) {
    return refuse('off_topic');
  }

  if (!hasService) {
    // Unknown names ("Synology", "ISO 27001"), more unknown words than domain ones, or an unknown
    // word next to a single domain word: that word is usually the real subject ("a good password
    // MANAGER", "the PRESIDENT of Italy"). Other known content words around it make that less
    // likely ("chi DECIDE la frequenza del cambio password nelle procedure aziendali?").
    const content = analysis.concepts.size + analysis.residual.length;
    const unknown = unknownSubjects;
    const strong = analysis.strongConcepts;
    // One unknown verb among several of the page's own words ("who BEARS responsibility for the
    // security of application systems…") is still our question.
    const loneUnknownAmongKnown = strong === 0 && unknown === 1 && content >= 3;
    const unknownSubject = (unknown > strong && !loneUnknownAmongKnown) || (unknown > 0 && strong <= 1 && content < 2);
    // "How do I open a ticket?": the page describes duties, never procedures.
    const unknownProcedure = intents.has('how_to') && analysis.unknown.length > 0;
    if (analysis.unknownNames.length > 0 || unknownSubject || unknownProcedure) return refuse('off_topic');
    return null;
  }

  // "Does Nebula support IPv6?", "restore a 1TB backup": versions, sizes and standards the page
  // never mentions are what the question is about.
  if (analysis.unknownNames.some((name) => /\d/.test(name))) return refuse('off_topic');
  // A service, but nothing the page talks about ("what do we need to take care of on WebSpace?"
  // asks for duties, so it stays in scope).
  const asksForDuties = analysis.dutyWords > 0 && analysis.party !== null;
  // …nor is a part of it alone ("what is RDP on Nebula?", "is SSH included?").
  if (analysis.strongConcepts === 0 && unknownSubjects + analysis.parts > 0 && !asksForDuties)
    return refuse('off_topic');
  return null;
}

/** Another provider's product is named ("AWS"); the CISPE section names AWS, Aruba, Register and OVH: that question is ours. */
export function namesOtherProvider(analysis: QuestionAnalysis, lexicon: CompiledLexicon): boolean {
  const allowedForeign = lexicon.lexicon.foreign_allowed_with.some((id) => analysis.concepts.has(id));
  return analysis.foreign.length > 0 && !allowedForeign;
}

/**
 * Words of questions the page never answers (prices, weather). "Is the mail export free?": the page
 * says that export is charged for; whether the answer says so is checked once it is ranked
 * (rank.ts). Other price questions stay refused there.
 */
export function asksOffTopic(analysis: QuestionAnalysis, lexicon: CompiledLexicon): boolean {
  return analysis.offTopic.length > 0 && !conditionallyInScope(analysis, lexicon);
}

/**
 * Whether every out-of-scope word is also a word of a subject the page speaks of in one place
 * (`only_when_said`), next to another subject of the page: answerable only if the best answer says
 * it (see `conditionalSubjects`).
 */
export function conditionallyInScope(analysis: QuestionAnalysis, lexicon: CompiledLexicon): boolean {
  if (!analysis.offTopic.every((phrase) => lexicon.conditionalOffTopic.has(phrase))) return false;
  let conditional = 0;
  let other = 0;
  for (const id of analysis.concepts.keys()) {
    const info = lexicon.conceptInfo.get(id);
    if (info?.onlyWhenSaid) conditional++;
    else if (info?.strong) other++;
  }
  return conditional > 0 && other > 0;
}

/** The `only_when_said` concepts a question asks about, which its answer must say. */
export function conditionalSubjects(analysis: QuestionAnalysis, lexicon: CompiledLexicon): string[] {
  return [...analysis.concepts.keys()].filter((id) => lexicon.conceptInfo.get(id)?.onlyWhenSaid === true);
}
