import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../adapters/slack/blocks/ids.js';
import type { RecordedCall } from '../support/fake-slack-api.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { installThroughOAuth } from './oauth-install.js';
import { blockAction, directMessage, eventEnvelope, homeOpened, slashCommand, type Who } from './payloads.js';

/**
 * The bot's life in a Slack workspace: an OAuth install starts without a channel for reminders
 * (the first channel the bot joins, or the one picked, becomes it), an uninstall stops scheduling,
 * and a re-install resumes and re-sends what failed while the bot was gone. Real Bolt over signed
 * requests, the recording fake Web API, the scheduler driven with an injected clock.
 */

let now = new Date('2026-12-01T07:00:00Z'); // Tuesday, 08:00 in Rome; reminders go out at 09:00 Rome

function install(h: SlackHarness, code: string): Promise<void> {
  return installThroughOAuth(h.base, code);
}

function botJoined(who: Who, inviter: string) {
  return eventEnvelope(who, {
    type: 'member_joined_channel',
    user: 'UDUTYBOT',
    channel: who.channel,
    channel_type: 'C',
    team: who.team,
    inviter,
  });
}

/** Reminder posts (they carry the Done button) into `channel`. */
function remindersIn(h: SlackHarness, channel: string): RecordedCall[] {
  return h.api
    .callsTo('chat.postMessage')
    .filter((c) => c.ok && c.args.channel === channel && JSON.stringify(c.args.blocks ?? []).includes(ACTION.done));
}

/** Polls an async condition (event listeners run after Bolt has acknowledged the event). */
async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens the App Home and returns the view Slack was asked to publish. */
async function openHome(h: SlackHarness, who: Who): Promise<unknown> {
  const before = h.api.callsTo('views.publish').length;
  await h.requester.event(homeOpened(who));
  return (await h.api.waitFor(() => h.api.callsTo('views.publish')[before], 'App Home')).args.view;
}

function hasPicker(blocks: unknown): boolean {
  return JSON.stringify(blocks ?? []).includes(ACTION.pickChannel);
}

describe('Slack: OAuth install, first channel, reminders', () => {
  const acme: Who = { team: 'TACME', user: 'UACMEADMIN', channel: 'CACMEGDPR' };
  let h: SlackHarness;
  beforeAll(async () => {
    now = new Date('2026-12-01T07:00:00Z');
    h = await startSlackHarness({ oauth: true, clock: () => now });
    h.api.grant('code-acme', { teamId: 'TACME', installerId: acme.user, botToken: 'xoxb-acme' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks the installer for a channel, sets it when the bot is invited, and reminds there at the next reminder time', async () => {
    await install(h, 'code-acme');
    const ws = await h.dutybot.store.getWorkspace('slack:TACME');
    expect(ws?.homeChannel).toBeNull();
    // The welcome DM says no channel is set yet and offers the picker.
    const welcome = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'DACMEADMIN'),
      'welcome DM',
    );
    expect(hasPicker(welcome.args.blocks)).toBe(true);
    expect(String(welcome.args.text)).toContain(
      'Reminders channel: not chosen yet, and no reminder is posted until it is',
    );
    // So does the App Home, until a channel is set.
    expect(hasPicker(await openHome(h, acme))).toBe(true);

    // Without a channel, 09:00 passes with nothing to post anywhere.
    now = new Date('2026-12-01T07:30:00Z');
    await h.dutybot.tick(now);

    // The admin invites the bot to #gdpr: that channel becomes the home of the reminders.
    now = new Date('2026-12-01T07:40:00Z');
    expect((await h.requester.event(botJoined(acme, acme.user))).status).toBe(200);
    await eventually(
      async () => (await h.dutybot.store.getWorkspace('slack:TACME'))?.homeChannel === acme.channel,
      'home channel',
    );
    expect((await h.dutybot.store.getWorkspace('slack:TACME'))?.homeChannel).toBe(acme.channel);
    const notice = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === acme.channel),
      'notice in the channel',
    );
    expect(notice.token).toBe('xoxb-acme');
    const audit = await h.dutybot.store.ledgerEntries('slack:TACME');
    expect(audit.map((e) => e.kind)).toContain('workspace.home_channel');
    expect((await h.dutybot.store.verifyLedger('slack:TACME')).ok).toBe(true);
    // `settings show` now names a real channel.
    const settings = await h.requester.command(slashCommand(acme, 'settings show', h.api.responseUrl()));
    expect(JSON.stringify(settings.json())).toContain(`default_channel: ${acme.channel} (where the bot was added)`);

    // A second channel does not take over: the first one stays the home.
    await h.requester.event(botJoined({ ...acme, channel: 'CRANDOM' }, acme.user));
    expect((await h.dutybot.store.getWorkspace('slack:TACME'))?.homeChannel).toBe(acme.channel);

    // Nothing before the next reminder time…
    await h.dutybot.tick(now);
    expect(remindersIn(h, acme.channel)).toHaveLength(0);
    // …and at 09:00 Rome the reminders go to the adopted channel, with the workspace's token.
    now = new Date('2026-12-01T08:00:00Z');
    const report = await h.dutybot.tick(now);
    const posted = remindersIn(h, acme.channel);
    expect(posted.length).toBeGreaterThan(0);
    expect(report.deliveries.filter((d) => d.kind === 'reminder' && d.status === 'sent')).toHaveLength(posted.length);
    for (const post of posted) expect(post.token).toBe('xoxb-acme');
    expect(remindersIn(h, 'CRANDOM')).toHaveLength(0);
    // The App Home no longer asks.
    expect(hasPicker(await openHome(h, acme))).toBe(false);
  });
});

