import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { DashboardSession } from '../../../src/bot/types.js';
import type { WebContext } from '../context.js';
import { notFound, refusedForm } from './notices.js';

/**
 * Sessions on the web side: the cookie, `requireSession` (puts the session on
 * `res.locals.session`) and `verifyCsrf` (every state-changing request). The session itself is
 * the core's (store-backed, idle timeout, one workspace and one user).
 */

export const SESSION_COOKIE = 'dutybot_session';
/** The cookie is sent to the dashboard's pages only. */
export const COOKIE_PATH = '/dashboard';
export const SIGN_IN_NOTICE = '/dashboard/sign-in';
/** Browsers drop the cookie after this long at most; the store's expiry decides before that. */
const COOKIE_MAX_AGE_S = 12 * 60 * 60;

declare global {
  namespace Express {
    interface Locals {
      session: DashboardSession;
    }
  }
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

/** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure behind https. */
export function sessionCookie(context: WebContext, value: string, maxAgeSeconds = COOKIE_MAX_AGE_S): string {
  const secure = context.publicUrl?.startsWith('https://') ? '; Secure' : '';
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function clearSessionCookie(context: WebContext): string {
  return sessionCookie(context, '', 0);
}

/**
 * A page of the dashboard needs a session: without one (or with an expired one) the browser is
 * sent to the sign-in notice. A request that names another workspace than the session's
 * (`?workspace=`) is answered 404: a session never learns whether another workspace exists.
 */
export function requireSession(context: WebContext): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const id = readCookie(req, SESSION_COOKIE);
      const session = id ? await context.dutybot.dashboard.session(id) : null;
      if (!session) {
        if (id) res.setHeader('Set-Cookie', clearSessionCookie(context));
        res.redirect(303, SIGN_IN_NOTICE);
        return;
      }
      const named = req.query.workspace;
      if (named !== undefined && named !== session.workspaceId) {
        await notFound(res, session.lang);
        return;
      }
      res.locals.session = session;
      next();
    } catch (error) {
      next(error);
    }
  };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The session's CSRF token must come back with every state-changing request, as the form's
 * `_csrf` field (forms work without JavaScript) or an `X-CSRF-Token` header: 403 otherwise.
 */
export function verifyCsrf(): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = res.locals.session;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sent = typeof body._csrf === 'string' ? body._csrf : req.get('x-csrf-token');
    if (session && typeof sent === 'string' && sameSecret(sent, session.csrfToken)) {
      next();
      return;
    }
    await refusedForm(res, session?.lang ?? 'en');
  };
}
