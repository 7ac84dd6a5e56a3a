import type { types } from '@slack/bolt';
import { catalogue } from '../../../src/views/catalogue/index.js';
import type { PublicLinks } from '../../../src/views/public-links.js';
import type { HomeView, Lang, OccurrenceView } from '../../../src/views/types.js';
import { labels } from '../labels.js';
import { ACTION, type DutyButtonValue } from './ids.js';
import {
  type Block,
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  LIMITS,
  linkTarget,
  mrkdwn,
  section,
} from './kit.js';
import { occurrenceLine, packLines } from './occurrences.js';
import { channelPicker } from './welcome.js';

/** Reserved for headers, dividers, the settings summary and overflow lines. */
const CHROME_BLOCKS = 16;

/**
 * The App Home tab: the user's own duties with Done buttons; admins also see the settings summary.
 * Everyone sees where to get support and how their data is handled (a Slack Marketplace rule),
 * when the server has public pages.
 */
export function renderHome(view: HomeView, links?: PublicLinks): types.HomeView {
  const l = labels(view.lang);
  const blocks: Block[] = [header(l.homeTitle)];
  if (view.askForChannel) blocks.push(channelPicker(view.lang), divider());
  const groups: [string, OccurrenceView[]][] = [
    [l.overdue, view.overdue],
    [l.dueToday, view.due],
    [l.upcoming, view.upcoming],
  ];
  const total = groups.reduce((n, [, items]) => n + items.length, 0);
  if (total === 0) blocks.push(section(escapeMrkdwn(l.homeNothing)));

  let budget = LIMITS.surfaceBlocks - CHROME_BLOCKS;
  for (const [title, items] of groups) {
    if (items.length === 0) continue;
    blocks.push(context([`*${title}* (${items.length})`]));
    // Overdue and due items get a Done button each; upcoming ones are not confirmable yet.
    const actionable = title !== l.upcoming;
    const fit = Math.max(0, Math.min(items.length, budget));
    const shown = items.length > fit ? Math.max(0, fit - 1) : fit;
    for (const item of items.slice(0, shown)) {
      const value: DutyButtonValue = { dutyId: item.duty.id, occurrence: item.occurrence };
      blocks.push(
        section(
          occurrenceLine(item, view.lang),
          actionable ? button(l.done, ACTION.done, JSON.stringify(value), 'primary') : undefined,
        ),
      );
    }
    budget -= shown;
    if (shown < items.length)
      blocks.push(context([escapeMrkdwn(l.more(items.length - shown, title.toLowerCase(), l.runPending))]));
  }

  if (view.settingsSummary) {
    blocks.push(divider(), header(l.settings));
    blocks.push(...packLines(view.settingsSummary.map(mrkdwn), { maxBlocks: 4, maxLines: 60 }, l.morePlain));
  }
  const footer = links ? [divider(), supportLinks(links, view.lang)] : [];
  return { type: 'home', blocks: [...blocks.slice(0, LIMITS.surfaceBlocks - footer.length), ...footer] };
}

/** "Support · Privacy policy", linked to the operator's public pages. */
function supportLinks(links: PublicLinks, lang: Lang): Block {
  const s = catalogue(lang).storeRules;
  return context([
    `<${linkTarget(links.support)}|${escapeMrkdwn(s.support)}> · <${linkTarget(links.privacy)}|${escapeMrkdwn(s.privacy)}>`,
  ]);
}
