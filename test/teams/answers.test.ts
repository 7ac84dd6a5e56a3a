import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_VERBS } from '../../adapters/teams/cards/reminder.js';
import type { Dutybot } from '../../src/bot/types.js';
import {
  ANNA,
  botAddedToTeam,
  cardAction,
  channelMessage,
  LUCA,
  MARCO,
  OTHER_TENANT,
  personalMessage,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Answers at-least-once, effects exactly-once (issue 9), on Teams: an activity counts as answered
 * only once its reply is posted, so Teams' redelivery of one whose reply failed is processed again,
 * and the ledger effect it carries is recorded once (same idempotency key). Keys are scoped by
 * tenant and conversation, because Teams makes an activity id unique only within its conversation.
 */

const NOW = new Date('2026-11-30T08:30:00Z'); // Monday, 09:30 in Rome
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;
const BACKUP = 'rocketweb.customer.website-backup';

describe('Teams answers: at-least-once replies, exactly-once effects', () => {
  let h: TeamsHarness;
  /** Fails the next `confirm` calls of the core (a database hiccup), then behaves. */
  let confirmFailures = 0;

  beforeEach(async () => {
    confirmFailures = 0;
    h = await startTeamsHarness({
      clock: () => NOW,
      wrap: (bot): Dutybot => ({
        ...bot,
        async confirm(input) {
          if (confirmFailures > 0) {
            confirmFailures -= 1;
            throw new Error('the database went away for a moment');
          }
          return bot.confirm(input);
        },
      }),
    });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
      { ...LUCA, userRole: 'user' },
    ]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
    await h.post(personalMessage(h.connector.serviceUrl, 'help', MARCO)); // Marco's chat is known
    h.connector.reset();
  });
  afterEach(async () => h.close());

  it('answers a message again when Teams redelivers it after the reply failed, without a second ledger entry', async () => {
    const activity = personalMessage(h.connector.serviceUrl, 'done website backup restored fine', MARCO);
    // The connector keeps refusing the reply (past the client's own retries).
    h.connector.failNext(100, 429, 0);
    const first = await h.post(activity);
    // Not answered: the route says so, and Teams will deliver the activity again.
    expect(first.status).toBe(500);
    expect(h.connector.messages()).toEqual([]);
    // The effect happened once already.
    expect(await h.bot.store.history(TEAM_WORKSPACE, BACKUP, 10)).toHaveLength(1);

    h.connector.reset();
    const second = await h.post(activity);
    expect(second.status).toBe(200);
    const replies = h.connector.messages();
    expect(replies).toHaveLength(1);
    expect(replies[0]?.conversationId).toBe(`a:personal-${MARCO.id}-${TENANT}`);
    // The core says the entry already exists (it was written on the first delivery).
    expect(replies[0]?.body.summary).toBe('This was already recorded; nothing new was written.');
    // Processed again, but the ledger is unchanged.
    expect(await h.bot.store.history(TEAM_WORKSPACE, BACKUP, 10)).toHaveLength(1);
    expect((await h.bot.store.verifyLedger(TEAM_WORKSPACE)).ok).toBe(true);

    // Answered now: a further redelivery is dropped.
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.messages()).toHaveLength(1);
  });

  it('answers an activity whose id another tenant already used (ids are unique per conversation only)', async () => {
    const mine = personalMessage(h.connector.serviceUrl, 'pending', MARCO);
    expect((await h.post(mine)).status).toBe(200);
    const stranger = { id: '29:eve', aadObjectId: 'aad-eve', name: 'Eve' };
    const theirs = { ...personalMessage(h.connector.serviceUrl, 'help', stranger, OTHER_TENANT), id: mine.id };
    expect((await h.post(theirs)).status).toBe(200);
    const theirChat = `a:personal-${stranger.id}-${OTHER_TENANT}`;
    // Eve is welcomed and answered, not silently dropped as a "redelivery" of Marco's message.
    const toEve = h.connector.messages().filter((c) => c.conversationId === theirChat);
    expect(toEve.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(toEve.at(-1)?.body)).toMatch(/pending/);
    // And the same id in another chat of the same tenant is another activity too.
    const lucas = { ...personalMessage(h.connector.serviceUrl, 'help', LUCA), id: mine.id };
    expect((await h.post(lucas)).status).toBe(200);
    expect(h.connector.messages().some((c) => c.conversationId === `a:personal-${LUCA.id}-${TENANT}`)).toBe(true);
  });

  it('settles a card action on redelivery when its first delivery failed, recording one ledger entry', async () => {
    const data = { dutyId: BACKUP, occurrence: '2026-11', note: 'restored fine' };
    const invoke = cardAction(h.connector.serviceUrl, REMINDER_VERBS.done, data, 'card-1', MARCO);
    confirmFailures = 1;
    const first = await h.post(invoke);
    expect(first.status).toBe(200);
    expect(first.body.value).toMatch(/Something went wrong on our side/);
    expect(await h.bot.store.history(TEAM_WORKSPACE, BACKUP, 10)).toEqual([]);

    // Teams sends the same invoke again: this time it is settled.
    const second = await h.post(invoke);
    expect(second.status).toBe(200);
    expect(second.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(second.body.value)).toMatch(/Monthly website backup.*is done/);
    expect(await h.bot.store.history(TEAM_WORKSPACE, BACKUP, 10)).toHaveLength(1);

    // A further redelivery shows the result and records nothing more.
    const third = await h.post(invoke);
    expect(third.status).toBe(200);
    expect(await h.bot.store.history(TEAM_WORKSPACE, BACKUP, 10)).toHaveLength(1);
  });
});
