import { createHash } from 'node:crypto';
import type { Knowledge } from '../knowledge/model.js';
import type { ModelCandidate, ModelSelection } from '../ports/answer-model.js';
import { withoutMentions } from './answer.js';

/**
 * What a model is shown of the pack, and what of its answer is believed. The model sees every duty
 * and fact with its id, always in pack order (a fixed prompt prefix the provider can cache); what
 * comes back is used only if every id is the pack's own and every quote is the pack's own words.
 */

/** Replies name at most this many items, like the engine's specific answers. */
export const MAX_SELECTED = 5;

const candidatesCache = new WeakMap<Knowledge, readonly ModelCandidate[]>();
const versionCache = new WeakMap<Knowledge, string>();

export function packCandidates(knowledge: Knowledge): readonly ModelCandidate[] {
  let candidates = candidatesCache.get(knowledge);
  if (!candidates) {
    candidates = [
      ...knowledge.duties.map(
        (duty): ModelCandidate => ({
          id: duty.id,
          kind: 'duty',
          section: duty.serviceName,
          party: duty.party,
          text: duty.text,
        }),
      ),
      ...knowledge.facts.map(
        (fact): ModelCandidate => ({
          id: fact.id,
          kind: 'fact',
          section: fact.section,
          party: null,
          text: fact.text.join(' '),
        }),
      ),
    ];
    candidatesCache.set(knowledge, candidates);
  }
  return candidates;
}

/** Changes whenever anything the model is shown changes: cached selections never outlive their pack. */
export function packVersion(knowledge: Knowledge): string {
  let version = versionCache.get(knowledge);
  if (!version) {
    version = createHash('sha256')
      .update(JSON.stringify([knowledge.document, packCandidates(knowledge)]))
      .digest('hex')
      .slice(0, 16);
    versionCache.set(knowledge, version);
  }
  return version;
}

/**
 * The question as a provider may see it: no mentions, links, @handles or e-mail addresses (people's
 * names and ids never leave the workspace through a model).
 */
export function questionForModel(question: string): string {
  return withoutMentions(question)
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/(^|\s)@\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Same question, same key: case, spacing and closing punctuation do not make a new question. */
export function normalizeQuestion(question: string): string {
  return questionForModel(question)
    .toLowerCase()
    .replace(/[\s?!.…]+$/u, '')
    .trim();
}

export type Validation = { ok: true; ids: string[]; quotes: Map<string, string> } | { ok: false; reason: string };

/**
 * Believes a selection only when it answers, names ids that exist in the pack, and quotes (if any)
 * occur verbatim in the text of the item they are attributed to (English source or its Italian
 * rendering). Anything else is an abstention.
 */
export function validateSelection(selection: ModelSelection, knowledge: Knowledge): Validation {
  if (selection.status !== 'answered') return { ok: false, reason: selection.status };
  const ids = [...new Set(selection.ids)];
  if (ids.length === 0) return { ok: false, reason: 'no ids' };
  for (const id of ids) if (textsOf(id, knowledge) === null) return { ok: false, reason: `unknown id ${id}` };
  const quotes = new Map<string, string>();
  for (const { id, quote } of selection.quotes) {
    if (quote.trim() === '') continue;
    const texts = textsOf(id, knowledge);
    if (!texts || !ids.includes(id)) return { ok: false, reason: `quote for unselected id ${id}` };
    if (!texts.some((text) => squashSpaces(text).includes(squashSpaces(quote))))
      return { ok: false, reason: `quote not verbatim in ${id}` };
    quotes.set(id, quote);
  }
  return { ok: true, ids: ids.slice(0, MAX_SELECTED), quotes };
}

/** The texts a quote may come from, or null when the id is not the pack's. */
function textsOf(id: string, knowledge: Knowledge): string[] | null {
  const duty = knowledge.dutyById.get(id);
  if (duty) return [duty.text, duty.text_it];
  const fact = knowledge.facts.find((f) => f.id === id);
  if (fact) return [fact.text.join(' '), fact.text_it.join(' ')];
  return null;
}

/** Verbatim up to spacing: models re-flow whitespace, never words. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
