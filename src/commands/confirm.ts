import type { Duty } from '../knowledge/model.js';
import { OccurrenceClosedError } from '../store/errors.js';
import type { ConfirmationRow, WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { confirmationView, dutyRefView, dutyTitle } from '../views/occurrence-views.js';
import type { Lang, Reply } from '../views/types.js';
import type { ConfirmationRequest, ExecuteDeps, ExecuteInput } from './deps.js';
import { messages } from './messages.js';
import { isAdmin, mayConfirm } from './permissions.js';
import { refusal } from './refusal.js';
import type { OccurrenceTarget } from './schedule-port.js';
import { overLimit, parseEvidenceUrl, parseSnooze } from './values.js';

/**
 * The confirmation workflow (done / skip / snooze), shared by typed commands and by buttons and
 * forms: validates every value, checks permission, picks the occurrence, appends once.
 */

export async function confirm(
  deps: ExecuteDeps,
  input: Pick<ExecuteInput, 'actor' | 'now' | 'idempotencyKey'>,
  workspace: WorkspaceRow,
  lang: Lang,
  request: ConfirmationRequest,
): Promise<Reply> {
  const m = messages(lang);
  const { duty } = request;
  const settings = workspace.settings;
  const title = dutyTitle(duty, lang);
  const refView = [dutyRefView(duty, lang)];

  const notScheduled = deps.schedule.whyNotScheduled(duty, settings);
  if (notScheduled)
    return refusal(
      lang,
      'not_scheduled',
      m.notScheduled(title, m.whyNotScheduled[notScheduled]),
      m.notScheduledHint,
      refView,
    );

  // Validate every value before touching the ledger — and before the permission check, which may
  // need a platform call (Slack users.info): a form can then show field errors without waiting.
  const tooLong = overLimit({ note: request.note, reason: request.reason, evidenceUrl: request.evidenceUrl });
  if (tooLong) return tooLongRefusal(lang, tooLong);
  let evidenceUrl: string | null = null;
  if (request.evidenceUrl) {
    const url = parseEvidenceUrl(request.evidenceUrl);
    if (!url.ok) return refusal(lang, 'bad_value', m.badUrl(request.evidenceUrl), m.badUrlHint);
    evidenceUrl = url.value;
  }
  const reason = request.reason?.trim() || null;
  if (request.status === 'skipped' && !reason)
    return refusal(lang, 'bad_usage', m.reasonRequired, m.reasonRequiredHint);
  const l = catalogue(lang).ledger;
  if (request.backfill && !reason) return refusal(lang, 'bad_usage', l.backfillNeedsReason, l.backfillNeedsReasonHint);
  let snoozedUntil: Date | null = null;
  if (request.status === 'snoozed') {
    const parsed = parseSnooze(request.snooze ?? '', input.now, deps.schedule.snoozeCalendar(settings));
    if (!parsed.ok) {
      if (parsed.problem === 'too_long') return refusal(lang, 'bad_value', m.durationTooLong, m.badDurationHint);
      if (parsed.problem === 'past') return refusal(lang, 'bad_value', m.durationPast, m.badDurationHint);
      return refusal(lang, 'bad_value', m.badDuration(request.snooze ?? ''), m.badDurationHint);
    }
    snoozedUntil = parsed.value;
  }

  if (!(await mayConfirm(input.actor, duty, settings)))
    return refusal(lang, 'forbidden', m.forbiddenConfirm(title), m.forbiddenConfirmHint, refView);

  // A retried submission answers with what was recorded the first time, whatever happened since.
  if (input.idempotencyKey) {
    const first = await deps.store.confirmationByKey(workspace.id, input.idempotencyKey);
    if (first)
      return { kind: 'confirmed', lang, message: m.duplicate, confirmation: confirmationView(first), duplicate: true };
  }

  const target = await deps.schedule.occurrenceToConfirm(workspace, duty, input.now, request.occurrence);
  if (!target.ok) {
    if (target.reason === 'not_due_yet' && target.closedBy) {
      const closed = target.closedBy;
      return refusal(
        lang,
        'not_due_yet',
        m.alreadyClosed(
          title,
          closed.status,
          closed.by,
          deps.schedule.formatInstant(closed.at, settings, lang),
          deps.schedule.formatInstant(target.dueAt, settings, lang),
        ),
        m.alreadyClosedHint,
        refView,
      );
    }
    if (target.reason === 'not_due_yet')
      return refusal(
        lang,
        'not_due_yet',
        m.notDueYet(title, deps.schedule.formatInstant(target.dueAt, settings, lang)),
        m.notDueYetHint,
        refView,
      );
    return badPeriodRefusal(lang, request.occurrence ?? '', title, target);
  }
  // A period that had ended before the workspace existed was never asked of anyone here: only an
  // admin may record it, knowingly, as a backfill (marked so in the ledger and on every surface).
  if (target.beforeInstall && !request.backfill)
    return refusal(
      lang,
      'bad_value',
      l.beforeInstall(target.occurrence, title, deps.schedule.formatInstant(workspace.createdAt, settings, lang)),
      l.beforeInstallHint(target.occurrence),
      refView,
    );
  if (!target.beforeInstall && request.backfill)
    return refusal(lang, 'bad_value', l.backfillNotNeeded(target.occurrence), null, refView);
  if (request.backfill && !(await isAdmin(input.actor, settings)))
    return refusal(lang, 'forbidden', l.backfillForbidden, m.forbiddenAdminHint, refView);

  const idempotencyKey =
    input.idempotencyKey ??
    // Without a platform id, the same person confirming the same occurrence the same way is one entry.
    `${input.actor.userId}|${duty.id}|${target.occurrence}|${request.status}|${request.note ?? ''}|${evidenceUrl ?? ''}|${reason ?? ''}|${request.snooze ?? ''}`;
  let appended: { confirmation: ConfirmationRow; duplicate: boolean };
  try {
    appended = await deps.store.appendConfirmation({
      workspaceId: workspace.id,
      dutyId: duty.id,
      occurrence: target.occurrence,
      status: request.status,
      by: input.actor.userId,
      at: input.now,
      note: request.note?.trim() || null,
      evidenceUrl,
      reason,
      snoozedUntil,
      idempotencyKey,
      ...(request.backfill ? { backfill: true } : {}),
    });
  } catch (error) {
    // Closed meanwhile (a second Done, a stale card, Done and Skip at once): the store wrote nothing.
    if (!(error instanceof OccurrenceClosedError)) throw error;
    return alreadyClosedRefusal(deps, workspace, lang, duty, target.periodLabel(lang), error.closedBy);
  }
  const { confirmation, duplicate } = appended;
  if (!duplicate) await deps.schedule.confirmed(workspace.id, confirmation, input.now);

  const period = target.periodLabel(lang);
  const message = duplicate
    ? m.duplicate
    : confirmation.status === 'done'
      ? m.done(title, period)
      : confirmation.status === 'skipped'
        ? m.skipped(title, period)
        : m.snoozed(title, deps.schedule.formatInstant(confirmation.snoozedUntil!, settings, lang));
  return { kind: 'confirmed', lang, message, confirmation: confirmationView(confirmation), duplicate };
}

/** Who closed the occurrence and when; the hint says how to change it (reopen). */
export function alreadyClosedRefusal(
  deps: ExecuteDeps,
  workspace: WorkspaceRow,
  lang: Lang,
  duty: Duty,
  period: string,
  closedBy: ConfirmationRow,
): Reply {
  const l = catalogue(lang).ledger;
  const at = deps.schedule.formatInstant(closedBy.at, workspace.settings, lang);
  return refusal(
    lang,
    'already_closed',
    l.alreadyClosed(l.occurrenceOf(dutyTitle(duty, lang), period), closedBy.status, closedBy.by, at),
    l.alreadyClosedHint(closedBy.occurrence),
    [dutyRefView(duty, lang)],
  );
}

/** A period that is malformed or names no occurrence: the formats the duty's cadence uses. */
export function badPeriodRefusal(
  lang: Lang,
  typed: string,
  title: string,
  target: Extract<OccurrenceTarget, { reason: 'unknown_occurrence' }>,
): Reply {
  const l = catalogue(lang).ledger;
  const format = target.cadence ? l.periodFormat[target.cadence] : Object.values(l.periodFormat).join(', ');
  return refusal(lang, 'bad_value', l.badPeriod(typed, title, format, target.example || '—'), l.badPeriodHint);
}

export function tooLongRefusal(lang: Lang, over: NonNullable<ReturnType<typeof overLimit>>): Reply {
  const l = catalogue(lang).ledger;
  return refusal(lang, 'bad_value', l.tooLong(l.fields[over.field], over.length, over.max), l.tooLongHint);
}
