import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type { DashboardConfirmInput, DashboardSession, LedgerFilters, PeriodFilters } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import type { Lang, Reply } from '../../../src/views/types.js';
import type { WebContext } from '../context.js';
import { sendPage } from '../render.js';
import { DutyView } from './duty-page.js';
import { LedgerView } from './ledger-page.js';
import { Notice, notFound } from './notices.js';
import type { FormResult } from './parts.js';
import { PeriodView } from './period-page.js';
import {
  clearSessionCookie,
  readCookie,
  requireSession,
  SESSION_COOKIE,
  SIGN_IN_NOTICE,
  sessionCookie,
  verifyCsrf,
} from './session.js';
import { ExportView, SettingsView } from './settings-page.js';

/**
 * The dashboard's routes (URL shapes agreed in the web brief). Served when DUTYBOT_PUBLIC_URL is
 * set, or by `dutybot dashboard` on 127.0.0.1. Pages read through `dutybot.dashboard`; forms
 * change things through the same commands as chat.
 */

/** Link previewers (Slack, Teams, mail scanners) must not use up a one-time link by looking at it. */
const PREVIEWERS = /Slackbot|SkypeUriPreview|Teams|facebookexternalhit|Twitterbot|LinkedInBot|Discordbot|WhatsApp/i;

