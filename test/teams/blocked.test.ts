import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, type OutboundMessage } from '../../src/ports/messenger.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import type { RecordedCall } from '../support/fake-connector.js';
import {
  cardOf,
  installRocketwebTeam,
  MARCO,
  personalMessage,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Teams store rule: a user who blocked the bot answers every personal message with 403
 * `MessageWritesBlocked`. That is permanent for that user: not retried, recorded, and no further
 * personal message is even attempted, until the user writes to the bot again.
 */

const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;
const notice = (text: string): OutboundMessage => ({
  kind: 'welcome',
  view: { lang: 'en', workspaceId: TEAM_WORKSPACE, lines: [text] },
});

describe('Teams: a user who blocked dutybot', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
    await installRocketwebTeam(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const personalPosts = () =>
    h.connector.calls.filter((c) => c.conversationId === `a:personal-${MARCO.id}` && c.method === 'POST');

  it('gets a permanent failure, recorded, and no further call to the connector', async () => {
    h.connector.blockBot(MARCO.id);
    const first = await h.messenger.sendToUser(TEAM_WORKSPACE, MARCO.aadObjectId, notice('one'), 'k1').catch((e) => e);
    expect(first).toBeInstanceOf(DeliveryError);
    expect((first as DeliveryError).retryable).toBe(false);
    expect((first as DeliveryError).message).toContain('blocked');
    expect(personalPosts().map((c) => c.status)).toEqual([403]);
    // Recorded under both of Marco's ids, so a message addressed either way is stopped.
    for (const id of [MARCO.aadObjectId, MARCO.id]) {
      expect(await h.bot.store.kvGet('teams-blocked', `${TENANT}:${id}`)).toBeDefined();
    }

    h.connector.reset();
    const second = await h.messenger.sendToUser(TEAM_WORKSPACE, MARCO.id, notice('two'), 'k2').catch((e) => e);
    expect(second).toBeInstanceOf(DeliveryError);
    expect((second as DeliveryError).retryable).toBe(false);
    // Not a single call: no new chat, no post.
    expect(h.connector.calls).toEqual([]);
  });

  it('a 403 for another reason (bot removed) is not taken for a block', async () => {
    h.connector.removeBot(`a:personal-${MARCO.id}`);
    await expect(h.messenger.sendToUser(TEAM_WORKSPACE, MARCO.aadObjectId, notice('one'), 'k1')).rejects.toThrow(
      DeliveryError,
    );
    expect(await h.bot.store.kvGet('teams-blocked', `${TENANT}:${MARCO.aadObjectId}`)).toBeUndefined();
  });

  it('writing to the bot again lifts it', async () => {
    h.connector.blockBot(MARCO.id);
    await h.messenger.sendToUser(TEAM_WORKSPACE, MARCO.aadObjectId, notice('one'), 'k1').catch(() => undefined);
    h.connector.unblockBot(MARCO.id);
    const response = await h.post(personalMessage(h.connector.serviceUrl, 'help', MARCO));
    expect(response.status).toBe(200);
    expect(await h.bot.store.kvGet('teams-blocked', `${TENANT}:${MARCO.aadObjectId}`)).toBeUndefined();
    h.connector.reset();
    const ref = await h.messenger.sendToUser(TEAM_WORKSPACE, MARCO.aadObjectId, notice('again'), 'k3');
    expect(personalPosts().map((c) => c.status)).toEqual([200]);
    expect(ref.channel).toBe(`a:personal-${MARCO.id}`);
  });
});

describe('Teams: a personal message says which team it comes from', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
    await installRocketwebTeam(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it('heads the card and the notification text with the team name Teams gave', async () => {
    const ref = await h.messenger.sendToUser(TEAM_WORKSPACE, MARCO.aadObjectId, notice('Something to fix'), 'k1');
    const sent = h.connector.messages().find((c) => c.conversationId === ref.channel);
    const card = cardOf(sent as RecordedCall);
    const origin = catalogue('en').storeRules.personalFrom('IT Ops');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: origin });
    expect(sent?.body.summary).toBe(origin);
    expect(JSON.stringify(card.body)).toContain('Something to fix');
  });
});
