import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderContext } from '../../adapters/teams/cards/context.js';
import { renderDigest } from '../../adapters/teams/cards/digest.js';
import { REMINDER_VERBS, renderReminder } from '../../adapters/teams/cards/reminder.js';
import { renderReply, renderWelcome } from '../../adapters/teams/cards/reply.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import { publicLinks } from '../../src/views/public-links.js';
import type { Lang } from '../../src/views/types.js';
import type { RecordedCall } from '../support/fake-connector.js';
import { findAll } from '../support/find-all.js';
import {
  ANNA,
  botAddedToTeam,
  cardAction,
  cardOf,
  cardsIn,
  channelMessage,
  installRocketwebTeam,
  MARCO,
  personalMessage,
  startTeamsHarness,
  TENANT,
  type TeamsHarness,
} from './harness.js';
import { confirmation, digest, everyReply, NAMES, reminderView, welcome } from './view-fixtures.js';

/**
 * The Teams Store's behaviour rules, each checked on what the adapter really sends: `help` in any
 * letter case and unrecognized input get a way forward; no card has more than 6 actions; a link
 * that leaves Teams says so.
 */

/** Microsoft's limit for bots in the Teams Store. */
const MAX_ACTIONS = 6;

const INSTALLED = new Date('2026-11-30T07:00:00Z'); // Monday 08:00 in Rome, before the 09:00 reminders
const MONDAY = new Date('2026-11-30T08:30:00Z'); // 09:30 in Rome: reminders and the weekly digest are due
const WEEKLY = 'rocketweb.customer.resource-usage-check';

// biome-ignore lint/suspicious/noExplicitAny: card JSON.
type Card = any;

/** Every action of a card, wherever it sits (card actions, ShowCard sub-cards, select actions). */
const actionsOf = (card: Card): Card[] =>
  findAll(card, (n) => typeof n.type === 'string' && n.type.startsWith('Action.'));

/** Every Markdown link in a card's texts and fact values, with the text that follows it. */
function linksIn(card: Card): { link: string; after: string }[] {
  const texts = findAll(card, (n) => n.type === 'TextBlock' || typeof n.value === 'string').map((n) =>
    String(n.type === 'TextBlock' ? n.text : n.value),
  );
  return texts.flatMap((text) =>
    [...text.matchAll(/\[[^\]]*\]\((https?:[^)\s]+)\)/g)].map((m) => ({
      link: m[0],
      after: text.slice((m.index ?? 0) + m[0].length),
    })),
  );
}

/** A link that leaves Teams is followed by the catalogue's "opens in your browser" (escaped in Markdown). */
function saysItLeaves(after: string, lang: Lang): boolean {
  return after.replace(/\\/g, '').startsWith(` (${catalogue(lang).storeRules.opensInBrowser})`);
}

const LINKS = publicLinks('https://duty.example.org/bot');
const ctx = (lang: Lang = 'en') =>
  new RenderContext(lang, NAMES, (id) => (id === confirmation.dutyId ? 'Website backup' : null), LINKS);

/** One of every card the renderers produce, in every state, in both languages. */
function everyRenderedCard(): { name: string; lang: Lang; card: Card }[] {
  const cards: { name: string; lang: Lang; card: Card }[] = [];
  for (const reply of everyReply()) {
    cards.push({ name: `reply ${reply.kind}`, lang: reply.lang, card: renderReply(reply, ctx(reply.lang)).card });
  }
  for (const lang of ['en', 'it'] as const) {
    const closed = [
      null,
      confirmation,
      { ...confirmation, status: 'skipped' as const, reason: 'dismissed' },
      { ...confirmation, status: 'snoozed' as const, snoozedUntil: '2026-11-29T08:00:00Z' },
    ];
    for (const closedBy of closed) {
      for (const kind of ['reminder', 'followup', 'escalation'] as const) {
        const view = { ...reminderView(lang, closedBy), kind };
        cards.push({ name: `${kind} ${closedBy?.status ?? 'open'}`, lang, card: renderReminder(view, ctx(lang)).card });
      }
    }
    const refused = renderReminder(reminderView(lang), ctx(lang), {
      error: { message: 'A reason is needed to skip.', hint: 'Write why in the box.' },
      inputs: { note: 'n', evidenceUrl: 'https://x.example/1', snooze: 'tomorrow', reason: null },
    });
    cards.push({ name: 'reminder refused', lang, card: refused.card });
    cards.push({ name: 'digest', lang, card: renderDigest({ ...digest, lang }, ctx(lang)).card });
    cards.push({ name: 'welcome', lang, card: renderWelcome({ ...welcome, lang }, ctx(lang)).card });
  }
  return cards;
}

describe('Teams store rules: every card the renderers produce', () => {
  const cards = everyRenderedCard();

  it.each(cards.map((c) => [c.name, c.lang, c.card] as const))(
    '%s (%s) has at most 6 actions',
    (_name, _lang, card) => {
      expect(actionsOf(card).length).toBeLessThanOrEqual(MAX_ACTIONS);
    },
  );

  it('the open reminder, the busiest card, is the one at the limit: Done, Snooze, Skip and their three submits', () => {
    const card = renderReminder(reminderView('en'), ctx()).card;
    expect(actionsOf(card).map((a) => a.type)).toEqual([
      'Action.ShowCard',
      'Action.Execute',
      'Action.ShowCard',
      'Action.Execute',
      'Action.ShowCard',
      'Action.Execute',
    ]);
  });

  it('every link that leaves Teams says it opens in the browser, in the card language', () => {
    const links = cards.flatMap((c) => linksIn(c.card).map((l) => ({ ...l, name: c.name, lang: c.lang })));
    // The support and privacy pages are among them (welcome and help cards).
    expect(links.some((l) => l.link.includes('https://duty.example.org/bot/privacy'))).toBe(true);
    // The fixtures carry evidence links (done reminders, confirmations, history): the rule is exercised.
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !saysItLeaves(l.after, l.lang)).map((l) => `${l.name}: ${l.link}${l.after}`)).toEqual(
      [],
    );
  });
});

