import type { Response } from 'express';
import type { Child } from 'hono/jsx';

/**
 * Sends a server-rendered page. hono/jsx escapes every text child and attribute value, so nothing
 * a person typed can become markup here; `raw()` is never used on user text.
 */
export async function sendPage(res: Response, page: Child, status = 200): Promise<void> {
  const html = await String(page ?? '');
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.send(`<!doctype html>${html}`);
}
