import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../adapters/server/start.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Actor, Conversation, DashboardSession, DutybotCore } from '../../src/bot/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import { collectPageErrors, launchBrowser, newContext, seriousAxeViolations } from '../support/browser.js';

/**
 * The compliance lead's scenes in a real browser (Debian's chromium via playwright-core), against
 * the server as `npm start` builds it: sign in with a one-time link, filter the ledger, confirm a
 * duty with evidence, download the auditor pack — under the real CSP, with no script error — and
 * axe-core on every dashboard page: no serious or critical violation.
 */

const PUBLIC_URL = 'https://duty.example.com';
const START = new Date('2026-11-02T08:00:00.000Z');
const admin: Actor = { userId: 'UADMIN', isPlatformAdmin: async () => true };
const A: Conversation = { workspaceId: 'slack:TA', platform: 'slack', channelId: 'CA' };
const d = catalogue('en').dashboard;

describe('dashboard in a browser', () => {
  let bot: DutybotCore;
  let running: Awaited<ReturnType<typeof startServer>>;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let now = START;

  const sessionOf = (): DashboardSession => ({
    workspaceId: A.workspaceId,
    userId: admin.userId,
    isAdmin: true,
    csrfToken: '',
    lang: 'en',
    timezone: 'Europe/Rome',
  });

  beforeAll(async () => {
    browser = await launchBrowser();
    bot = await createDutybot({ databaseUrl: 'sqlite::memory:', clock: () => now, publicUrl: PUBLIC_URL });
    await bot.ensureWorkspace(A, admin.userId);
    running = await startServer(
      { DUTYBOT_PUBLIC_URL: PUBLIC_URL },
      { bot, port: 0, host: '127.0.0.1', scheduler: false, logger: silentLogger },
    );
    base = `http://127.0.0.1:${running.port}`;
    // Two weeks later: daily and weekly duties have open occurrences; two people confirmed some.
    now = new Date('2026-11-16T10:00:00.000Z');
    const period = await bot.dashboard.period(sessionOf(), {});
    const open = period.services
      .flatMap((s) => s.rows)
      .filter((r) => r.occurrence.state === 'due' || r.occurrence.state === 'overdue');
    for (const [index, row] of open.slice(0, 3).entries()) {
      await bot.store.appendConfirmation({
        workspaceId: A.workspaceId,
        dutyId: row.occurrence.duty.id,
        occurrence: row.occurrence.occurrence,
        status: 'done',
        by: index === 1 ? 'UMARIA' : 'ULUCA',
        at: now,
        note: `checked by hand #${index}`,
        evidenceUrl: null,
        reason: null,
        snoozedUntil: null,
        idempotencyKey: `seed-${index}`,
      });
    }
    context = await newContext(browser, { baseURL: base });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await bot?.close();
  });

  it('signs in with a one-time link and lands on this period', async () => {
    const reply = await bot.handle({ text: 'dashboard', actor: admin, conversation: A });
    if (reply.kind !== 'dashboard' || !reply.url) throw new Error('no sign-in link');
    await page.goto(new URL(reply.url).pathname);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await expect.poll(() => page.locator('h1').textContent()).toBe(d.period.title);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'dutybot_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The link worked once: a second visit is refused.
    const again = await (await browser.newPage()).goto(`${base}${new URL(reply.url).pathname}`);
    expect(again?.status()).toBe(410);
    expect(errors).toEqual([]);
  });

  it('filters the ledger by person', async () => {
    await page.goto('/dashboard/ledger');
    const all = await page.locator('tbody tr').count();
    await page.getByLabel(d.ledger.person).fill('UMARIA');
    await page.getByRole('button', { name: d.period.apply }).click();
    await page.waitForURL(/person=UMARIA/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(all).toBeGreaterThan(1);
    expect(await page.locator('tbody tr').first().textContent()).toContain('@UMARIA');
    expect(await page.getByLabel(d.ledger.person).inputValue()).toBe('UMARIA');
    expect(errors).toEqual([]);
  });

  it('confirms a duty with evidence: the ledger records the note and the link', async () => {
    const period = await bot.dashboard.period(sessionOf(), {});
    const row = period.services
      .flatMap((s) => s.rows)
      .find((r) => r.occurrence.state === 'due' || r.occurrence.state === 'overdue')!;
    const dutyId = row.occurrence.duty.id;
    await page.goto(`/dashboard/duty/${encodeURIComponent(dutyId)}`);
    await page.getByLabel(d.confirm.note).fill('restore tested <b>fine</b>');
    await page.getByLabel(d.confirm.evidence).fill('https://tickets.example.test/OPS-7');
    await page.getByRole('button', { name: d.confirm.done }).click();
    await expect.poll(() => page.locator('[role="status"]').count()).toBeGreaterThan(0);
    const [latest] = (await bot.store.history(A.workspaceId, dutyId, 1)) ?? [];
    expect(latest).toMatchObject({
      occurrence: row.occurrence.occurrence,
      status: 'done',
      by: admin.userId,
      note: 'restore tested <b>fine</b>',
      evidenceUrl: 'https://tickets.example.test/OPS-7',
    });
    expect(errors).toEqual([]);
  });

  it('downloads the auditor pack from the export page', async () => {
    await page.goto('/dashboard/export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: catalogue('en').auditorPack.link }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dutybot-auditor-pack-slack-TA-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const names = Object.keys(files).map((name) => name.slice(name.indexOf('/') + 1));
    expect(names).toEqual(expect.arrayContaining(['README.txt', 'ledger.csv', 'ledger.json', 'verification.json']));
    const csv = new TextDecoder().decode(Object.entries(files).find(([n]) => n.endsWith('/ledger.csv'))![1]);
    expect(csv).toContain('https://tickets.example.test/OPS-7');
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation on any dashboard page', async () => {
    const dutyId = (await bot.dashboard.period(sessionOf(), {})).services[0]!.rows[0]!.occurrence.duty.id;
    const pages: [string, number][] = [
      ['/dashboard', 200],
      [`/dashboard/duty/${encodeURIComponent(dutyId)}`, 200],
      ['/dashboard/ledger', 200],
      ['/dashboard/ledger?person=UMARIA', 200],
      ['/dashboard/settings', 200],
      ['/dashboard/export', 200],
      ['/dashboard/calendar', 200],
      ['/dashboard/duty/no.such.duty', 404],
      ['/dashboard/sign-in', 401],
      ['/dashboard/sign-in/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 410],
    ];
    for (const [path, status] of pages) {
      expect(await seriousAxeViolations(browser, `${base}${path}`, { from: context, status }), path).toEqual([]);
    }
    // Ten pages, each in a fresh context with axe injected: slow on a loaded machine.
  }, 180_000);
});