describe('Teams store rules: through the real adapter', () => {
  let h: TeamsHarness;
  let now = INSTALLED;
  const invokeCards: Card[] = [];

  beforeAll(async () => {
    h = await startTeamsHarness({ clock: () => now, adminIds: [ANNA.aadObjectId] });
    await installRocketwebTeam(h);
    now = MONDAY;
  });
  afterAll(async () => {
    await h.close();
  });

  const lastCard = (): Card => {
    const cards = cardsIn(h.connector);
    return cards[cards.length - 1];
  };

  it.each(['HELP', 'Help', 'hElP', 'help ', 'AIUTO', '?'])('`%s` gets the help card', async (typed) => {
    h.connector.reset();
    const response = await h.post(personalMessage(h.connector.serviceUrl, typed, MARCO));
    expect(response.status).toBe(200);
    const body = JSON.stringify(lastCard());
    const help = catalogue(typed.toLowerCase() === 'aiuto' ? 'it' : 'en').help;
    for (const command of help.commands.slice(0, 3)) expect(body).toContain(command.description);
  });

  it.each(['xyzzy plugh', 'frobnicate rocketweb now', 'STOP', '!!!', 'ciao come va il tempo oggi'])(
    'unrecognized input `%s` gets examples and the way to `help`, never a dead end',
    async (typed) => {
      h.connector.reset();
      const response = await h.post(personalMessage(h.connector.serviceUrl, typed, MARCO));
      expect(response.status).toBe(200);
      const card = lastCard();
      const texts = findAll(card, (n) => n.type === 'TextBlock').map((n) => String(n.text));
      const lang = texts.some((t) => t.includes(catalogue('it').storeRules.typeHelp(''))) ? 'it' : 'en';
      expect(texts).toContain(catalogue(lang).storeRules.typeHelp(''));
      // Examples to try, as bullets.
      expect(texts.some((t) => t.startsWith('- '))).toBe(true);
    },
  );

  it('no card of a whole scene (reminders, digest, replies, a settled card) has more than 6 actions', async () => {
    now = MONDAY;
    h.connector.reset();
    const report = await h.bot.tick(now);
    expect(report.deliveries.some((d) => d.kind === 'digest' && d.status === 'sent')).toBe(true);
    const reminder = h.connector
      .messages()
      .find((c) => findAll(cardOf(c), (n) => n.type === 'Action.Execute' && n.data?.dutyId === WEEKLY).length > 0);
    expect(reminder).toBeDefined();
    for (const command of ['help', 'pending', 'pending all', 'digest', 'settings', 'history resource usage check']) {
      await h.post(channelMessage(h.connector.serviceUrl, command, ANNA));
    }
    await h.post(personalMessage(h.connector.serviceUrl, 'who handles backups on RocketWeb?', MARCO));
    const data = findAll(cardOf(reminder as RecordedCall), (n) => n.verb === REMINDER_VERBS.done)[0]?.data;
    const response = await h.post(
      cardAction(
        h.connector.serviceUrl,
        REMINDER_VERBS.done,
        { ...data, note: 'checked', evidenceUrl: 'https://tickets.example.com/T-9' },
        (reminder as RecordedCall).assignedId as string,
        MARCO,
      ),
    );
    expect(response.body.statusCode).toBe(200);
    invokeCards.push(response.body.value);
    const cards = [...cardsIn(h.connector), ...invokeCards];
    expect(cards.length).toBeGreaterThan(8);
    for (const card of cards) expect(actionsOf(card).length).toBeLessThanOrEqual(MAX_ACTIONS);
    // The settled card shows the evidence link, saying it leaves Teams.
    const links = cards.flatMap((card) => linksIn(card));
    expect(links.some((l) => l.link.includes('tickets.example.com'))).toBe(true);
    for (const l of links) expect(saysItLeaves(l.after, 'en')).toBe(true);
  });
});

describe('Teams store rules: the welcome and help link support and privacy', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ publicUrl: 'https://duty.example.org/bot/' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('on the team welcome and on `help`, each link saying it opens in the browser', async () => {
    await installRocketwebTeam(h);
    // installRocketwebTeam clears the connector's record: the help card is read here, a welcome below.
    await h.post(personalMessage(h.connector.serviceUrl, 'help', MARCO));
    const cards = cardsIn(h.connector);
    const links = cards.flatMap((card) => linksIn(card));
    const s = catalogue('en').storeRules;
    expect(links.map((l) => l.link)).toEqual([
      `[${s.support}](https://duty.example.org/bot/support)`,
      `[${s.privacy}](https://duty.example.org/bot/privacy)`,
    ]);
    for (const l of links) expect(saysItLeaves(l.after, 'en')).toBe(true);
  });

  it('the welcome card of a new team carries them too', async () => {
    h.connector.reset();
    await h.post(botAddedToTeam(h.connector.serviceUrl, ANNA, TENANT, '19:another-team@thread.tacv2'));
    const welcome = cardsIn(h.connector).find((card) => JSON.stringify(card).includes('privacy'));
    expect(welcome).toBeDefined();
    expect(linksIn(welcome).map((l) => l.link)).toContain(
      `[${catalogue('en').storeRules.privacy}](https://duty.example.org/bot/privacy)`,
    );
  });
});
