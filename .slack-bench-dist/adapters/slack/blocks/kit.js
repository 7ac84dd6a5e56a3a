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
};
/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escaped core sentence with `{{user:ID}}` tokens turned into Slack mentions. */
export function mrkdwn(text) {
    return renderMentions(escapeMrkdwn(text), (id) => `<@${id}>`);
}
/** Plain text (no mrkdwn) with mention tokens spelled as Slack mentions, for notification fallbacks. */
export function plain(text) {
    return renderMentions(text, (id) => `<@${id}>`);
}
export function mentionList(userIds) {
    return userIds.map((id) => `<@${id}>`).join(', ');
}
/**
 * Cuts text to `max` characters with an ellipsis, never leaving half an entity (`&amp;`) or half a
 * Slack token (`<@U1>`, `<!date…>`) at the cut, which Slack would show as garbage.
 */
export function truncate(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, max - 1);
    const openToken = cut.lastIndexOf('<');
    if (openToken > cut.lastIndexOf('>'))
        cut = cut.slice(0, openToken);
    const openEntity = cut.lastIndexOf('&');
    if (openEntity >= 0 && !cut.slice(openEntity).includes(';'))
        cut = cut.slice(0, openEntity);
    return `${cut.trimEnd()}…`;
}
/** A date Slack renders in each reader's own time zone, with an ISO fallback for old clients. */
export function slackDate(iso, format = 'datetime') {
    const at = DateTime.fromISO(iso, { zone: 'utc' });
    if (!at.isValid)
        return escapeMrkdwn(iso);
    const token = format === 'date' ? '{date_short_pretty}' : '{date_short_pretty} {time}';
    const fallback = format === 'date' ? at.toISODate() : `${at.toFormat("yyyy-LL-dd HH:mm 'UTC'")}`;
    return `<!date^${Math.floor(at.toSeconds())}^${token}|${fallback}>`;
}
/** "CoreTech GDPR V.1 … — RocketWeb - Web Hosting, Customer", without repeating the section when the label names it. */
export function citation(source) {
    return source.label.includes(source.section) ? source.label : `${source.label} — ${source.section}`;
}
export function section(text, accessory, blockId) {
    const block = { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.text) } };
    if (accessory)
        block.accessory = accessory;
    if (blockId)
        block.block_id = blockId;
    return block;
}
export function fields(items) {
    return {
        type: 'section',
        fields: items
            .slice(0, LIMITS.fields)
            .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.fieldText) })),
    };
}
export function header(text) {
    return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}
export function context(texts) {
    return {
        type: 'context',
        elements: texts
            .slice(0, LIMITS.contextElements)
            .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.text) })),
    };
}
export function divider() {
    return { type: 'divider' };
}
export function actions(elements, blockId) {
    const block = { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
    if (blockId)
        block.block_id = blockId;
    return block;
}
export function button(text, actionId, value, style) {
    if (value.length > LIMITS.buttonValue) {
        // A value is data, not prose: cutting it would corrupt it, so fail loudly in development.
        throw new Error(`button value for ${actionId} is ${value.length} characters (Slack allows ${LIMITS.buttonValue})`);
    }
    const element = {
        type: 'button',
        action_id: actionId,
        text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
        value,
    };
    if (style)
        element.style = style;
    return element;
}
export function option(text, value) {
    if (value.length > LIMITS.optionValue) {
        throw new Error(`option value is ${value.length} characters (Slack allows ${LIMITS.optionValue})`);
    }
    return { text: { type: 'plain_text', text: truncate(text, LIMITS.optionText), emoji: true }, value };
}
export function message(fallback, blocks) {
    if (blocks.length > LIMITS.messageBlocks) {
        throw new Error(`message has ${blocks.length} blocks (Slack allows ${LIMITS.messageBlocks})`);
    }
    return { text: truncate(fallback, LIMITS.fallbackText), blocks };
}
/**
 * Fits a list into a block budget: renders as many items as fit and replaces the rest with one
 * summary line built by `summarize(hiddenCount)`.
 */
export function fitList(items, budget, render, summarize) {
    if (budget <= 0)
        return items.length > 0 ? [summarize(items.length)] : [];
    if (items.length <= budget)
        return items.map(render);
    const shown = items.slice(0, budget - 1).map(render);
    return [...shown, summarize(items.length - shown.length)];
}
//# sourceMappingURL=kit.js.map