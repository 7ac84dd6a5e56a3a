import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../adapters/server/start.js';
import { generateKeyEntry } from '../../src/secrets/keyring.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { recordingLogger } from '../support/recording-logger.js';
import { SlackRequester } from '../support/slack-signing.js';
import { OAUTH_ENV } from './harness.js';
import { installThroughOAuth } from './oauth-install.js';
import { eventEnvelope, type Who } from './payloads.js';

/**
 * The production path: `startServer` configured from the environment alone (Slack OAuth, an
 * encryption key, DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL=0), its own periodic pass on the real
 * clock. An install, then `app_uninstalled`: the tokens are gone at once and the server's own
 * periodic work deletes the workspace, leaving a tombstone. Without a key, OAuth is refused.
 */

const secret = 'server-retention-signing-secret';
const acme: Who = { team: 'TACME', user: 'UACMEADMIN', channel: 'CACME' };

function rows(file: string, statement: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(statement).all();
  } finally {
    db.close();
  }
}

describe('the server deletes an uninstalled workspace in its periodic work', () => {
  let api: FakeSlackApi;
  let running: RunningServer;
  let dir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    api = await startFakeSlackApi();
    api.grant('code-acme', { teamId: 'TACME', installerId: acme.user, botToken: `xoxb-${Date.now()}` });
    dir = mkdtempSync(join(tmpdir(), 'dutybot-server-retention-'));
  });
  afterAll(async () => {
    await running?.stop();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({
    SLACK_SIGNING_SECRET: secret,
    ...OAUTH_ENV,
    SLACK_API_URL: api.url,
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
  });

  it('refuses to start Slack OAuth without DUTYBOT_ENCRYPTION_KEY, and serves nothing', async () => {
    await expect(
      startServer(env(), { port: 0, host: '127.0.0.1', logger: recordingLogger(logs), intervalMs: 50 }),
    ).rejects.toThrow(/DUTYBOT_ENCRYPTION_KEY is not set/);
  });

  it('install, uninstall: tokens gone at once, data deleted by the next periodic pass, tombstone left', async () => {
    running = await startServer(
      { ...env(), DUTYBOT_ENCRYPTION_KEY: generateKeyEntry('k1'), DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL: '0' },
      { port: 0, host: '127.0.0.1', logger: recordingLogger(logs), intervalMs: 100 },
    );
    const base = `http://127.0.0.1:${running.port}`;
    await installThroughOAuth(base, 'code-acme', 'TACME');
    const file = join(dir, 'db.sqlite');
    expect(rows(file, 'select workspace_id from credentials')).toEqual([{ workspace_id: 'slack:TACME' }]);
    const workspace = await running.bot.findWorkspace('slack:TACME');
    expect(workspace?.status).toBe('active');

    const slack = new SlackRequester(`${base}/slack/events`, secret);
    expect((await slack.event(eventEnvelope(acme, { type: 'app_uninstalled' }))).status).toBe(200);
    const deadline = Date.now() + 10_000;
    while ((await running.bot.tombstones()).length === 0) {
      if (Date.now() > deadline) throw new Error('the periodic pass did not delete the uninstalled workspace');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rows(file, 'select name from credentials')).toEqual([]);
    const [tombstone] = await running.bot.tombstones();
    expect(tombstone).toMatchObject({ workspaceId: 'slack:TACME', platform: 'slack', reason: 'retention' });
    // The final head was the uninstall's own status entry, chained after what was there.
    expect(tombstone?.entries).toBeGreaterThan(workspace?.entries ?? 0);
    expect(rows(file, "select count(*) as n from audit_log where workspace_id = 'slack:TACME'")).toEqual([{ n: 0 }]);
    expect(await running.bot.findWorkspace('slack:TACME')).toBeNull();
  });
});
