import type { Duty } from '../knowledge/model.js';
import type { IndexedDoc } from './knowledge-index.js';

/**
 * The provider's page repeats one duty word for word in several services' lists ("Carry out a
 * restore test at least monthly / bimonthly" on Backup1, MailVault and Remotix). A reader
 * wants it once, naming the services, not the same quote three times: documents whose duty has
 * the same party and the same text are one entry, at the place of the first.
 */
export interface AnswerEntry {
  /** The first document of the entry, in answer order. */
  doc: IndexedDoc;
  /** For a duty: every duty the entry stands for (one per service), in answer order; empty for a fact. */
  duties: Duty[];
}

export function mergeRepeatedDuties(docs: readonly IndexedDoc[]): AnswerEntry[] {
  const entries: AnswerEntry[] = [];
  const byText = new Map<string, AnswerEntry>();
  for (const doc of docs) {
    if (doc.kind === 'fact') {
      entries.push({ doc, duties: [] });
      continue;
    }
    const key = repetitionKey(doc.duty);
    const entry = byText.get(key);
    if (entry && !entry.duties.some((d) => d.service === doc.duty.service)) {
      entry.duties.push(doc.duty);
      continue;
    }
    const created = { doc, duties: [doc.duty] };
    if (!entry) byText.set(key, created);
    entries.push(created);
  }
  return entries;
}

/** Duties with the same key are one duty the page repeats: the same party, the same words. */
export function repetitionKey(duty: Duty): string {
  return `${duty.party}\u0000${sameWords(duty.text)}`;
}

/** Case, spacing and final punctuation do not make a different duty. */
function sameWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:]+$/, '')
    .trim();
}
