import { createHash } from 'node:crypto';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { catalogue } from '../../../src/views/catalogue/index.js';
import type { ConfirmationStatus } from '../../../src/views/types.js';
import { REMINDER_VERBS, type ReminderActionData, type ReminderInputs } from '../cards/reminder.js';
import { cardActivity } from '../renderer.js';
import { activityKey, actorFor, type HandlerDeps, remember, resolve, type TurnPlace, turnLogger } from './deps.js';
import { reportFailure, somethingWrong } from './failure.js';

const VERB_STATUS: Record<string, ConfirmationStatus> = {
  [REMINDER_VERBS.done]: 'done',
  [REMINDER_VERBS.snooze]: 'snoozed',
  [REMINDER_VERBS.skip]: 'skipped',
};

/**
 * Done / snooze / skip on a reminder card (Universal Actions, `adaptiveCard/action` invokes).
 * The answer is the card the clicker sees; a text answer is shown as a message instead. An invoke
 * counts as answered once its card is computed (it goes back in the HTTP response); a redelivery
 * of an answered invoke shows the card as it now stands, and one whose first delivery failed is
 * settled again (the ledger records one entry: the submission key).
 */
export function registerCardActions(app: Application<TurnState>, deps: HandlerDeps): void {
  app.adaptiveCards.actionExecute<ReminderActionData>(Object.values(REMINDER_VERBS), async (context, _state, data) => {
    const place = await resolve(deps, context);
    try {
      let answer: AdaptiveCard | string | null = null;
      await deps.answers.run(activityKey(context), async () => {
        answer = await settle(deps, context, place, data);
        return true;
      });
      return answer ?? (await cardAsItStands(deps, context, place));
    } catch (error) {
      reportFailure(turnLogger(deps, context), 'card action', error, { workspaceId: place.workspaceId });
      return somethingWrong(context);
    }
  });
}

/** The clicked card as it now stands (after the first delivery of this invoke did the work). */
async function cardAsItStands(
  deps: HandlerDeps,
  context: TurnContext,
  place: TurnPlace,
): Promise<AdaptiveCard | string> {
  const cardId = context.activity.replyToId;
  const stored = cardId ? await deps.state.card(place.workspaceId, cardId) : null;
  return stored ? (await deps.renderer.reminder(place.location.tenantId, stored.view)).card : 'OK';
}

async function settle(
  deps: HandlerDeps,
  context: TurnContext,
  place: TurnPlace,
  data: ReminderActionData,
): Promise<AdaptiveCard | string> {
  const { state, renderer, dutybot } = deps;
  const { location, workspaceId, conversation } = place;
  const verb = String(context.activity.value?.action?.verb ?? '');
  const cardId = context.activity.replyToId ?? null;
  const stored = cardId ? await state.card(workspaceId, cardId) : null;
  const inputs: ReminderInputs = {
    note: clean(data.note),
    evidenceUrl: clean(data.evidenceUrl),
    snooze: clean(data.snooze),
    reason: clean(data.reason),
  };
  await remember(deps, context, place);
  const actor = actorFor(deps, context, place);
  const status = VERB_STATUS[verb];
  if (!status || typeof data.dutyId !== 'string' || typeof data.occurrence !== 'string') {
    // A card of an older version (or hand-made data): said plainly, in the workspace's language.
    const lang = (await dutybot.workspace(workspaceId))?.lang ?? 'en';
    return catalogue(lang).binding.noLongerSupported('');
  }

  const reply = await dutybot.confirm({
    actor,
    // The card the click came from decides what is confirmed: data naming another duty or
    // occurrence than the stored card is refused by the core.
    boundTo: stored ? { dutyId: stored.view.occurrence.duty.id, occurrence: stored.view.occurrence.occurrence } : null,
    conversation,
    dutyId: data.dutyId,
    occurrence: data.occurrence,
    status,
    note: inputs.note,
    evidenceUrl: inputs.evidenceUrl,
    reason: inputs.reason,
    snooze: status === 'snoozed' ? inputs.snooze : null,
    // A double-clicked button (new activity id, same card, same values) records one entry.
    idempotencyKey: submissionKey(workspaceId, cardId, verb, actor.userId, data, inputs),
  });

  if (reply.kind !== 'confirmed') {
    // Refused (missing reason, bad link, not an owner…): only the person who clicked sees the
    // card again, with the message on top and what they typed still in the inputs.
    if (!stored || reply.kind !== 'error') return (await renderer.reply(location.tenantId, reply)).card;
    return (
      await renderer.reminder(location.tenantId, stored.view, {
        error: { message: reply.message, hint: reply.hint },
        inputs,
      })
    ).card;
  }
  if (!stored || !cardId) return (await renderer.reply(location.tenantId, reply)).card;

  const view = { ...stored.view, closedBy: reply.confirmation };
  const rendered = await renderer.reminder(location.tenantId, view);
  await state.saveCard(workspaceId, cardId, { ...stored, view });
  try {
    // Everyone in the conversation sees the settled card, not only the person who clicked.
    await context.updateActivity(cardActivity(rendered, cardId));
  } catch (error) {
    turnLogger(deps, context).warn('could not update a reminder card', { workspaceId, error });
  }
  return rendered.card;
}

function submissionKey(
  workspaceId: string,
  cardId: string | null,
  verb: string,
  userId: string,
  data: ReminderActionData,
  inputs: ReminderInputs,
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([workspaceId, cardId, verb, userId, data.dutyId, data.occurrence, inputs]))
    .digest('hex')
    .slice(0, 32);
  return `teams:card:${digest}`;
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
