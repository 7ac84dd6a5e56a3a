import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import express from 'express';

/** Slack's own limit for the age of a request; Bolt 5.1 applies it to the past only. */
const MAX_SKEW_SECONDS = 5 * 60;

/** Bolt's default body limit (HTTPModuleFunctions.defaultBodyLimit). */
const BODY_LIMIT = '4mb';

/**
 * Runs in front of Bolt's receiver on the events URL, for the two checks Bolt does not make:
 * - a request stamped more than 5 minutes in the future is refused like a stale one (401), so a
 *   captured request cannot be replayed later by someone who could predict the clock;
 * - a correctly signed body without the user or the team it acts for is a bad request (400),
 *   not an exception deep inside Bolt (500).
 * The body is read once here and handed to Bolt as `rawBody`, which Bolt verifies and parses as usual.
 */
export function slackRequestGuard(signingSecret: string, now: () => number = Date.now): express.RequestHandler[] {
  const readRaw = express.raw({ type: () => true, limit: BODY_LIMIT });
  const guard: express.RequestHandler = (req, res, next) => {
    const stamp = Number(req.get('x-slack-request-timestamp'));
    if (Number.isFinite(stamp) && stamp > Math.floor(now() / 1000) + MAX_SKEW_SECONDS) {
      res.status(401).send();
      return;
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    (req as express.Request & { rawBody?: Buffer }).rawBody = raw;
    const text = raw.toString('utf8');
    // The signature is checked only for a body that lacks its actor (rare): Bolt checks every
    // request's right after, and two HMACs per request cost the adapter measurable throughput.
    if (lacksActor(text, req.get('content-type')) && signedBySlack(signingSecret, req, text)) {
      res.status(400).send();
      return;
    }
    next();
  };
  return [readRaw, guard];
}

function signedBySlack(signingSecret: string, req: express.Request, body: string): boolean {
  // When false, Bolt answers 401 for it, with its own log line.
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: {
      'x-slack-signature': req.get('x-slack-signature') ?? '',
      'x-slack-request-timestamp': Number(req.get('x-slack-request-timestamp')),
    },
  });
}

type Body = Record<string, unknown>;
const idOf = (value: unknown) =>
  value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
const present = (value: unknown) => typeof value === 'string' && value !== '';

/** True for a command, interaction or event that names no user or no team to act for. */
function lacksActor(text: string, contentType: string | undefined): boolean {
  let body: Body;
  try {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const form = parseQuery(text) as Body;
      body = typeof form.payload === 'string' ? (JSON.parse(form.payload) as Body) : form;
    } else {
      body = JSON.parse(text) as Body;
    }
  } catch {
    return false; // unreadable: Bolt answers 400 itself
  }
  if (body === null || typeof body !== 'object') return false;
  if (typeof body.command === 'string')
    return !present(body.user_id) || !(present(body.team_id) || present(body.enterprise_id));
  if (body.type === 'event_callback') {
    const authorization = Array.isArray(body.authorizations) ? (body.authorizations[0] as Body | undefined) : undefined;
    return !(present(body.team_id) || present(body.enterprise_id) || present(authorization?.team_id));
  }
  if (body.type === 'url_verification' || body.type === 'ssl_check' || body.type === 'app_rate_limited') return false;
  // Interactions: buttons, forms, shortcuts, menus.
  const user = body.user as Body | undefined;
  const team =
    idOf(body.team) ?? idOf(body.enterprise) ?? user?.team_id ?? (body.view as Body | undefined)?.app_installed_team_id;
  return !present(idOf(user)) || !present(team);
}
