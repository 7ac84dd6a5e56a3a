import type { Duty, Knowledge } from '../knowledge/model.js';
import type { DutyStatus } from '../occurrences/status.js';
import type { ConfirmationRow } from '../store/types.js';
import { catalogue } from './catalogue/index.js';
import { sourceCitation } from './citation.js';
import { formatDay, formatInstant, missedNote, periodLabel, scheduleLabel, snoozeOptions } from './labels.js';
import { mention } from './mentions.js';
import type { ConfirmationView, DutyRefView, HomeView, Lang, OccurrenceView, ReminderView } from './types.js';

/**
 * View models for occurrences: single lines (OccurrenceView), reminder messages (ReminderView,
 * including follow-ups, escalations and the closed form a reminder is updated to), a user's home
 * and pending lists. Sentences mention people with `{{user:ID}}` tokens; adapters render them.
 */

export function dutyRefView(duty: Duty, lang: Lang): DutyRefView {
  return { id: duty.id, service: duty.service, serviceName: duty.serviceName, title: dutyTitle(duty, lang) };
}

/** A duty's title in the reply language: the one place that picks it. */
export function dutyTitle(duty: Pick<Duty, 'title' | 'title_it'>, lang: Lang): string {
  return lang === 'it' ? duty.title_it : duty.title;
}

/** The duty's text translated into the reply language, or null when the reply is in the source's language. */
export function dutyTranslation(duty: Pick<Duty, 'text_it'>, lang: Lang): string | null {
  return lang === 'it' ? duty.text_it : null;
}

export function confirmationView(row: ConfirmationRow): ConfirmationView {
  return {
    dutyId: row.dutyId,
    occurrence: row.occurrence,
    status: row.status,
    by: row.by,
    at: row.at.toISOString(),
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    reason: row.reason,
    snoozedUntil: row.snoozedUntil ? row.snoozedUntil.toISOString() : null,
    seq: row.seq,
    hash: row.hash,
    ...(row.backfill ? { backfill: true as const } : {}),
  };
}

export function occurrenceView(status: DutyStatus, lang: Lang): OccurrenceView {
  return {
    duty: dutyRefView(status.duty, lang),
    occurrence: status.occurrence.key,
    periodLabel: periodLabel(status.occurrence.period, lang),
    state: status.state,
    dueAt: status.occurrence.dueAt.toISOString(),
    deadline: status.occurrence.deadline.toISOString(),
    ownerIds: status.ownerIds,
    channel: status.channel,
    cadenceLabel: scheduleLabel(status.schedule, lang),
    missedBefore: status.missedBefore,
    lastConfirmation: status.latest ? confirmationView(status.latest) : null,
  };
}

/** The upcoming form of a duty whose current occurrence is closed: its next occurrence. */
export function nextOccurrenceView(status: DutyStatus, lang: Lang): OccurrenceView | null {
  if (!status.next) return null;
  return {
    ...occurrenceView(status, lang),
    occurrence: status.next.key,
    periodLabel: periodLabel(status.next.period, lang),
    state: 'upcoming',
    dueAt: status.next.dueAt.toISOString(),
    deadline: status.next.deadline.toISOString(),
    missedBefore: 0,
    lastConfirmation: null,
  };
}

function addressees(ownerIds: readonly string[], lang: Lang): string {
  if (ownerIds.length === 0) return catalogue(lang).reminder.everyone;
  return ownerIds.map(mention).join(' ');
}

export type ReminderKind = ReminderView['kind'];

/**
 * A reminder, follow-up or escalation for a duty's occurrence, rendered from its current status
 * (the outbox builds it at delivery time, so a reminder confirmed before it went out is posted
 * already closed, and updates show who closed it).
 */
export function reminderView(
  kind: ReminderKind,
  workspaceId: string,
  status: DutyStatus,
  knowledge: Knowledge,
  lang: Lang,
  zone: string,
  extra: { workingDaysOpen?: number } = {},
): ReminderView {
  const { duty } = status;
  const occurrence = occurrenceView(status, lang);
  const closed = status.latest && (status.latest.status === 'done' || status.latest.status === 'skipped');
  const closedBy = closed && status.latest ? confirmationView(status.latest) : null;
  return {
    kind,
    lang,
    workspaceId,
    occurrence,
    headline: closedBy
      ? closedHeadline(status, closedBy, lang, zone)
      : openHeadline(kind, status, lang, zone, extra.workingDaysOpen ?? 0),
    quote: duty.text,
    translation: dutyTranslation(duty, lang),
    source: sourceCitation(knowledge, duty, lang),
    closedBy,
    snoozedBy:
      status.state === 'snoozed' && status.latest?.status === 'snoozed' ? confirmationView(status.latest) : null,
    snoozeOptions: closedBy ? [] : snoozeOptions(lang),
  };
}

