import type { Duty, Knowledge } from '../knowledge/model.js';
import { catalogue, type DocumentFacts } from './catalogue/index.js';
import type { Lang, SourceCitation } from './types.js';

/**
 * How the core cites the provider document: answers, reminders and the welcome all use these,
 * and every part (provider, title, version, date) comes from the knowledge data.
 */

/**
 * "16/04/2020" from the document's date, which the pack schema holds to YYYY-MM-DD. Rearranged
 * rather than parsed: a date library's first use costs a cold process (the first answer) ~13 ms
 * of locale set-up, for a string it would only reorder.
 */
export function documentDate(knowledge: Pick<Knowledge, 'document'>): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(knowledge.document.date);
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : knowledge.document.date;
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
