import type { Knowledge } from '../knowledge/model.js';
import {
  calendarOf,
  latestDueOccurrence,
  MISSED_LOOKBACK_PERIODS,
  nextOccurrenceAfterFor,
  previousOccurrenceFor,
  scheduledDuties,
  scheduleOf,
  type WorkspaceSnapshot,
} from '../occurrences/index.js';
import type { Store, WorkspaceRow } from '../store/types.js';

/**
 * A status snapshot holding only the confirmations a status can look at: each scheduled duty's
 * current occurrence and the MISSED_LOOKBACK_PERIODS before it. `loadSnapshot` reads the latest
 * row of every occurrence ever confirmed, which for a 100,000-entry ledger is most of the table
 * on every page view; the statuses computed from this one are the same (the status reads no other
 * occurrence).
 */
export async function periodSnapshot(
  store: Store,
  knowledge: Knowledge,
  workspace: WorkspaceRow,
  now: Date,
): Promise<WorkspaceSnapshot> {
  const calendar = calendarOf(workspace.settings);
  const occurrences: { dutyId: string; occurrence: string }[] = [];
  for (const { duty } of scheduledDuties(knowledge, workspace.settings)) {
    const schedule = scheduleOf(duty, workspace.settings);
    if (!schedule) continue;
    let occurrence = latestDueOccurrence(schedule, calendar, now) ?? nextOccurrenceAfterFor(schedule, calendar, now);
    for (let i = 0; occurrence && i <= MISSED_LOOKBACK_PERIODS; i++) {
      occurrences.push({ dutyId: duty.id, occurrence: occurrence.key });
      occurrence = previousOccurrenceFor(schedule, calendar, occurrence);
    }
  }
  return { workspace, knowledge, confirmations: await store.confirmationsOf(workspace.id, occurrences) };
}
