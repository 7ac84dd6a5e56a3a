import { catalogue } from '../../../src/views/catalogue/index.js';
import { headsSuggestions } from '../../../src/views/suggestions.js';
import type { AnswerItemView, AnswerView } from '../../../src/views/types.js';
import { labels } from '../labels.js';
import { ACTION } from './ids.js';
import {
  type Block,
  button,
  citation,
  context,
  divider,
  escapeMrkdwn,
  fields,
  LIMITS,
  mentionList,
  message,
  mrkdwn,
  type SlackMessage,
  section,
  truncate,
} from './kit.js';

/** Items beyond this are summarized: an answer is read in a chat window, not a report. */
const MAX_ITEMS = 8;

export interface AnswerRenderOptions {
  /** Adds the "Share in channel" button (ephemeral answers to `/duty <question>`). */
  shareable?: boolean;
  /** Adds a "Shared by @user" line (the answer was shared into a channel). */
  sharedBy?: string | null;
  /** How a command is typed where the answer is shown: `/duty ` for the slash command, else nothing. */
  commandPrefix?: string;
}

/** Block Kit for an answer: who (Acme / your owner), how often, the duty quoted, the source cited. */
export function renderAnswer(answer: AnswerView, options: AnswerRenderOptions = {}): SlackMessage {
  const l = labels(answer.lang);
  const blocks: Block[] = [];
  if (options.sharedBy) blocks.push(context([l.sharedBy(`<@${options.sharedBy}>`)]));
  blocks.push(section(mrkdwn(answer.summary)));

  const shown = answer.items.slice(0, MAX_ITEMS);
  for (const item of shown) {
    blocks.push(divider(), ...renderItem(item, answer.lang));
  }
  if (answer.items.length > shown.length) {
    blocks.push(context([escapeMrkdwn(l.morePlain(answer.items.length - shown.length))]));
  }
  if (answer.suggestions.length > 0) {
    const list = answer.suggestions.slice(0, 6).map((s) => `• ${escapeMrkdwn(s)}`);
    blocks.push(section(headsSuggestions(answer) ? `${l.tryAsking}:\n${list.join('\n')}` : list.join('\n')));
  }
  if (answer.modelSuggestion) blocks.push(context([escapeMrkdwn(answer.modelSuggestion)]));
  // Input dutybot did not understand is never a dead end: the examples above, and the way to usage.
  if (answer.abstained) {
    blocks.push(context([escapeMrkdwn(catalogue(answer.lang).storeRules.typeHelp(options.commandPrefix ?? ''))]));
  }
  if (options.shareable) {
    const value = JSON.stringify({ question: truncate(answer.question, 1500) });
    blocks.push({ type: 'actions', elements: [button(l.share, ACTION.share, value)] });
  }
  return message(answerFallback(answer), blocks);
}

function renderItem(item: AnswerItemView, lang: AnswerView['lang']): Block[] {
  const l = labels(lang);
  const blocks: Block[] = [];
  const heading = item.serviceName ? `*${escapeMrkdwn(item.serviceName)}*\n` : '';
  const quoted = quote(item.quote);
  const translated = item.translation ? `\n_${escapeMrkdwn(item.translation)}_` : '';
  blocks.push(section(`${heading}${quoted}${translated}`));

  const facts: string[] = [];
  if (item.performer) {
    const owners = item.performer.ownerIds.length > 0 ? ` — ${mentionList(item.performer.ownerIds)}` : '';
    facts.push(`*${l.who}*\n${escapeMrkdwn(item.performer.label)}${owners}`);
  }
  if (item.cadenceLabel || item.retentionDays) {
    const parts = [item.cadenceLabel ? escapeMrkdwn(item.cadenceLabel) : null];
    if (item.retentionDays) parts.push(l.retention(item.retentionDays));
    facts.push(`*${l.howOften}*\n${parts.filter(Boolean).join(', ')}`);
  }
  if (facts.length > 0) blocks.push(fields(facts));

  const notes = [`📄 ${l.source}: ${escapeMrkdwn(citation(item.source))}`];
  for (const erratum of item.errata.slice(0, 3)) notes.push(`⚠️ ${l.errata}: ${mrkdwn(erratum)}`);
  blocks.push(context(notes));
  return blocks;
}

/** A verbatim quote as a mrkdwn block quote (every line prefixed, or Slack quotes only the first). */
function quote(text: string): string {
  const body = truncate(escapeMrkdwn(text), LIMITS.text - 400);
  return body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** The notification / screen-reader text: the plain answer and the first duty quoted. */
export function answerFallback(answer: AnswerView): string {
  const first = answer.items[0];
  const lines = [answer.summary];
  if (first) lines.push(`"${first.quote}" (${first.source.label})`);
  return lines.join('\n');
}
