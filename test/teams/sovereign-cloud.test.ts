import { AppCredentials } from 'botframework-connector';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeLogin, startFakeLogin } from '../support/fake-openid.js';
import {
  ANNA,
  APP_ID,
  APP_PASSWORD,
  botAddedToTeam,
  personalMessage,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * With TEAMS_OPENID_METADATA_URL / TEAMS_TOKEN_ISSUER set (sovereign clouds, and this suite's own
 * local issuer), botbuilder takes its parameterized path, where the outgoing login URL and scope
 * default to nothing: every reply failed with MSAL `empty_url_error` and every activity answered
 * 500 (issue 9). Here nothing is injected: botbuilder's own credentials get a token from the fake
 * Entra token service through MSAL, and the reply reaches the connector with that bearer.
 */

describe('Teams with the sovereign-cloud variables set, signing outgoing calls the production way', () => {
  let h: TeamsHarness | undefined;
  let login: FakeLogin | undefined;
  let unroute: (() => void) | undefined;

  afterEach(async () => {
    // botbuilder keeps tokens in a process-wide cache (per app id and scope): each test starts
    // as a fresh process would, with no token yet.
    (AppCredentials as unknown as { cache: Map<string, unknown> }).cache.clear();
    unroute?.();
    await h?.close();
    await login?.close();
    h = undefined;
    login = undefined;
    unroute = undefined;
  });

  const start = async (channelLoginUrl: (login: FakeLogin) => string | null, channelOAuthScope?: string) => {
    // The token the fake Entra issues is the only bearer the fake connector accepts.
    const accessToken = `entra-token-${Date.now()}`;
    login = await startFakeLogin({ accessToken });
    unroute = login.routeHttps();
    h = await startTeamsHarness({
      productionCredentials: {
        channelLoginUrl: channelLoginUrl(login),
        bearer: accessToken,
        ...(channelOAuthScope ? { channelOAuthScope } : {}),
      },
    });
    return { h, login, accessToken };
  };

  it('gets a token from the login URL set in TEAMS_CHANNEL_LOGIN_URL and replies with it', async () => {
    const { h, login, accessToken } = await start((l) => l.loginUrl(TENANT));
    const response = await h.post(personalMessage(h.connector.serviceUrl, 'help', ANNA));
    expect(response.status, h.logs.join('\n')).toBe(200);
    const replies = h.connector.messages();
    expect(replies.length).toBeGreaterThanOrEqual(1); // the welcome, then the answer
    for (const reply of h.connector.calls) expect(reply.authorization).toBe(`Bearer ${accessToken}`);
    expect(JSON.stringify(replies.at(-1)?.body)).toMatch(/pending/);
    // The client credentials grant, for the Bot Framework scope, from this app.
    const [request] = login.tokenRequests;
    expect(request?.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(request?.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(request?.form).toMatchObject({
      grant_type: 'client_credentials',
      client_id: APP_ID,
      client_secret: APP_PASSWORD,
      scope: 'https://api.botframework.com/.default',
    });
  });

  it('uses the public-cloud login and scope when only the inbound variables are set', async () => {
    const { h, login, accessToken } = await start(() => null);
    const response = await h.post(botAddedToTeam(h.connector.serviceUrl));
    expect(response.status, h.logs.join('\n')).toBe(200);
    const welcome = h.connector.messages().at(-1);
    expect(welcome?.authorization).toBe(`Bearer ${accessToken}`);
    // botbuilder asks the public cloud's login host, for the app's own tenant.
    const [request] = login.tokenRequests;
    expect(request?.host).toBe('login.microsoftonline.com');
    expect(request?.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(request?.form.scope).toBe('https://api.botframework.com/.default');
  });

  it('asks for TEAMS_CHANNEL_OAUTH_SCOPE, for replies and for opening a personal chat', async () => {
    const scope = 'https://api.botframework.example';
    const { h, login, accessToken } = await start((l) => l.loginUrl(TENANT), scope);
    expect((await h.post(botAddedToTeam(h.connector.serviceUrl))).status).toBe(200);
    // Proactive: a 1:1 chat opened through createConversation, signed for the same scope.
    const view = { lang: 'en' as const, workspaceId: `teams:${TENANT}:${TEAM}`, lines: ['hello'] };
    await h.messenger.sendToUser(`teams:${TENANT}:${TEAM}`, ANNA.aadObjectId, { kind: 'welcome', view }, 'dm-1');
    expect(h.connector.calls.some((c) => c.path === '/v3/conversations')).toBe(true);
    for (const call of h.connector.calls) expect(call.authorization).toBe(`Bearer ${accessToken}`);
    expect(login.tokenRequests.length).toBeGreaterThan(0);
    for (const request of login.tokenRequests) expect(request.form.scope).toBe(`${scope}/.default`);
  });
});
