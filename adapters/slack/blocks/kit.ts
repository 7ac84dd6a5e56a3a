import type { types } from '@slack/bolt';
import { DateTime } from 'luxon';
import { renderMentions } from '../../../src/views/mentions.js';

/**
 * Small Block Kit builders that enforce Slack's limits, so no renderer can produce a message
 * Slack would reject (`invalid_blocks`). Limits from the Block Kit reference.
 */
export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100, // App Home and modals
  text: 3000, // section / context text object
  headerText: 150,
  fieldText: 2000,
  fields: 10,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  modalTitle: 24,
  placeholder: 150,
  fallbackText: 3000,
  privateMetadata: 3000,
} as const;

export type Block = types.KnownBlock;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped core sentence with `{{user:ID}}` tokens turned into Slack mentions. */
export function mrkdwn(text: string): string {
  return renderMentions(escapeMrkdwn(text), (id) => `<@${id}>`);
}

/** Plain text (no mrkdwn) with mention tokens spelled as Slack mentions, for notification fallbacks. */
export function plain(text: string): string {
  return renderMentions(text, (id) => `<@${id}>`);
}

export function mentionList(userIds: readonly string[]): string {
  return userIds.map((id) => `<@${id}>`).join(', ');
}

/**
 * Cuts text to `max` characters with an ellipsis, never leaving half an entity (`&amp;`) or half a
 * Slack token (`<@U1>`, `<!date…>`) at the cut, which Slack would show as garbage.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const openToken = cut.lastIndexOf('<');
  if (openToken > cut.lastIndexOf('>')) cut = cut.slice(0, openToken);
  const openEntity = cut.lastIndexOf('&');
  if (openEntity >= 0 && !cut.slice(openEntity).includes(';')) cut = cut.slice(0, openEntity);
  return `${cut.trimEnd()}…`;
}

/** A date Slack renders in each reader's own time zone, with an ISO fallback for old clients. */
export function slackDate(iso: string, format: 'date' | 'datetime' = 'datetime'): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  if (!at.isValid) return escapeMrkdwn(iso);
  const token = format === 'date' ? '{date_short_pretty}' : '{date_short_pretty} {time}';
  const fallback = format === 'date' ? at.toISODate() : `${at.toFormat("yyyy-LL-dd HH:mm 'UTC'")}`;
  return `<!date^${Math.floor(at.toSeconds())}^${token}|${fallback}>`;
}

/** "CoreTech GDPR V.1 … — RocketWeb - Web Hosting, Customer", without repeating the section when the label names it. */
export function citation(source: { label: string; section: string }): string {
  return source.label.includes(source.section) ? source.label : `${source.label} — ${source.section}`;
}

export function section(text: string, accessory?: types.SectionBlock['accessory'], blockId?: string): Block {
  const block: types.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.text) } };
  if (accessory) block.accessory = accessory;
  if (blockId) block.block_id = blockId;
  return block;
}

export function fields(items: readonly string[]): Block {
  return {
    type: 'section',
    fields: items
      .slice(0, LIMITS.fields)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, LIMITS.fieldText) })),
  };
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

export function context(texts: readonly string[]): Block {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, LIMITS.text) })),
  };
}

export function divider(): Block {
  return { type: 'divider' };
}

export function actions(elements: types.ActionsBlockElement[], blockId?: string): Block {
  const block: types.ActionsBlock = { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
  if (blockId) block.block_id = blockId;
  return block;
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button {
  if (value.length > LIMITS.buttonValue) {
    // A value is data, not prose: cutting it would corrupt it, so fail loudly in development.
    throw new Error(`button value for ${actionId} is ${value.length} characters (Slack allows ${LIMITS.buttonValue})`);
  }
  const element: types.Button = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    value,
  };
  if (style) element.style = style;
  return element;
}

export function option(text: string, value: string): types.PlainTextOption {
  if (value.length > LIMITS.optionValue) {
    throw new Error(`option value is ${value.length} characters (Slack allows ${LIMITS.optionValue})`);
  }
  return { text: { type: 'plain_text', text: truncate(text, LIMITS.optionText), emoji: true }, value };
}

/** A message body: blocks (capped) plus the plain-text fallback used by notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export function message(fallback: string, blocks: Block[]): SlackMessage {
  if (blocks.length > LIMITS.messageBlocks) {
    throw new Error(`message has ${blocks.length} blocks (Slack allows ${LIMITS.messageBlocks})`);
  }
  return { text: truncate(fallback, LIMITS.fallbackText), blocks };
}

/**
 * Fits a list into a block budget: renders as many items as fit and replaces the rest with one
 * summary line built by `summarize(hiddenCount)`.
 */
export function fitList<T>(
  items: readonly T[],
  budget: number,
  render: (item: T) => Block,
  summarize: (hidden: number) => Block,
): Block[] {
  if (budget <= 0) return items.length > 0 ? [summarize(items.length)] : [];
  if (items.length <= budget) return items.map(render);
  const shown = items.slice(0, budget - 1).map(render);
  return [...shown, summarize(items.length - shown.length)];
}
