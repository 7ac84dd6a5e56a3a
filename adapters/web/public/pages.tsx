import type { Child } from 'hono/jsx';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { PUBLIC_PATHS, type PublicPage } from '../../../src/views/public-links.js';
import type { Lang } from '../../../src/views/types.js';
import type { WebOffers } from '../context.js';
import { Page } from '../layout.js';
import { PAGE_LANGUAGES } from './language.js';
import { isEmailAddress, type OperatorFacts } from './operator.js';

/**
 * The public pages: what dutybot is, what to do after installing it, the privacy policy, the
 * terms and support. Every sentence comes from the catalogue's `publicPages` section; the
 * operator's facts (from the environment) are passed in and rendered as escaped text.
 */

export interface PublicPageProps {
  lang: Lang;
  operator: OperatorFacts;
  offers: WebOffers;
}

/** A link to a public page that keeps the language the visitor is reading. */
function href(page: PublicPage, lang: Lang): string {
  return `${PUBLIC_PATHS[page]}?lang=${lang}`;
}

/** The shell every public page shares: navigation, the operator line, footer links, the language switch. */
function PublicShell(props: {
  page: PublicPage;
  title: string;
  lang: Lang;
  operator: string | undefined;
  children?: Child;
}) {
  const text = catalogue(props.lang).publicPages;
  const nav = (['landing', 'privacy', 'terms', 'support'] as const).map((page) => ({
    href: href(page, props.lang),
    label: text.nav[page],
    current: page === props.page,
  }));
  const otherLanguages = PAGE_LANGUAGES.filter((lang) => lang !== props.lang).map((lang) => ({
    href: `${PUBLIC_PATHS[props.page]}?lang=${lang}`,
    label: catalogue(lang).publicPages.languageName,
    lang,
  }));
  const footer = [
    ...(['privacy', 'terms', 'support'] as const).map((page) => ({
      href: href(page, props.lang),
      label: text.nav[page],
    })),
    ...otherLanguages,
  ];
  return (
    <Page lang={props.lang} title={props.title} nav={nav} footer={footer}>
      {props.children}
      {props.operator ? (
        <p>
          <small>{text.operatedBy(props.operator)}</small>
        </p>
      ) : null}
    </Page>
  );
}

/** The operator's contact: a mail link when it is an address, plain text otherwise, or what to do without one. */
function Contact(props: { lang: Lang; contact: string | undefined }) {
  const text = catalogue(props.lang).publicPages;
  if (!props.contact) return <p>{text.noContact}</p>;
  return (
    <p>
      {`${text.contactLabel}: `}
      {isEmailAddress(props.contact) ? <a href={`mailto:${props.contact}`}>{props.contact}</a> : props.contact}
    </p>
  );
}

