import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../adapters/server/start.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import { silentLogger } from '../../src/logging/logger.js';
import { PUBLIC_PATHS, type PublicPage } from '../../src/views/public-links.js';
import { launchBrowser } from '../support/browser.js';

/**
 * The public pages in a real browser (Debian's chromium, driven by playwright-core): axe finds no
 * accessibility violation in either language, and under the real Content-Security-Policy the
 * stylesheet applies and nothing is refused — the pages need nothing the policy forbids.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
const PAGES = Object.keys(PUBLIC_PATHS) as PublicPage[];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

describe('public pages in a browser', () => {
  let browser: Browser;
  let base: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const bot = await createDutybot({ databaseUrl: 'sqlite::memory:' });
    const running = await startServer(
      { DUTYBOT_OPERATOR_NAME: 'Example <Hosting>', DUTYBOT_CONTACT_EMAIL: 'help@example.com' },
      { bot, port: 0, host: '127.0.0.1', scheduler: false, logger: silentLogger },
    );
    base = `http://127.0.0.1:${running.port}`;
    stop = async () => {
      await running.bot.close();
      await running.stop();
    };
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  it('has no axe violations on any public page, in English and Italian', async () => {
    // bypassCSP only so axe's own script can be injected; the next test runs under the real policy.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      for (const lang of ['en', 'it']) {
        for (const name of PAGES) {
          await page.goto(`${base}${PUBLIC_PATHS[name]}?lang=${lang}`);
          await page.addScriptTag({ path: AXE_SOURCE });
          // A string, evaluated in the page: the test program has no DOM types of its own.
          const violations = await page.evaluate<AxeViolation[]>(
            `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } }).then((r) => r.violations)`,
          );
          const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
          expect(summary, `${name} ${lang}`).toEqual([]);
        }
      }
      // The same check does catch a violation (so the empty lists above mean something).
      const broken = await page.evaluate<string[]>(
        `document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/assets/none.png">');
         axe.run(document).then((r) => r.violations.map((v) => v.id))`,
      );
      expect(broken).toContain('image-alt');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('loads under the strict policy: the stylesheet applies and the browser refuses nothing', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') refused.push(message.text());
      });
      for (const name of PAGES) {
        const response = await page.goto(`${base}${PUBLIC_PATHS[name]}`);
        expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
        // Pico (served from /assets) sets the root font stack; the browser default is a serif font.
        const font = await page.evaluate<string>('getComputedStyle(document.body).fontFamily');
        expect(font, name).toMatch(/system-ui/);
        expect(await page.locator('main h1').count(), name).toBe(1);
        // The operator's name is shown as text, not parsed as an element.
        expect(await page.locator('main').textContent(), name).toContain('Example <Hosting>');
      }
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