function openHeadline(kind: ReminderKind, status: DutyStatus, lang: Lang, zone: string, workingDays: number): string {
  const c = catalogue(lang).reminder;
  const title = dutyTitle(status.duty, lang);
  const period = periodLabel(status.occurrence.period, lang);
  const deadline = formatDay(status.occurrence.deadline, zone, lang);
  const who = addressees(status.ownerIds, lang);
  let text: string;
  switch (kind) {
    case 'reminder': {
      const back = status.snoozedUntil !== null && status.snoozedUntil <= status.dueSince;
      if (status.schedule.review) text = c.review(who, title, period, deadline);
      // Caught up after downtime or on a non-working day: say it is late rather than due.
      else if (status.state === 'overdue') text = c.overdue(who, title, period, deadline);
      else text = c.due(who, title, period, deadline);
      if (back) text = c.backFromSnooze(text);
      break;
    }
    case 'followup':
      text = c.followup(who, title, period, formatDay(status.dueSince, zone, lang));
      break;
    case 'escalation': {
      const owners =
        status.ownerIds.length > 0 ? c.escalationOwners(status.ownerIds.map(mention).join(' ')) : c.escalationNobody;
      text = c.escalation(title, period, workingDays, owners);
      break;
    }
  }
  if (kind === 'reminder' && status.missedBefore > 0) text += ` ${missedNote(status.missedBefore, lang)}`;
  return text;
}

function closedHeadline(status: DutyStatus, closedBy: ConfirmationView, lang: Lang, zone: string): string {
  const c = catalogue(lang).reminder;
  const title = dutyTitle(status.duty, lang);
  const period = periodLabel(status.occurrence.period, lang);
  const when = formatInstant(new Date(closedBy.at), zone, lang);
  const by = mention(closedBy.by);
  if (closedBy.status === 'skipped')
    return c.skipped(title, period, by, when) + (closedBy.reason ? c.skipReason(closedBy.reason) : '');
  return c.done(title, period, by, when);
}

const STATE_ORDER = { overdue: 0, due: 1, snoozed: 2, upcoming: 3, done: 4, skipped: 5 } as const;

function byUrgency(a: OccurrenceView, b: OccurrenceView): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    a.deadline.localeCompare(b.deadline) ||
    a.dueAt.localeCompare(b.dueAt) ||
    a.duty.id.localeCompare(b.duty.id)
  );
}

/** Whose duty: assigned to the user, or assigned to nobody (then anyone in the channel may do it). */
export function concerns(status: DutyStatus, userId: string): boolean {
  return status.ownerIds.length === 0 || status.ownerIds.includes(userId);
}

/** How far ahead "upcoming" looks on a user's home. */
const HOME_UPCOMING_DAYS = 31;

/**
 * A user's own duties: overdue, due (snoozed ones included, they come back), and what falls due in
 * the next month (a closed occurrence shows its next one). Duties nobody owns are shown to everyone.
 */
export function homeView(
  statuses: readonly DutyStatus[],
  userId: string,
  lang: Lang,
  now: Date,
  settingsSummary: string[] | null,
): HomeView {
  const horizon = now.getTime() + HOME_UPCOMING_DAYS * 86_400_000;
  const overdue: OccurrenceView[] = [];
  const due: OccurrenceView[] = [];
  const upcoming: OccurrenceView[] = [];
  for (const status of statuses) {
    if (!concerns(status, userId)) continue;
    if (status.state === 'overdue') overdue.push(occurrenceView(status, lang));
    else if (status.state === 'due' || status.state === 'snoozed') due.push(occurrenceView(status, lang));
    else if (status.state === 'upcoming') {
      if (status.occurrence.dueAt.getTime() <= horizon) upcoming.push(occurrenceView(status, lang));
    } else {
      const next = nextOccurrenceView(status, lang);
      if (next && new Date(next.dueAt).getTime() <= horizon) upcoming.push(next);
    }
  }
  return {
    lang,
    userId,
    overdue: overdue.sort(byUrgency),
    due: due.sort(byUrgency),
    upcoming: upcoming.sort(byUrgency),
    settingsSummary,
  };
}

/**
 * The `pending` list: open occurrences (overdue first, then due, then snoozed), either the user's
 * own (and unassigned ones) or, with `all`, the whole workspace's.
 */
export function pendingView(
  statuses: readonly DutyStatus[],
  lang: Lang,
  options: { userId?: string | null; all?: boolean } = {},
): { title: string; items: OccurrenceView[] } {
  const mine = !options.all && options.userId;
  const items = statuses
    .filter((s) => s.state === 'overdue' || s.state === 'due' || s.state === 'snoozed')
    .filter((s) => !mine || concerns(s, options.userId as string))
    .map((s) => occurrenceView(s, lang))
    .sort(byUrgency);
  const open = items.filter((i) => i.state !== 'snoozed').length;
  const c = catalogue(lang).pending;
  const scope = mine ? c.mine : c.all;
  const title = items.length === 0 ? c.nothing(scope) : c.open(scope, open, items.length - open);
  return { title, items };
}
