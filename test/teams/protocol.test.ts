import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { personalMessage, startTeamsHarness, type TeamsHarness } from './harness.js';

/**
 * Issue 10, "Protocol edges" on Teams: the token is checked before the body is read, so an
 * unauthenticated caller learns nothing from how its body is parsed; error bodies are fixed strings.
 */
describe('Teams /api/messages: authentication comes before parsing', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const UNAUTHORIZED = { error: 'unauthorized', message: 'missing or invalid Bot Framework token' };

  async function raw(body: string, authorization: string | null, contentType = 'application/json') {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (authorization !== null) headers.authorization = authorization;
    const response = await fetch(h.url, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, text, contentType: response.headers.get('content-type') };
  }

  it('answers 401, whatever the body, to a request without a valid token', async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const untyped = personalMessage(h.connector.serviceUrl, 'pending');
    delete untyped.type;
    for (const authorization of [null, 'Bearer not.a.jwt']) {
      for (const body of ['{"type": "message",', JSON.stringify(untyped), 'null', '[]', '"text"']) {
        const res = await raw(body, authorization);
        expect(res.status, `${authorization} ${body}`).toBe(401);
        expect(JSON.parse(res.text)).toEqual(UNAUTHORIZED);
      }
      // Not even the body's size is looked at before the token.
      const big = await raw(`{"text":"${'x'.repeat(600_000)}"}`, authorization);
      expect(big.status).toBe(401);
    }
    said.mockRestore();
    expect(h.connector.calls).toEqual([]);
  });

  it('answers an authenticated but malformed request with fixed strings, never the parser’s words', async () => {
    const broken = await raw('{"type": "message",', h.validToken());
    expect(broken.status).toBe(400);
    expect(broken.contentType).toMatch(/application\/json/);
    expect(JSON.parse(broken.text)).toEqual({ error: 'bad_request', message: 'the body must be a JSON activity' });
    expect(broken.text).not.toMatch(/Unexpected|JSON at position|position \d/);

    const big = await raw(`{"text":"${'x'.repeat(600_000)}"}`, h.validToken());
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text)).toEqual({ error: 'bad_request', message: 'the body is too large' });
    expect(big.text).not.toMatch(/\d{6}/);
  });
});
