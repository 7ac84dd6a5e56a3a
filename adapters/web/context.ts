import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import type { PublicLinks } from '../../src/views/public-links.js';

/** What every web feature receives: the facade, the logger, and how the outside world reaches us. */
export interface WebContext {
  dutybot: Dutybot;
  logger: Logger;
  /** `DUTYBOT_PUBLIC_URL` without a trailing slash; undefined when the server is only local. */
  publicUrl: string | undefined;
  links: PublicLinks | undefined;
  env: NodeJS.ProcessEnv;
  /** What this server offers visitors, from its configuration (decided by the composition root). */
  offers: WebOffers;
}

/**
 * Facts about the running server the public pages state: install links only when they work, and
 * the language model only when one is configured. The composition root knows them; pages do not
 * read platform configuration themselves.
 */
export interface WebOffers {
  /** Slack's OAuth install path (`/slack/install`), only when Slack OAuth distribution is configured. */
  slackInstallPath?: string;
  /** Teams is served, so the landing page explains how to get the Teams app package. */
  teams?: boolean;
  /** Host of the language model questions may be sent to; absent when no model is configured. */
  languageModelHost?: string;
}
