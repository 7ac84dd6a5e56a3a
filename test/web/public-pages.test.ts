import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../adapters/server/start.js';
import type { WebOffers } from '../../adapters/web/context.js';
import { publicPageLanguage } from '../../adapters/web/public/language.js';
import { operatorFacts } from '../../adapters/web/public/operator.js';
import { InstalledPage, LandingPage, PrivacyPage, TermsPage } from '../../adapters/web/public/pages.js';
import { CONTENT_SECURITY_POLICY } from '../../adapters/web/security-headers.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import { silentLogger } from '../../src/logging/logger.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import { PUBLIC_PATHS, type PublicPage } from '../../src/views/public-links.js';
import type { Lang } from '../../src/views/types.js';

/**
 * The public pages through the real server: served without any session, in the visitor's
 * language, stating the privacy facts the stores ask for with the operator's own values, and
 * rendering those values as text whatever they contain.
 */

const OPERATOR = {
  DUTYBOT_OPERATOR_NAME: 'Example Hosting S.r.l.',
  DUTYBOT_CONTACT_EMAIL: 'privacy@example.com',
  DUTYBOT_DATA_LOCATION: 'Milan, Italy (provider region eu-south-1)',
  DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL: '45',
};

const PAGES = Object.keys(PUBLIC_PATHS) as PublicPage[];

