import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredBotScopes } from '../../adapters/slack/scopes.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import { hostileLine, slackTyped } from '../support/hostile-strings.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, directMessage, homeOpened, slashCommand, type Who } from './payloads.js';

/**
 * The Slack Marketplace's behaviour rules, through the real Bolt app with signed requests and the
 * fake Web API: unrecognized `/duty` input gets usage; dutybot never notifies a whole channel
 * (`@channel`, `@here`, `@everyone`, a user group), from user text or its own; it posts only where
 * it was invited; it never names a private channel to someone who is not in it.
 */

const WS = 'slack:T0001';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel: 'CHOME' };
const outsider: Who = { team: 'T0001', user: 'UOUTSIDER', channel: 'CHOME' };
const PRIVATE = 'GPRIVATE1';
const PRIVATE_NAME = 'secret-merger-talks';
const NOT_INVITED = 'CNOTINVITED';
/** Special mentions that notify everyone: Slack's tokens for @channel, @here, @everyone, a user group. */
const SPECIAL = /<!(channel|here|everyone|subteam\^)/;

let now = new Date('2026-11-30T07:00:00Z');

describe('Slack store rules', () => {
  let h: SlackHarness;
  const answers: unknown[] = [];

  const command = async (who: Who, text: string) => {
    const res = await h.requester.command(slashCommand(who, text, h.api.responseUrl()));
    expect(res.status).toBe(200);
    const body = res.text ? res.json() : null;
    answers.push(body);
    return body as { text: string; blocks: unknown[]; response_type: string };
  };

  /** Every payload dutybot sent anywhere: Web API calls, response URLs, HTTP answers to commands. */
  const everything = () => [...h.api.calls.map((c) => c.args), ...h.api.responses.map((r) => r.body), ...answers];

  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    for (const channel of ['CHOME', PRIVATE, NOT_INVITED]) h.api.channels.set(channel, 'T0001');
    h.api.privateChannels.set(PRIVATE, PRIVATE_NAME);
    h.api.botNotIn.add(NOT_INVITED);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').at(0), 'welcome');
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(['HELP', 'Help', 'hElP'])('`/duty %s` gets the usage of every command', async (typed) => {
    const body = JSON.stringify(await command(outsider, typed));
    for (const entry of catalogue('en').help.commands) expect(body).toContain(entry.description);
  });

  it.each(['xyzzy plugh', 'frobnicate rocketweb now', '!!!'])(
    'unrecognized `/duty %s` gets examples and the way to usage',
    async (typed) => {
      const body = await command(outsider, typed);
      expect(body.response_type).toBe('ephemeral');
      const shown = JSON.stringify(body.blocks);
      expect(shown).toContain(catalogue('en').storeRules.typeHelp('/duty '));
      // Examples to try, as a bulleted list.
      expect(shown).toMatch(/\\n• /);
    },
  );

  it('refuses a channel dutybot was not invited to, and accepts it once invited', async () => {
    const refused = await command(admin, `settings set channels.rocketweb <#${NOT_INVITED}>`);
    expect(refused.text).toContain(catalogue('en').storeRules.notInvited(NOT_INVITED));
    expect((await h.dutybot.store.getWorkspace(WS))?.settings.channels.rocketweb).toBeUndefined();
    h.api.botNotIn.delete(NOT_INVITED);
    const accepted = await command(admin, `settings set channels.email <#${NOT_INVITED}>`);
    expect(accepted.text).toMatch(/is now/);
    h.api.botNotIn.add(NOT_INVITED);
  });

  it('cannot post where it was not invited: it asks for no scope that would allow it', () => {
    expect(requiredBotScopes()).not.toContain('chat:write.public');
    expect(requiredBotScopes()).not.toContain('channels:join');
    expect(h.api.callsTo('conversations.join')).toEqual([]);
  });

  it('never names a private channel to someone who is not in it (digest, pending all, App Home)', async () => {
    const set = await command(admin, `settings set channels.rocketweb <#${PRIVATE}|${PRIVATE_NAME}>`);
    expect(set.text).toMatch(/is now/);
    now = new Date('2026-11-30T09:00:00Z');
    await h.dutybot.tick(now);
    expect(h.api.callsTo('chat.postMessage').some((c) => c.args.channel === PRIVATE)).toBe(true);
    const calls = h.api.calls.length;
    const heard = answers.length;
    await command(outsider, 'pending all');
    await command(outsider, 'digest');
    await command(outsider, 'settings show');
    await h.requester.event(directMessage(outsider, 'pending all'));
    await h.requester.event(homeOpened(outsider));
    await h.api.waitFor(() => h.api.callsTo('views.publish').find((c) => c.args.user_id === outsider.user), 'home');
    await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === `D${outsider.user.slice(1)}`),
      'DM answer',
    );
    const seenByOutsider = [...h.api.calls.slice(calls).map((c) => c.args), ...answers.slice(heard)];
    expect(seenByOutsider.length).toBeGreaterThan(4);
    expect(JSON.stringify(seenByOutsider)).not.toContain(PRIVATE_NAME);
    // Not even the channel link Slack would resolve: ids at most, which Slack shows to non-members as "private channel".
    expect(JSON.stringify(everything())).not.toContain(PRIVATE_NAME);
  });

  it('never sends @channel, @here, @everyone or a user group: not from user text, not from its own', async () => {
    const hostile = `${slackTyped(hostileLine())} <!channel> <!here|here> <!everyone> <!subteam^S0ADMINS|@admins>`;
    await command(admin, `assign rocketweb <!channel>`);
    await command(admin, `skip website backup -- ${hostile}`);
    await command(outsider, `who checks backups? ${hostile}`);
    await command(outsider, `done ${hostile}`);
    await h.requester.event(appMention(outsider, `<@UDUTYBOT> ${hostile}`));
    await h.requester.event(directMessage(outsider, hostile));
    now = new Date('2026-12-07T09:00:00Z');
    await h.dutybot.tick(now);
    await h.requester.event(homeOpened(admin));
    await h.api.waitFor(() => h.api.callsTo('views.publish').find((c) => c.args.user_id === admin.user), 'home');
    const payloads = everything();
    expect(payloads.length).toBeGreaterThan(20);
    // Everything Slack shows or notifies with; a button's value and a view's private metadata are
    // data coming back to dutybot, never displayed (the shared question is escaped when answered).
    const shown = (p: unknown) =>
      JSON.stringify(p, (key, value) => (key === 'value' || key === 'private_metadata' ? undefined : value));
    const live = payloads.flatMap((p) => {
      const json = shown(p);
      return [...json.matchAll(new RegExp(SPECIAL, 'g'))].map((m) =>
        json.slice(Math.max(0, m.index - 80), m.index + 40),
      );
    });
    expect(live).toEqual([]);
    // The hostile text did reach the output, as inert text.
    expect(payloads.some((p) => shown(p).includes('&lt;!channel&gt;'))).toBe(true);
    // Nor does it ask Slack to turn plain "@channel" text into one.
    for (const call of h.api.calls) {
      expect(call.args.link_names, call.method).toBeFalsy();
      expect(call.args.parse, call.method).not.toBe('full');
    }
  });
});

