import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { calendarOf } from '../occurrences/calendar.js';
import { occurrencesBetweenFor } from '../occurrences/occurrences.js';
import { scheduledDuties } from '../occurrences/resolve.js';
import { dutyStatus, ownersOf, type WorkspaceSnapshot } from '../occurrences/status.js';
import type { Occurrence, OccurrenceState } from '../occurrences/types.js';
import { dutyTitle } from '../views/occurrence-views.js';

/**
 * What a calendar feed shows, as plain data: one event per occurrence of a scheduled duty. The
 * occurrences come from src/occurrences (the one schedule rule); this module only chooses which
 * (the next `HORIZON_MONTHS`, plus the current one while it is still open) and for whom.
 */

/** How far ahead a feed reaches. */
export const HORIZON_MONTHS = 12;

export interface CalendarEvent {
  /** Stable across fetches and edits: derived from workspace, duty and occurrence key only. */
  uid: string;
  dutyId: string;
  /** Duty title in the workspace language. */
  title: string;
  serviceName: string;
  occurrence: Occurrence;
  /** upcoming for future ones; due / overdue / snoozed for the open current one. */
  state: OccurrenceState;
  ownerIds: string[];
}

/** Open states: the current occurrence is shown while it waits for someone. */
const OPEN: ReadonlySet<OccurrenceState> = new Set(['due', 'overdue', 'snoozed']);

/**
 * `<32 hex>@dutybot`: a hash, so the UID neither leaks the workspace id nor changes when a title,
 * an owner or a time does — calendar clients then update the event instead of adding a copy.
 */
export function eventUid(workspaceId: string, dutyId: string, occurrenceKey: string): string {
  const digest = createHash('sha256').update(`${workspaceId}\u0000${dutyId}\u0000${occurrenceKey}`).digest('hex');
  return `${digest.slice(0, 32)}@dutybot`;
}

export interface FeedScope {
  /** Only duties this person owns; null: every scheduled duty of the workspace. */
  userId: string | null;
}

/** The events of a workspace's feed at `now`, by due time then duty order. */
export function calendarEvents(snapshot: WorkspaceSnapshot, scope: FeedScope, now: Date): CalendarEvent[] {
  const settings = snapshot.workspace.settings;
  const calendar = calendarOf(settings);
  const lang = settings.language;
  const until = DateTime.fromJSDate(now, { zone: calendar.zone }).plus({ months: HORIZON_MONTHS }).toJSDate();
  const events: CalendarEvent[] = [];
  for (const { duty, schedule } of scheduledDuties(snapshot.knowledge, settings)) {
    const ownerIds = ownersOf(duty, settings.owners);
    if (scope.userId !== null && !ownerIds.includes(scope.userId)) continue;
    const event = (occurrence: Occurrence, state: OccurrenceState): CalendarEvent => ({
      uid: eventUid(snapshot.workspace.id, duty.id, occurrence.key),
      dutyId: duty.id,
      title: dutyTitle(duty, lang),
      serviceName: duty.serviceName,
      occurrence,
      state,
      ownerIds,
    });
    const current = dutyStatus(snapshot, duty, now, undefined, { missed: false });
    if (current && OPEN.has(current.state) && current.occurrence.dueAt <= now)
      events.push(event(current.occurrence, current.state));
    // Future occurrences cannot be closed yet: they are all upcoming.
    for (const occurrence of occurrencesBetweenFor(schedule, calendar, now, until)) {
      if (occurrence.dueAt > now) events.push(event(occurrence, 'upcoming'));
    }
  }
  const order = new Map(snapshot.knowledge.duties.map((duty, index) => [duty.id, index]));
  return events.sort(
    (a, b) =>
      a.occurrence.dueAt.getTime() - b.occurrence.dueAt.getTime() ||
      (order.get(a.dutyId) ?? 0) - (order.get(b.dutyId) ?? 0),
  );
}
