import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../adapters/slack/blocks/ids.js';
import { labels } from '../../adapters/slack/labels.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { blockAction, directMessage, eventEnvelope, slashCommand, type Who } from './payloads.js';

/**
 * Never post to a channel the bot was not invited to (Slack Marketplace rule): a slash command
 * works in every channel, so a first `/duty` typed in one the bot has not joined must not make it
 * the home of the workspace's reminders (they would all bounce with not_in_channel). The home is
 * adopted once the bot is proven to be in a channel. Real Bolt over signed requests, the fake Web
 * API answering conversations.info with is_member.
 */

const WS = 'slack:T0001';
const who: Who = { team: 'T0001', user: 'UFIRST', channel: 'CNOTJOINED' };
const en = catalogue('en');

function botJoined(inviter: string, where: Who = who) {
  return eventEnvelope(where, {
    type: 'member_joined_channel',
    user: 'UDUTYBOT',
    channel: where.channel,
    channel_type: 'C',
    team: where.team,
    inviter,
  });
}

async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Slack: a first /duty in a channel the bot is not in', () => {
  let h: SlackHarness;
  let now = new Date('2026-12-01T07:00:00Z'); // Tuesday, 08:00 in Rome; reminders go out at 09:00 Rome
  let responseUrl = '';
  let commandBody: { text?: string; response_type?: string } = {};

  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.channels.set(who.channel, who.team);
    h.api.botNotIn.add(who.channel);
    responseUrl = h.api.responseUrl();
    const res = await h.requester.command(slashCommand(who, 'help', responseUrl));
    expect(res.status).toBe(200);
    commandBody = res.json() as typeof commandBody;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adopts no home channel: it asked Slack, which said the bot is not a member', async () => {
    const workspace = await h.dutybot.store.getWorkspace(WS);
    expect(workspace).not.toBeNull();
    expect(workspace?.homeChannel).toBeNull();
    expect(workspace?.settings.default_channel).toBeNull();
    const asked = h.api.callsTo('conversations.info');
    expect(asked.map((c) => c.args.channel)).toContain(who.channel);
    // The command itself is still answered.
    expect(JSON.stringify(commandBody)).toContain(en.help.commands[0]?.description ?? 'missing');
  });

  it('tells the person in that channel how to invite the bot, after the command’s own reply', async () => {
    const [hint] = await h.api.waitFor(() => {
      const found = h.api.responsesTo(responseUrl);
      return found.length > 0 && found;
    }, 'invitation hint');
    const body = hint?.body as { response_type?: string; text?: string; blocks?: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('/invite @dutybot');
    expect(JSON.stringify(body.blocks)).toContain(labels('en').inviteMeHere.slice(0, 40));
  });

  it('never posts into that channel: the welcome goes to the person’s DM and asks for a channel', async () => {
    const welcome = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'DFIRST'),
      'welcome DM',
    );
    expect(String(welcome.args.text)).toContain('Reminders channel: not chosen yet');
    expect(JSON.stringify(welcome.args.blocks)).toContain('conversations_select');
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === who.channel)).toHaveLength(0);

    // 09:00 Rome passes: no reminder is attempted anywhere, so none bounces with not_in_channel.
    now = new Date('2026-12-01T08:00:00Z');
    const report = await h.dutybot.tick(now);
    expect(report.deliveries.filter((d) => d.kind === 'reminder')).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === who.channel)).toHaveLength(0);
  });

  it('adopts the channel once the bot joins it, and reminds there from the next reminder time', async () => {
    now = new Date('2026-12-01T08:30:00Z');
    h.api.botNotIn.delete(who.channel);
    expect((await h.requester.event(botJoined(who.user))).status).toBe(200);
    await eventually(async () => (await h.dutybot.store.getWorkspace(WS))?.homeChannel === who.channel, 'home');
    const notice = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.ok && c.args.channel === who.channel),
      'notice in the channel',
    );
    expect(String(notice.args.text)).toBe(labels('en').channelAdopted);
    const audit = await h.dutybot.store.ledgerEntries(WS);
    expect(audit.map((e) => e.kind)).toContain('workspace.home_channel');

    now = new Date('2026-12-02T08:00:00Z');
    const report = await h.dutybot.tick(now);
    const reminders = report.deliveries.filter((d) => d.kind === 'reminder' && d.status === 'sent');
    expect(reminders.length).toBeGreaterThan(0);
    const failed = h.api.callsTo('chat.postMessage').filter((c) => !c.ok);
    expect(failed).toHaveLength(0);
  });
});

