import express, { type Express, type Router } from 'express';
import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import { publicLinks } from '../../src/views/public-links.js';
import { serveAssets } from './assets.js';
import { calendarDashboardFeature } from './calendar/dashboard-routes.js';
import { calendarFeedRoute } from './calendar/feed-route.js';
import type { WebContext, WebOffers } from './context.js';
import { dashboardFeature } from './dashboard/routes.js';
import { publicPages } from './public/routes.js';
import { securityHeaders } from './security-headers.js';

/** One web feature (public pages, dashboard, calendar): adds its routes to the shared router. */
export type WebFeature = (router: Router, context: WebContext) => void | Promise<void>;

/**
 * The features the server mounts, in order. Each lives in its own folder under adapters/web/ and
 * owns its routes; this list is the only place that knows them all.
 */
const FEATURES: WebFeature[] = [publicPages, dashboardFeature, calendarFeedRoute, calendarDashboardFeature];

export interface MountWebOptions {
  dutybot: Dutybot;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  /** What the server offers visitors (install links, language model); default: nothing. */
  offers?: WebOffers;
  /** Extra features (tests); production mounts FEATURES. */
  features?: WebFeature[];
}

/**
 * Mounts the web pages on the server's express app, after Slack and Teams so their routes keep
 * their own body parsing. Every page gets the same security headers.
 */
export async function mountWeb(app: Express, options: MountWebOptions): Promise<WebContext> {
  const publicUrl = options.env.DUTYBOT_PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  const context: WebContext = {
    dutybot: options.dutybot,
    logger: options.logger.child({ component: 'web' }),
    publicUrl,
    links: publicLinks(publicUrl),
    env: options.env,
    offers: options.offers ?? {},
  };
  const router = express.Router();
  router.use(securityHeaders());
  serveAssets(router);
  for (const feature of [...FEATURES, ...(options.features ?? [])]) await feature(router, context);
  app.use(router);
  return context;
}