describe('Slack: first contact in a DM, channel picked in the App Home', () => {
  const who: Who = { team: 'T0001', user: 'UPICKER', channel: 'CPICKED' };
  let h: SlackHarness;
  beforeAll(async () => {
    now = new Date('2026-12-01T07:00:00Z');
    h = await startSlackHarness({ clock: () => now });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('offers the picker until a channel is picked, then reminds in it', async () => {
    // The picked channel is one the bot was invited to (conversations.info says is_member).
    h.api.channels.set(who.channel, who.team);
    await h.requester.event(directMessage(who, 'help'));
    expect((await h.dutybot.store.getWorkspace('slack:T0001'))?.homeChannel).toBeNull();
    expect(hasPicker(await openHome(h, who))).toBe(true);

    const pick = blockAction(
      who,
      { type: 'conversations_select', action_id: ACTION.pickChannel, selected_conversation: who.channel },
      { messageTs: '1.1', responseUrl: h.api.responseUrl() },
    );
    const onHome = { ...pick, container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } };
    const { channel: _c, message: _m, ...fromHome } = onHome;
    expect((await h.requester.interaction(fromHome)).status).toBe(200);
    // The picker tells the channel and the person; the Home tab is refreshed without the picker.
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === who.channel), 'post');
    const told = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => String(c.args.text).startsWith('Reminders will go to')),
      'DM',
    );
    expect(told.args.channel).toBe('DPICKER');
    expect((await h.dutybot.store.getWorkspace('slack:T0001'))?.homeChannel).toBe(who.channel);
    await h.api.waitFor(() => !hasPicker(h.api.callsTo('views.publish').at(-1)?.args.view), 'home refreshed');

    now = new Date('2026-12-01T08:00:00Z');
    await h.dutybot.tick(now);
    expect(remindersIn(h, who.channel).length).toBeGreaterThan(0);
  });
});

describe('Slack: uninstall and re-install', () => {
  const acme: Who = { team: 'TACME', user: 'UACMEADMIN', channel: 'CACMEGDPR' };
  let h: SlackHarness;
  beforeAll(async () => {
    now = new Date('2026-12-01T07:00:00Z');
    h = await startSlackHarness({ oauth: true, clock: () => now });
    h.api.grant('code-1', { teamId: 'TACME', installerId: acme.user, botToken: 'xoxb-first' });
    h.api.grant('code-2', { teamId: 'TACME', installerId: acme.user, botToken: 'xoxb-second' });
    await install(h, 'code-1');
    await h.requester.event(botJoined(acme, acme.user));
    await eventually(
      async () => (await h.dutybot.store.getWorkspace('slack:TACME'))?.homeChannel === acme.channel,
      'home channel',
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stops scheduling on app_uninstalled, keeps the ledger, and re-sends the failed current reminders on re-install', async () => {
    const settingsBefore = (await h.dutybot.store.getWorkspace('slack:TACME'))?.settings;
    // The app is removed just before 09:00: the token is dead, every post of the tick fails.
    h.api.revokedTokens.add('xoxb-first');
    now = new Date('2026-12-01T08:00:00Z');
    const failedTick = await h.dutybot.tick(now);
    const failed = failedTick.deliveries.filter((d) => d.kind === 'reminder');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((d) => d.status === 'failed')).toBe(true);
    expect((await h.requester.event(eventEnvelope(acme, { type: 'app_uninstalled' }))).status).toBe(200);
    await eventually(
      async () => (await h.dutybot.store.getWorkspace('slack:TACME'))?.status === 'inactive',
      'inactive',
    );
    const ledgerWhileGone = await h.dutybot.store.ledgerEntries('slack:TACME');

    // Two days pass: nothing is planned, nothing is attempted.
    const callsBefore = h.api.callsTo('chat.postMessage').length;
    for (const day of ['2026-12-02T08:00:00Z', '2026-12-03T08:00:00Z']) {
      now = new Date(day);
      const report = await h.dutybot.tick(now);
      expect(report.enqueued).toBe(0);
      expect(report.deliveries).toEqual([]);
    }
    expect(h.api.callsTo('chat.postMessage').length).toBe(callsBefore);

    // Re-installed on Thursday morning: scheduling resumes with the new token.
    now = new Date('2026-12-03T10:00:00Z');
    await install(h, 'code-2');
    const ws = await h.dutybot.store.getWorkspace('slack:TACME');
    expect(ws?.status).toBe('active');
    expect(ws?.homeChannel).toBe(acme.channel);
    expect(ws?.settings).toEqual(settingsBefore);
    // The ledger is kept: what was there is unchanged, plus the two status entries.
    const ledger = await h.dutybot.store.ledgerEntries('slack:TACME');
    expect(ledger.slice(0, ledgerWhileGone.length)).toEqual(ledgerWhileGone);
    expect(ledger.slice(ledgerWhileGone.length - 1).map((e) => [e.kind, e.payload.status])).toEqual([
      ['workspace.status', 'inactive'],
      ['workspace.status', 'active'],
    ]);
    expect((await h.dutybot.store.verifyLedger('slack:TACME')).ok).toBe(true);

    const resumed = await h.dutybot.tick(now);
    const sent = resumed.deliveries.filter((d) => d.status === 'sent' && d.kind === 'reminder');
    expect(sent.length).toBeGreaterThan(0);
    // Each reminder once, with the new token, only for occurrences still current (Tuesday's
    // reminders of weekly/monthly duties come again; Tuesday's daily ones are superseded).
    const keys = sent.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    const failedKeys = new Set(failed.map((d) => d.key));
    const again = keys.filter((k) => failedKeys.has(k));
    for (const post of remindersIn(h, acme.channel)) expect(post.token).toBe('xoxb-second');
    expect(again.length).toBeGreaterThan(0);
    for (const key of failedKeys) {
      if (again.includes(key)) continue;
      expect((await h.dutybot.store.getDelivery(key))?.status, key).toBe('failed');
    }
    // Nothing is posted twice on the next tick.
    const later = await h.dutybot.tick(new Date(now.getTime() + 60_000));
    expect(later.deliveries.filter((d) => d.status === 'sent' && d.kind === 'reminder')).toEqual([]);
  });
});

