import { expect } from 'vitest';

/**
 * One OAuth install through the real Bolt installer, as a browser does it: `/slack/install` sets the
 * state cookie and sends the admin to Slack's consent page; Slack (the fake API, which knows `code`)
 * sends them back to `/slack/oauth_redirect`. Returns the consent URL and the final response.
 */
export async function oauthInstall(base: string, code: string): Promise<{ consent: URL; done: Response }> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location') as string);
  const state = consent.searchParams.get('state') as string;
  const cookie = (start.headers.get('set-cookie') as string).split(';')[0] as string;
  const done = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  return { consent, done };
}

/** A completed install: the admin lands on the public "you're set" page for that team. */
export async function installThroughOAuth(base: string, code: string, team = 'T\\w+'): Promise<void> {
  const { done } = await oauthInstall(base, code);
  expect(done.status).toBe(302);
  expect(done.headers.get('location')).toMatch(new RegExp(`^/installed\\?team=${team}&app=A\\w+$`));
}
