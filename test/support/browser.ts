import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * A real browser for the web tests: Debian's `chromium` driven by playwright-core (which downloads
 * nothing). `.ci/run` installs it with apt-get when it is missing; a machine without it fails
 * here with how to install it — a browser suite that skipped itself would hide broken pages.
 * DUTYBOT_CHROMIUM points at another Chromium build.
 */

export const CHROMIUM_PATH = process.env.DUTYBOT_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's with \`sudo apt-get install -y chromium\` (.ci/run does), or set DUTYBOT_CHROMIUM to a Chromium executable`,
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Containers and CI run as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** A fresh context (own cookies) that accepts downloads, with the page language set. */
export async function newContext(
  browser: Browser,
  options: { baseURL: string; locale?: string },
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: options.baseURL,
    acceptDownloads: true,
    locale: options.locale ?? 'en-GB',
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

function axeScript(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export interface AxeOptions {
  /** A signed-in context whose cookies the check carries. */
  from?: BrowserContext;
  /** The status the page answers with (notices: 401, 404, 410); default 200. */
  status?: number;
}

/**
 * axe-core's violations of impact serious or critical on the page at `url`. The pages' CSP
 * forbids inline scripts, so axe is injected in a separate context with `bypassCSP` (carrying the
 * signed-in cookies of `options.from`): the page under test keeps its real policy everywhere else.
 */
export async function seriousAxeViolations(
  browser: Browser,
  url: string,
  options: AxeOptions = {},
): Promise<AxeViolation[]> {
  const context = await browser.newContext({
    bypassCSP: true,
    ...(options.from ? { storageState: await options.from.storageState() } : {}),
  });
  try {
    const page = await context.newPage();
    const response = await page.goto(url);
    const expected = options.status ?? 200;
    if (response?.status() !== expected) throw new Error(`${url} answered ${response?.status()}, not ${expected}`);
    await page.addScriptTag({ content: axeScript() });
    // A string runs in the page (the tests are compiled without DOM types).
    const violations = (await page.evaluate('axe.run(document).then((result) => result.violations)')) as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  } finally {
    await context.close();
  }
}

/**
 * What went wrong on a page while a scene ran: script errors, CSP violations and other console
 * errors, and failed sub-resources (by URL). The browser's own favicon probe is not the page's.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // A failed load is reported below with its URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400 && path !== '/favicon.ico' && response.request().resourceType() !== 'document')
      errors.push(`${response.status()} ${path}`);
  });
  return errors;
}
