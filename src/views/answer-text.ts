import { catalogue } from './catalogue/index.js';
import { inertPlain, sentence } from './plain-text.js';
import { headsSuggestions } from './suggestions.js';
import type { AnswerItemView, AnswerView, Lang } from './types.js';

/**
 * Plain-text rendering of an AnswerView: the terminal chat, `dutybot ask`, and the text fallback
 * of Slack and Teams messages. Mentions become `@id` unless the caller renders them its own way.
 */

export function renderAnswerText(
  view: AnswerView,
  renderMention: (userId: string) => string = (id) => `@${id}`,
): string {
  const labels = catalogue(view.lang).ui;
  const lines: string[] = [sentence(view.summary, renderMention)];
  const numbered = view.items.length > 1;
  view.items.forEach((item, i) => {
    lines.push('');
    lines.push(...itemLines(item, numbered ? `${i + 1}. ` : '', view.lang, renderMention));
  });
  if (view.suggestions.length > 0) {
    lines.push('');
    if (headsSuggestions(view)) lines.push(`${labels.tryAsking}:`);
    for (const suggestion of view.suggestions) lines.push(`  • ${suggestion}`);
  }
  if (view.modelSuggestion) lines.push('', `(${view.modelSuggestion})`);
  return inertPlain(lines.join('\n'));
}

function itemLines(
  item: AnswerItemView,
  bullet: string,
  lang: Lang,
  renderMention: (userId: string) => string,
): string[] {
  const c = catalogue(lang);
  const labels = c.ui;
  const indent = ' '.repeat(bullet.length);
  const lines: string[] = [];
  const facts: string[] = [];
  if (item.performer) {
    const owners = item.performer.ownerIds.map(renderMention).join(', ');
    facts.push(`${labels.who}: ${item.performer.label}${owners ? ` (${owners})` : ''}`);
  }
  if (item.cadenceLabel) {
    const retention = item.retentionDays !== null ? ` · ${c.answer.retentionShort(item.retentionDays)}` : '';
    facts.push(`${labels.howOften}: ${item.cadenceLabel}${retention}`);
  }
  const head = facts.length > 0 ? facts.join(' · ') : item.serviceName;
  if (head) lines.push(`${bullet}${head}`);
  lines.push(`${head ? indent : bullet}“${item.quote}”`);
  if (item.translation) lines.push(`${indent}${labels.translation}: “${item.translation}”`);
  lines.push(`${indent}${labels.source}: ${item.source.label}`);
  for (const note of item.errata) lines.push(`${indent}${labels.note}: ${note}`);
  return lines;
}
