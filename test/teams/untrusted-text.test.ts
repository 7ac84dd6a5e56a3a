import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_VERBS } from '../../adapters/teams/cards/reminder.js';
import type { RecordedCall } from '../support/fake-connector.js';
import { findAll } from '../support/find-all.js';
import {
  HOSTILE_EVIDENCE,
  hostileLine,
  hostileText,
  teamsLiveMarkup,
  teamsMarkdownTexts,
  terminalLive,
} from '../support/hostile-strings.js';
import { cardProblems } from './card-validation.js';
import {
  ANNA,
  botAddedToTeam,
  cardAction,
  cardOf,
  cardsIn,
  channelMessage,
  LUCA,
  MARCO,
  personalMessage,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Untrusted text on Teams, through the real teams-ai app with authenticated activities: the
 * hostile corpus as a skip reason and a Done note on reminder cards, as an evidence link, as a
 * duty name and a question typed to the bot; every TextBlock and Fact that reached the connector
 * or came back in an invoke response is checked for live Markdown, links and template functions.
 */

const INSTALLED = new Date('2026-11-30T07:00:00Z');
const MONDAY = new Date('2026-11-30T08:30:00Z');
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;

// biome-ignore lint/suspicious/noExplicitAny: walking card JSON.
type Json = any;

describe('untrusted text on Teams', () => {
  let h: TeamsHarness;
  let now = INSTALLED;
  const invokeCards: Json[] = [];
  let reminders: RecordedCall[] = [];

  const act = async (verb: string, reminder: RecordedCall, inputs: Record<string, unknown>, user = MARCO) => {
    const data = findAll(cardOf(reminder), (n) => n.type === 'Action.Execute' && n.verb === verb)[0]?.data;
    const response = await h.post(
      cardAction(h.connector.serviceUrl, verb, { ...data, ...inputs }, reminder.assignedId as string, user),
    );
    expect(response.status).toBe(200);
    if (response.body.type === 'application/vnd.microsoft.card.adaptive') invokeCards.push(response.body.value);
    return response.body;
  };
  const dutyOf = (reminder: RecordedCall): string =>
    findAll(cardOf(reminder), (n) => n.type === 'Action.Execute')[0]?.data?.dutyId as string;

  beforeAll(async () => {
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
      { ...LUCA, userRole: 'user' },
    ]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
    now = MONDAY;
    await h.bot.tick(now);
    reminders = h.connector.messages().filter((c) => findAll(cardOf(c), (n) => n.type === 'Action.Execute').length);
    expect(reminders.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows a hostile skip reason as inert text on the settled card', async () => {
    const reminder = reminders[0] as RecordedCall;
    const body = await act(REMINDER_VERBS.skip, reminder, { reason: hostileText('\n') });
    const [entry] = await h.bot.store.history(TEAM_WORKSPACE, dutyOf(reminder), 1);
    expect(entry?.status).toBe('skipped');
    const texts = teamsMarkdownTexts(body.value);
    expect(texts.join('\n')).toContain('\\[Open the signed report\\]\\(https:\u200B//evil.example/phish\\)');
    expect(texts.join('\n')).toContain('{\u200B{DATE\\(1999');
    for (const text of texts) expect(teamsLiveMarkup(text), text).toEqual([]);
  });

  it('shows a hostile note inert and the evidence link as one link labelled with its host', async () => {
    const reminder = reminders[1] as RecordedCall;
    const body = await act(REMINDER_VERBS.done, reminder, { note: hostileText('\n'), evidenceUrl: HOSTILE_EVIDENCE });
    const [entry] = await h.bot.store.history(TEAM_WORKSPACE, dutyOf(reminder), 1);
    expect(entry?.status).toBe('done');
    const texts = teamsMarkdownTexts(body.value);
    expect(texts).toContain(
      // …followed by the store rule's "opens in your browser", inert.
      '[evidence.example.com](https://evidence.example.com/x%29%5BOpen%20the%20signed%20report%5D%28https://evil.example/phish) \\(opens in your browser\\)',
    );
    for (const text of texts) expect(teamsLiveMarkup(text), text).toEqual([]);
  });

  it('keeps history, digest, pending, refusals and answers inert', async () => {
    const done = dutyOf(reminders[1] as RecordedCall);
    await h.post(personalMessage(h.connector.serviceUrl, `history ${done}`, MARCO));
    const history = h.connector.messages().at(-1) as RecordedCall;
    expect(JSON.stringify(cardOf(history))).toContain('Teams bold');
    await h.post(channelMessage(h.connector.serviceUrl, 'digest', ANNA));
    await h.post(channelMessage(h.connector.serviceUrl, 'pending all', ANNA));
    // The export preview shows the ledger's notes, line by line.
    await h.post(personalMessage(h.connector.serviceUrl, 'export csv', ANNA));
    expect(JSON.stringify(cardOf(h.connector.messages().at(-1) as RecordedCall))).toContain('Teams bold');
    // A duty name typed with the corpus (and a real mention of Luca) is echoed by the refusal.
    await h.post(
      channelMessage(h.connector.serviceUrl, `done ${hostileLine()} @Luca Verdi`, MARCO, { mentions: [LUCA] }),
    );
    const refusal = h.connector.messages().at(-1) as RecordedCall;
    expect(JSON.stringify(cardOf(refusal))).toContain('pwned title');
    await h.post(personalMessage(h.connector.serviceUrl, `who checks backups? ${hostileLine()}`, LUCA));
  });

  it('sent nothing live in any card, invoke response, fallback or summary', () => {
    const cards = [...cardsIn(h.connector), ...invokeCards];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    const texts = cards.flatMap(teamsMarkdownTexts);
    expect(texts.some((t) => t.includes('Teams bold'))).toBe(true);
    const live = texts.flatMap((t) => teamsLiveMarkup(t).map((problem) => `${problem} in ${t.slice(0, 160)}`));
    expect(live).toEqual([]);
    // Plain-text places: the card's fallbackText and the activity summary.
    const plain = [
      ...cards.map((card) => String(card.fallbackText ?? '')),
      ...h.connector.messages().map((call) => String(call.body?.summary ?? '')),
    ];
    expect(plain.flatMap(terminalLive)).toEqual([]);
    // Only the people the bot meant to mention carry mention entities; typed `<at>` never does.
    const mentioned = cards.flatMap((card) => (card.msteams?.entities ?? []).map((e: Json) => e.mentioned.name));
    expect(mentioned).not.toContain('Mallory');
    expect(JSON.stringify(cards)).not.toMatch(/[\uFDD0-\uFDEF]/);
  });
});
