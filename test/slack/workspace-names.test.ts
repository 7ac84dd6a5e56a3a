import { afterEach, describe, expect, it } from 'vitest';
import { workspaceName } from '../../src/bot/workspace-name.js';
import { hostileLine } from '../support/hostile-strings.js';
import { BOT_TOKEN, type SlackHarness, startSlackHarness } from './harness.js';
import { installThroughOAuth } from './oauth-install.js';
import { appMention, type Who } from './payloads.js';

/** Slack workspace names: from the OAuth installation, or from `auth.test` once for a single-token install. */

const who: Who = { team: 'T0001', user: 'U0ADMIN', channel: 'C0HOME' };

function install(h: SlackHarness, code: string): Promise<void> {
  return installThroughOAuth(h.base, code);
}

/** The name is recorded after the request was answered: poll for it. */
async function eventually<T>(probe: () => Promise<T | null | undefined>): Promise<T | null | undefined> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Slack workspace names', () => {
  let h: SlackHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('records the team name of an OAuth installation, as text, and keeps it current on re-install', async () => {
    h = await startSlackHarness({ oauth: true });
    const hostile = hostileLine();
    h.api.grant('code-1', { teamId: 'TACME', teamName: hostile, installerId: 'UACME', botToken: 'xoxb-acme' });
    await install(h, 'code-1');
    expect((await h.dutybot.findWorkspace('slack:TACME'))?.name).toBe(workspaceName(hostile));

    h.api.grant('code-2', { teamId: 'TACME', teamName: 'Acme Renamed', installerId: 'UACME', botToken: 'xoxb-acme' });
    await install(h, 'code-2');
    expect((await h.dutybot.findWorkspace('slack:TACME'))?.name).toBe('Acme Renamed');
    // An OAuth install already named the workspace: its requests never ask auth.test for it.
    const before = h.api.callsTo('auth.test').filter((c) => c.token === 'xoxb-acme').length;
    await h.requester.event(appMention({ team: 'TACME', user: 'UACME', channel: 'CACME' }, '<@UDUTYBOT> help'));
    await h.requester.event(appMention({ team: 'TACME', user: 'UACME', channel: 'CACME' }, '<@UDUTYBOT> help'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.api.callsTo('auth.test').filter((c) => c.token === 'xoxb-acme').length).toBe(before);
  });

  it('asks auth.test once for a single-token install (a call that needs no extra scope)', async () => {
    h = await startSlackHarness();
    const api = h.api;
    api.teamNames.set(BOT_TOKEN, 'Example Ltd');
    const initCalls = api.callsTo('auth.test').length;
    await h.requester.event(appMention(who, '<@UDUTYBOT> help'));
    expect(await eventually(async () => (await h?.dutybot.findWorkspace('slack:T0001'))?.name)).toBe('Example Ltd');
    await h.requester.event(appMention(who, '<@UDUTYBOT> pending'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(api.callsTo('auth.test').length - initCalls).toBe(1);
  });

  it('leaves the name empty when auth.test fails, and answers the request all the same', async () => {
    h = await startSlackHarness();
    const initCalls = h.api.callsTo('auth.test').length;
    h.api.failNext('auth.test', 'invalid_auth');
    const res = await h.requester.event(appMention(who, '<@UDUTYBOT> help'));
    expect(res.status).toBe(200);
    await h.api.waitFor(() => h?.api.callsTo('auth.test').length !== initCalls || undefined, 'auth.test');
    await h.api.waitFor(
      () => h?.api.callsTo('chat.postMessage').find((c) => c.args.channel === who.channel),
      'the help reply',
    );
    expect((await h.dutybot.findWorkspace('slack:T0001'))?.name).toBeNull();
  });
});
