import type { Duty, Knowledge } from '../knowledge/model.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import type { ConfirmationRow, Store, WorkspaceRow } from '../store/types.js';
import { calendarOf } from './calendar.js';
import {
  latestDueOccurrence,
  nextOccurrenceAfterFor,
  occurrenceByKeyFor,
  previousOccurrenceFor,
} from './occurrences.js';
import { type NotScheduledReason, scheduledDuties, scheduleOf, whyNotScheduled } from './resolve.js';
import type { Occurrence, OccurrenceState, ResolvedSchedule } from './types.js';

/**
 * Where each scheduled duty stands at an instant, derived from the ledger (the latest
 * confirmation per duty and occurrence) — never stored, so it cannot drift from the ledger.
 *
 * The *current* occurrence of a duty is the latest one that has fallen due (so on Monday at 08:00
 * a daily duty's current occurrence is still Friday's, overdue if unconfirmed, until Monday's
 * falls due at 09:00); before any occurrence has fallen due it is the first upcoming one.
 * States: upcoming (not due yet) → due → overdue (past its deadline); done / skipped once
 * confirmed; snoozed until the snooze ends, then due (or overdue) again.
 */

/** How far back unconfirmed occurrences are counted as missed (periods of the duty's cadence). */
export const MISSED_LOOKBACK_PERIODS = 12;

/** Everything needed to compute statuses of one workspace without touching the store again. */
export interface WorkspaceSnapshot {
  workspace: WorkspaceRow;
  knowledge: Knowledge;
  /** Latest confirmation per (duty, occurrence). */
  confirmations: readonly ConfirmationRow[];
}

export interface DutyStatus {
  duty: Duty;
  schedule: ResolvedSchedule;
  occurrence: Occurrence;
  state: OccurrenceState;
  /** The latest confirmation of this occurrence (done, skipped or snoozed), if any. */
  latest: ConfirmationRow | null;
  /** Set while snoozed, and after a snooze ended (then the occurrence is due again since then). */
  snoozedUntil: Date | null;
  /** When the occurrence fell (or falls) due: dueAt, or the end of its latest snooze. */
  dueSince: Date;
  /** The occurrence after the current one (what comes up once this one is closed). */
  next: Occurrence | null;
  /** Earlier occurrences, since the workspace was created, left unconfirmed (bounded lookback). */
  missedBefore: number;
  ownerIds: string[];
  channel: string | null;
}

export async function loadSnapshot(
  store: Store,
  knowledge: Knowledge,
  workspace: WorkspaceRow | string,
): Promise<WorkspaceSnapshot | null> {
  const row = typeof workspace === 'string' ? await store.getWorkspace(workspace) : workspace;
  if (!row) return null;
  const dutyIds = scheduledDuties(knowledge, row.settings).map((s) => s.duty.id);
  const confirmations = dutyIds.length > 0 ? await store.latestConfirmations(row.id, dutyIds) : [];
  return { workspace: row, knowledge, confirmations };
}

/** Index of the latest confirmation per `${dutyId}|${occurrence}`, cached per snapshot. */
const indexes = new WeakMap<WorkspaceSnapshot, Map<string, ConfirmationRow>>();

function confirmationIndex(snapshot: WorkspaceSnapshot): Map<string, ConfirmationRow> {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new Map();
    for (const c of snapshot.confirmations) {
      const key = `${c.dutyId}|${c.occurrence}`;
      const existing = index.get(key);
      if (!existing || existing.seq < c.seq) index.set(key, c);
    }
    indexes.set(snapshot, index);
  }
  return index;
}

export function latestConfirmationOf(
  snapshot: WorkspaceSnapshot,
  dutyId: string,
  occurrence: string,
): ConfirmationRow | null {
  return confirmationIndex(snapshot).get(`${dutyId}|${occurrence}`) ?? null;
}

/** Done and skipped close an occurrence; a snooze only postpones it. */
export function isClosed(confirmation: ConfirmationRow | null): boolean {
  return confirmation !== null && (confirmation.status === 'done' || confirmation.status === 'skipped');
}

export function stateOf(occurrence: Occurrence, latest: ConfirmationRow | null, now: Date): OccurrenceState {
  if (latest?.status === 'done') return 'done';
  if (latest?.status === 'skipped') return 'skipped';
  if (latest?.status === 'snoozed' && latest.snoozedUntil && latest.snoozedUntil > now) return 'snoozed';
  if (now < occurrence.dueAt) return 'upcoming';
  return now > occurrence.deadline ? 'overdue' : 'due';
}

export type Owners = WorkspaceSettings['owners'];

/**
 * The team members who own a duty: `owners.by_duty` > `owners.by_service` > `owners.fallback`
 * (first non-empty list). A provider duty is the provider's job: no one on the team owns it.
 * Answers, reminders and permissions all ask this one function.
 */
export function ownersOf(duty: Duty, owners: Owners | undefined): string[] {
  if (!owners || duty.party !== 'customer') return [];
  const byDuty = owners.by_duty?.[duty.id];
  if (byDuty && byDuty.length > 0) return [...byDuty];
  const byService = owners.by_service?.[duty.service];
  if (byService && byService.length > 0) return [...byService];
  return [...(owners.fallback ?? [])];
}

/** Channel: `channels[service]` > `default_channel` > where the bot was installed. */
export function channelOf(duty: Duty, settings: WorkspaceSettings, homeChannel: string | null): string | null {
  return settings.channels[duty.service] ?? settings.default_channel ?? homeChannel;
}