describe('Slack: a first /duty in a channel the bot is in', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    h.api.channels.set('CJOINED', 'T0001');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('makes it the home at once and welcomes there, with no invitation hint', async () => {
    const joined: Who = { ...who, channel: 'CJOINED' };
    const responseUrl = h.api.responseUrl();
    await h.requester.command(slashCommand(joined, 'help', responseUrl));
    expect((await h.dutybot.store.getWorkspace(WS))?.homeChannel).toBe('CJOINED');
    const welcome = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'CJOINED'),
      'welcome in the channel',
    );
    expect(String(welcome.args.text)).toContain('✅ Reminders channel: this one');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.responsesTo(responseUrl)).toHaveLength(0);
  });
});

describe('Slack: a first /duty when Slack cannot say whether the bot is in the channel', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    h.api.channels.set(who.channel, who.team);
    h.api.failNext('conversations.info', 'internal_error');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts without a home channel and still answers the command', async () => {
    const res = await h.requester.command(slashCommand(who, 'help', h.api.responseUrl()));
    expect(res.status).toBe(200);
    expect((await h.dutybot.store.getWorkspace(WS))?.homeChannel).toBeNull();
    expect(h.logs.some((line) => line.includes('could not ask whether the bot is in the channel'))).toBe(true);
  });
});

describe('Slack: a channel picked in the welcome that the bot is not in', () => {
  const picker: Who = { team: 'T0001', user: 'UPICKER', channel: 'CPICKEDNOTIN' };
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    h.api.channels.set(picker.channel, picker.team);
    h.api.botNotIn.add(picker.channel);
    // First contact in a DM: no channel yet, the welcome offers the picker.
    await h.requester.event(directMessage(picker, 'help'));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'DPICKER'), 'welcome');
  });
  afterAll(async () => {
    await h?.close();
  });

  const pick = (selected: string) =>
    blockAction(
      picker,
      { type: 'conversations_select', action_id: ACTION.pickChannel, selected_conversation: selected },
      { messageTs: '1.1', responseUrl: h.api.responseUrl() },
    );

  it('is not adopted: the person is asked to invite the bot there, and nothing is posted into it', async () => {
    expect((await h.requester.interaction(pick(picker.channel))).status).toBe(200);
    const told = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => String(c.args.text).startsWith('Please invite me')),
      'invitation DM',
    );
    expect(told.args.channel).toBe('DPICKER');
    expect(String(told.args.text)).toBe(labels('en').inviteMe(`<#${picker.channel}>`));
    expect((await h.dutybot.store.getWorkspace(WS))?.homeChannel).toBeNull();
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === picker.channel)).toHaveLength(0);
  });

  it('ignores a picked value that is not a channel id, and posts nothing with it', async () => {
    const posts = h.api.callsTo('chat.postMessage').length;
    expect((await h.requester.interaction(pick('C1>|x <!channel>'))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(posts);
    expect((await h.dutybot.store.getWorkspace(WS))?.homeChannel).toBeNull();
  });

  it('becomes the home when the bot is invited to it', async () => {
    h.api.botNotIn.delete(picker.channel);
    expect((await h.requester.event(botJoined(picker.user, picker))).status).toBe(200);
    await eventually(async () => (await h.dutybot.store.getWorkspace(WS))?.homeChannel === picker.channel, 'home');
    await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.ok && c.args.channel === picker.channel),
      'notice in the channel',
    );
  });
});
