import type { RenderContext, TeamsMention } from './context.js';
import { inertText } from './inert.js';

export { inertText } from './inert.js';

/**
 * Small constructors for Adaptive Card 1.5 JSON, so renderers read as layout, not as braces.
 * Only elements Teams renders and Microsoft's `adaptivecards` package validates are used.
 */

// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON is open-ended by design.
export type CardElement = Record<string, any>;

export interface AdaptiveCardJson extends CardElement {
  type: 'AdaptiveCard';
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  fallbackText: string;
  msteams: { width: 'Full'; entities?: TeamsMention[] };
}

/** A rendered message: the card plus the plain text Teams shows in notifications and old clients. */
export interface RenderedCard {
  card: AdaptiveCardJson;
  text: string;
}

export const CARD_VERSION = '1.5';

export function text(value: string, options: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): CardElement {
  return text(value, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

export function subtle(value: string): CardElement {
  return text(value, { isSubtle: true, size: 'Small', spacing: 'None' });
}

export function facts(pairs: [string, string | null | undefined][]): CardElement {
  return {
    type: 'FactSet',
    facts: pairs
      .filter((pair): pair is [string, string] => Boolean(pair[1]))
      .map(([title, value]) => ({ title, value })),
  };
}

export function container(items: CardElement[], options: CardElement = {}): CardElement {
  return { type: 'Container', items, ...options };
}

/** A red box on top of a card that failed: the core's message and, below it, what to do. */
export function errorBox(message: string, hint?: string | null): CardElement {
  const items = [text(message, { color: 'Attention', weight: 'Bolder' })];
  if (hint) items.push(text(hint, { spacing: 'Small' }));
  return container(items, { style: 'attention', bleed: true });
}

/** Bulleted lines as one TextBlock (Teams renders Markdown lists inside TextBlocks). */
export function bullets(lines: string[]): CardElement {
  return text(lines.map((line) => `- ${line}`).join('\r'), { spacing: 'Small' });
}

/**
 * Preformatted text (YAML, CSV) line by line: Teams' Markdown would join lines and drop
 * indentation, so each line is its own monospace block with its leading spaces kept. The text
 * holds what users typed (notes in an export), so each line is made inert.
 */
export function preformatted(value: string): CardElement[] {
  return value
    .replace(/\n$/, '')
    .split('\n')
    .map((line) =>
      text(inertText(line).replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length)) || '\u00a0', {
        fontType: 'Monospace',
        size: 'Small',
        spacing: 'None',
      }),
    );
}

/** Escapes characters Teams' Markdown subset would eat in verbatim source text. */
export function verbatim(value: string): string {
  return value.replace(/([\\*_`[\]])/g, '\\$1');
}

export function card(ctx: RenderContext, body: CardElement[], fallback: string, actions?: CardElement[]): RenderedCard {
  const entities = ctx.mentions();
  const json: AdaptiveCardJson = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    fallbackText: fallback,
    msteams: entities.length > 0 ? { width: 'Full', entities } : { width: 'Full' },
  };
  if (actions && actions.length > 0) json.actions = actions;
  return { card: json, text: fallback };
}
