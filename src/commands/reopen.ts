import type { Duty } from '../knowledge/model.js';
import type { WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { confirmationView, dutyRefView, dutyTitle } from '../views/occurrence-views.js';
import type { Lang, Reply } from '../views/types.js';
import { badPeriodRefusal, tooLongRefusal } from './confirm.js';
import type { ExecuteDeps, ExecuteInput } from './deps.js';
import { messages } from './messages.js';
import { mayReopen } from './permissions.js';
import { refusal } from './refusal.js';
import { overLimit } from './values.js';

/**
 * `reopen <duty> for <period> -- <reason>`: the one recorded way to change a closed occurrence.
 * Owners and admins only; the reopening is chained like any confirmation, and the next
 * confirmation of that period is then accepted.
 */
export async function reopen(
  deps: ExecuteDeps,
  input: Pick<ExecuteInput, 'actor' | 'now' | 'idempotencyKey'>,
  workspace: WorkspaceRow,
  lang: Lang,
  request: { duty: Duty; occurrence: string | null; reason: string },
): Promise<Reply> {
  const m = messages(lang);
  const l = catalogue(lang).ledger;
  const { duty } = request;
  const title = dutyTitle(duty, lang);
  const refView = [dutyRefView(duty, lang)];
  const reason = request.reason.trim();
  if (!reason) return refusal(lang, 'bad_usage', m.reasonRequired, m.usageLine(m.usage.reopen));
  const tooLong = overLimit({ reason });
  if (tooLong) return tooLongRefusal(lang, tooLong);
  if (!request.occurrence) return refusal(lang, 'bad_usage', l.reopenNeedsPeriod, m.usageLine(m.usage.reopen));
  const notScheduled = deps.schedule.whyNotScheduled(duty, workspace.settings);
  if (notScheduled)
    return refusal(
      lang,
      'not_scheduled',
      m.notScheduled(title, m.whyNotScheduled[notScheduled]),
      m.notScheduledHint,
      refView,
    );
  if (!(await mayReopen(input.actor, duty, workspace.settings)))
    return refusal(lang, 'forbidden', l.forbiddenReopen(title), m.forbiddenConfirmHint, refView);

  const target = await deps.schedule.occurrenceToConfirm(workspace, duty, input.now, request.occurrence);
  if (!target.ok && target.reason === 'unknown_occurrence')
    return badPeriodRefusal(lang, request.occurrence, title, target);
  // A period not due yet cannot have been closed: nothing to reopen.
  const occurrence = target.ok ? target.occurrence : request.occurrence;
  const period = target.ok ? target.periodLabel(lang) : occurrence;
  const reopened = await deps.store.reopenOccurrence({
    workspaceId: workspace.id,
    dutyId: duty.id,
    occurrence,
    by: input.actor.userId,
    at: input.now,
    reason,
    idempotencyKey: input.idempotencyKey ?? `${input.actor.userId}|reopen|${duty.id}|${occurrence}`,
  });
  if (!reopened) return refusal(lang, 'bad_value', l.notClosed(l.occurrenceOf(title, period)), null, refView);
  // The messages that showed it closed are edited back to open, and the schedule re-planned.
  await deps.schedule.confirmed(workspace.id, reopened, input.now);
  return {
    kind: 'confirmed',
    lang,
    message: l.reopened(l.occurrenceOf(title, period)),
    confirmation: confirmationView(reopened),
    duplicate: false,
  };
}
