import { DateTime } from 'luxon';
import type { ServiceId } from '../knowledge/schema.js';
import { calendarOf } from '../occurrences/calendar.js';
import { periodContaining } from '../occurrences/periods.js';
import { type DutyStatus, isClosed, type WorkspaceSnapshot, workspaceStatuses } from '../occurrences/status.js';
import { usedServices } from '../settings/schema.js';
import type { ConfirmationRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { periodLabel } from '../views/labels.js';
import { confirmationView, dutyTitle, nextOccurrenceView, occurrenceView } from '../views/occurrence-views.js';
import type { DigestServiceLine, DigestView, Lang, OccurrenceView } from '../views/types.js';

/**
 * The digest of one channel: what is overdue, what is due now, what falls due in the rest of the
 * week, what was confirmed since the last digest, and one status line per service in use.
 * A channel's digest covers the duties routed to that channel; `channel: null` (or a channel no
 * duty is routed to, e.g. the digest command typed elsewhere) covers the whole workspace.
 */

export interface DigestInput {
  snapshot: WorkspaceSnapshot;
  channel: string | null;
  now: Date;
  /** Confirmations since the previous digest (any duty; filtered to this digest's duties here). */
  confirmationsSince: readonly ConfirmationRow[];
  lang?: Lang;
}

export function buildDigest(input: DigestInput): DigestView {
  const { snapshot, now } = input;
  const settings = snapshot.workspace.settings;
  const lang = input.lang ?? settings.language;
  const all = workspaceStatuses(snapshot, now);
  const routed = input.channel === null ? [] : all.filter((s) => s.channel === input.channel);
  const statuses = routed.length > 0 ? routed : all;
  const dutyIds = new Set(statuses.map((s) => s.duty.id));

  const calendar = calendarOf(settings);
  const endOfWeek = DateTime.fromJSDate(now, { zone: calendar.zone }).endOf('week').toJSDate();
  const overdue: OccurrenceView[] = [];
  const dueToday: OccurrenceView[] = [];
  const upcoming: OccurrenceView[] = [];
  for (const status of statuses) {
    if (status.state === 'overdue') overdue.push(occurrenceView(status, lang));
    else if (status.state === 'due') dueToday.push(occurrenceView(status, lang));
    else if (status.state === 'snoozed' || status.state === 'upcoming') {
      if (comesUpBefore(status, endOfWeek)) upcoming.push(occurrenceView(status, lang));
    } else {
      const next = nextOccurrenceView(status, lang);
      if (next && new Date(next.dueAt) <= endOfWeek) upcoming.push(next);
    }
  }

  const doneSinceLast = input.confirmationsSince
    .filter((c) => dutyIds.has(c.dutyId) && (c.status === 'done' || c.status === 'skipped'))
    .sort((a, b) => a.seq - b.seq)
    .map((c) => {
      const duty = snapshot.knowledge.dutyById.get(c.dutyId);
      return { ...confirmationView(c), ...(duty ? { dutyTitle: dutyTitle(duty, lang) } : {}) };
    });

  const week = periodLabel(periodContaining('weekly', DateTime.fromJSDate(now, { zone: calendar.zone })), lang);
  return {
    lang,
    workspaceId: snapshot.workspace.id,
    channel: input.channel,
    title: catalogue(lang).digest.title(week),
    at: now.toISOString(),
    overdue: overdue.sort((a, b) => a.deadline.localeCompare(b.deadline)),
    dueToday: dueToday.sort((a, b) => a.deadline.localeCompare(b.deadline)),
    upcoming: upcoming.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    doneSinceLast,
    services: serviceLines(snapshot, statuses, routed.length > 0, lang),
    ...(snapshot.workspace.ledgerHead
      ? {
          ledgerHead: catalogue(lang).ledger.head(
            snapshot.workspace.ledgerHead.seq,
            snapshot.workspace.ledgerHead.hash,
          ),
        }
      : {}),
  };
}

function comesUpBefore(status: DutyStatus, end: Date): boolean {
  const at = status.state === 'snoozed' ? status.snoozedUntil : status.occurrence.dueAt;
  return at !== null && at <= end;
}

function serviceLines(
  snapshot: WorkspaceSnapshot,
  statuses: readonly DutyStatus[],
  routedOnly: boolean,
  lang: Lang,
): DigestServiceLine[] {
  const byService = new Map<ServiceId, DutyStatus[]>();
  for (const status of statuses) {
    const list = byService.get(status.duty.service) ?? [];
    list.push(status);
    byService.set(status.duty.service, list);
  }
  // A workspace-wide digest names every service in use, even those with nothing scheduled.
  const services = routedOnly
    ? [...byService.keys()]
    : usedServices(snapshot.workspace.settings, [...snapshot.knowledge.serviceById.keys()]);
  const lines: DigestServiceLine[] = [];
  for (const service of services) {
    const record = snapshot.knowledge.serviceById.get(service);
    const list = byService.get(service) ?? [];
    const overdue = list.filter((s) => s.state === 'overdue').length;
    const due = list.filter((s) => s.state === 'due').length;
    const missed = list.reduce((sum, s) => sum + s.missedBefore, 0);
    const closed = list.filter((s) => isClosed(s.latest)).length;
    const status: DigestServiceLine['status'] = overdue > 0 ? 'overdue' : due > 0 ? 'due' : 'ok';
    const name = record?.name ?? service;
    lines.push({
      service,
      serviceName: name,
      status,
      line: `${name}: ${serviceSummary(list.length, overdue, due, closed, missed, lang)}`,
    });
  }
  return lines;
}

function serviceSummary(
  total: number,
  overdue: number,
  due: number,
  closed: number,
  missed: number,
  lang: Lang,
): string {
  const c = catalogue(lang).digest;
  if (total === 0) return c.noDuties;
  const parts: string[] = [];
  if (overdue > 0) parts.push(c.overdue(overdue));
  if (due > 0) parts.push(c.due(due));
  if (parts.length === 0) parts.push(c.allInOrder(closed, total));
  if (missed > 0) parts.push(c.missed(missed));
  return `${parts.join(', ')}.`;
}
