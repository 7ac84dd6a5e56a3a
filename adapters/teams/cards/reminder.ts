import { missedNote } from '../../../src/views/labels.js';
import type { ConfirmationView, OccurrenceView, ReminderView } from '../../../src/views/types.js';
import type { RenderContext } from './context.js';
import {
  type CardElement,
  card,
  container,
  errorBox,
  facts,
  heading,
  type RenderedCard,
  subtle,
  text,
  verbatim,
} from './elements.js';

/** Universal Action verbs on reminder cards (routed by the `adaptiveCard/action` invoke handler). */
export const REMINDER_VERBS = {
  done: 'dutybot.done',
  snooze: 'dutybot.snooze',
  skip: 'dutybot.skip',
} as const;

/** What the user had typed when a card action was refused: shown again so nothing is lost. */
export interface ReminderInputs {
  note?: string | null;
  evidenceUrl?: string | null;
  snooze?: string | null;
  reason?: string | null;
}

export interface ReminderCardState {
  error?: { message: string; hint: string | null } | null;
  inputs?: ReminderInputs;
}

/** Data each Action.Execute carries back; Teams merges the card's input values into it. */
export interface ReminderActionData extends ReminderInputs {
  dutyId: string;
  occurrence: string;
}

export function renderReminder(view: ReminderView, ctx: RenderContext, state: ReminderCardState = {}): RenderedCard {
  const l = ctx.labels;
  const occ = view.occurrence;
  const closed = view.closedBy;
  const body: CardElement[] = [];

  if (state.error)
    body.push(errorBox(ctx.text(state.error.message), state.error.hint ? ctx.text(state.error.hint) : null));
  body.push(heading(ctx.text(view.headline)));
  body.push(subtle(`${occ.duty.title} · ${occ.duty.serviceName}`));
  body.push(occurrenceFacts(occ, ctx));
  body.push(
    container(
      [
        text(`_${verbatim(view.quote)}_`),
        ...(view.translation ? [text(verbatim(view.translation), { spacing: 'Small' })] : []),
        subtle(`${l.source}: ${view.source.label}`),
      ],
      { style: 'emphasis', spacing: 'Medium' },
    ),
  );
  if (occ.missedBefore > 0)
    body.push(text(missedNote(occ.missedBefore, ctx.lang), { color: 'Warning', size: 'Small' }));
  if (closed) body.push(closedBox(closed, ctx));

  // A done or skipped occurrence is settled: the card keeps the record and loses its buttons.
  // A snooze only defers it, so Done and Skip stay available.
  const settled = closed !== null && closed.status !== 'snoozed';
  const actions = settled ? [] : reminderActions(view, ctx, state.inputs ?? {});

  const fallback = [
    ctx.plain(view.headline),
    `${occ.duty.title} (${occ.duty.serviceName}) — ${l.due}: ${ctx.plainWhen(occ.dueAt)}`,
    ...(closed ? [closedSentence(closed, ctx, true)] : []),
  ].join('\n');
  return card(ctx, body, fallback, actions);
}

function occurrenceFacts(occ: OccurrenceView, ctx: RenderContext): CardElement {
  const l = ctx.labels;
  return facts([
    [l.period, occ.periodLabel],
    [l.due, ctx.when(occ.dueAt)],
    [l.deadline, ctx.when(occ.deadline)],
    [l.howOften, occ.cadenceLabel],
    [l.owners, occ.ownerIds.length > 0 ? ctx.users(occ.ownerIds) : l.noOwner],
  ]);
}

function closedSentence(confirmation: ConfirmationView, ctx: RenderContext, plain = false): string {
  const l = ctx.labels;
  const who = plain ? ctx.plainUser(confirmation.by) : ctx.user(confirmation.by);
  const at = plain ? ctx.plainWhen(confirmation.at) : ctx.when(confirmation.at);
  const lead =
    confirmation.status === 'done' ? l.doneBy : confirmation.status === 'skipped' ? l.skippedBy : l.snoozedBy;
  const until =
    confirmation.status === 'snoozed' && confirmation.snoozedUntil
      ? ` ${l.until} ${plain ? ctx.plainWhen(confirmation.snoozedUntil) : ctx.when(confirmation.snoozedUntil)}`
      : '';
  return `${lead} ${who} ${l.on} ${at}${until}`;
}

