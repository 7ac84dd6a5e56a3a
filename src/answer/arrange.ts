import type { Knowledge } from '../knowledge/model.js';
import type { IndexedDoc } from './knowledge-index.js';
import type { Decision, Scored } from './rank.js';
import { repetitionKey } from './repeated-duties.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * The order an answer's items are shown in, for one workspace. Ranking scores how close each
 * passage is to the question; among passages about as close, the one a reader should see first is
 * the one about a service the workspace uses, and never a section the pack itself flags as a copy
 * error ("ogni quanto dobbiamo fare un test di ripristino?" has the same restore-test duty on
 * Backup1, MailVault and Remotix; Remotix's list is copied from MailVault's).
 * A question that names a service already chose: its order is left alone.
 */

/** Results scoring at least this share of the best one are "about as close": workspace order decides among them. */
const NEAR_TIE = 0.85;

/**
 * A duty the pack's errata say was copied from another section is doubtful: an equally close duty
 * the pack does not question says the same with more authority.
 */
function doubtful(doc: IndexedDoc, copies: ReadonlySet<string>): boolean {
  return doc.kind === 'duty' && doc.duty.errata.some((id) => copies.has(id));
}

/** Lower leads: a used, sound duty (or a section of general facts); a used but doubtful one; an unused one; an unused doubtful one. */
function tier(doc: IndexedDoc, used: ReadonlySet<string>, copies: ReadonlySet<string>): number {
  if (doc.kind === 'fact') return 0;
  return (used.has(doc.duty.service) ? 0 : 2) + (doubtful(doc, copies) ? 1 : 0);
}

export function arrangeDecision(
  decision: Decision,
  analysis: QuestionAnalysis | null,
  knowledge: Knowledge,
  usedServices: readonly string[],
): Decision {
  if (decision.kind !== 'specific' && decision.kind !== 'list') return decision;
  if (analysis !== null && analysis.services.length > 0) return decision;
  const copies = new Set(knowledge.errata.flatMap((e) => (e.copied_from ? [e.id] : [])));
  const results = arrangeResults(decision.results, new Set(usedServices), copies);
  return results === decision.results ? decision : { ...decision, results };
}

function arrangeResults(results: Scored[], used: ReadonlySet<string>, copies: ReadonlySet<string>): Scored[] {
  if (results.length < 2) return results;
  const best = Math.max(...results.map((s) => s.score));
  const rank = (s: Scored) => tier(s.doc, used, copies);
  const near = results.filter((s) => s.score >= best * NEAR_TIE);
  const rest = results.filter((s) => s.score < best * NEAR_TIE);
  // Stable: within a tier, the ranking's order stands.
  const arranged = [...near.map((s, i) => ({ s, i }))]
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
  const all = [...inDocumentOrderWhenRepeated(arranged, rank), ...rest];
  // Never lead with a duty the pack questions when a sound passage of a used service answers too.
  if (doubtful(all[0]!.doc, copies)) {
    const sound = all.findIndex((s) => rank(s) === 0);
    if (sound > 0) all.unshift(...all.splice(sound, 1));
  }
  return all.every((s, i) => s === results[i]) ? results : all;
}

/**
 * One duty the page repeats across services ("inform the provider promptly of anomalies") is as
 * close to a question that names no service in each of them; small differences in their sections'
 * words must not decide which comes first. Its copies keep the places ranking gave them, filled in
 * the document's order, so the answer reads "On Nebula, Orbit, …" as the page lists them.
 */
function inDocumentOrderWhenRepeated(results: Scored[], rank: (s: Scored) => number): Scored[] {
  const groups = new Map<string, number[]>();
  results.forEach((s, i) => {
    if (s.doc.kind !== 'duty') return;
    // Within a tier only: the workspace's services still come first.
    const key = `${rank(s)}\u0000${repetitionKey(s.doc.duty)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const ordered = [...results];
  for (const places of groups.values()) {
    if (places.length < 2) continue;
    const members = places.map((i) => results[i]!).sort((a, b) => a.doc.order - b.doc.order);
    places.forEach((place, k) => {
      ordered[place] = members[k]!;
    });
  }
  return ordered;
}
