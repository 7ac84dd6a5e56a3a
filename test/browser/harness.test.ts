import type { Server } from 'node:http';
import express from 'express';
import { html } from 'hono/html';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Page } from '../../adapters/web/layout.js';
import { mountWeb } from '../../adapters/web/mount.js';
import { sendPage } from '../../adapters/web/render.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { DutybotCore } from '../../src/bot/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { collectPageErrors, launchBrowser, newContext, seriousAxeViolations } from '../support/browser.js';

/**
 * The browser harness on the web foundation: the page shell served under the real CSP, with the
 * stylesheet from our own origin, read by Chromium and checked by axe-core.
 */
describe('browser harness', () => {
  let browser: Browser;
  let bot: DutybotCore;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    bot = await createDutybot({ databaseUrl: 'sqlite::memory:', logger: silentLogger });
    const app = express();
    await mountWeb(app, {
      dutybot: bot,
      logger: silentLogger,
      env: {},
      features: [
        (router) => {
          router.get('/shell', (_req, res) =>
            sendPage(
              res,
              Page({
                lang: 'en',
                title: 'Shell <script>alert(1)</script>',
                nav: [{ href: '/shell', label: 'Home', current: true }],
                footer: [{ href: '/privacy', label: 'Privacy' }],
                children: 'Hello <b>there</b>',
              }),
            ),
          );
        },
        // A page that breaks the rules, to prove the check finds what it looks for.
        (router) => {
          router.get('/broken', (_req, res) =>
            sendPage(
              res,
              Page({
                lang: 'en',
                title: 'Broken',
                children: html`<img src="/assets/none.png" /><input type="text" />`,
              }),
            ),
          );
        },
      ],
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await bot?.close();
  });

  it('renders the shell with its stylesheet under the strict CSP, user text as text', async () => {
    const context = await newContext(browser, { baseURL: base });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto('/shell');
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Shell <script>alert(1)</script> · dutybot');
    expect(await page.locator('main').textContent()).toBe('Hello <b>there</b>');
    expect(await page.locator('main b').count()).toBe(0);
    // Pico's classless styles applied: the stylesheet loaded from /assets under the policy.
    const fontFamily = await page.evaluate('getComputedStyle(document.body).fontFamily');
    expect(fontFamily).toMatch(/system-ui|sans-serif/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs axe-core on a served page: the shell has no serious or critical violation', async () => {
    expect(await seriousAxeViolations(browser, `${base}/shell`)).toEqual([]);
    const broken = await seriousAxeViolations(browser, `${base}/broken`);
    expect(broken.map((v) => v.id).sort()).toEqual(['image-alt', 'label']);
  });
});
