import type { Duty, Knowledge } from '../knowledge/model.js';
import type { Party } from '../knowledge/schema.js';
import { catalogue } from '../views/catalogue/index.js';
import { documentLabel } from '../views/citation.js';
import { cadenceName } from '../views/labels.js';
import type { Lang } from '../views/types.js';
import type { CompiledLexicon } from './lexicon.js';
import { words } from './text.js';

/**
 * The fragments answers are built from. The words live in the core catalogue
 * (`src/views/catalogue`, section `answer`); these functions only choose between them.
 */

/** Who performs a duty: the provider's name (from the knowledge data), or "your team". */
export function partyLabel(party: Party, lang: Lang, provider: string): string {
  if (party === 'provider') return provider;
  return catalogue(lang).answer.yourTeam;
}

/**
 * The cadence as people read it: the source's own words when it has any ("at least once a
 * month", "periodically"), otherwise the normalized cadence; in Italian a rendering of either.
 */
export function cadenceLabel(duty: Duty, lang: Lang, lexicon: CompiledLexicon): string {
  const fallback = cadenceName(duty.cadence, lang);
  const words = duty.cadence_words?.trim();
  if (!words) return fallback;
  const lower = words.charAt(0).toLowerCase() + words.slice(1);
  if (lang === 'en') return lower;
  return lexicon.lexicon.cadence_words_it[lower] ?? lexicon.lexicon.cadence_words_it[lower.toLowerCase()] ?? fallback;
}

export function retentionSentence(days: number, lang: Lang): string {
  return catalogue(lang).answer.retentionSentence(days);
}

export function retentionShort(days: number, lang: Lang): string {
  return catalogue(lang).answer.retentionShort(days);
}

export function onService(serviceName: string, lang: Lang): string {
  return catalogue(lang).answer.onService(serviceName);
}

/** "this is Acme's job" / "è compito del vostro team (@U1)". */
export function jobOf(party: Party, owners: string, lang: Lang, provider: string): string {
  const a = catalogue(lang).answer;
  return party === 'provider' ? a.providerJob(provider) : a.teamJob(owners);
}

export function bothParties(lang: Lang): string {
  return catalogue(lang).answer.bothParties;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Your team (@U1) has 2 duties to do every month on WebSpace:". */
export function listHeadline(
  subject: Party | null,
  owners: string,
  count: number,
  cadence: string | null,
  scope: string | null,
  lang: Lang,
  provider: string,
): string {
  const a = catalogue(lang).answer;
  const who =
    subject === 'provider' ? provider : subject === 'customer' ? a.listWho.customer(owners) : a.listWho.both(provider);
  return a.listHeadline(who, subject === null, count, cadence, scope);
}

/** "The Acme GDPR V.1, 16/04/2020 page gives Acme no duty to do every week." */
export function noDutiesSentence(
  subject: Party | null,
  cadence: string | null,
  scope: string | null,
  source: string,
  lang: Lang,
  provider: string,
): string {
  const a = catalogue(lang).answer;
  const who = a.noDutiesWho[subject ?? 'both'](provider);
  return a.noDuties(source, who, cadence, scope);
}

export function factLead(title: string, lang: Lang, provider: string): string {
  return catalogue(lang).answer.factLead(title, provider);
}

export function abstainSummary(
  knowledge: Knowledge,
  foreign: readonly string[],
  lang: Lang,
  /** What the question asked about that the page does not cover (unmentioned.ts). */
  unmentioned: readonly string[] = [],
  /** The page's services the question named: the examples offered are about them. */
  serviceNames: readonly string[] = [],
): string {
  const a = catalogue(lang).answer;
  const source = documentLabel(knowledge, lang);
  // "Does Aruba keep backups 35 days?": the page does write "Aruba" (a fellow member of a code of
  // conduct), so saying it says nothing about Aruba would be false; it says nothing of what is asked.
  const written = foreign.filter((name) => pageWrites(knowledge, name));
  const unwritten = foreign.filter((name) => !written.includes(name));
  const sentences =
    unwritten.length > 0
      ? [
          a.abstainForeign(source, unwritten.join(', ')),
          ...(written.length > 0 ? [a.alsoMentioned(written.join(', '))] : []),
        ]
      : [
          written.length > 0
            ? a.abstainMentioned(source, written.join(', '))
            : unmentioned.length > 0
              ? a.abstainUnmentioned(source, unmentioned.map(a.quoted).join(', '))
              : a.abstainUnknown(source),
        ];
  const offer =
    serviceNames.length > 0
      ? a.abstainOfferServices(catalogue(lang).composedAnswer.serviceList(...serviceNames))
      : a.abstainOffer(knowledge.document.provider);
  return [...sentences, offer].join(' ');
}

/** The page's own sentences, in either language, as normalized words with a bar between sentences. */
const pageTextOf = new WeakMap<Knowledge, string>();

/** Whether the page's own text writes this name (one or more words). */
function pageWrites(knowledge: Knowledge, name: string): boolean {
  let text = pageTextOf.get(knowledge);
  if (text === undefined) {
    const sentences = [
      ...knowledge.facts.flatMap((fact) => [...fact.text, ...fact.text_it]),
      ...knowledge.duties.flatMap((duty) => [duty.text, duty.text_it]),
    ];
    text = ` ${sentences.map((sentence) => words(sentence).join(' ')).join(' | ')} `;
    pageTextOf.set(knowledge, text);
  }
  return text.includes(` ${words(name).join(' ')} `);
}

export function emptyQuestionSummary(lang: Lang, provider: string): string {
  return catalogue(lang).answer.emptyQuestion(provider);
}