function closedBox(confirmation: ConfirmationView, ctx: RenderContext): CardElement {
  const l = ctx.labels;
  const style = confirmation.status === 'done' ? 'good' : confirmation.status === 'skipped' ? 'warning' : 'accent';
  const items: CardElement[] = [text(`**${closedSentence(confirmation, ctx)}**`)];
  const details = facts([
    [l.note, confirmation.note ? ctx.userText(confirmation.note) : null],
    [l.reason, confirmation.reason ? ctx.userText(confirmation.reason) : null],
    [l.evidence, confirmation.evidenceUrl ? ctx.evidenceLink(confirmation.evidenceUrl) : null],
    [l.ledger, `#${confirmation.seq} · ${confirmation.hash.slice(0, 12)}`],
  ]);
  items.push(details);
  return container(items, { style, spacing: 'Medium' });
}

function reminderActions(view: ReminderView, ctx: RenderContext, inputs: ReminderInputs): CardElement[] {
  const l = ctx.labels;
  const data = { dutyId: view.occurrence.duty.id, occurrence: view.occurrence.occurrence };
  const execute = (title: string, verb: string) => ({
    type: 'Action.Execute',
    title,
    verb,
    data,
    style: 'positive',
  });
  const snoozeChoices = view.snoozeOptions.map((option) => ({ title: option.label, value: option.id }));
  const showCard = (title: string, body: CardElement[], action: CardElement) => ({
    type: 'Action.ShowCard',
    title,
    card: { type: 'AdaptiveCard', body, actions: [action] },
  });

  const actions: CardElement[] = [
    showCard(
      l.done,
      [
        {
          type: 'Input.Text',
          id: 'note',
          label: l.noteInput,
          placeholder: l.notePlaceholder,
          isMultiline: true,
          maxLength: 2000,
          ...(inputs.note ? { value: inputs.note } : {}),
        },
        {
          type: 'Input.Text',
          id: 'evidenceUrl',
          label: l.evidenceUrl,
          placeholder: l.evidencePlaceholder,
          style: 'Url',
          regex: '^(https?://\\S+)?$',
          errorMessage: l.evidenceInvalid,
          ...(inputs.evidenceUrl ? { value: inputs.evidenceUrl } : {}),
        },
      ],
      execute(l.confirmDone, REMINDER_VERBS.done),
    ),
  ];
  if (snoozeChoices.length > 0) {
    const chosen = snoozeChoices.some((choice) => choice.value === inputs.snooze)
      ? inputs.snooze
      : snoozeChoices[0]?.value;
    actions.push(
      showCard(
        l.snooze,
        [
          {
            type: 'Input.ChoiceSet',
            id: 'snooze',
            label: l.snoozeFor,
            style: 'compact',
            isRequired: true,
            errorMessage: l.snoozeRequired,
            choices: snoozeChoices,
            value: chosen,
          },
        ],
        execute(l.confirmSnooze, REMINDER_VERBS.snooze),
      ),
    );
  }
  actions.push(
    showCard(
      l.skip,
      [
        {
          type: 'Input.Text',
          id: 'reason',
          label: l.reasonInput,
          placeholder: l.reasonPlaceholder,
          isMultiline: true,
          isRequired: true,
          maxLength: 2000,
          errorMessage: l.reasonRequired,
          ...(inputs.reason ? { value: inputs.reason } : {}),
        },
      ],
      { ...execute(l.confirmSkip, REMINDER_VERBS.skip), style: 'destructive' },
    ),
  );
  return actions;
}