function List(props: { items: readonly string[] }) {
  return (
    <ul>
      {props.items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}

/** A titled section holding one list: the shape most of these pages are made of. */
function ListSection(props: { id: string; heading: string; items: readonly string[] }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <List items={props.items} />
    </section>
  );
}

export function LandingPage(props: PublicPageProps) {
  const text = catalogue(props.lang).publicPages.landing;
  const { slackInstallPath, teams } = props.offers;
  return (
    <PublicShell page="landing" title={text.title} lang={props.lang} operator={props.operator.name}>
      <hgroup>
        <h1>{text.title}</h1>
        <p>{text.lead}</p>
      </hgroup>
      <ListSection id="what" heading={text.whatHeading} items={text.what} />
      <ListSection id="depends" heading={text.dependsHeading} items={[...text.depends, text.languages]} />
      <ListSection id="slack" heading={text.slackHeading} items={text.slack} />
      <ListSection id="teams" heading={text.teamsHeading} items={text.teams} />
      <section aria-labelledby="install">
        <h2 id="install">{text.installHeading}</h2>
        {slackInstallPath ? (
          <p>
            <a href={slackInstallPath}>{text.installSlack}</a> <small>{text.installSlackNote}</small>
          </p>
        ) : null}
        {teams ? (
          <>
            <p>{text.installTeams}</p>
            <p>{text.installTeamsAsk}</p>
            <Contact lang={props.lang} contact={props.operator.contactEmail} />
          </>
        ) : null}
        {!slackInstallPath && !teams ? (
          <>
            <p>{text.noInstall}</p>
            <Contact lang={props.lang} contact={props.operator.contactEmail} />
          </>
        ) : null}
      </section>
    </PublicShell>
  );
}

/** Slack ids as the OAuth redirect passes them; anything else is ignored, never echoed into a link. */
const SLACK_ID = /^[A-Z0-9]{2,32}$/;

export function InstalledPage(props: PublicPageProps & { slackTeam?: unknown; slackApp?: unknown }) {
  const text = catalogue(props.lang).publicPages.installed;
  const team = typeof props.slackTeam === 'string' && SLACK_ID.test(props.slackTeam) ? props.slackTeam : null;
  const app = typeof props.slackApp === 'string' && SLACK_ID.test(props.slackApp) ? props.slackApp : null;
  return (
    <PublicShell page="installed" title={text.title} lang={props.lang} operator={props.operator.name}>
      <h1>{text.title}</h1>
      <p>{text.lead}</p>
      <ol>
        {text.steps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>{text.commandNote}</p>
      {team && app ? (
        <p>
          <a href={`slack://app?team=${team}&id=${app}`}>{text.openSlack}</a>
        </p>
      ) : null}
    </PublicShell>
  );
}

export function PrivacyPage(props: PublicPageProps) {
  const text = catalogue(props.lang).publicPages.privacy;
  const { operator } = props;
  return (
    <PublicShell page="privacy" title={text.title} lang={props.lang} operator={props.operator.name}>
      <h1>{text.title}</h1>
      <p>{operator.name ? text.controller(operator.name) : text.controllerUnnamed}</p>
      <p>{operator.dataLocation ? text.dataLocation(operator.dataLocation) : text.dataLocationUnknown}</p>
      <ListSection id="stored" heading={text.storedHeading} items={text.stored} />
      <ListSection id="received" heading={text.receivedHeading} items={text.received} />
      <section aria-labelledby="llm">
        <h2 id="llm">{text.llmHeading}</h2>
        <p>{props.offers.languageModelHost ? text.llmOn(props.offers.languageModelHost) : text.llmOff}</p>
        <p>{text.llmOptOut}</p>
      </section>
      <section aria-labelledby="retention">
        <h2 id="retention">{text.retentionHeading}</h2>
        <List
          items={[
            text.retentionInstalled,
            text.retentionUninstall(operator.retentionDays),
            text.retentionTombstone,
            text.retentionLogs,
          ]}
        />
      </section>
      <section aria-labelledby="rights">
        <h2 id="rights">{text.rightsHeading}</h2>
        <List items={text.rights} />
        <Contact lang={props.lang} contact={operator.contactEmail} />
      </section>
      <ListSection id="security" heading={text.securityHeading} items={text.security} />
    </PublicShell>
  );
}

export function TermsPage(props: PublicPageProps) {
  const text = catalogue(props.lang).publicPages.terms;
  return (
    <PublicShell page="terms" title={text.title} lang={props.lang} operator={props.operator.name}>
      <h1>{text.title}</h1>
      <ol>
        <li>{props.operator.name ? text.provider(props.operator.name) : text.providerUnnamed}</li>
        {text.items.map((item) => (
          <li>{item}</li>
        ))}
      </ol>
      <Contact lang={props.lang} contact={props.operator.contactEmail} />
    </PublicShell>
  );
}

export function SupportPage(props: PublicPageProps) {
  const text = catalogue(props.lang).publicPages.support;
  return (
    <PublicShell page="support" title={text.title} lang={props.lang} operator={props.operator.name}>
      <h1>{text.title}</h1>
      <p>{text.lead}</p>
      <Contact lang={props.lang} contact={props.operator.contactEmail} />
      <p>{text.include}</p>
      <p>{text.inChat}</p>
      <section aria-labelledby="faq">
        <h2 id="faq">{text.faqHeading}</h2>
        {text.faq.map((entry) => (
          <details>
            <summary>{entry.question}</summary>
            <p>{entry.answer}</p>
          </details>
        ))}
      </section>
    </PublicShell>
  );
}
