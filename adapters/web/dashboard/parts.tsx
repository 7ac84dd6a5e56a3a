import type { Child } from 'hono/jsx';
import type { DashboardSession } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { formatInstant } from '../../../src/views/labels.js';
import { asText, renderMarked } from '../../../src/views/mentions.js';
import { inertPlain } from '../../../src/views/plain-text.js';
import { Page } from '../layout.js';

/**
 * Pieces every dashboard page shares: the shell (navigation, who is signed in, sign-out), user
 * text made inert, times in the workspace's zone, evidence links.
 */

export type Section = 'period' | 'ledger' | 'settings' | 'export' | 'calendar' | 'duty';

const NAV: { section: Exclude<Section, 'duty'>; href: string }[] = [
  { section: 'period', href: '/dashboard' },
  { section: 'ledger', href: '/dashboard/ledger' },
  { section: 'settings', href: '/dashboard/settings' },
  { section: 'export', href: '/dashboard/export' },
  { section: 'calendar', href: '/dashboard/calendar' },
];

/**
 * Text a person typed (a note, a reason, a user id): HTML escaping is hono/jsx's job; on top of
 * it, the plain-text rule of every surface makes bidi overrides and control characters visible,
 * and mention marks can never appear.
 */
export function typedText(value: string | null | undefined): string {
  return value ? inertPlain(asText(value)) : '';
}

/** A core sentence: mentions as @id, typed spans inert. */
export function sentenceText(sentence: string): string {
  return renderMarked(sentence, { mention: (id) => `@${inertPlain(id)}`, typed: typedText }, inertPlain);
}

export function userLabel(userId: string): string {
  return `@${typedText(userId)}`;
}

export function when(iso: string, session: Pick<DashboardSession, 'timezone' | 'lang'>): string {
  return formatInstant(new Date(iso), session.timezone, session.lang);
}

/** Only http(s) links become links (opened without giving the target our page); anything else is text. */
export function EvidenceLink(props: { url: string | null }) {
  if (!props.url) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(props.url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return <>{typedText(props.url)}</>;
  return (
    <a href={parsed.href} rel="noopener noreferrer" target="_blank">
      {typedText(parsed.host + (parsed.pathname === '/' ? '' : parsed.pathname))}
    </a>
  );
}

/** A table's column headings, each a header cell for its column (screen readers announce it with every cell). */
export function ColumnHeads(props: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {props.labels.map((label) => (
          <th scope="col">{label}</th>
        ))}
      </tr>
    </thead>
  );
}

export function CsrfField(props: { session: DashboardSession }) {
  return <input type="hidden" name="_csrf" value={props.session.csrfToken} />;
}

/** A result of a form, as a notice above the page: errors are announced to screen readers. */
export interface FormResult {
  ok: boolean;
  message: string;
  hint?: string | null;
}

export function ResultNotice(props: { result?: FormResult | null }) {
  if (!props.result) return null;
  return (
    <article role={props.result.ok ? 'status' : 'alert'}>
      <p>
        <strong>{props.result.ok ? '✔ ' : '✖ '}</strong>
        {sentenceText(props.result.message)}
      </p>
      {props.result.hint ? <p>{sentenceText(props.result.hint)}</p> : null}
    </article>
  );
}

export function DashboardPage(props: { session: DashboardSession; section: Section; title: string; children?: Child }) {
  const d = catalogue(props.session.lang).dashboard;
  return (
    <Page
      lang={props.session.lang}
      title={props.title}
      enhance
      nav={NAV.map((item) => ({
        href: item.href,
        label: d.nav[item.section],
        current: item.section === props.section,
      }))}
    >
      <p>
        <small>
          {d.signedInAs(userLabel(props.session.userId), props.session.isAdmin ? d.roleAdmin : d.roleMember)}
        </small>
      </p>
      <form method="post" action="/dashboard/sign-out">
        <CsrfField session={props.session} />
        <button type="submit" class="secondary">
          {d.nav.signOut}
        </button>
      </form>
      <div hx-boost="true">{props.children}</div>
    </Page>
  );
}
