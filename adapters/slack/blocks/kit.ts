import type { types } from '@slack/bolt';
import { DateTime } from 'luxon';
import { renderMarked, typed } from '../../../src/views/mentions.js';

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

/**
 * Slack has no escape for its formatting markers, so in (already entity-escaped) text a user typed
 * each `*`, `_`, `~` and backtick is fenced with zero-width spaces: a marker must touch the text it
 * formats, so it no longer opens or closes bold, italics, strike-through or code, and the reader
 * sees the same text. A `&gt;` starting a line gets one too, so it does not open a quote.
 */
function inertFormatting(escaped: string): string {
  return escaped.replace(/[*_~`]/g, '\u200B$&\u200B').replace(/^([ \t]*)&gt;/gm, '$1\u200B&gt;');
}

/**
 * THE Slack escaping rule, used for every `text` Slack parses as mrkdwn — blocks and the
 * message-level notification text alike. A core sentence keeps its own formatting; `&`, `<`, `>`
 * become entities everywhere (so no `<!channel>`, `<@U…>`, `<#C…>` or `<url|label>` can come from
 * user text); text a user typed (a typed span, see src/views/mentions.ts) also loses its
 * formatting markers; mention marks become Slack mentions.
 */
export function mrkdwn(text: string): string {
  return renderMarked(
    text,
    { mention: (id) => `<@${id}>`, typed: (s) => inertFormatting(escapeMrkdwn(s)) },
    escapeMrkdwn,
  );
}

/**
 * A core sentence for a field Slack shows as plain text, never parses (a modal field's error):
 * marks removed, mentions spelled as Slack writes them.
 */
export function plain(text: string): string {
  return renderMarked(text, { mention: (id) => `<@${id}>` });
}

/** A value a user supplied (note, reason, question), rendered inert for mrkdwn. */
export function userText(text: string): string {
  return mrkdwn(typed(text));
}

/**
 * An evidence link a user supplied: the target percent-encoded (nothing in it can end the link
 * or add a label), the label the host name, so a link never says anything its target does not.
 * Anything that is not an http(s) URL is shown as inert text.
 */
export function evidenceLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return userText(url);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return userText(url);
  const target = parsed.href.replace(
    /[<>|\s"'`*_~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `<${target}|${userText(parsed.host)}>`;
}

/** A URL as the target of a `<url|label>` link: nothing in it can end the link or add a label. */
export function linkTarget(url: string): string {
  return url.replace(/[<>|\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
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

/** "Acme GDPR V.1 … — WebSpace - Web Hosting, Customer", without repeating the section when the label names it. */
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

/**
 * A message body: blocks (capped) plus the fallback text used by notifications and screen readers.
 * Slack parses that text as mrkdwn too, so it goes through the same escaping as the blocks: pass
 * the core's plain text (with its marks), never pre-rendered mrkdwn.
 */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export function message(fallback: string, blocks: Block[]): SlackMessage {
  return messageMrkdwn(mrkdwn(fallback), blocks);
}

/**
 * The same with a fallback the adapter composed as mrkdwn itself (a `<#C…>` channel link it
 * took from the workspace's settings): only for text with no user-supplied part.
 */
export function messageMrkdwn(fallback: string, blocks: Block[]): SlackMessage {
  if (blocks.length > LIMITS.messageBlocks) {
    throw new Error(`message has ${blocks.length} blocks (Slack allows ${LIMITS.messageBlocks})`);
  }
  return { text: truncate(fallback, LIMITS.fallbackText), blocks };
}
