import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_VERBS } from '../../adapters/teams/cards/reminder.js';
import type { RecordedCall } from '../support/fake-connector.js';
import {
  ANNA,
  botAddedToTeam,
  cardAction,
  cardOf,
  channelMessage,
  LUCA,
  MARCO,
  OTHER_TENANT as OTHER_TENANT_ID,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Issue 10, "Permissions and binding" on Teams, through the real botbuilder server with auth on:
 * an Action.Execute confirms what its card is about (the card stored when it was posted), never
 * what the invoke's data names.
 */

const INSTALLED = new Date('2026-11-30T07:00:00Z');
const MONDAY = new Date('2026-11-30T08:30:00Z');
const WS = `teams:${TENANT}:${TEAM}`;

// biome-ignore lint/suspicious/noExplicitAny: walking card JSON.
function executeData(call: RecordedCall, verb: string): any {
  // biome-ignore lint/suspicious/noExplicitAny: walking card JSON.
  const found: any[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: walking card JSON.
  const walk = (node: any) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute' && node.verb === verb) found.push(node.data);
      Object.values(node).forEach(walk);
    }
  };
  walk(cardOf(call));
  return found[0];
}

describe('Teams: a card action is bound to its card', () => {
  let h: TeamsHarness;
  let now = INSTALLED;
  beforeEach(async () => {
    now = INSTALLED;
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
      { ...LUCA, userRole: 'user' },
    ]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set services rocketweb', ANNA));
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
    h.connector.reset();
    now = MONDAY;
  });
  afterEach(async () => {
    await h.close();
  });

  it('a Done on one reminder card naming another duty records nothing and settles no card', async () => {
    await h.bot.tick(now);
    const first = h.connector.messages().find((c) => executeData(c, REMINDER_VERBS.done)) as RecordedCall;
    const own = executeData(first, REMINDER_VERBS.done);
    // Another duty Marco owns (all of RocketWeb is his), with the same period.
    const other = {
      ...own,
      dutyId: [...h.bot.knowledge.dutyById.values()].find(
        (d) => d.service === 'rocketweb' && d.party === 'customer' && d.id !== own.dutyId,
      )?.id,
    };
    expect(other.dutyId).toBeDefined();
    h.connector.reset();

    for (const data of [
      { ...own, dutyId: other.dutyId },
      { ...own, occurrence: '2026-W40' },
    ]) {
      const response = await h.post(
        cardAction(
          h.connector.serviceUrl,
          REMINDER_VERBS.done,
          { ...data, note: 'x' },
          first.assignedId as string,
          MARCO,
        ),
      );
      expect(response.status).toBe(200);
      const card = response.body.value;
      expect(card.body[0].style).toBe('attention');
      expect(JSON.stringify(card)).toMatch(/does not match the message/);
      // The card shown back is still the clicked card, with its buttons.
      expect(JSON.stringify(card)).toContain(own.dutyId);
    }
    expect(await h.bot.store.history(WS, own.dutyId, 10)).toEqual([]);
    expect(await h.bot.store.history(WS, other.dutyId, 10)).toEqual([]);
    expect(h.connector.calls.filter((c) => c.method === 'PUT')).toEqual([]);

    // The card's own data still works.
    const good = await h.post(
      cardAction(
        h.connector.serviceUrl,
        REMINDER_VERBS.done,
        { ...own, note: 'ok' },
        first.assignedId as string,
        MARCO,
      ),
    );
    expect(good.status).toBe(200);
    expect(await h.bot.store.history(WS, own.dutyId, 10)).toHaveLength(1);
  });
});

