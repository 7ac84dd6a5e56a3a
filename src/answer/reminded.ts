import type { Knowledge } from '../knowledge/model.js';
import { scheduledDuties, scheduleOf } from '../occurrences/resolve.js';
import type { PeriodCadence } from '../occurrences/types.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import { type IndexedDoc, indexFor } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import type { Decision, Scored } from './rank.js';
import { servicesInView } from './services-in-view.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * "What do I do each week?" asks what the team will be reminded of. The answer is the workspace's
 * schedule (src/occurrences decides it: services in use, "at least monthly" and "periodically" as
 * the cadence settings say, per-duty overrides, duties turned off), not the source's cadence words:
 * the bot must not list five monthly duties and then remind three.
 */

/** The periods a question about the team's own recurring work asks for; null when it asks something else. */
export function remindedPeriods(analysis: QuestionAnalysis | null): PeriodCadence[] | null {
  if (analysis === null || analysis.cadence === null || analysis.intents.has('how_long')) return null;
  const periods = analysis.cadences.flatMap((c) => (c === 'periodic' ? [] : [c]));
  if (periods.length === 0 || periods.length !== analysis.cadences.length) return null;
  // Only the customer's duties are reminded; "our weekly tasks" names no party but asks about ours.
  if (analysis.party === 'provider' || (analysis.party === null && contentful(analysis))) return null;
  return periods;
}

/** The scheduled duties of the asked periods, in knowledge order: the list the reminders will follow. */
export function withRemindedDuties(
  decision: Decision,
  analysis: QuestionAnalysis | null,
  knowledge: Knowledge,
  lexicon: CompiledLexicon,
  settings: WorkspaceSettings,
): Decision {
  if (decision.kind !== 'list' && decision.kind !== 'none') return decision;
  const periods = remindedPeriods(analysis);
  if (periods === null || analysis === null) return decision;
  const named = servicesInView(analysis);
  const docs = docsByDuty(knowledge, lexicon);
  const subjects = contentful(analysis) ? subjectTerms(analysis) : null;
  const results: Scored[] = [];
  for (const { duty, schedule } of scheduledDuties(knowledge, settings)) {
    if (!periods.includes(schedule.cadence)) continue;
    if (named.length > 0 && !named.includes(duty.service)) continue;
    const doc = docs.get(duty.id);
    if (!doc) continue;
    // "Which backups do we do monthly?": only the scheduled duties that speak of backups.
    if (subjects !== null && !subjects.some((term) => doc.terms.has(term))) continue;
    results.push({ doc, score: 0 });
  }
  // "Which restore tests must we do at least every two months?" asks about the source's words: when
  // the schedule has none of those subjects at that period, the source's answer stands, and so does
  // its "none" ("our daily check of the mail backups?": the page gives the team none), never a
  // sentence about the workspace's reminders, which is not what was asked.
  if (results.length === 0 && subjects !== null) return decision;
  return { kind: 'list', results };
}

/** Whether a list is the schedule's answer: every duty in it is reminded at one of the asked periods. */
export function isRemindedList(
  docs: readonly IndexedDoc[],
  periods: readonly PeriodCadence[],
  settings: WorkspaceSettings,
): boolean {
  return docs.every((doc) => {
    if (doc.kind !== 'duty') return false;
    const schedule = scheduleOf(doc.duty, settings);
    return schedule !== null && periods.includes(schedule.cadence);
  });
}

function contentful(analysis: QuestionAnalysis): boolean {
  return analysis.concepts.size > analysis.hintConcepts.length || analysis.residual.length > 0;
}

function subjectTerms(analysis: QuestionAnalysis): string[] {
  const hinted = new Set(analysis.hintConcepts);
  return [
    ...[...analysis.concepts.keys()].filter((id) => !hinted.has(id)).map((id) => `c:${id}`),
    ...analysis.residual.map((stem) => `w:${stem}`),
  ];
}

function docsByDuty(knowledge: Knowledge, lexicon: CompiledLexicon): ReadonlyMap<string, IndexedDoc> {
  const index = indexFor(knowledge, lexicon);
  let found = byDuty.get(index);
  if (!found) {
    found = new Map(index.docs.flatMap((doc) => (doc.kind === 'duty' ? [[doc.duty.id, doc] as const] : [])));
    byDuty.set(index, found);
  }
  return found;
}

const byDuty = new WeakMap<object, ReadonlyMap<string, IndexedDoc>>();