describe('Slack App Home: support and privacy', () => {
  let h: SlackHarness;
  const member: Who = { team: 'T0001', user: 'UMEMBER', channel: 'CHOME' };
  beforeAll(async () => {
    h = await startSlackHarness({ env: { DUTYBOT_PUBLIC_URL: 'https://duty.example.org/bot/' } });
    await h.requester.event(appMention(member, '<@UDUTYBOT> help'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('links the public support and privacy pages for everyone, not only admins', async () => {
    await h.requester.event(homeOpened(member));
    const published = await h.api.waitFor(
      () => h.api.callsTo('views.publish').find((c) => c.args.user_id === member.user),
      'home',
    );
    const shown = JSON.stringify(published.args.view);
    const s = catalogue('en').storeRules;
    expect(shown).toContain(`<https://duty.example.org/bot/support|${s.support}>`);
    expect(shown).toContain(`<https://duty.example.org/bot/privacy|${s.privacy}>`);
  });
});

describe('Slack App Home without a public URL', () => {
  let h: SlackHarness;
  const member: Who = { team: 'T0001', user: 'UMEMBER', channel: 'CHOME' };
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows no link that could not open', async () => {
    await h.requester.event(homeOpened(member));
    const published = await h.api.waitFor(() => h.api.callsTo('views.publish').at(0), 'home');
    expect(JSON.stringify(published.args.view)).not.toContain(catalogue('en').storeRules.privacy);
  });
});
