import { stateLabel } from '../../../src/views/labels.js';
import type { DigestView, OccurrenceView } from '../../../src/views/types.js';
import { labels } from '../labels.js';
import {
  type Block,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  message,
  mrkdwn,
  type SlackMessage,
  slackDate,
} from './kit.js';
import { confirmationLine, occurrenceLine, packLines } from './occurrences.js';

/** Lines per list before the rest is summarized: a digest is skimmed, `/duty pending` has the full list. */
const MAX_LINES = { services: 12, overdue: 15, dueToday: 15, upcoming: 10, done: 10 };
/** Blocks per list (each holds up to 3,000 characters). */
const MAX_BLOCKS_PER_LIST = 4;

const SERVICE_ICON = { ok: '✅', due: '🟠', overdue: '🔴' } as const;

/** The weekly (or on-demand) digest for one channel, always within Slack's message limits. */
export function renderDigest(view: DigestView): SlackMessage {
  const l = labels(view.lang);
  const blocks: Block[] = [header(view.title), context([slackDate(view.at)])];

  const list = (title: string, lines: string[], maxLines: number, what: string, hint: string) => {
    if (lines.length === 0) return;
    blocks.push(context([`*${title}* (${lines.length})`]));
    blocks.push(
      ...packLines(lines, { maxBlocks: MAX_BLOCKS_PER_LIST, maxLines }, (hidden) =>
        l.more(hidden, what.toLowerCase(), hint),
      ),
    );
  };

  // The core's line usually starts with the service name; bold it rather than repeat it.
  const services = view.services.map((s) => {
    const body = s.line.startsWith(s.serviceName)
      ? `*${escapeMrkdwn(s.serviceName)}*${mrkdwn(s.line.slice(s.serviceName.length))}`
      : `*${escapeMrkdwn(s.serviceName)}* — ${mrkdwn(s.line)}`;
    return `${SERVICE_ICON[s.status]} ${body}`;
  });
  list(l.services, services, MAX_LINES.services, l.services, l.runPending);
  const lines = (items: OccurrenceView[]) => items.map((item) => occurrenceLine(item, view.lang));
  list(l.overdue, lines(view.overdue), MAX_LINES.overdue, stateLabel('overdue', view.lang), l.runPending);
  list(l.dueToday, lines(view.dueToday), MAX_LINES.dueToday, stateLabel('due', view.lang), l.runPending);
  list(l.upcoming, lines(view.upcoming), MAX_LINES.upcoming, stateLabel('upcoming', view.lang), l.runPending);
  list(
    l.doneSinceLast,
    view.doneSinceLast.map((c) => confirmationLine(c, view.lang, c.dutyTitle)),
    MAX_LINES.done,
    stateLabel('done', view.lang),
    l.runHistory,
  );
  if (blocks.length === 2) blocks.push(context([escapeMrkdwn(l.nothingPending)]));
  if (view.ledgerHead) blocks.push(context([escapeMrkdwn(view.ledgerHead)]));

  // 2 + 5 lists × (1 title + 4 blocks) = 27 blocks at most: well within 50 by construction.
  const capped = blocks.slice(0, LIMITS.messageBlocks);
  const fallback = [
    view.title,
    `${l.overdue}: ${view.overdue.length}`,
    `${l.dueToday}: ${view.dueToday.length}`,
    `${l.upcoming}: ${view.upcoming.length}`,
  ].join(' · ');
  return message(fallback, capped);
}
