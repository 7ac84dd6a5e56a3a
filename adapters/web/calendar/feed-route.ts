import type { Router } from 'express';
import type { WebContext } from '../context.js';

/**
 * `GET /calendar/<token>.ics`: a calendar client's subscription. The token in the path is the
 * whole credential (clients cannot sign in), so it is never logged; an unknown, malformed or
 * revoked token and a deleted workspace all answer the same bare 404.
 */
export function calendarFeedRoute(router: Router, context: WebContext): void {
  router.get('/calendar/:file', async (req, res, next) => {
    try {
      const match = /^(.+)\.ics$/.exec(req.params.file ?? '');
      const feed = match?.[1]
        ? await context.dutybot.calendarFeed(match[1], { publicUrl: context.publicUrl ?? null })
        : null;
      if (!feed) {
        res.status(404).type('text/plain').send('Not found\n');
        return;
      }
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', `inline; filename="${feed.filename}"`);
      // A private feed: no shared cache may keep it, and a revoked token stops at once.
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(feed.content);
    } catch (error) {
      context.logger.error('calendar feed failed', { error });
      next(error);
    }
  });
}
