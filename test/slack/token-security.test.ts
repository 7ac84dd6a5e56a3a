import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { installationCredentialName } from '../../adapters/slack/installation-store.js';
import { mountSlack } from '../../adapters/slack/mount.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import { startFakeSlackApi } from '../support/fake-slack-api.js';
import { STORE_BACKENDS, type StoreBackend } from '../support/postgres.js';
import { recordingLogger } from '../support/recording-logger.js';
import { OAUTH_ENV, SIGNING_SECRET, type SlackHarness, startSlackHarness } from './harness.js';
import { installThroughOAuth } from './oauth-install.js';
import { appMention, eventEnvelope, type Who } from './payloads.js';

/**
 * Slack OAuth tokens at rest and on uninstall, through real Bolt on loopback: an install with token
 * rotation on stores the bot token and its refresh token sealed; Bolt's built-in refresh
 * (oauth.v2.access, grant_type=refresh_token) renews it and the new pair is sealed too; the
 * database files (SQLite bytes, WAL included) and every PostgreSQL row hold no token in clear, and
 * neither do the logs. An uninstall deletes the tokens at once; the ledger and settings stay for the
 * retention period (a re-install within it restores them), then go with a tombstone.
 */

const DAY = 24 * 60 * 60 * 1000;
const acme: Who = { team: 'TACME', user: 'UACMEADMIN', channel: 'CACMEGDPR' };
const ACME_ID = 'slack:TACME';
/** Tokens made at run time: nothing in the repository looks like a secret. */
const tokenLike = (prefix: string) => [prefix, '9', randomBytes(12).toString('hex')].join('-');

function install(h: SlackHarness, code: string): Promise<void> {
  return installThroughOAuth(h.base, code, 'TACME');
}