describe('Slack: single-token install, tokens revoked, then used again', () => {
  const who: Who = { team: 'T0001', user: 'UADMIN', channel: 'CTOKEN' };
  let h: SlackHarness;
  beforeAll(async () => {
    now = new Date('2026-12-01T07:00:00Z');
    h = await startSlackHarness({ clock: () => now });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('ignores revoked user tokens, stops on a revoked bot token, and resumes when Slack sends requests again', async () => {
    await h.requester.event(
      eventEnvelope(who, {
        type: 'app_mention',
        user: who.user,
        text: '<@UDUTYBOT> help',
        ts: '1.1',
        channel: who.channel,
      }),
    );
    await eventually(
      async () => (await h.dutybot.store.getWorkspace('slack:T0001'))?.homeChannel === who.channel,
      'home',
    );

    await h.requester.event(eventEnvelope(who, { type: 'tokens_revoked', tokens: { oauth: ['UADMIN'] } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await h.dutybot.store.getWorkspace('slack:T0001'))?.status).toBe('active');

    await h.requester.event(eventEnvelope(who, { type: 'tokens_revoked', tokens: { bot: ['UDUTYBOT'] } }));
    await eventually(
      async () => (await h.dutybot.store.getWorkspace('slack:T0001'))?.status === 'inactive',
      'inactive',
    );
    now = new Date('2026-12-01T08:00:00Z');
    expect((await h.dutybot.tick(now)).deliveries).toEqual([]);

    // Installed again with a new token: the first request from the workspace resumes it.
    await h.requester.event(directMessage(who, 'pending'));
    await eventually(async () => (await h.dutybot.store.getWorkspace('slack:T0001'))?.status === 'active', 'active');
    const report = await h.dutybot.tick(new Date('2026-12-01T08:01:00Z'));
    expect(report.deliveries.filter((d) => d.kind === 'reminder' && d.status === 'sent').length).toBeGreaterThan(0);
  });
});

describe('Slack: a channel found days after the install', () => {
  const globex: Who = { team: 'TGLOBEX', user: 'UGLOBEXADMIN', channel: 'CGLOBEX' };
  let h: SlackHarness;
  beforeAll(async () => {
    now = new Date('2026-12-01T07:00:00Z');
    h = await startSlackHarness({ oauth: true, clock: () => now });
    h.api.grant('code-globex', { teamId: 'TGLOBEX', installerId: globex.user, botToken: 'xoxb-globex' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('does not post a burst of what fell due before, and reminds from the next reminder time', async () => {
    await install(h, 'code-globex');
    now = new Date('2026-12-03T10:00:00Z'); // Thursday 11:00 in Rome, after that day's reminders
    await h.dutybot.tick(now);
    await h.requester.event(botJoined(globex, globex.user));
    await eventually(
      async () => (await h.dutybot.store.getWorkspace('slack:TGLOBEX'))?.homeChannel === globex.channel,
      'home channel',
    );
    await h.dutybot.tick(new Date('2026-12-03T10:01:00Z'));
    expect(remindersIn(h, globex.channel)).toHaveLength(0);
    // Friday 09:00 in Rome: the day's reminders go out.
    now = new Date('2026-12-04T08:00:00Z');
    await h.dutybot.tick(now);
    expect(remindersIn(h, globex.channel).length).toBeGreaterThan(0);
  });
});