describe('Teams: channels in settings belong to the team', () => {
  let h: TeamsHarness;
  const OPS = '19:ops-channel@thread.tacv2';
  const OTHER_TEAM = '19:other-team-general@thread.tacv2';
  const OTHER_TENANT = '19:8f7e6d5c4b3a@thread.skype';
  beforeEach(async () => {
    h = await startTeamsHarness({ clock: () => INSTALLED });
    h.connector.setMembers(TEAM, [{ ...ANNA, userRole: 'owner' }]);
    h.connector.setChannels(TEAM, [
      { id: TEAM, name: 'General' },
      { id: OPS, name: 'Ops' },
    ]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
  });
  afterEach(async () => {
    await h.close();
  });

  const say = async (text: string) => {
    h.connector.reset();
    await h.post(channelMessage(h.connector.serviceUrl, text, ANNA));
    return JSON.stringify(h.connector.messages().map((c) => c.body));
  };

  it('refuses another team’s or another tenant’s 19: id; nothing is changed or posted there', async () => {
    const before = await h.bot.store.getWorkspace(WS);
    const audit = (await h.bot.store.ledgerEntries(WS)).length;
    for (const channel of [OTHER_TEAM, OTHER_TENANT]) {
      const said = await say(`settings set default_channel ${channel}`);
      expect(said).toContain('is not a channel of this workspace');
      const digest = await say(`settings set digest.channel ${channel}`);
      expect(digest).toContain('is not a channel of this workspace');
    }
    expect((await h.bot.store.getWorkspace(WS))?.settings).toEqual(before?.settings);
    expect(await h.bot.store.ledgerEntries(WS)).toHaveLength(audit);
    // The team's channel list was asked for this team only.
    expect(h.connector.calls.filter((c) => c.path.startsWith('/v3/teams/')).length).toBeGreaterThan(0);
    await h.bot.tick(new Date('2026-11-30T08:30:00Z'));
    expect(
      h.connector
        .messages()
        .map((c) => c.conversationId)
        .filter((id) => id === OTHER_TEAM || id === OTHER_TENANT),
    ).toEqual([]);
    expect(h.connector.messages().map((c) => c.conversationId)).toContain(TEAM);
  });

  it('accepts a channel of the team', async () => {
    const said = await say(`settings set digest.channel ${OPS}`);
    expect(said).toMatch(/is now/);
    expect((await h.bot.store.getWorkspace(WS))?.settings.digest.channel).toBe(OPS);
  });
});

describe('Teams: a card action without the data this version understands', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ clock: () => MONDAY });
    h.connector.setMembers(TEAM, [{ ...ANNA, userRole: 'owner' }]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
  });
  afterEach(async () => {
    await h.close();
  });

  it('is answered with the no-longer-supported notice and records nothing', async () => {
    const response = await h.post(
      cardAction(h.connector.serviceUrl, REMINDER_VERBS.done, { duty: 'old-style' }, 'activity-old', ANNA),
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toMatch(/no longer supported/);
    expect(await h.bot.store.ledgerEntries(WS)).toHaveLength(1);
  });
});

describe('Teams: members of another tenant', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ clock: () => MONDAY });
    // Luca is on the team's roster from another organisation's tenant, where Teams calls him an owner.
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner', tenantId: TENANT },
      { ...MARCO, userRole: 'user', tenantId: TENANT },
      { ...LUCA, userRole: 'owner', tenantId: OTHER_TENANT_ID },
    ]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set services rocketweb', ANNA));
  });
  afterEach(async () => {
    await h.close();
  });

  const say = async (text: string, who = LUCA, mentions: (typeof MARCO)[] = []) => {
    h.connector.reset();
    await h.post(channelMessage(h.connector.serviceUrl, text, who, { mentions }));
    return JSON.stringify(h.connector.messages().map((c) => c.body));
  };

  it('are never admins here and confirm only what is assigned to them by name', async () => {
    const before = await h.bot.store.getWorkspace(WS);
    expect(await say('settings set language it')).toMatch(/Only workspace admins/);
    expect((await h.bot.store.getWorkspace(WS))?.settings).toEqual(before?.settings);
    // Unassigned: open to the team's own members, not to an outsider.
    const duty = 'rocketweb.customer.resource-usage-check';
    expect(await say(`done ${duty}`)).toMatch(/Only the owners/);
    expect(await h.bot.store.history(WS, duty, 10)).toEqual([]);
    await say(`assign ${duty} @Luca Verdi`, ANNA, [LUCA]);
    expect(await say(`done ${duty}`)).toMatch(/Recorded/);
    expect(await h.bot.store.history(WS, duty, 10)).toMatchObject([{ by: LUCA.aadObjectId }]);
  });
});
