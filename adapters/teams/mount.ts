import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationError,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import express from 'express';
import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import { processLogger } from '../../src/logging/pino-logger.js';
import type { Messenger } from '../../src/ports/messenger.js';
import type { PublicLinks } from '../../src/views/public-links.js';
import { TeamsAdapterWithAuth } from './adapter.js';
import { createTeamsApp } from './app.js';
import { TeamsChannelDirectory } from './channel-directory.js';
import { channelOAuthScope, type TeamsConfig } from './config.js';
import { NotATeamsActivity } from './location.js';
import { TeamsMessenger } from './messenger.js';
import { TeamsRenderer } from './renderer.js';
import { TeamsState } from './state.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface MountTeamsOptions {
  dutybot: Dutybot;
  config: TeamsConfig;
  /** Signs outgoing connector calls; defaults to the app id/password (or managed identity) from config. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** The process's one logger (redaction included); default a logger on stderr. */
  logger?: Logger;
  /** The public support and privacy pages (from `DUTYBOT_PUBLIC_URL`), linked from the welcome and help cards. */
  publicLinks?: PublicLinks | undefined;
}

/**
 * Serves the Teams bot on `POST /api/messages` of the shared express app and registers the
 * Teams messenger with the core. Every answer of the route is JSON: 401 for anything that is not
 * a valid Bot Framework token for this app, 400 for a malformed activity, 500 without details
 * when our own code fails.
 */
export async function mountTeams(
  server: express.Express,
  options: MountTeamsOptions,
): Promise<{ messenger: Messenger; stop(): Promise<void> }> {
  const logger = (options.logger ?? processLogger()).child({ component: 'teams' });
  const adapter = new TeamsAdapterWithAuth(options.config, options.credentialsFactory);
  const state = new TeamsState(options.dutybot.keyValue);
  const renderer = new TeamsRenderer(state, options.dutybot, options.publicLinks);
  const app = createTeamsApp({ adapter, config: options.config, dutybot: options.dutybot, state, renderer, logger });
  const messenger = new TeamsMessenger(
    adapter,
    options.config.appId,
    state,
    renderer,
    channelOAuthScope(options.config),
  );
  options.dutybot.useMessenger('teams', messenger);
  options.dutybot.useChannelDirectory('teams', new TeamsChannelDirectory(adapter, options.config.appId, state));

  let stopped = false;
  const router = express.Router();

  /**
   * The token first: a request that is not from the Bot Framework for this app is refused before
   * its body is even read, so how a body would be parsed (or how large it is) tells a stranger
   * nothing. The serviceUrl claim is checked against the activity once it is parsed (below).
   */
  const tokenFirst: express.RequestHandler = async (req, res, next) => {
    if (stopped) {
      res.status(503).json({ error: 'unavailable', message: 'dutybot is shutting down' });
      return;
    }
    try {
      // No activity yet: an empty channel id and serviceUrl skip only the checks that need one.
      await adapter.authenticate({ channelId: '', serviceUrl: '' } as Activity, req.get('authorization') ?? '');
      next();
    } catch (error) {
      refuseUnauthenticated(error, res);
    }
  };

  const refuseUnauthenticated = (error: unknown, res: express.Response) => {
    if (isAuthFailure(error)) {
      res.status(401).json({ error: 'unauthorized', message: 'missing or invalid Bot Framework token' });
      return;
    }
    // The issuer's key metadata could not be fetched: Teams will retry.
    logger.warn('token validation unavailable', { error });
    res.status(503).json({ error: 'unavailable', message: 'token validation is temporarily unavailable' });
  };

  router.post(TEAMS_MESSAGES_PATH, tokenFirst, express.json({ limit: '512kb' }), async (req, res) => {
    const activity = req.body as Activity | undefined;
    const problem = activityProblem(activity);
    if (problem || !activity) {
      res.status(400).json({ error: 'bad_request', message: problem });
      return;
    }

    let auth: AuthenticateRequestResult;
    try {
      // Again with the activity: its serviceUrl must be the one the token was issued for.
      auth = await adapter.authenticate(activity, req.get('authorization') ?? '');
    } catch (error) {
      refuseUnauthenticated(error, res);
      return;
    }

    try {
      const invokeResponse = await adapter.runAuthenticated(auth, activity, async (context) => {
        await app.run(context);
      });
      if (invokeResponse?.body !== undefined) res.status(invokeResponse.status).json(invokeResponse.body);
      else res.status(invokeResponse?.status ?? 200).end();
    } catch (error) {
      if (error instanceof NotATeamsActivity && !res.headersSent) {
        res.status(400).json({ error: 'bad_request', message: 'dutybot serves Microsoft Teams activities only' });
        return;
      }
      logger.error('activity failed', { activityId: activity.id, activityType: activity.type, error });
      if (!res.headersSent)
        res.status(500).json({ error: 'internal_error', message: 'dutybot could not process this activity' });
    }
  });
  // Malformed JSON and oversized bodies from express.json(): answer in JSON with a fixed sentence —
  // never the parser's own message, which quotes the body back.
  router.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 413) {
      res.status(413).json({ error: 'bad_request', message: 'the body is too large' });
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json({ error: 'bad_request', message: 'the body must be a JSON activity' });
      return;
    }
    logger.error('request failed before reaching the bot', { error });
    res.status(500).json({ error: 'internal_error', message: 'dutybot could not process this request' });
  });
  server.use(router);

  return {
    messenger,
    async stop() {
      stopped = true;
    },
  };
}

function activityProblem(activity: unknown): string | null {
  if (!activity || typeof activity !== 'object' || Array.isArray(activity)) return 'the body must be a JSON activity';
  const a = activity as Partial<Activity>;
  if (typeof a.type !== 'string' || a.type === '') return 'the activity has no type';
  if (typeof a.serviceUrl !== 'string' || a.serviceUrl === '') return 'the activity has no serviceUrl';
  if (!a.conversation || typeof a.conversation.id !== 'string') return 'the activity has no conversation id';
  if (!a.from || typeof a.from.id !== 'string') return 'the activity has no sender';
  return null;
}

/** botbuilder's AuthenticationError, and jsonwebtoken's errors it lets through (e.g. wrong signing key). */
function isAuthFailure(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError') return true;
  if (!(error instanceof AuthenticationError)) return false;
  return error.statusCode === 401 || error.statusCode === 403 || error.statusCode === 400;
}