async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(STORE_BACKENDS)('Slack tokens at rest and on uninstall ($name)', ({ name, make }) => {
  let backend: StoreBackend;
  let url: string;
  let h: SlackHarness;
  let now = new Date('2026-12-01T07:00:00Z');
  const firstToken = tokenLike('xoxb');
  const secondToken = tokenLike('xoxb');

  beforeAll(async () => {
    backend = make();
    url = await backend.fresh();
    h = await startSlackHarness({ oauth: true, clock: () => now, databaseUrl: url });
    // Token rotation on: the first token expires within Bolt's two-hour window, so it is refreshed.
    h.api.grant('code-1', { teamId: 'TACME', installerId: acme.user, botToken: firstToken, expiresIn: 60 });
    h.api.grant('code-2', { teamId: 'TACME', installerId: acme.user, botToken: secondToken, expiresIn: 60 });
  });
  afterAll(async () => {
    await h?.close();
    await backend?.cleanup();
  });

  /** Every token Slack handed out so far: access and refresh tokens, old and new. */
  function issuedTokens(): string[] {
    const fromInstalls = h.api
      .callsTo('oauth.v2.access')
      .flatMap((c) => [c.answer?.access_token, c.answer?.refresh_token])
      .filter((t): t is string => typeof t === 'string');
    return [...new Set(fromInstalls)];
  }

  /** What an attacker with the database would see: raw bytes (SQLite, WAL too) or every row (PostgreSQL). */
  async function databaseText(): Promise<string> {
    if (name === 'sqlite') {
      const file = url.slice('sqlite:'.length);
      const dir = join(file, '..');
      const base = file.slice(dir.length + 1);
      return readdirSync(dir)
        .filter((f) => f.startsWith(base))
        .map((f) => readFileSync(join(dir, f)).toString('latin1'))
        .join('\n');
    }
    const tables = await backend.sql<{ table_name: string }>(
      url,
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toContain('credentials');
    const rows = await Promise.all(tables.map((t) => backend.sql(url, `select * from "${t.table_name}"`)));
    return JSON.stringify(rows);
  }

  it('seals the installation, refreshes the rotating token through Bolt, and keeps no token in clear anywhere', async () => {
    await install(h, 'code-1');
    const stored = await h.dutybot.credentials.load<{ bot: { token: string; refreshToken?: string } }>(
      installationCredentialName({ teamId: 'TACME' }),
    );
    expect(stored?.bot.token).toBe(firstToken);
    const firstRefresh = stored?.bot.refreshToken as string;
    expect(firstRefresh).toMatch(/^xoxe-/);

    // The next request: Bolt finds the token about to expire and refreshes it before the listener runs.
    await h.requester.event(appMention(acme, '<@UDUTYBOT> help'));
    const reply = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === acme.channel),
      'reply to the mention',
    );
    expect(h.api.refreshes).toHaveLength(1);
    const [refresh] = h.api.refreshes;
    expect(refresh?.refreshToken).toBe(firstRefresh);
    const refreshCall = h.api.callsTo('oauth.v2.access').find((c) => c.args.grant_type === 'refresh_token');
    expect(refreshCall?.args).toMatchObject({ client_id: OAUTH_ENV.SLACK_CLIENT_ID, refresh_token: firstRefresh });
    expect(reply.token).toBe(refresh?.accessToken);
    const renewed = await h.dutybot.credentials.load<{ bot: { token: string; refreshToken: string } }>(
      installationCredentialName({ teamId: 'TACME' }),
    );
    expect(renewed?.bot).toMatchObject({ token: refresh?.accessToken, refreshToken: refresh?.newRefreshToken });

    // Scheduled posts take the same (renewed) token, found through Bolt's installer.
    await eventually(async () => (await h.dutybot.store.getWorkspace(ACME_ID))?.homeChannel === acme.channel, 'home');
    now = new Date('2026-12-01T08:00:00Z');
    const tick = await h.dutybot.tick(now);
    expect(tick.deliveries.some((d) => d.status === 'sent')).toBe(true);
    for (const post of h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === acme.channel))
      expect(post.token).toBe(refresh?.accessToken);
    expect(h.api.refreshes).toHaveLength(1);

    const issued = issuedTokens();
    expect(issued).toHaveLength(4);
    const text = await databaseText();
    // The scan reads the data itself: the ledger's entries and the sealed credential are in it.
    expect(text).toContain('workspace.created');
    expect(text).toContain('slack-installation:team:-:TACME');
    for (const token of issued) {
      expect(text.includes(token), `a token is stored in clear (${name})`).toBe(false);
      // Nor any recognisable part of it (e.g. split across a page boundary would still leave halves).
      expect(text.includes(token.slice(-16))).toBe(false);
      expect(h.logs.join('\n').includes(token)).toBe(false);
    }
  });

  it('deletes the tokens at once on app_uninstalled, keeps the data for the period, and restores it on re-install', async () => {
    const settings = (await h.dutybot.store.getWorkspace(ACME_ID))?.settings;
    const ledger = await h.dutybot.store.ledgerEntries(ACME_ID);
    expect((await h.requester.event(eventEnvelope(acme, { type: 'app_uninstalled' }))).status).toBe(200);
    await eventually(async () => (await h.dutybot.store.getWorkspace(ACME_ID))?.status === 'inactive', 'inactive');
    expect(await backend.sql(url, 'select name from credentials')).toEqual([]);
    expect(await h.dutybot.credentials.load(installationCredentialName({ teamId: 'TACME' }))).toBeUndefined();

    // Ten days later (within the 30 days), nothing is deleted; a re-install finds everything.
    now = new Date(now.getTime() + 10 * DAY);
    expect(await h.dutybot.deleteExpiredWorkspaces(now)).toEqual([]);
    await install(h, 'code-2');
    const back = await h.dutybot.store.getWorkspace(ACME_ID);
    expect(back?.status).toBe('active');
    expect(back?.settings).toEqual(settings);
    expect((await h.dutybot.store.ledgerEntries(ACME_ID)).slice(0, ledger.length)).toEqual(ledger);
    expect(await backend.sql(url, 'select name from credentials')).toHaveLength(1);
    expect((await databaseText()).includes(secondToken)).toBe(false);
  });

  it('deletes ledger and settings once the period after an uninstall is over, leaving a tombstone', async () => {
    now = new Date(now.getTime() + DAY);
    await h.requester.event(eventEnvelope(acme, { type: 'tokens_revoked', tokens: { bot: ['UDUTYBOT'] } }));
    await eventually(async () => (await h.dutybot.store.getWorkspace(ACME_ID))?.status === 'inactive', 'inactive');
    expect(await backend.sql(url, 'select name from credentials')).toEqual([]);
    const head = await h.dutybot.store.ledgerHead(ACME_ID);
    const uninstalledAt = now;

    expect(await h.dutybot.deleteExpiredWorkspaces(new Date(uninstalledAt.getTime() + 30 * DAY - 1))).toEqual([]);
    const deletedAt = new Date(uninstalledAt.getTime() + 30 * DAY);
    const [tombstone] = await h.dutybot.deleteExpiredWorkspaces(deletedAt);
    expect(tombstone).toMatchObject({
      workspaceId: ACME_ID,
      platform: 'slack',
      entries: head?.seq,
      headHash: head?.hash,
      reason: 'retention',
    });
    expect(await h.dutybot.store.getWorkspace(ACME_ID)).toBeNull();
    expect(await h.dutybot.store.ledgerEntries(ACME_ID)).toEqual([]);
    expect(await backend.sql(url, 'select workspace_id from audit_log')).toEqual([]);
    expect(await h.dutybot.tombstones()).toEqual([tombstone]);
  });
});

describe('Slack OAuth without an encryption key', () => {
  it('refuses to mount, naming the variable and how to make a key', async () => {
    const api = await startFakeSlackApi();
    const dir = mkdtempSync(join(tmpdir(), 'dutybot-nokey-'));
    const dutybot = await createDutybot({
      databaseUrl: `sqlite:${join(dir, 'db.sqlite')}`,
      logger: recordingLogger(),
    });
    try {
      const config = loadSlackConfig({ SLACK_SIGNING_SECRET: SIGNING_SECRET, ...OAUTH_ENV, SLACK_API_URL: api.url });
      await expect(mountSlack(express(), { dutybot, config, logger: recordingLogger() })).rejects.toThrow(
        /DUTYBOT_ENCRYPTION_KEY is not set: .* Set it first \(`dutybot keys generate` prints one/,
      );
    } finally {
      await dutybot.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
