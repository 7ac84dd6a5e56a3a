import { createRequire } from 'node:module';

/**
 * Microsoft's `adaptivecards` renderer library, used as a validator: it parses a card the way
 * Teams' renderer does and reports unknown element/action types, bad enum values, duplicate
 * input ids and unsupported versions. Its ESM build lacks file extensions, so the UMD bundle is
 * loaded through require.
 */
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the UMD bundle is untyped from this path.
const AC: any = require('adaptivecards/dist/adaptivecards.js');

export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const root = json as { type?: unknown; version?: unknown };
  // The library is lenient about these two; Teams is not.
  if (root.type !== 'AdaptiveCard') problems.push('root type must be AdaptiveCard');
  if (root.version !== '1.5') problems.push(`version must be 1.5, got ${String(root.version)}`);
  return problems;
}

/** Mention entities must match `<at>…</at>` markup used in the card's text, one for one. */
export function mentionProblems(json: unknown): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: card JSON.
  const { msteams, ...rest } = json as any;
  const text = JSON.stringify(rest);
  // biome-ignore lint/suspicious/noExplicitAny: card JSON.
  const entities: any[] = msteams?.entities ?? [];
  const problems: string[] = [];
  const used = new Set([...text.matchAll(/<at>([^<]+)<\/at>/g)].map((m) => m[0]));
  const declared = new Set(entities.map((e) => e.text));
  for (const markup of used) if (!declared.has(markup)) problems.push(`mention ${markup} has no entity`);
  for (const markup of declared) if (!used.has(markup)) problems.push(`entity ${markup} is not used`);
  return problems;
}
