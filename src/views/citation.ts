import { DateTime } from 'luxon';
import type { Duty, Knowledge } from '../knowledge/model.js';
import { catalogue, type DocumentFacts } from './catalogue/index.js';
import type { Lang, SourceCitation } from './types.js';

/**
 * How the core cites the provider document: answers, reminders and the welcome all use these,
 * and every part (provider, title, version, date) comes from the knowledge data.
 */

/** Formatted once per knowledge base: luxon parsing shows up in every answer otherwise. */
const documentDates = new WeakMap<Pick<Knowledge, 'document'>, string>();

/** "16/04/2020" from the document's ISO date. */
export function documentDate(knowledge: Pick<Knowledge, 'document'>): string {
  let formatted = documentDates.get(knowledge);
  if (formatted === undefined) {
    const date = DateTime.fromISO(knowledge.document.date);
    formatted = date.isValid ? date.toFormat('dd/LL/yyyy') : knowledge.document.date;
    documentDates.set(knowledge, formatted);
  }
  return formatted;
}

/** Provider, title, version and formatted date of the document, for sentences that name it. */
export function documentFacts(knowledge: Pick<Knowledge, 'document'>): DocumentFacts {
  const { provider, title, version } = knowledge.document;
  return { provider, title, version, date: documentDate(knowledge) };
}

/** "Acme GDPR V.1, 16/04/2020" / "Acme GDPR V.1 del 16/04/2020". */
export function documentLabel(knowledge: Knowledge, lang: Lang): string {
  const { provider, title, version } = knowledge.document;
  return catalogue(lang).source.document(provider, title, version, documentDate(knowledge));
}

/** The party a section of the document is written for: the provider's name, or "Customer". */
export function sectionPartyLabel(knowledge: Knowledge, duty: Duty, lang: Lang): string {
  return duty.party === 'customer' ? catalogue(lang).source.customerSection : knowledge.document.provider;
}

/** "Acme GDPR V.1, 16/04/2020 — WebSpace - Web Hosting, Customer". */
export function sourceCitation(knowledge: Knowledge, duty: Duty, lang: Lang): SourceCitation {
  return {
    label: `${documentLabel(knowledge, lang)} — ${duty.serviceName}, ${sectionPartyLabel(knowledge, duty, lang)}`,
    section: duty.serviceName,
  };
}

/** A fact's citation: the document and the section it comes from. */
export function sectionCitation(knowledge: Knowledge, section: string, lang: Lang): SourceCitation {
  return { label: `${documentLabel(knowledge, lang)} — ${section}`, section };
}
