import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_PATHS } from '../../adapters/slack/mount.js';
import { EVENT_SCOPES, METHOD_SCOPES, requiredBotScopes, SLASH_COMMAND } from '../../adapters/slack/scopes.js';

/**
 * The manifest creates the app as-is, so it must ask for exactly what the code uses: a missing
 * scope breaks a feature in production (`missing_scope`), an unused one asks admins for more
 * access than needed. The code side is read from the source itself, not from a list kept by hand.
 */

const ROOT = join(import.meta.dirname, '../..');
const ADAPTER = join(ROOT, 'adapters/slack');

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(ROOT, 'manifest/slack/manifest.yaml'), 'utf8')) as Manifest;

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [{ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }] : [];
  });
}
const code = sources(ADAPTER);
const all = code.map((s) => s.text).join('\n');

/** Web API methods called in the adapter's source, e.g. `client.chat.postMessage(` → chat.postMessage. */
function calledMethods(): Set<string> {
  const methods = new Set<string>();
  const call = /\.(auth|chat|conversations|files|users|views|oauth|team|reactions|pins|bookmarks)\.(\w+(?:\.\w+)?)\(/g;
  for (const match of all.matchAll(call)) methods.add(`${match[1]}.${match[2]}`);
  return methods;
}

/**
 * Called by Bolt itself on our behalf: auth.test for a single token, oauth.v2.access by the
 * installer, apps.connections.open by the Socket Mode client.
 */
const CALLED_BY_BOLT = ['auth.test', 'oauth.v2.access', 'apps.connections.open'];

describe('Slack manifest ↔ code', () => {
  it('declares a scope for every Web API method the code calls, and the table lists nothing unused', () => {
    const called = calledMethods();
    expect(called.size).toBeGreaterThan(5);
    for (const method of called) expect(Object.keys(METHOD_SCOPES), `${method} is called`).toContain(method);
    for (const method of Object.keys(METHOD_SCOPES)) {
      expect([...called, ...CALLED_BY_BOLT], `${method} is in scopes.ts`).toContain(method);
    }
  });

  it('asks for exactly the bot scopes the used methods and events need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(requiredBotScopes());
  });

  it('subscribes to exactly the events the code listens to, all through subscribe()', () => {
    const subscribed = [...all.matchAll(/subscribe\(app, '([\w.]+)'/g)].map((m) => m[1]);
    expect(new Set(subscribed)).toEqual(new Set(Object.keys(EVENT_SCOPES)));
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(EVENT_SCOPES).sort());
    // Direct app.event()/app.message() calls would bypass the check above.
    const direct = code.filter((s) => /app\.(event|message)\(/.test(s.text)).map((s) => s.file);
    expect(direct).toEqual(['adapters/slack/handlers/deps.ts']);
  });

  it('declares the one slash command the code registers, with escaped mentions', () => {
    const registered = [...all.matchAll(/app\.command\((\w+)/g)].map((m) => m[1]);
    expect(registered).toEqual(['SLASH_COMMAND']);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
  });

  it('enables interactivity, the Home tab and the Messages tab because the code uses them', () => {
    expect(/app\.(action|view)</.test(all)).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe('app_home_opened' in EVENT_SCOPES);
    expect(manifest.features.app_home.messages_tab_enabled).toBe('message.im' in EVENT_SCOPES);
  });

  it('points every URL at the paths the adapter serves, in HTTP mode by default', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_PATHS.events);
    expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u).pathname)).toEqual([SLACK_PATHS.oauthRedirect]);
  });
});