/** The visible text of a page: tags dropped, the entities hono/jsx writes decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

async function serve(env: NodeJS.ProcessEnv) {
  const bot = await createDutybot({ databaseUrl: 'sqlite::memory:' });
  const running = await startServer(env, { bot, port: 0, host: '127.0.0.1', scheduler: false, logger: silentLogger });
  return {
    base: `http://127.0.0.1:${running.port}`,
    async close() {
      await running.bot.close();
      await running.stop();
    },
  };
}

async function render(page: unknown): Promise<string> {
  return String(await (page as Promise<string>));
}

describe('public pages over HTTP', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({ ...OPERATOR });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves every public page without a session or cookie, under the strict policy', async () => {
    for (const page of PAGES) {
      const res = await fetch(`${server.base}${PUBLIC_PATHS[page]}`, { redirect: 'manual' });
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type'), page).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy'), page).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('set-cookie'), page).toBeNull();
      const html = await res.text();
      expect(html, page).toMatch(/^<!doctype html><html lang="en">/);
      expect(html, page).not.toMatch(/<script|style=/);
    }
  });

  it('answers in the language of ?lang, else of Accept-Language, else English', async () => {
    const cases: { query: string; accept?: string; lang: Lang }[] = [
      { query: '', lang: 'en' },
      { query: '?lang=it', lang: 'it' },
      { query: '', accept: 'it-IT,it;q=0.9,en;q=0.8', lang: 'it' },
      { query: '', accept: 'fr-FR, de;q=0.9, it;q=0.5', lang: 'it' },
      { query: '', accept: 'it;q=0, en;q=0.5', lang: 'en' },
      { query: '?lang=en', accept: 'it-IT', lang: 'en' },
      { query: '?lang=xx', accept: 'it', lang: 'it' },
      { query: '', accept: 'de-DE', lang: 'en' },
    ];
    for (const { query, accept, lang } of cases) {
      for (const page of PAGES) {
        const res = await fetch(`${server.base}${PUBLIC_PATHS[page]}${query}`, {
          headers: accept ? { 'accept-language': accept } : {},
        });
        const html = await res.text();
        const label = `${page}${query} ${accept ?? ''}`;
        expect(html, label).toContain(`<html lang="${lang}">`);
        expect(res.headers.get('content-language'), label).toBe(lang);
        expect(res.headers.get('vary'), label).toContain('Accept-Language');
        const title = catalogue(lang).publicPages[page === 'landing' ? 'landing' : page].title;
        expect(visibleText(html), label).toContain(title);
      }
    }
  });

  it('links every page to the others and to the same page in the other language', async () => {
    const html = await (await fetch(`${server.base}${PUBLIC_PATHS.privacy}?lang=it`)).text();
    for (const page of ['privacy', 'terms', 'support'] as const) {
      expect(html).toContain(`href="${PUBLIC_PATHS[page]}?lang=it"`);
    }
    expect(html).toContain('<a href="/privacy?lang=en" hreflang="en" lang="en">English</a>');
    expect(html).toContain('aria-current="page"');
  });

  it('states in the privacy policy what is stored, received, kept and for how long, with the operator facts', async () => {
    for (const lang of ['en', 'it'] as const) {
      const text = visibleText(await (await fetch(`${server.base}${PUBLIC_PATHS.privacy}?lang=${lang}`)).text());
      const policy = catalogue(lang).publicPages.privacy;
      expect(text).toContain(policy.controller(OPERATOR.DUTYBOT_OPERATOR_NAME));
      expect(text).toContain(policy.dataLocation(OPERATOR.DUTYBOT_DATA_LOCATION));
      for (const sentence of [...policy.stored, ...policy.received, ...policy.rights, ...policy.security]) {
        expect(text).toContain(sentence);
      }
      expect(text).toContain(policy.retentionUninstall(45));
      expect(text).toContain(policy.retentionTombstone);
      expect(text).toContain(policy.llmOff);
      expect(text).toContain(policy.llmOptOut);
      expect(text).toContain(OPERATOR.DUTYBOT_CONTACT_EMAIL);
    }
    // The facts themselves, as a reviewer reads them (English).
    const english = visibleText(await (await fetch(`${server.base}${PUBLIC_PATHS.privacy}`)).text());
    for (const fact of [
      /ledger/i,
      /notes? and evidence links?/i,
      /user ids?/i,
      /settings/i,
      /logs/i,
      /45 days/,
      /tombstone/,
      /AES-256-GCM/,
      /settings set llm off/,
      /DUTYBOT_LLM=off/,
      /export csv/,
      /no account is needed/,
    ]) {
      expect(english).toMatch(fact);
    }
    const html = await (await fetch(`${server.base}${PUBLIC_PATHS.privacy}`)).text();
    expect(html).toContain('<a href="mailto:privacy@example.com">privacy@example.com</a>');
  });

  it('names the operator on the terms and the contact on support, where no account is needed', async () => {
    const terms = visibleText(await (await fetch(`${server.base}${PUBLIC_PATHS.terms}`)).text());
    expect(terms).toContain(catalogue('en').publicPages.terms.provider(OPERATOR.DUTYBOT_OPERATOR_NAME));
    for (const item of catalogue('en').publicPages.terms.items) expect(terms).toContain(item);
    const support = await (await fetch(`${server.base}${PUBLIC_PATHS.support}?lang=it`)).text();
    expect(support).toContain('href="mailto:privacy@example.com"');
    expect(visibleText(support)).toContain(catalogue('it').publicPages.support.lead);
    expect(support).not.toMatch(/<form|type="password"/);
  });

  it('lands the Slack installer on the next steps, with an "Open in Slack" link only for well-formed ids', async () => {
    const ok = await (await fetch(`${server.base}${PUBLIC_PATHS.installed}?team=T0ACME&app=A0001`)).text();
    expect(ok).toContain('href="slack://app?team=T0ACME&amp;id=A0001"');
    for (const step of catalogue('en').publicPages.installed.steps) expect(visibleText(ok)).toContain(step);
    const forged = await (
      await fetch(`${server.base}${PUBLIC_PATHS.installed}?team=${encodeURIComponent('"><script>x</script>')}&app=A1`)
    ).text();
    expect(forged).not.toContain('slack://');
    expect(forged).not.toContain('<script>x');
  });
});

describe('operator values are text, whatever they contain', () => {
  const hostile = {
    DUTYBOT_OPERATOR_NAME: '<script>alert("name")</script> & <b>Co</b>',
    DUTYBOT_CONTACT_EMAIL: '"><img src=x onerror=alert(1)>@evil.example',
    DUTYBOT_DATA_LOCATION: '<iframe src="https://evil.example"></iframe> {{DATE(2020)}}',
    DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL: '30<script>',
  };
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(hostile);
  });
  afterAll(async () => {
    await server.close();
  });

  it('escapes hostile names, addresses and places on every page and never links a non-address', async () => {
    for (const page of PAGES) {
      const html = await (await fetch(`${server.base}${PUBLIC_PATHS[page]}`)).text();
      expect(html, page).not.toMatch(/<script|<img|<iframe|<b>|href="mailto:/);
      expect(html, page).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
    }
    const privacy = await (await fetch(`${server.base}${PUBLIC_PATHS.privacy}`)).text();
    expect(visibleText(privacy)).toContain(hostile.DUTYBOT_CONTACT_EMAIL);
    expect(visibleText(privacy)).toContain(hostile.DUTYBOT_DATA_LOCATION);
    // A malformed retention is never printed: the policy states the default the store applies.
    expect(visibleText(privacy)).toContain(catalogue('en').publicPages.privacy.retentionUninstall(30));
  });
});

describe('what the pages offer follows the configuration', () => {
  const facts = operatorFacts({});
  const page = (offers: WebOffers, lang: Lang = 'en') => render(LandingPage({ lang, operator: facts, offers }));

  it('shows the Slack install button only when Slack OAuth is served, the Teams package steps only with Teams', async () => {
    const text = catalogue('en').publicPages.landing;
    const slack = await page({ slackInstallPath: '/slack/install' });
    expect(slack).toContain(`<a href="/slack/install">${text.installSlack}</a>`);
    expect(slack).not.toContain(text.installTeams);
    const teams = visibleText(await page({ teams: true }));
    expect(teams).toContain(text.installTeams);
    expect(teams).not.toContain(text.installSlack);
    const neither = visibleText(await page({}));
    expect(neither).toContain(text.noInstall);
    expect(neither).toContain(catalogue('en').publicPages.noContact);
    // Without DUTYBOT_OPERATOR_NAME no operator line is invented.
    expect(neither).not.toContain(catalogue('en').publicPages.operatedBy('NAME').replace('NAME.', ''));
  });

  it('says what the landing page promises: Slack and Teams use, dependencies, complete languages', async () => {
    for (const lang of ['en', 'it'] as const) {
      const text = catalogue(lang).publicPages.landing;
      const html = visibleText(await page({}, lang));
      for (const sentence of [...text.what, ...text.depends, ...text.slack, ...text.teams, text.languages]) {
        expect(html).toContain(sentence);
      }
    }
  });

  it('names the language model host in the privacy policy when one is configured, and the default retention', async () => {
    const html = visibleText(
      await render(PrivacyPage({ lang: 'it', operator: facts, offers: { languageModelHost: 'api.openai.com' } })),
    );
    expect(html).toContain(catalogue('it').publicPages.privacy.llmOn('api.openai.com'));
    expect(html).toContain(catalogue('it').publicPages.privacy.retentionUninstall(30));
    expect(html).toContain(catalogue('it').publicPages.privacy.dataLocationUnknown);
    // No operator name: the policy and the terms speak of "the organisation that runs this server".
    expect(html).toContain(catalogue('it').publicPages.privacy.controllerUnnamed);
    const terms = visibleText(await render(TermsPage({ lang: 'it', operator: facts, offers: {} })));
    expect(terms).toContain(catalogue('it').publicPages.terms.providerUnnamed);
  });

  it('the server passes its real configuration: Slack OAuth and a model show up on the pages', async () => {
    const server = await serve({
      SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: ['client', 'secret', 'for', 'tests'].join('-'),
      SLACK_STATE_SECRET: 'state-secret-for-tests-0123456789',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      DUTYBOT_LLM_MODEL: 'test-model',
    });
    try {
      const landing = await (await fetch(`${server.base}/`)).text();
      expect(landing).toContain('href="/slack/install"');
      const privacy = visibleText(await (await fetch(`${server.base}/privacy`)).text());
      expect(privacy).toContain(catalogue('en').publicPages.privacy.llmOn('127.0.0.1:9'));
    } finally {
      await server.close();
    }
  });

  it('reads Accept-Language by preference and ignores what it does not know', () => {
    expect(publicPageLanguage(undefined, undefined)).toBe('en');
    expect(publicPageLanguage(['it'], 'en')).toBe('en');
    expect(publicPageLanguage('it', undefined)).toBe('it');
    expect(publicPageLanguage(undefined, 'en;q=0.2, it-CH;q=0.8')).toBe('it');
    expect(publicPageLanguage(undefined, '*, it;q=0.1')).toBe('it');
    expect(publicPageLanguage(undefined, 'garbage;;;q=abc')).toBe('en');
  });

  it('renders the installed page without a Slack link when the redirect carried no ids', async () => {
    const html = await render(InstalledPage({ lang: 'en', operator: facts, offers: {} }));
    expect(html).not.toContain('slack://');
  });
});
