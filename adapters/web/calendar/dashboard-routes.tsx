import express, { type Request, type Response, type Router } from 'express';
import type { CalendarTokenRow, DashboardSession } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { absoluteUrl, calendarFeedPath, DASHBOARD_PATHS } from '../../../src/views/dashboard-links.js';
import type { WebContext } from '../context.js';
import { Notice, notFound } from '../dashboard/notices.js';
import { CsrfField, DashboardPage, type FormResult, ResultNotice, typedText, userLabel } from '../dashboard/parts.js';
import { requireSession, verifyCsrf } from '../dashboard/session.js';
import { sendPage } from '../render.js';

/**
 * The calendar and auditor-pack parts of the dashboard: `/dashboard/calendar` lists a workspace's
 * feeds, creates one (a member: of their own duties; an admin: of every duty too) and revokes one
 * (a member: their own; an admin: any of the workspace); `/dashboard/export/auditor-pack.zip` is
 * the auditor pack, for admins. Sessions and CSRF are the dashboard's (requireSession, verifyCsrf);
 * a session only ever sees and touches its own workspace's feeds.
 */

interface CalendarPageProps {
  session: DashboardSession;
  tokens: readonly CalendarTokenRow[];
  /** The address of a feed created by this request: shown once, never again. */
  createdUrl?: string | null;
  result?: FormResult | null;
}

function when(date: Date, session: DashboardSession): string {
  return new Intl.DateTimeFormat(catalogue(session.lang).locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: session.timezone,
  }).format(date);
}

export function CalendarView(props: CalendarPageProps) {
  const { session, tokens } = props;
  const c = catalogue(session.lang).calendar.page;
  return (
    <DashboardPage session={session} section="calendar" title={c.title}>
      <h1>{c.title}</h1>
      <ResultNotice result={props.result ?? null} />
      {props.createdUrl ? (
        <article role="status">
          <label for="created-feed">{c.created}</label>
          <input id="created-feed" type="text" readonly value={props.createdUrl} />
        </article>
      ) : null}
      <p>{c.intro}</p>
      <form method="post" action={DASHBOARD_PATHS.calendar}>
        <CsrfField session={session} />
        <fieldset>
          <button type="submit" name="scope" value="me">
            {c.createMine}
          </button>
          {session.isAdmin ? (
            <button type="submit" name="scope" value="workspace" class="secondary">
              {c.createWorkspace}
            </button>
          ) : null}
        </fieldset>
      </form>
      {tokens.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{c.id}</th>
              <th scope="col">{c.person}</th>
              <th scope="col">{c.createdAt}</th>
              <th scope="col">{c.createdBy}</th>
              <th scope="col">{c.state}</th>
              <th scope="col">{c.revoke}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr>
                <td>
                  <code>{token.id}</code>
                </td>
                <td>{token.userId === null ? c.everyone : userLabel(token.userId)}</td>
                <td>{when(token.createdAt, session)}</td>
                <td>{userLabel(token.createdBy)}</td>
                <td>{token.revokedAt ? c.revokedAt(when(token.revokedAt, session)) : c.live}</td>
                <td>
                  {token.revokedAt === null && mayRevoke(session, token) ? (
                    <form method="post" action={`${DASHBOARD_PATHS.calendar}/revoke`}>
                      <CsrfField session={session} />
                      <input type="hidden" name="id" value={token.id} />
                      <button type="submit" class="secondary" aria-label={c.revokeLabel(token.id)}>
                        {c.revoke}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DashboardPage>
  );
}

/** Admins see every feed of the workspace; members see (and revoke) their own. */
function visibleTo(session: DashboardSession, token: CalendarTokenRow): boolean {
  return session.isAdmin || token.userId === session.userId || token.createdBy === session.userId;
}

function mayRevoke(session: DashboardSession, token: CalendarTokenRow): boolean {
  return visibleTo(session, token);
}

function field(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A web feature (see mount.ts): the dashboard's calendar page and the auditor pack download. */
export function calendarDashboardFeature(router: Router, context: WebContext): void {
  // Like the dashboard itself: served where sign-in links can point (DUTYBOT_PUBLIC_URL).
  if (!context.publicUrl) return;
  const { dutybot } = context;
  const session = requireSession(context);
  const csrf = verifyCsrf();
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const local = (res: Response): DashboardSession => res.locals.session;
  const tokensOf = async (me: DashboardSession) =>
    (await dutybot.calendarTokens(me.workspaceId)).filter((token) => visibleTo(me, token));

  router.get(DASHBOARD_PATHS.auditorPack, session, async (_req, res) => {
    const me = local(res);
    const a = catalogue(me.lang).auditorPack;
    if (!me.isAdmin) {
      await sendPage(res, <Notice lang={me.lang} title={a.link} text={a.adminsOnly} status="error" />, 403);
      return;
    }
    const pack = await dutybot.auditorPack(me.workspaceId);
    if (!pack) return notFound(res, me.lang);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${pack.filename.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(Buffer.from(pack.content));
  });

  router.get(DASHBOARD_PATHS.calendar, session, async (_req, res) => {
    const me = local(res);
    await sendPage(res, <CalendarView session={me} tokens={await tokensOf(me)} />);
  });

  router.post(DASHBOARD_PATHS.calendar, session, form, csrf, async (req, res) => {
    const me = local(res);
    const c = catalogue(me.lang).calendar.page;
    const scope = field(req, 'scope');
    if (scope === 'workspace' && !me.isAdmin) {
      const result = { ok: false, message: c.adminsOnly };
      await sendPage(res, <CalendarView session={me} tokens={await tokensOf(me)} result={result} />, 403);
      return;
    }
    const issued = await dutybot.createCalendarToken({
      workspaceId: me.workspaceId,
      userId: scope === 'workspace' ? null : me.userId,
      createdBy: me.userId,
    });
    if (!issued) return notFound(res, me.lang);
    const path = calendarFeedPath(issued.token);
    const createdUrl = absoluteUrl(context.publicUrl, path) ?? path;
    await sendPage(res, <CalendarView session={me} tokens={await tokensOf(me)} createdUrl={createdUrl} />, 201);
  });

  router.post(`${DASHBOARD_PATHS.calendar}/revoke`, session, form, csrf, async (req, res) => {
    const me = local(res);
    const c = catalogue(me.lang).calendar.page;
    const id = field(req, 'id') ?? '';
    const target = (await tokensOf(me)).find((token) => token.id === id && token.revokedAt === null);
    // Scoped twice: only a feed this session may see, and only in its own workspace.
    const revoked = target ? await dutybot.revokeCalendarToken(target.id, me.workspaceId) : false;
    const result = { ok: revoked, message: revoked ? c.revoked(id) : c.notRevoked(typedText(id)) };
    await sendPage(res, <CalendarView session={me} tokens={await tokensOf(me)} result={result} />, revoked ? 200 : 404);
  });
}
