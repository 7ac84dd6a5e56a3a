import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../adapters/server/start.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Actor, Conversation, DutybotCore } from '../../src/bot/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { mention } from '../../src/views/mentions.js';
import { TERMINAL_ACTIVE } from '../../src/views/plain-text.js';
import { HOSTILE_EVIDENCE, HOSTILE_STRINGS, hostileLine } from '../support/hostile-strings.js';

/**
 * The dashboard over real HTTP: the express server as `npm start` builds it, a real store, and
 * requests as a browser sends them (cookie, form posts). Every route is exercised without a
 * session, with another workspace's session, without its CSRF token, and with hostile text.
 */

const PUBLIC_URL = 'https://duty.example.com';
const START = new Date('2026-11-02T08:00:00.000Z');
let now = new Date(START);
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

const admin: Actor = { userId: 'UADMIN', isPlatformAdmin: async () => true };
const member: Actor = { userId: 'UMEMBER', isPlatformAdmin: async () => false };
const A: Conversation = { workspaceId: 'slack:TA', platform: 'slack', channelId: 'CA' };
const B: Conversation = { workspaceId: 'slack:TB', platform: 'slack', channelId: 'CB' };
/** A twin of A where the same confirmation is typed in chat, to compare ledger entries. */
const CHAT: Conversation = { workspaceId: 'slack:TCHAT', platform: 'slack', channelId: 'CC' };
const DUTY = 'rocketweb.customer.website-backup';

const GET_ROUTES = [
  '/dashboard',
  `/dashboard/duty/${DUTY}`,
  '/dashboard/ledger',
  '/dashboard/settings',
  '/dashboard/export',
  '/dashboard/export/ledger.csv',
  '/dashboard/export/ledger.json',
];
const POST_ROUTES = [
  `/dashboard/duty/${DUTY}/confirm`,
  '/dashboard/settings',
  '/dashboard/settings/assign',
  '/dashboard/sign-out',
];

interface Browser {
  cookie: string;
  csrf: string;
}

