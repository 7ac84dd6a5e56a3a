import type { types } from '@slack/bolt';
import { mention } from '../../../src/views/mentions.js';
import type { ReminderView } from '../../../src/views/types.js';
import { labels } from '../labels.js';
import { ACTION, type DutyButtonValue, type SnoozeValue } from './ids.js';
import {
  actions,
  type Block,
  button,
  citation,
  context,
  escapeMrkdwn,
  evidenceLink,
  fields,
  LIMITS,
  mentionList,
  message,
  mrkdwn,
  option,
  type SlackMessage,
  section,
  slackDate,
  truncate,
  userText,
} from './kit.js';

/**
 * A reminder, follow-up or escalation. Open: the duty quoted, period, due date, owner and the
 * Done / Snooze / Skip controls. Closed (`closedBy` set): the same facts with who closed it and
 * when, and no controls, so nobody confirms twice from an old message.
 */
export function renderReminder(view: ReminderView): SlackMessage {
  const l = labels(view.lang);
  const occ = view.occurrence;
  const blocks: Block[] = [section(mrkdwn(view.headline))];

  const quoted = truncate(escapeMrkdwn(view.quote), LIMITS.text - 400)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const translated = view.translation ? `\n_${escapeMrkdwn(view.translation)}_` : '';
  blocks.push(
    section(`*${escapeMrkdwn(occ.duty.title)}* · ${escapeMrkdwn(occ.duty.serviceName)}\n${quoted}${translated}`),
  );

  const owners = occ.ownerIds.length > 0 ? mentionList(occ.ownerIds) : `_${l.noOwner}_`;
  blocks.push(
    fields([
      `*${l.period}*\n${escapeMrkdwn(occ.periodLabel)}`,
      `*${l.howOften}*\n${escapeMrkdwn(occ.cadenceLabel)}`,
      `*${l.due}*\n${slackDate(occ.dueAt)}`,
      `*${l.deadline}*\n${slackDate(occ.deadline)}`,
      `*${l.owners}*\n${owners}`,
    ]),
  );

  if (view.closedBy) {
    blocks.push(section(closedLine(view)));
  } else {
    // Snoozed: say who and until when, and keep the controls (it can still be done or skipped).
    const snoozed = view.snoozedBy;
    if (snoozed) {
      const until = slackDate(snoozed.snoozedUntil ?? snoozed.at);
      blocks.push(context([l.closedSnoozed(`<@${snoozed.by}>`, until)]));
    }
    const value: DutyButtonValue = { dutyId: occ.duty.id, occurrence: occ.occurrence };
    const json = JSON.stringify(value);
    const elements: types.ActionsBlockElement[] = [button(l.done, ACTION.done, json, 'primary')];
    if (view.snoozeOptions.length > 0) {
      elements.push({
        type: 'static_select',
        action_id: ACTION.snooze,
        placeholder: { type: 'plain_text', text: l.snoozePlaceholder, emoji: true },
        options: view.snoozeOptions.map((choice) => {
          const snooze: SnoozeValue = { ...value, snooze: choice.id };
          return option(choice.label, JSON.stringify(snooze));
        }),
      });
    }
    elements.push(button(l.skip, ACTION.skip, json));
    blocks.push(actions(elements, `duty:${occ.duty.id}:${occ.occurrence}`.slice(0, 255)));
  }
  blocks.push(context([`📄 ${l.source}: ${escapeMrkdwn(citation(view.source))}`]));

  const fallback = view.closedBy ? `${view.headline} — ${closedFallback(view)}` : view.headline;
  return message(fallback, blocks);
}

function closedLine(view: ReminderView): string {
  const l = labels(view.lang);
  const c = view.closedBy;
  if (!c) return '';
  const by = `<@${c.by}>`;
  const line =
    c.status === 'done'
      ? l.closedDone(by, slackDate(c.at))
      : c.status === 'skipped'
        ? l.closedSkipped(by, slackDate(c.at))
        : l.closedSnoozed(by, c.snoozedUntil ? slackDate(c.snoozedUntil) : slackDate(c.at));
  const extra: string[] = [];
  if (c.note) extra.push(`${l.note}: ${userText(c.note)}`);
  if (c.evidenceUrl) extra.push(`${l.evidence}: ${evidenceLink(c.evidenceUrl)}`);
  if (c.reason) extra.push(`${l.reason}: ${userText(c.reason)}`);
  return [line, ...extra].join('\n');
}

function closedFallback(view: ReminderView): string {
  const c = view.closedBy;
  if (!c) return '';
  return `${c.status} by ${mention(c.by)} at ${c.at}`;
}