function query(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function field(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Pages before sign-in speak the browser's language (English unless it prefers Italian). */
function browserLang(req: Request): Lang {
  const asked = query(req, 'lang');
  if (asked === 'it' || asked === 'en') return asked;
  return /^\s*it\b/i.test(req.get('accept-language') ?? '') ? 'it' : 'en';
}

function resultOf(reply: Reply): { result: FormResult; status: number } {
  if (reply.kind === 'error')
    return {
      result: { ok: false, message: reply.message, hint: reply.hint },
      status: reply.code === 'forbidden' ? 403 : 422,
    };
  const message = 'message' in reply ? reply.message : '';
  return { result: { ok: true, message }, status: 200 };
}

const CONFIRM_ACTIONS: Record<string, DashboardConfirmInput['status']> = {
  done: 'done',
  skip: 'skipped',
  snooze: 'snoozed',
};

/** A web feature (see mount.ts): registers the dashboard's routes on the shared router. */
export function dashboardFeature(router: Router, context: WebContext): void {
  if (!context.publicUrl) return;
  const { dutybot, logger } = context;
  const session = requireSession(context);
  const csrf = verifyCsrf();
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const local = (res: Response): DashboardSession => res.locals.session;

  router.get(SIGN_IN_NOTICE, async (req, res) => {
    const lang = browserLang(req);
    const s = catalogue(lang).dashboard.signIn;
    await sendPage(res, <Notice lang={lang} title={s.title} text={s.how} />, 401);
  });

  router.get(`${SIGN_IN_NOTICE}/:token`, async (req, res) => {
    const lang = browserLang(req);
    const s = catalogue(lang).dashboard.signIn;
    if (PREVIEWERS.test(req.get('user-agent') ?? '')) {
      await sendPage(res, <Notice lang={lang} title={s.title} text={s.how} />);
      return;
    }
    const signedIn = await dutybot.dashboard.signIn(req.params.token as string);
    if (!signedIn) {
      await sendPage(res, <Notice lang={lang} title={s.title} text={s.refused} status="error" />, 410);
      return;
    }
    // A session someone else started in this browser ends here: one browser, one signed-in person.
    const previous = readCookie(req, SESSION_COOKIE);
    if (previous) await dutybot.dashboard.signOut(previous);
    res.setHeader('Set-Cookie', sessionCookie(context, signedIn.sessionId));
    res.redirect(303, '/dashboard');
  });

  router.post('/dashboard/sign-out', session, form, csrf, async (req, res) => {
    const id = readCookie(req, SESSION_COOKIE);
    if (id) await dutybot.dashboard.signOut(id);
    res.setHeader('Set-Cookie', clearSessionCookie(context));
    const lang = local(res).lang;
    const s = catalogue(lang).dashboard.signIn;
    await sendPage(res, <Notice lang={lang} title={s.title} text={`${s.signedOut} ${s.how}`} />);
  });

  router.get('/dashboard', session, async (req, res) => {
    const filters: PeriodFilters = {};
    for (const key of ['service', 'owner', 'state'] as const) {
      const value = query(req, key);
      if (value !== undefined) filters[key] = value;
    }
    const page = await dutybot.dashboard.period(local(res), filters);
    await sendPage(res, <PeriodView session={local(res)} page={page} />);
  });

  router.get('/dashboard/duty/:dutyId', session, async (req, res) => {
    const page = await dutybot.dashboard.duty(local(res), req.params.dutyId as string);
    if (!page) return notFound(res, local(res).lang);
    await sendPage(res, <DutyView session={local(res)} page={page} />);
  });

  router.post('/dashboard/duty/:dutyId/confirm', session, form, csrf, async (req, res) => {
    const me = local(res);
    const dutyId = req.params.dutyId as string;
    if (!(await dutybot.dashboard.duty(me, dutyId))) return notFound(res, me.lang);
    const status = CONFIRM_ACTIONS[field(req, 'action') ?? ''];
    const key = field(req, 'key');
    let outcome: { result: FormResult; status: number };
    if (!status) {
      outcome = { result: { ok: false, message: catalogue(me.lang).dashboard.csrfRefused }, status: 400 };
    } else {
      const reply = await dutybot.dashboard.confirm(me, {
        dutyId,
        occurrence: field(req, 'occurrence') ?? '',
        status,
        note: status === 'done' ? (field(req, 'note') ?? null) : null,
        evidenceUrl: status === 'done' ? (field(req, 'evidence') ?? null) : null,
        reason: status === 'skipped' ? (field(req, 'reason') ?? null) : null,
        snooze: status === 'snoozed' ? (field(req, 'snooze') ?? null) : null,
        // The form's own key makes a resubmission a no-op; without one, every post is new.
        idempotencyKey: `web:${key && /^[\w-]{8,64}$/.test(key) ? key : randomUUID()}`,
      });
      outcome = resultOf(reply);
    }
    const page = await dutybot.dashboard.duty(me, dutyId);
    if (!page) return notFound(res, me.lang);
    await sendPage(res, <DutyView session={me} page={page} result={outcome.result} />, outcome.status);
  });

  router.get('/dashboard/ledger', session, async (req, res) => {
    const filters: LedgerFilters = {};
    for (const key of ['from', 'to', 'service', 'person', 'kind'] as const) {
      const value = query(req, key);
      if (value !== undefined) filters[key] = value;
    }
    const before = Number(query(req, 'before'));
    if (Number.isSafeInteger(before) && before > 0) filters.before = before;
    const page = await dutybot.dashboard.ledger(local(res), filters);
    await sendPage(res, <LedgerView session={local(res)} page={page} />);
  });

  router.get('/dashboard/settings', session, async (_req, res) => {
    const page = await dutybot.dashboard.settings(local(res));
    await sendPage(res, <SettingsView session={local(res)} page={page} />);
  });

  router.post('/dashboard/settings', session, form, csrf, async (req, res) => {
    const me = local(res);
    const reply = await dutybot.dashboard.changeSetting(me, field(req, 'key') ?? '', field(req, 'value') ?? '');
    const { result, status } = resultOf(reply);
    // Language and admins may just have changed: the page is drawn for the session as it is now.
    const now = (await dutybot.dashboard.session(readCookie(req, SESSION_COOKIE) ?? '')) ?? me;
    await sendPage(
      res,
      <SettingsView session={now} page={await dutybot.dashboard.settings(now)} result={result} />,
      status,
    );
  });

  router.post('/dashboard/settings/assign', session, form, csrf, async (req, res) => {
    const me = local(res);
    const users = (field(req, 'users') ?? '')
      .split(/[\s,]+/)
      .map((user) => user.replace(/^@/, ''))
      .filter((user) => user !== '' && !/^(none|nobody|nessuno)$/i.test(user));
    const reply = await dutybot.dashboard.assign(me, field(req, 'target') ?? '', users);
    const { result, status } = resultOf(reply);
    await sendPage(
      res,
      <SettingsView session={me} page={await dutybot.dashboard.settings(me)} result={result} />,
      status,
    );
  });

  router.get('/dashboard/export', session, async (_req, res) => {
    await sendPage(res, <ExportView session={local(res)} />);
  });

  router.get('/dashboard/export/ledger.:format', session, async (req, res) => {
    const me = local(res);
    const format = req.params.format;
    if (format !== 'csv' && format !== 'json') return notFound(res, me.lang);
    const reply = await dutybot.dashboard.export(me, format);
    if (reply.kind !== 'export') {
      const { result, status } = resultOf(reply);
      const e = catalogue(me.lang).dashboard.export;
      await sendPage(res, <Notice lang={me.lang} title={e.title} text={result.message} status="error" />, status);
      return;
    }
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${reply.filename.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(reply.content);
  });

  const failed: ErrorRequestHandler = (error, _req, res, _next) => {
    logger.error('dashboard request failed', { error });
    if (res.headersSent) return;
    res.status(500).type('text/plain').send('Something went wrong. / Qualcosa è andato storto.');
  };
  router.use('/dashboard', failed);
}