describe('web dashboard over HTTP', () => {
  let dir: string;
  let file: string;
  let bot: DutybotCore;
  let running: Awaited<ReturnType<typeof startServer>>;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutybot-dashboard-'));
    file = join(dir, 'store.sqlite');
    bot = await createDutybot({ databaseUrl: `sqlite:${file}`, clock: () => now, publicUrl: PUBLIC_URL });
    for (const conversation of [A, B, CHAT]) await bot.ensureWorkspace(conversation, admin.userId);
    running = await startServer(
      { DUTYBOT_PUBLIC_URL: PUBLIC_URL },
      { bot, port: 0, host: '127.0.0.1', scheduler: false, logger: silentLogger },
    );
    base = `http://127.0.0.1:${running.port}`;
    // Two weeks later every daily and weekly duty has an open occurrence.
    now = new Date('2026-11-16T10:00:00.000Z');
  });
  afterAll(async () => {
    await running?.stop();
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function linkToken(conversation: Conversation, actor: Actor): Promise<string> {
    const reply = await bot.handle({ text: 'dashboard', actor, conversation });
    if (reply.kind !== 'dashboard' || !reply.url) throw new Error(`no link: ${JSON.stringify(reply)}`);
    expect(reply.url.startsWith(`${PUBLIC_URL}/dashboard/sign-in/`)).toBe(true);
    return reply.url.slice(`${PUBLIC_URL}/dashboard/sign-in/`.length);
  }

  async function signIn(conversation: Conversation, actor: Actor): Promise<Browser> {
    const response = await fetch(`${base}/dashboard/sign-in/${await linkToken(conversation, actor)}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard');
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await get({ cookie, csrf: '' }, '/dashboard');
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    expect(csrf).toMatch(/^[\w-]{40,}$/);
    return { cookie, csrf };
  }

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

  async function currentOccurrence(conversation: Conversation): Promise<string> {
    const session = {
      workspaceId: conversation.workspaceId,
      userId: admin.userId,
      isAdmin: true,
      csrfToken: '',
      lang: 'en' as const,
      timezone: 'Europe/Rome',
    };
    const page = await bot.dashboard.duty(session, DUTY);
    if (!page?.current) throw new Error('duty not scheduled');
    return page.current.occurrence;
  }

  /** A scheduled duty whose current occurrence is open, other than DUTY. */
  async function openDuty(conversation: Conversation): Promise<{ dutyId: string; occurrence: string }> {
    const session = {
      workspaceId: conversation.workspaceId,
      userId: admin.userId,
      isAdmin: true,
      csrfToken: '',
      lang: 'en' as const,
      timezone: 'Europe/Rome',
    };
    const page = await bot.dashboard.period(session, {});
    const row = page.services
      .flatMap((s) => s.rows)
      .find((r) => r.occurrence.duty.id !== DUTY && (r.occurrence.state === 'due' || r.occurrence.state === 'overdue'));
    if (!row) throw new Error('no open duty');
    return { dutyId: row.occurrence.duty.id, occurrence: row.occurrence.occurrence };
  }

  it('hands out links in chat only when configured, never to people of another organisation', async () => {
    const bare = await createDutybot({ databaseUrl: 'sqlite::memory:' });
    try {
      const reply = await bare.handle({ text: 'dashboard', actor: admin, conversation: A });
      expect(reply).toMatchObject({ kind: 'dashboard', url: null });
      expect(reply.kind === 'dashboard' && reply.message).toContain('DUTYBOT_PUBLIC_URL');
    } finally {
      await bare.close();
    }
    const outsider: Actor = { userId: 'UEXT', isExternal: async () => true };
    expect(await bot.handle({ text: 'dashboard', actor: outsider, conversation: A })).toMatchObject({
      kind: 'error',
      code: 'forbidden',
    });
    const italian = await bot.handle({ text: 'cruscotto', actor: member, conversation: A });
    expect(italian).toMatchObject({ kind: 'dashboard', lang: 'it' });
  });

  it('sends every page to the sign-in notice without a session, and refuses every form', async () => {
    for (const path of GET_ROUTES) {
      const response = await get(null, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe('/dashboard/sign-in');
    }
    for (const path of POST_ROUTES) {
      const response = await post(null, path, { _csrf: 'x' });
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe('/dashboard/sign-in');
    }
    const forged = await get({ cookie: 'dutybot_session=not-a-real-session-id-at-all-000000', csrf: '' }, '/dashboard');
    expect(forged.status).toBe(303);
    const notice = await fetch(`${base}/dashboard/sign-in`);
    expect(notice.status).toBe(401);
    expect(await notice.text()).toContain('/duty dashboard');
  });

  it('starts a session once per link, with a cookie the browser keeps to itself', async () => {
    const token = await linkToken(A, member);
    // A link previewer looking at the link does not use it up.
    const preview = await fetch(`${base}/dashboard/sign-in/${token}`, {
      redirect: 'manual',
      headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' },
    });
    expect(preview.status).toBe(200);
    const first = await fetch(`${base}/dashboard/sign-in/${token}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^dutybot_session=[\w-]{40,}; Path=\/dashboard; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
    );
    const again = await fetch(`${base}/dashboard/sign-in/${token}`, { redirect: 'manual' });
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('already been used or has expired');

    const stale = await linkToken(A, member);
    now = later(11);
    const expired = await fetch(`${base}/dashboard/sign-in/${stale}`, { redirect: 'manual' });
    expect(expired.status).toBe(410);
    expect((await fetch(`${base}/dashboard/sign-in/x${stale.slice(1)}`, { redirect: 'manual' })).status).toBe(410);
  });

  it('ends a session on sign-out and after its idle timeout', async () => {
    const browser = await signIn(A, member);
    const out = await post(browser, '/dashboard/sign-out', { _csrf: browser.csrf });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await get(browser, '/dashboard')).status).toBe(303);

    const idle = await signIn(A, member);
    now = later(31);
    expect((await get(idle, '/dashboard')).status).toBe(303);
  });

  it("answers 404 to a session of workspace A asking for B's pages and exports, and shows only A's ledger", async () => {
    await bot.handle({ text: `done ${DUTY} -- only-in-B-note`, actor: admin, conversation: B });
    const browser = await signIn(A, admin);
    for (const path of GET_ROUTES) {
      const response = await get(browser, `${path}?workspace=${encodeURIComponent(B.workspaceId)}`);
      expect(response.status, path).toBe(404);
    }
    const ledger = await (await get(browser, '/dashboard/ledger')).text();
    expect(ledger).not.toContain('only-in-B-note');
    const csv = await (await get(browser, '/dashboard/export/ledger.csv')).text();
    expect(csv).not.toContain('only-in-B-note');
    expect(csv).toContain('workspace.created');
    expect((await get(browser, `/dashboard/duty/no.such.duty`)).status).toBe(404);
  });

  it('refuses every state-changing request without the session CSRF token, writing nothing', async () => {
    const browser = await signIn(A, admin);
    const before = (await bot.store.ledgerHead(A.workspaceId))?.seq;
    const fields = {
      action: 'done',
      occurrence: await currentOccurrence(A),
      key: 'csrf-test-key',
      key2: 'x',
      reminder_time: '07:00',
      key_: 'reminder_time',
      value: '07:00',
      target: 'rocketweb',
      users: 'UX',
    };
    for (const path of POST_ROUTES) {
      const missing = await post(browser, path, fields);
      expect(missing.status, path).toBe(403);
      const wrong = await post(browser, path, { ...fields, _csrf: `${browser.csrf.slice(0, -2)}xx` });
      expect(wrong.status, path).toBe(403);
    }
    expect((await bot.store.ledgerHead(A.workspaceId))?.seq).toBe(before);
    // The session survived the refused sign-out.
    expect((await get(browser, '/dashboard')).status).toBe(200);
  });

  it('records a confirmation from the dashboard exactly as the same one typed in chat', async () => {
    const browser = await signIn(A, admin);
    const occurrence = await currentOccurrence(A);
    expect(await currentOccurrence(CHAT)).toBe(occurrence);
    const evidence = 'https://evidence.example.com/backups/2026-11-16';
    const response = await post(browser, `/dashboard/duty/${DUTY}/confirm`, {
      _csrf: browser.csrf,
      action: 'done',
      occurrence,
      note: 'restored the site on staging',
      evidence,
      key: 'form-key-000001',
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('role="status"');
    // The same form sent again (double click, reload) records nothing more.
    const head = (await bot.store.ledgerHead(A.workspaceId))?.seq;
    await post(browser, `/dashboard/duty/${DUTY}/confirm`, {
      _csrf: browser.csrf,
      action: 'done',
      occurrence,
      note: 'restored the site on staging',
      evidence,
      key: 'form-key-000001',
    });
    expect((await bot.store.ledgerHead(A.workspaceId))?.seq).toBe(head);

    const chat = await bot.handle({
      text: `done ${DUTY} for ${occurrence} -- restored the site on staging ${evidence}`,
      actor: admin,
      conversation: CHAT,
    });
    expect(chat.kind).toBe('confirmed');
    const last = async (workspaceId: string) => {
      const entries = await bot.store.ledgerEntries(workspaceId);
      const entry = entries[entries.length - 1]!;
      return { kind: entry.kind, actor: entry.actor, at: entry.at, payload: entry.payload };
    };
    expect(await last(A.workspaceId)).toEqual(await last(CHAT.workspaceId));
    expect((await last(A.workspaceId)).payload).toMatchObject({
      status: 'done',
      evidenceUrl: evidence,
      by: admin.userId,
    });

    const duty = await (await get(browser, `/dashboard/duty/${DUTY}`)).text();
    expect(duty).toContain(`href="${evidence}" rel="noopener noreferrer"`);
    expect(duty).toContain('restored the site on staging');
  });

  it('applies the chat rules to dashboard forms: a skip needs a reason, members confirm only their duties', async () => {
    const duty = await openDuty(A);
    await bot.handle({ text: `assign ${duty.dutyId} ${mention('USOMEONE')}`, actor: admin, conversation: A });
    const browser = await signIn(A, member);
    const occurrence = duty.occurrence;
    const dutyPage = await (await get(browser, `/dashboard/duty/${duty.dutyId}`)).text();
    expect(dutyPage).toContain('only its owners and the admins confirm it');
    expect(dutyPage).not.toContain('name="action" value="done"');
    const forbidden = await post(browser, `/dashboard/duty/${duty.dutyId}/confirm`, {
      _csrf: browser.csrf,
      action: 'skip',
      occurrence,
      reason: 'not mine',
    });
    expect(forbidden.status).toBe(403);
    const adminBrowser = await signIn(A, admin);
    const other = duty.dutyId;
    const noReason = await post(adminBrowser, `/dashboard/duty/${other}/confirm`, {
      _csrf: adminBrowser.csrf,
      action: 'skip',
      occurrence,
    });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('role="alert"');
  });

  it('lets everyone read the settings and only admins change them, through the settings rules', async () => {
    const memberBrowser = await signIn(A, member);
    const read = await (await get(memberBrowser, '/dashboard/settings')).text();
    expect(read).toContain('reminder_time');
    expect(read).not.toContain('action="/dashboard/settings"');
    const refused = await post(memberBrowser, '/dashboard/settings', {
      _csrf: memberBrowser.csrf,
      key: 'reminder_time',
      value: '07:15',
    });
    expect(refused.status).toBe(403);

    const adminBrowser = await signIn(A, admin);
    const bad = await post(adminBrowser, '/dashboard/settings', {
      _csrf: adminBrowser.csrf,
      key: 'reminder_time',
      value: '25:99',
    });
    expect(bad.status).toBe(422);
    const saved = await post(adminBrowser, '/dashboard/settings', {
      _csrf: adminBrowser.csrf,
      key: 'reminder_time',
      value: '07:15',
    });
    expect(saved.status).toBe(200);
    expect((await bot.store.getWorkspace(A.workspaceId))?.settings.reminder_time).toBe('07:15');
    const entries = await bot.store.ledgerEntries(A.workspaceId);
    expect(entries[entries.length - 1]).toMatchObject({ kind: 'settings.changed', actor: admin.userId });
    const assigned = await post(adminBrowser, '/dashboard/settings/assign', {
      _csrf: adminBrowser.csrf,
      target: 'rocketweb',
      users: '@UOWNER1, UOWNER2',
    });
    expect(assigned.status).toBe(200);
    expect((await bot.store.getWorkspace(A.workspaceId))?.settings.owners.by_service.rocketweb).toEqual([
      'UOWNER1',
      'UOWNER2',
    ]);
  });

  it('exports the complete ledger as the export command does, for admins only', async () => {
    const adminBrowser = await signIn(A, admin);
    for (const format of ['csv', 'json'] as const) {
      const response = await get(adminBrowser, `/dashboard/export/ledger.${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+"$/);
      const chat = await bot.handle({ text: `export ${format}`, actor: admin, conversation: A });
      // Identical but for the instant each file says it was generated at.
      const generated = /"?generated_at"?[:,][^\n]*\n/g;
      expect(chat.kind === 'export' && chat.content.replace(generated, '')).toBe(
        (await response.text()).replace(generated, ''),
      );
    }
    const memberBrowser = await signIn(A, member);
    expect((await get(memberBrowser, '/dashboard/export/ledger.csv')).status).toBe(403);
  });

  it('filters and pages the ledger in SQL, with the chain state and head on every page', async () => {
    for (let i = 0; i < 60; i++) {
      await bot.handle({ text: `settings set reminder_time 08:0${i % 10}`, actor: admin, conversation: A });
    }
    const browser = await signIn(A, member);
    const first = await (await get(browser, '/dashboard/ledger?kind=settings.changed')).text();
    const head = await bot.store.ledgerHead(A.workspaceId);
    expect(first).toContain('Chain verified');
    expect(first).toContain(`Head: entry #${head?.seq}, hash ${head?.hash}`);
    const next = /href="(\/dashboard\/ledger\?kind=settings.changed&amp;before=\d+)" rel="next"/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = await (await get(browser, next!.replace(/&amp;/g, '&'))).text();
    expect(second).toContain(`Head: entry #${head?.seq}`);
    expect(second).not.toContain('workspace.created</td>');
    const byPerson = await (await get(browser, `/dashboard/ledger?person=${admin.userId}&kind=confirmation`)).text();
    expect(byPerson).toContain(DUTY);
    const badDate = await (await get(browser, '/dashboard/ledger?from=yesterday')).text();
    expect(badDate).toContain('role="alert"');
  });

  it('says where the chain is broken when a row was edited behind the ledger', async () => {
    const tampered: Conversation = { workspaceId: 'slack:TTAMPER', platform: 'slack', channelId: 'CT' };
    await bot.ensureWorkspace(tampered, admin.userId);
    await bot.handle({ text: `done ${DUTY} -- honest note`, actor: admin, conversation: tampered });
    const db = new SqliteDatabase(file);
    db.prepare(
      "update audit_log set payload = replace(payload, 'honest', 'forged') where workspace_id = ? and seq = 2",
    ).run(tampered.workspaceId);
    db.close();
    const browser = await signIn(tampered, admin);
    const page = await (await get(browser, '/dashboard/ledger')).text();
    expect(page).toContain('Chain broken at entry #2');
  });

  it('renders hostile notes, reasons and names as inert text on every page', async () => {
    const hostile: Conversation = { workspaceId: 'slack:THOSTILE', platform: 'slack', channelId: 'CH' };
    await bot.ensureWorkspace(hostile, admin.userId);
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)> " onmouseover="alert(3)';
    await bot.handle({
      text: `done ${DUTY} -- ${html} ${hostileLine()} ${HOSTILE_EVIDENCE}`,
      actor: admin,
      conversation: hostile,
    });
    const assigned = await bot.handle({
      text: `assign rocketweb ${mention('U<b>x</b>\u202E')}`,
      actor: admin,
      conversation: hostile,
    });
    expect(assigned.kind).toBe('updated');
    const browser = await signIn(hostile, admin);
    for (const path of ['/dashboard', `/dashboard/duty/${DUTY}`, '/dashboard/ledger', '/dashboard/settings']) {
      const page = await (await get(browser, path)).text();
      expect(page, path).not.toMatch(/<script>alert|<img\b|<b>x<\/b>/);
      // No tag on the page carries an event handler: the injected ones stayed text.
      for (const [tag] of page.matchAll(/<[a-z][^>]*>/gi)) expect(tag, path).not.toMatch(/\son\w+=/i);
      // What the page shows (attribute values, such as a filter's option value, are never shown).
      const shown = page.replace(/<[^>]*>/g, ' ');
      expect(shown.match(TERMINAL_ACTIVE), path).toBeNull();
      expect(page, path).not.toMatch(/[\uFDD0-\uFDEF]/);
      expect(page, path).not.toMatch(/<a [^>]*href="(?!https?:\/\/|\/)/);
      for (const [link] of page.matchAll(/<a [^>]*href="https?:[^>]*>/g))
        expect(link, path).toContain('rel="noopener noreferrer"');
    }
    const ledger = await (await get(browser, '/dashboard/ledger')).text();
    expect(ledger).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(HOSTILE_STRINGS.length).toBeGreaterThan(10);
  });
});
