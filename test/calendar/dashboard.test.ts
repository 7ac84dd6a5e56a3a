import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../adapters/server/start.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Actor, Conversation, DutybotCore } from '../../src/bot/types.js';
import { silentLogger } from '../../src/logging/logger.js';

/**
 * The dashboard's calendar page and auditor pack download over real HTTP, with the dashboard's own
 * sessions and CSRF: who may create, see and revoke which feed, and who may download which pack.
 */

const PUBLIC_URL = 'https://duty.example.com';
const admin: Actor = { userId: 'UADMIN', isPlatformAdmin: async () => true };
const member: Actor = { userId: 'UMEMBER', isPlatformAdmin: async () => false };
const A: Conversation = { workspaceId: 'slack:TA', platform: 'slack', channelId: 'CA' };
const B: Conversation = { workspaceId: 'slack:TB', platform: 'slack', channelId: 'CB' };
const FEED_URL = /https:\/\/duty\.example\.com\/calendar\/([A-Za-z0-9_-]{32})\.ics/;

interface Browser {
  cookie: string;
  csrf: string;
}

describe('dashboard calendar page and auditor pack', () => {
  let bot: DutybotCore;
  let running: Awaited<ReturnType<typeof startServer>>;
  let base: string;

  beforeAll(async () => {
    bot = await createDutybot({ databaseUrl: 'sqlite::memory:', publicUrl: PUBLIC_URL, logger: silentLogger });
    for (const conversation of [A, B]) await bot.ensureWorkspace(conversation, admin.userId);
    running = await startServer(
      { DUTYBOT_PUBLIC_URL: PUBLIC_URL },
      { bot, port: 0, host: '127.0.0.1', scheduler: false, logger: silentLogger },
    );
    base = `http://127.0.0.1:${running.port}`;
  });
  afterAll(async () => {
    await running?.stop();
    await bot?.close();
  });

  function get(browser: Browser | null, path: string): Promise<Response> {
    return fetch(`${base}${path}`, { redirect: 'manual', headers: browser ? { cookie: browser.cookie } : {} });
  }

  function post(browser: Browser | null, path: string, fields: Record<string, string>): Promise<Response> {
    return fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(browser ? { cookie: browser.cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async function signIn(conversation: Conversation, actor: Actor): Promise<Browser> {
    const reply = await bot.handle({ text: 'dashboard', actor, conversation });
    if (reply.kind !== 'dashboard' || !reply.url) throw new Error(`no link: ${JSON.stringify(reply)}`);
    const response = await fetch(`${base}${new URL(reply.url).pathname}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await get({ cookie, csrf: '' }, '/dashboard/calendar');
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    expect(csrf).not.toBe('');
    return { cookie, csrf };
  }

  async function create(
    browser: Browser,
    scope: 'me' | 'workspace',
  ): Promise<{ status: number; token: string | null }> {
    const response = await post(browser, '/dashboard/calendar', { _csrf: browser.csrf, scope });
    const html = await response.text();
    return { status: response.status, token: FEED_URL.exec(html)?.[1] ?? null };
  }

  const feedIds = async (workspaceId: string) => (await bot.calendarTokens(workspaceId)).map((t) => t.id);

  it('sends both pages to the sign-in notice without a session, and refuses forms without CSRF', async () => {
    for (const path of ['/dashboard/calendar', '/dashboard/export/auditor-pack.zip']) {
      const response = await get(null, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location')).toBe('/dashboard/sign-in');
    }
    for (const path of ['/dashboard/calendar', '/dashboard/calendar/revoke']) {
      const response = await post(null, path, { scope: 'me', id: 'x' });
      expect(response.status, path).toBe(303);
    }
    const browser = await signIn(A, admin);
    const before = (await bot.calendarTokens(A.workspaceId)).length;
    expect((await post(browser, '/dashboard/calendar', { scope: 'me' })).status).toBe(403);
    expect((await post(browser, '/dashboard/calendar', { scope: 'me', _csrf: 'forged' })).status).toBe(403);
    expect(await bot.calendarTokens(A.workspaceId)).toHaveLength(before);
  });

  it('lets a member create and revoke a feed of their own duties, shown once, never a workspace feed', async () => {
    const browser = await signIn(A, member);
    const mine = await create(browser, 'me');
    expect(mine.status).toBe(201);
    expect(mine.token).not.toBeNull();
    const row = (await bot.calendarTokens(A.workspaceId)).find((t) => t.userId === 'UMEMBER' && !t.revokedAt)!;
    expect(row.createdBy).toBe('UMEMBER');
    // The list names the feed, never its secret again.
    const list = await (await get(browser, '/dashboard/calendar')).text();
    expect(list).toContain(row.id);
    expect(list).not.toContain(mine.token);
    expect((await fetch(`${base}/calendar/${mine.token}.ics`)).status).toBe(200);

    const refused = await create(browser, 'workspace');
    expect(refused.status).toBe(403);
    expect(refused.token).toBeNull();
    expect((await bot.calendarTokens(A.workspaceId)).some((t) => t.userId === null)).toBe(false);

    const revoked = await post(browser, '/dashboard/calendar/revoke', { _csrf: browser.csrf, id: row.id });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain(`Feed ${row.id} revoked`);
    expect((await fetch(`${base}/calendar/${mine.token}.ics`)).status).toBe(404);
  });

  it("lets an admin manage every feed of the workspace, but a member never sees or revokes another's", async () => {
    const adminBrowser = await signIn(A, admin);
    const everyone = await create(adminBrowser, 'workspace');
    expect(everyone.status).toBe(201);
    const workspaceFeed = (await bot.calendarTokens(A.workspaceId)).find((t) => t.userId === null)!;

    const memberBrowser = await signIn(A, member);
    expect(await (await get(memberBrowser, '/dashboard/calendar')).text()).not.toContain(workspaceFeed.id);
    const stolen = await post(memberBrowser, '/dashboard/calendar/revoke', {
      _csrf: memberBrowser.csrf,
      id: workspaceFeed.id,
    });
    expect(stolen.status).toBe(404);
    expect((await fetch(`${base}/calendar/${everyone.token}.ics`)).status).toBe(200);

    // Workspace B's admin: A's feeds are neither listed nor revocable from there.
    const other = await signIn(B, admin);
    expect(await (await get(other, '/dashboard/calendar')).text()).not.toContain(workspaceFeed.id);
    expect((await post(other, '/dashboard/calendar/revoke', { _csrf: other.csrf, id: workspaceFeed.id })).status).toBe(
      404,
    );
    expect((await get(other, `/dashboard/calendar?workspace=${encodeURIComponent(A.workspaceId)}`)).status).toBe(404);
    expect(await feedIds(A.workspaceId)).toContain(workspaceFeed.id);

    const revoked = await post(adminBrowser, '/dashboard/calendar/revoke', {
      _csrf: adminBrowser.csrf,
      id: workspaceFeed.id,
    });
    expect(revoked.status).toBe(200);
    expect((await fetch(`${base}/calendar/${everyone.token}.ics`)).status).toBe(404);
  });

  it("gives the auditor pack to admins of the session's workspace only", async () => {
    const memberBrowser = await signIn(A, member);
    expect((await get(memberBrowser, '/dashboard/export/auditor-pack.zip')).status).toBe(403);
    const exportPage = await (await get(memberBrowser, '/dashboard/export')).text();
    expect(exportPage).not.toContain('/dashboard/export/auditor-pack.zip');

    const adminBrowser = await signIn(A, admin);
    expect(await (await get(adminBrowser, '/dashboard/export')).text()).toContain('/dashboard/export/auditor-pack.zip');
    const response = await get(adminBrowser, '/dashboard/export/auditor-pack.zip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dutybot-auditor-pack-slack-TA-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const readme = Object.entries(files).find(([name]) => name.endsWith('/README.txt'))?.[1];
    expect(new TextDecoder().decode(readme)).toContain(`Workspace: ${A.workspaceId}\n`);

    const other = await signIn(B, admin);
    const theirs = await get(other, '/dashboard/export/auditor-pack.zip');
    const theirFiles = unzipSync(new Uint8Array(await theirs.arrayBuffer()));
    const theirReadme = Object.entries(theirFiles).find(([name]) => name.endsWith('/README.txt'))?.[1];
    expect(new TextDecoder().decode(theirReadme)).toContain(`Workspace: ${B.workspaceId}\n`);
    const named = `/dashboard/export/auditor-pack.zip?workspace=${encodeURIComponent(A.workspaceId)}`;
    expect((await get(other, named)).status).toBe(404);
  });
});
