import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ID, personalMessage, startTeamsHarness, type TeamsHarness } from './harness.js';

/** Authentication is ON: only tokens from the (local) Bot Framework issuer for this app get in. */
describe('Teams /api/messages authentication', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /**
   * botframework-connector prints why it rejected a token (the issuer's keys, jsonwebtoken's stack)
   * with console.error itself, outside any logger we could hand it: keep the failures these tests
   * provoke on purpose out of the run's output, and check the library said why.
   */
  const libraryConsole = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

  const rejected = async (authorization: string | null) => {
    h.connector.reset();
    const activity = personalMessage(h.connector.serviceUrl, 'pending');
    const response = await h.post(activity, authorization);
    expect(response.status).toBe(401);
    expect(response.contentType).toMatch(/application\/json/);
    expect(response.body).toEqual({ error: 'unauthorized', message: 'missing or invalid Bot Framework token' });
    // No effect: nothing was sent, no workspace was created, the activity id was not consumed.
    expect(h.connector.calls).toEqual([]);
    const conversation = activity.conversation as { id: string; tenantId: string };
    expect(await h.bot.store.getWorkspace(`teams:${conversation.tenantId}:${conversation.id}`)).toBeNull();
    expect(await h.bot.firstSeen(`teams:${activity.id as string}`)).toBe(true);
  };

  it('rejects a request without an Authorization header', async () => {
    await rejected(null);
  });

  it('rejects a garbage token', async () => {
    await rejected('Bearer not.a.jwt');
  });

  it('rejects a token for another app (wrong audience)', async () => {
    await rejected(`Bearer ${h.openId.token({ audience: 'another-app', serviceUrl: h.connector.serviceUrl })}`);
  });

  it('rejects a token signed with a key the issuer does not publish (botbuilder alone answers 500)', async () => {
    const said = libraryConsole();
    await rejected(
      `Bearer ${h.openId.tokenSignedWithWrongKey({ audience: APP_ID, serviceUrl: h.connector.serviceUrl })}`,
    );
    expect(said).toHaveBeenCalled();
  });

  it('rejects a token minted for a different serviceUrl', async () => {
    await rejected(`Bearer ${h.openId.token({ audience: APP_ID, serviceUrl: 'http://127.0.0.1:9/' })}`);
  });

  it('rejects an expired token', async () => {
    const said = libraryConsole();
    await rejected(
      `Bearer ${h.openId.token({ audience: APP_ID, serviceUrl: h.connector.serviceUrl, expiresInSeconds: -600 })}`,
    );
    expect(said).toHaveBeenCalled();
  });

  it('accepts a valid token and answers', async () => {
    h.connector.reset();
    const response = await h.post(personalMessage(h.connector.serviceUrl, 'help'));
    expect(response.status).toBe(200);
    expect(h.connector.messages().length).toBeGreaterThan(0);
  });

  it('answers malformed requests with JSON errors, never an HTML page', async () => {
    const raw = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: h.validToken() },
      body: '{"type": "message",',
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toMatch(/application\/json/);
    expect(await raw.json()).toMatchObject({ error: 'bad_request' });

    const untyped = personalMessage(h.connector.serviceUrl, 'hi');
    delete untyped.type;
    const response = await h.post(untyped);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad_request', message: 'the activity has no type' });

    // Authenticated, but not from Teams (no tenant): refused cleanly, nothing sent.
    h.connector.reset();
    const foreign = personalMessage(h.connector.serviceUrl, 'pending');
    foreign.channelData = {};
    foreign.conversation = { id: 'webchat-1' };
    const refused = await h.post(foreign);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: 'bad_request', message: 'dutybot serves Microsoft Teams activities only' });
    expect(h.connector.messages()).toEqual([]);
  });
});
