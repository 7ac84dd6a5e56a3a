import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardProblems } from './card-validation.js';
import {
  ANNA,
  botAddedToTeam,
  cardOf,
  cardsIn,
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

const NOW = new Date('2026-11-30T08:30:00Z'); // Monday, 09:30 in Rome
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;

describe('Teams conversations, end to end with auth on', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ clock: () => NOW });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
      { ...LUCA, userRole: 'user' },
    ]);
  });
  afterEach(async () => {
    for (const card of cardsIn(h.connector)) expect(cardProblems(card)).toEqual([]);
    await h.close();
  });

  const install = async () => {
    expect((await h.post(botAddedToTeam(h.connector.serviceUrl))).status).toBe(200);
  };
  const lastCard = () => {
    const messages = h.connector.messages();
    const last = messages[messages.length - 1];
    if (!last) throw new Error('no message was sent');
    return { call: last, card: cardOf(last) };
  };
  const cardText = () => JSON.stringify(lastCard().card.body);

  it('stores the team reference on install, learns the roster and posts the welcome card once', async () => {
    await install();
    expect(await h.bot.store.getWorkspace(TEAM_WORKSPACE)).toMatchObject({ platform: 'teams', homeChannel: TEAM });
    const welcome = lastCard();
    expect(welcome.call.conversationId).toBe(TEAM);
    expect(welcome.card.body[0].text).toMatch(/dutybot/);
    await install();
    expect(h.connector.messages()).toHaveLength(1);
  });

  it('starts an Italian team in Italian when the installer uses Teams in Italian', async () => {
    const activity = botAddedToTeam(h.connector.serviceUrl);
    activity.locale = 'it-IT';
    await h.post(activity);
    expect((await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.settings.language).toBe('it');
    expect(lastCard().card.fallbackText).toMatch(/^Ciao!/);
  });

  it('answers a question in a personal chat with an answer card and a text fallback', async () => {
    await h.post(personalMessage(h.connector.serviceUrl, 'who backs up the website?', LUCA));
    const { call, card } = lastCard();
    expect(call.conversationId).toBe(`a:personal-${LUCA.id}-${TENANT}`);
    expect(JSON.stringify(card.body)).toMatch(/Monthly website backup|website/i);
    expect(JSON.stringify(card.body)).toMatch(/Source: CoreTech GDPR/);
    expect(card.fallbackText).toMatch(/website/i);
    expect(call.body.summary).toBeTruthy();
  });

  it('answers an @mention in a channel with the mention stripped', async () => {
    await install();
    await h.post(channelMessage(h.connector.serviceUrl, 'pending all', MARCO));
    // Had "<at>dutybot</at>" stayed in the text, the grammar would have taken it as a question.
    expect(cardText()).toMatch(/Pending duties in this workspace/);
    const { call } = lastCard();
    // Replies go into the thread of the message that asked.
    expect(call.conversationId).toMatch(new RegExp(`^${TEAM};messageid=`));
  });

  it('answers an Italian question in Italian', async () => {
    await h.post(personalMessage(h.connector.serviceUrl, 'chi fa il backup del sito?', LUCA));
    const text = cardText();
    expect(text).toMatch(/Chi/);
    expect(text).toMatch(/Frequenza/);
    expect(text).toMatch(/Fonte:/);
  });

  it('lets the assigned owner confirm with `done` and refuses a non-owner without a ledger entry', async () => {
    await install();
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
    expect(cardText()).toMatch(/assigned to <at>Marco Bianchi<\/at>/);
    expect(lastCard().card.msteams.entities).toEqual([
      { type: 'mention', text: '<at>Marco Bianchi</at>', mentioned: { id: MARCO.aadObjectId, name: MARCO.name } },
    ]);

    await h.post(
      channelMessage(h.connector.serviceUrl, 'done website backup restored fine https://x.example.com/r/1', LUCA),
    );
    expect(lastCard().card.body[0].style).toBe('attention');
    expect(await h.bot.store.latestConfirmations(TEAM_WORKSPACE)).toEqual([]);

    // Marco confirms from his personal chat: it acts on the team he belongs to.
    await h.post(
      personalMessage(h.connector.serviceUrl, 'done website backup restored fine https://x.example.com/r/1', MARCO),
    );
    expect(cardText()).toMatch(/done/i);
    const ledger = await h.bot.store.latestConfirmations(TEAM_WORKSPACE);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      dutyId: 'rocketweb.customer.website-backup',
      status: 'done',
      by: MARCO.aadObjectId,
      evidenceUrl: 'https://x.example.com/r/1',
    });
  });

  it('refuses settings changes to a member who is not a team owner, allows the owner', async () => {
    await install();
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set timezone Europe/London', LUCA));
    expect(lastCard().card.body[0].style).toBe('attention');
    expect((await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.settings.timezone).toBe('Europe/Rome');
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set timezone Europe/London', ANNA));
    expect((await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.settings.timezone).toBe('Europe/London');
  });

  it('treats TEAMS_ADMIN_IDS as admins even when the roster says otherwise', async () => {
    await h.close();
    h = await startTeamsHarness({ clock: () => NOW, adminIds: [LUCA.aadObjectId] });
    h.connector.setMembers(TEAM, [{ ...LUCA, userRole: 'user' }]);
    await install();
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set timezone UTC', LUCA));
    expect((await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.settings.timezone).toBe('UTC');
  });

  it('processes a redelivered activity once', async () => {
    await install();
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
    h.connector.reset();
    const activity = personalMessage(h.connector.serviceUrl, 'done website backup all good', MARCO);
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.messages()).toHaveLength(1);
    expect(await h.bot.store.history(TEAM_WORKSPACE, 'rocketweb.customer.website-backup', 10)).toHaveLength(1);
  });

  it('retries a throttled reply (429) and delivers it once', async () => {
    await h.post(personalMessage(h.connector.serviceUrl, 'hello', LUCA)); // first contact: welcome
    h.connector.reset();
    h.connector.failNext(2, 429, 0);
    const response = await h.post(personalMessage(h.connector.serviceUrl, 'help', LUCA));
    expect(response.status).toBe(200);
    const attempts = h.connector.calls.filter((c) => c.body?.type === 'message');
    expect(attempts.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(h.connector.messages()).toHaveLength(1);
  });

  it('keeps tenants apart: the same team id in another tenant is another workspace', async () => {
    await install();
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
    await h.post(personalMessage(h.connector.serviceUrl, 'done website backup ok', MARCO));
    const intruder = { id: '29:eve', aadObjectId: 'aad-eve', name: 'Eve' };
    await h.post(
      channelMessage(h.connector.serviceUrl, 'history website backup', intruder, { tenantId: OTHER_TENANT }),
    );
    expect(await h.bot.store.getWorkspace(`teams:${OTHER_TENANT}:${TEAM}`)).not.toBeNull();
    expect(cardText()).not.toMatch(/Marco/);
    expect(await h.bot.store.latestConfirmations(`teams:${OTHER_TENANT}:${TEAM}`)).toEqual([]);
    // Eve's personal chat does not fall back to the first tenant's team either.
    await h.post(personalMessage(h.connector.serviceUrl, 'pending all', MARCO, OTHER_TENANT));
    expect(
      await h.bot.store.getWorkspace(`teams:${OTHER_TENANT}:a:personal-${MARCO.id}-${OTHER_TENANT}`),
    ).not.toBeNull();
  });

  it('makes a group chat its own workspace, where the roster cannot make anyone admin', async () => {
    const activity = channelMessage(h.connector.serviceUrl, 'settings set timezone UTC', ANNA);
    const chatId = '19:group-chat-1@thread.v2';
    activity.conversation = { id: chatId, conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
    activity.channelData = { tenant: { id: TENANT } };
    await h.post(activity);
    const workspace = await h.bot.store.getWorkspace(`teams:${TENANT}:${chatId}`);
    expect(workspace?.homeChannel).toBe(chatId);
    expect(workspace?.settings.timezone).toBe('Europe/Rome');
    expect(lastCard().call.conversationId).toBe(chatId);
  });

  it('replies with help when only the bot is mentioned', async () => {
    await install();
    await h.post(channelMessage(h.connector.serviceUrl, '', ANNA));
    expect(cardText()).toMatch(/pending/);
  });
});
