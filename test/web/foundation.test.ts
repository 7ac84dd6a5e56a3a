import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../adapters/server/start.js';
import { Page } from '../../adapters/web/layout.js';
import { CONTENT_SECURITY_POLICY } from '../../adapters/web/security-headers.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import { silentLogger } from '../../src/logging/logger.js';
import { publicLinks } from '../../src/views/public-links.js';

describe('web foundation', () => {
  let running: Awaited<ReturnType<typeof startServer>>;
  let base: string;

  beforeAll(async () => {
    const bot = await createDutybot({ databaseUrl: 'sqlite::memory:' });
    running = await startServer({}, { bot, port: 0, host: '127.0.0.1', scheduler: false, logger: silentLogger });
    base = `http://127.0.0.1:${running.port}`;
  });
  afterAll(async () => {
    await running.bot.close();
    await running.stop();
  });

  it('serves the stylesheet and htmx from its own origin, under the strict policy', async () => {
    const css = await fetch(`${base}/assets/pico.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await css.text()).length).toBeGreaterThan(10_000);

    const htmx = await fetch(`${base}/assets/htmx.js`);
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain('htmx');
    expect((await fetch(`${base}/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/assets/nothing.js`)).status).toBe(404);
  });

  it('keeps the health check and platform routes reachable', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toEqual({ ok: true, store: 'ok' });
  });

  it('renders text given to the page shell as text, never as markup', async () => {
    const hostile = '<script>alert(1)</script> & "quoted" <@U123>';
    const html = await String(Page({ lang: 'it', title: hostile, children: hostile }));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; ');
    expect(html).toContain('<html lang="it">');
    expect(html).not.toMatch(/style=|<style/);
  });

  it('builds public links under the operator URL, or none without one', () => {
    expect(publicLinks(undefined)).toBeUndefined();
    expect(publicLinks('https://duty.example.com/')).toMatchObject({
      landing: 'https://duty.example.com/',
      privacy: 'https://duty.example.com/privacy',
      support: 'https://duty.example.com/support',
    });
  });
});