export interface StatusOptions {
  /**
   * Count missed earlier occurrences (default true). The planner turns it off: it walks up to
   * MISSED_LOOKBACK_PERIODS occurrences per duty and only messages need it.
   */
  missed?: boolean;
}

/** Status of one duty's occurrence (the current one unless `occurrence` is given). */
export function dutyStatus(
  snapshot: WorkspaceSnapshot,
  duty: Duty,
  now: Date,
  occurrence?: Occurrence,
  options: StatusOptions = {},
): DutyStatus | null {
  const settings = snapshot.workspace.settings;
  const schedule = scheduleOf(duty, settings);
  if (!schedule) return null;
  const calendar = calendarOf(settings);
  const current =
    occurrence ?? latestDueOccurrence(schedule, calendar, now) ?? nextOccurrenceAfterFor(schedule, calendar, now);
  if (!current) return null;
  const latest = latestConfirmationOf(snapshot, duty.id, current.key);
  const snoozedUntil = latest?.status === 'snoozed' ? latest.snoozedUntil : null;
  const dueSince = snoozedUntil && snoozedUntil > current.dueAt ? snoozedUntil : current.dueAt;
  return {
    duty,
    schedule,
    occurrence: current,
    state: stateOf(current, latest, now),
    latest,
    snoozedUntil,
    dueSince,
    next: nextOccurrenceAfterFor(schedule, calendar, current.dueAt),
    missedBefore: options.missed === false ? 0 : countMissed(snapshot, schedule, current),
    ownerIds: ownersOf(duty, settings.owners),
    channel: channelOf(duty, settings, snapshot.workspace.homeChannel),
  };
}

function countMissed(snapshot: WorkspaceSnapshot, schedule: ResolvedSchedule, current: Occurrence): number {
  const calendar = calendarOf(snapshot.workspace.settings);
  const since = snapshot.workspace.createdAt.getTime();
  let missed = 0;
  let occurrence: Occurrence | null = current;
  for (let i = 0; i < MISSED_LOOKBACK_PERIODS; i++) {
    occurrence = previousOccurrenceFor(schedule, calendar, occurrence);
    // Occurrences before the workspace existed were never asked of anyone: not "missed".
    if (!occurrence || occurrence.dueAt.getTime() < since) break;
    if (!isClosed(latestConfirmationOf(snapshot, schedule.dutyId, occurrence.key))) missed++;
  }
  return missed;
}

/** Statuses of every scheduled duty of the workspace, in knowledge order. */
export function workspaceStatuses(snapshot: WorkspaceSnapshot, now: Date, options: StatusOptions = {}): DutyStatus[] {
  const result: DutyStatus[] = [];
  for (const { duty } of scheduledDuties(snapshot.knowledge, snapshot.workspace.settings)) {
    const status = dutyStatus(snapshot, duty, now, undefined, options);
    if (status) result.push(status);
  }
  return result;
}

/** Is it open and asking for attention now (due, overdue, or back from a snooze)? */
export function isPending(status: DutyStatus): boolean {
  return status.state === 'due' || status.state === 'overdue';
}

/**
 * Which occurrence a confirmation refers to. With an explicit key (buttons, `done … 2026-11`),
 * that occurrence — unless it has not fallen due yet. Without one, the current occurrence when it
 * is open (due, overdue, snoozed); when the current one is already closed the user can only mean
 * the next one, which is not due yet: the caller refuses, explaining when it falls due and who
 * closed the current one.
 */
export type ConfirmTarget =
  | { ok: true; status: DutyStatus }
  | { ok: false; reason: 'not_scheduled'; why: NotScheduledReason }
  | { ok: false; reason: 'unknown_occurrence'; key: string; example: string }
  | { ok: false; reason: 'not_due_yet'; occurrence: Occurrence; dueAt: Date; closedBy: ConfirmationRow | null };

export function confirmTarget(
  snapshot: WorkspaceSnapshot,
  duty: Duty,
  occurrenceKey: string | null,
  now: Date,
): ConfirmTarget {
  const settings = snapshot.workspace.settings;
  const schedule = scheduleOf(duty, settings);
  if (!schedule) return { ok: false, reason: 'not_scheduled', why: whyNotScheduled(duty, settings) ?? 'turned_off' };
  const calendar = calendarOf(settings);
  if (occurrenceKey !== null) {
    const occurrence = occurrenceByKeyFor(schedule, calendar, occurrenceKey);
    const current = latestDueOccurrence(schedule, calendar, now) ?? nextOccurrenceAfterFor(schedule, calendar, now);
    if (!occurrence)
      return { ok: false, reason: 'unknown_occurrence', key: occurrenceKey, example: current?.key ?? '' };
    if (occurrence.dueAt > now)
      return { ok: false, reason: 'not_due_yet', occurrence, dueAt: occurrence.dueAt, closedBy: null };
    const status = dutyStatus(snapshot, duty, now, occurrence);
    return status ? { ok: true, status } : { ok: false, reason: 'not_scheduled', why: 'turned_off' };
  }
  const status = dutyStatus(snapshot, duty, now);
  if (!status) return { ok: false, reason: 'not_scheduled', why: 'turned_off' };
  if (status.state === 'upcoming') {
    return {
      ok: false,
      reason: 'not_due_yet',
      occurrence: status.occurrence,
      dueAt: status.occurrence.dueAt,
      closedBy: null,
    };
  }
  if (status.state === 'done' || status.state === 'skipped') {
    const next = status.next;
    if (next) return { ok: false, reason: 'not_due_yet', occurrence: next, dueAt: next.dueAt, closedBy: status.latest };
  }
  return { ok: true, status };
}
