import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLATIONS_NAMESPACE } from '../../adapters/slack/installation-store.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, slashCommand, type Who } from './payloads.js';

/**
 * OAuth distribution: `/slack/install` → Slack's consent → `/slack/oauth_redirect` with a valid
 * state → oauth.v2.access; the installation lands in the project's store, each workspace's
 * requests and reminders use its own token, and one workspace never sees another's data.
 */

const DUTY = '1backup.customer.check-backup-results';
const acme: Who = { team: 'TACME', user: 'UACMEADMIN', channel: 'CACME' };
const globex: Who = { team: 'TGLOBEX', user: 'UGLOBEXADMIN', channel: 'CGLOBEX' };
let now = new Date('2026-12-01T07:00:00Z');

async function install(h: SlackHarness, code: string): Promise<Response> {
  const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location') as string);
  expect(consent.searchParams.get('scope')?.split(',')).toContain('chat:write');
  const state = consent.searchParams.get('state') as string;
  const cookie = (start.headers.get('set-cookie') as string).split(';')[0] as string;
  return fetch(`${h.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

describe('Slack OAuth installation and workspace isolation', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ oauth: true, clock: () => now });
    h.api.grant('code-acme', { teamId: 'TACME', installerId: acme.user, botToken: 'xoxb-acme' });
    h.api.grant('code-globex', { teamId: 'TGLOBEX', installerId: globex.user, botToken: 'xoxb-globex' });
    h.api.admins.add(acme.user);
    h.api.admins.add(globex.user);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores the installation in the store and welcomes the installer', async () => {
    const done = await install(h, 'code-acme');
    // The admin lands on the public "you're set" page, with what it needs for an "Open in Slack" link.
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/installed?team=TACME&app=A0001');
    const access = h.api.callsTo('oauth.v2.access').at(-1);
    expect(access?.args.code).toBe('code-acme');
    const stored = await h.dutybot.store.kvGet<{ bot: { token: string }; user: { id: string } }>(
      INSTALLATIONS_NAMESPACE,
      'team:-:TACME',
    );
    expect(stored?.bot.token).toBe('xoxb-acme');
    expect(stored?.user.id).toBe(acme.user);
    expect(await h.dutybot.store.getWorkspace('slack:TACME')).not.toBeNull();
    const welcome = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'DACMEADMIN'),
      'welcome DM',
    );
    expect(welcome.token).toBe('xoxb-acme');
  });

  it('refuses a callback with a forged state and stores nothing', async () => {
    const res = await fetch(`${h.base}/slack/oauth_redirect?code=code-globex&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await h.dutybot.store.kvGet(INSTALLATIONS_NAMESPACE, 'team:-:TGLOBEX')).toBeUndefined();
  });

  it('keeps two installed workspaces apart: tokens, ledgers and reminders', async () => {
    expect((await install(h, 'code-globex')).status).toBe(302);
    for (const who of [acme, globex]) {
      await h.requester.event(appMention(who, '<@UDUTYBOT> help'));
    }
    const assign = await h.requester.command(slashCommand(acme, `assign ${DUTY} <@UACMEOWNER>`, h.api.responseUrl()));
    expect(JSON.stringify(assign.json())).toContain('UACMEOWNER');
    now = new Date('2026-12-01T09:00:00Z');
    const done = await h.requester.command(
      slashCommand({ ...acme, user: 'UACMEOWNER' }, `done ${DUTY} acme only`, h.api.responseUrl()),
    );
    expect((done.json() as { response_type: string }).response_type).toBe('ephemeral');

    expect(await h.dutybot.store.history('slack:TACME', DUTY, 10)).toHaveLength(1);
    expect(await h.dutybot.store.history('slack:TGLOBEX', DUTY, 10)).toEqual([]);
    // Globex's owner list is untouched by Acme's assignment.
    const globexWs = await h.dutybot.store.getWorkspace('slack:TGLOBEX');
    expect(JSON.stringify(globexWs?.settings.owners)).not.toContain('UACMEOWNER');
    const history = await h.requester.command(slashCommand(globex, `history ${DUTY}`, h.api.responseUrl()));
    expect(JSON.stringify(history.json())).not.toContain('acme only');

    // Scheduled posts go out with each workspace's own token, into its own channel.
    await h.dutybot.tick(now);
    const posts = h.api
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'CACME' || c.args.channel === 'CGLOBEX');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.token).toBe(post.args.channel === 'CACME' ? 'xoxb-acme' : 'xoxb-globex');
    }
  });

  it('does nothing for a workspace that never installed (no token, no workspace created)', async () => {
    const stranger: Who = { team: 'TSTRANGER', user: 'USTRANGER', channel: 'CX' };
    const calls = h.api.calls.length;
    const res = await h.requester.command(slashCommand(stranger, 'pending', h.api.responseUrl()));
    // Bolt acknowledges (so Slack does not retry) but no listener runs without an installation.
    expect(res.text).toBe('');
    expect(h.api.calls.length).toBe(calls);
    expect(await h.dutybot.store.getWorkspace('slack:TSTRANGER')).toBeNull();
  });
});
