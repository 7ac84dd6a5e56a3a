import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_VERBS } from '../../adapters/teams/cards/reminder.js';
import type { RecordedCall } from '../support/fake-connector.js';
import { findAll } from '../support/find-all.js';
import { cardProblems } from './card-validation.js';
import {
  ANNA,
  cardAction,
  cardOf,
  cardsIn,
  installRocketwebTeam,
  MARCO,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Issue 10 through the real botbuilder app with JWT auth: Done and Skip on the same reminder card
 * (two people, or one stale card) close the occurrence once; the loser's card says who closed it
 * and when; card data naming an ancient or bogus period is refused. Nothing else is written.
 */
const INSTALLED = new Date('2026-11-30T07:00:00Z'); // Monday 08:00 in Rome
const MONDAY = new Date('2026-11-30T08:30:00Z'); // 09:30 in Rome, after the 09:00 reminders
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;
const WEEKLY = 'rocketweb.customer.resource-usage-check';

describe('Teams: one closing per occurrence, and only real periods', () => {
  let h: TeamsHarness;
  let now = INSTALLED;
  // biome-ignore lint/suspicious/noExplicitAny: invoke response cards inspected by tests.
  const invokeCards: any[] = [];

  beforeEach(async () => {
    now = INSTALLED;
    invokeCards.length = 0;
    h = await startTeamsHarness({ clock: () => now });
    await installRocketwebTeam(h);
    now = MONDAY;
  });
  afterEach(async () => {
    for (const card of [...cardsIn(h.connector), ...invokeCards]) expect(cardProblems(card)).toEqual([]);
    await h.close();
  });

  async function reminderCard(): Promise<RecordedCall> {
    await h.bot.tick(now);
    const call = h.connector
      .messages()
      .find((c) => findAll(cardOf(c), (n) => n.type === 'Action.Execute' && n.data?.dutyId === WEEKLY).length > 0);
    if (!call) throw new Error('no reminder card');
    return call;
  }

  // biome-ignore lint/suspicious/noExplicitAny: card data.
  async function act(verb: string, replyTo: RecordedCall, inputs: Record<string, unknown>, user = MARCO): Promise<any> {
    const data = findAll(cardOf(replyTo), (n) => n.type === 'Action.Execute' && n.verb === verb)[0]?.data;
    const response = await h.post(
      cardAction(h.connector.serviceUrl, verb, { ...data, ...inputs }, replyTo.assignedId as string, user),
    );
    expect(response.status).toBe(200);
    if (response.body.type === 'application/vnd.microsoft.card.adaptive') invokeCards.push(response.body.value);
    return response.body;
  }

  it('records Done and Skip clicked at the same moment on one card once, telling the loser who closed it', async () => {
    const reminder = await reminderCard();
    const [done, skip] = await Promise.all([
      act(REMINDER_VERBS.done, reminder, { note: 'checked' }, MARCO),
      act(REMINDER_VERBS.skip, reminder, { reason: 'not needed' }, ANNA),
    ]);
    const history = await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10);
    expect(history).toHaveLength(1);
    const winner = history[0]!;
    const loser = winner.status === 'done' ? skip : done;
    const loserCard = JSON.stringify(loser.value);
    expect(loser.value.body[0].style).toBe('attention');
    expect(loserCard).toMatch(/already (done|skipped) by/);
    // Done was Marco's click, Skip Anna's: the loser's card names the winner.
    expect(loserCard).toContain(winner.status === 'done' ? 'Marco Bianchi' : 'Anna Rossi');
    // A stale copy of the card, clicked later, is refused the same way.
    const stale = await act(REMINDER_VERBS.done, reminder, { note: 'again' }, ANNA);
    expect(stale.value.body[0].style).toBe('attention');
    expect(await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10)).toHaveLength(1);
    expect((await h.bot.store.verifyLedger(TEAM_WORKSPACE)).ok).toBe(true);
  });

  it('refuses card data naming an ancient or bogus period', async () => {
    const reminder = await reminderCard();
    const before = (await h.bot.store.ledgerEntries(TEAM_WORKSPACE)).length;
    for (const occurrence of ['2019-W01', 'banana']) {
      const body = await act(REMINDER_VERBS.done, reminder, { note: 'x', occurrence }, MARCO);
      expect(body.value.body[0].style).toBe('attention');
    }
    expect(await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10)).toEqual([]);
    expect((await h.bot.store.ledgerEntries(TEAM_WORKSPACE)).length).toBe(before);
  });
});
