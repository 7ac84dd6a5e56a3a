import { confirmationStateLabel, stateLabel } from '../../../src/views/labels.js';
import type { ConfirmationView, Lang, OccurrenceView } from '../../../src/views/types.js';
import { labels } from '../labels.js';
import { type Block, context, escapeMrkdwn, LIMITS, mentionList, section, slackDate } from './kit.js';

const STATE_ICON: Record<OccurrenceView['state'], string> = {
  overdue: '🔴',
  due: '🟠',
  upcoming: '⚪',
  snoozed: '💤',
  done: '✅',
  skipped: '⏭️',
};

/** One line per occurrence: what, which period, when, who. */
export function occurrenceLine(item: OccurrenceView, lang: Lang): string {
  const l = labels(lang);
  const owners = item.ownerIds.length > 0 ? mentionList(item.ownerIds) : `_${l.noOwner}_`;
  const when = item.state === 'overdue' ? slackDate(item.deadline) : slackDate(item.dueAt);
  return `${STATE_ICON[item.state]} *${escapeMrkdwn(item.duty.title)}* · ${escapeMrkdwn(item.duty.serviceName)} · ${escapeMrkdwn(item.periodLabel)} · ${stateLabel(item.state, lang)} ${when} · ${owners}`;
}

export function confirmationLine(entry: ConfirmationView, lang: Lang, title?: string): string {
  const l = labels(lang);
  const what = title ? `*${escapeMrkdwn(title)}* · ` : '';
  const icon = entry.status === 'done' ? '✅' : entry.status === 'skipped' ? '⏭️' : '💤';
  const parts = [
    `${icon} ${what}${escapeMrkdwn(entry.occurrence)} · ${confirmationStateLabel(entry, lang)} ${l.by} <@${entry.by}> ${slackDate(entry.at)}`,
  ];
  if (entry.note) parts.push(`${l.note}: ${escapeMrkdwn(entry.note)}`);
  if (entry.evidenceUrl) parts.push(`${l.evidence}: <${entry.evidenceUrl.replace(/[<>|]/g, '')}|link>`);
  if (entry.reason) parts.push(`${l.reason}: ${escapeMrkdwn(entry.reason)}`);
  if (entry.snoozedUntil) parts.push(`→ ${slackDate(entry.snoozedUntil)}`);
  return parts.join(' · ');
}

/**
 * Packs lines into as few section blocks as fit Slack's 3,000-character text limit, using at most
 * `maxBlocks` blocks and at most `maxLines` lines; what does not fit becomes one summary line
 * (`summary(hidden)`), so a digest with hundreds of duties still posts.
 */
export function packLines(
  lines: readonly string[],
  limits: { maxBlocks: number; maxLines: number },
  summary: (hidden: number) => string,
): Block[] {
  if (lines.length === 0 || limits.maxBlocks <= 0) return [];
  let packed = pack(lines, limits.maxBlocks, limits.maxLines);
  // Something is left over: pack again keeping one block free for the summary line.
  if (packed.count < lines.length) packed = pack(lines, limits.maxBlocks - 1, limits.maxLines);
  const blocks = packed.groups.map((group) => section(group.join('\n')));
  if (packed.count < lines.length) blocks.push(context([escapeMrkdwn(summary(lines.length - packed.count))]));
  return blocks;
}

function pack(lines: readonly string[], maxSections: number, maxLines: number): { groups: string[][]; count: number } {
  const budget = LIMITS.text - 50;
  const groups: string[][] = [];
  let size = 0;
  let count = 0;
  for (const line of lines.slice(0, maxLines)) {
    const current = groups[groups.length - 1];
    if (current && size + line.length + 1 <= budget) {
      current.push(line);
      size += line.length + 1;
    } else {
      if (groups.length >= maxSections) break;
      groups.push([line]);
      size = line.length;
    }
    count += 1;
  }
  return { groups, count };
}
