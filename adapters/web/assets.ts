import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Router } from 'express';

const require = createRequire(import.meta.url);

/**
 * The stylesheet (Pico, classless) and htmx come from their npm packages and are served from our
 * own origin: no CDN, no build step, and the Content-Security-Policy can stay at 'self'.
 * htmx is pinned to an exact 2.0.x in package.json on purpose: its major version changed recently
 * and pages rely on its attribute behaviour.
 */
const ASSETS: Record<string, { module: string; type: string }> = {
  'pico.css': { module: '@picocss/pico/css/pico.classless.min.css', type: 'text/css; charset=utf-8' },
  'htmx.js': { module: 'htmx.org/dist/htmx.min.js', type: 'text/javascript; charset=utf-8' },
};

export const ASSET_PATH = '/assets';

export function assetUrl(name: keyof typeof ASSETS & string): string {
  return `${ASSET_PATH}/${name}`;
}

export function serveAssets(router: Router): void {
  const cache = new Map<string, Buffer>();
  router.get(`${ASSET_PATH}/:name`, (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) {
      res.status(404).end();
      return;
    }
    let body = cache.get(req.params.name);
    if (!body) {
      body = readFileSync(require.resolve(asset.module));
      cache.set(req.params.name, body);
    }
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.send(body);
  });
}
