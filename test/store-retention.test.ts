import { randomBytes } from 'node:crypto';
import { Migrator } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import type { DutybotCore } from '../src/bot/types.js';
import { generateKeyEntry } from '../src/secrets/keyring.js';
import { openDatabase, parseDatabaseUrl } from '../src/store/database.js';
import { migrationProvider } from '../src/store/migrations/index.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';
import { recordingLogger } from './support/recording-logger.js';

/**
 * Credentials sealed at rest, deleted at once on uninstall; an uninstalled workspace's ledger and
 * settings kept for the retention period, then deleted as a whole chain leaving a tombstone; a
 * re-install within the period keeps everything. Through the facade, with an injected clock, on
 * SQLite and PostgreSQL, checked with raw SQL the way a DBA would look.
 */

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const ACME = { workspaceId: 'slack:TACME', platform: 'slack' as const, channelId: 'CACME' };
const GLOBEX = { workspaceId: 'slack:TGLOBEX', platform: 'slack' as const, channelId: 'CGLOBEX' };
const DUTY = '1backup.customer.check-backup-results';
/** A token made at run time: nothing in the repository looks like a secret. */
const token = () => ['xoxb', '42', randomBytes(10).toString('hex')].join('-');

/** Rows of a workspace in every table that holds workspace data. */
const WORKSPACE_TABLES = [
  'workspaces',
  'audit_log',
  'confirmations',
  'closings',
  'deliveries',
  'credentials',
  'sign_in_links',
  'dashboard_sessions',
  'calendar_tokens',
];

describe.each(STORE_BACKENDS)('credentials and retention on $name', ({ make }) => {
  let backend: StoreBackend;
  const open: DutybotCore[] = [];
  let now = T0;
  const logs: string[] = [];
  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    for (const bot of open.splice(0)) await bot.close();
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  async function bot(url: string, encryptionKey: string, retentionDays?: number | string): Promise<DutybotCore> {
    const b = await createDutybot({
      databaseUrl: url,
      clock: () => now,
      logger: recordingLogger(logs),
      encryptionKey,
      ...(retentionDays === undefined ? {} : { retentionDaysAfterUninstall: retentionDays }),
    });
    open.push(b);
    return b;
  }

  async function count(url: string, table: string, workspaceId: string): Promise<number> {
    const column = table === 'workspaces' ? 'id' : 'workspace_id';
    const rows = await backend.sql<{ n: number | string }>(
      url,
      `select count(*) as n from ${table} where ${column} = ?`,
      [workspaceId],
    );
    return Number(rows[0]?.n);
  }

  /** A workspace with a confirmation, a credential and key-value state, as an install leaves it. */
  async function installed(b: DutybotCore, conversation: typeof ACME, secret: string): Promise<void> {
    await b.ensureWorkspace(conversation, 'UADMIN');
    await b.handle({
      text: `done ${DUTY} checked`,
      actor: { userId: 'UADMIN', isPlatformAdmin: async () => true },
      conversation,
    });
    await b.credentials.save(`slack-installation:${conversation.workspaceId}`, conversation.workspaceId, {
      bot: { token: secret },
    });
    await b.keyValue.kvSet('slack-messages', `${conversation.workspaceId}|C1|1.1`, { dutyId: DUTY });
    await b.keyValue.kvSet('llm-usage', conversation.workspaceId, { requests: 1 });
    // A dashboard session and a link not used yet: both belong to the workspace's data.
    const used = await b.dashboard.signInLink(conversation.workspaceId, 'UADMIN', { baseUrl: 'https://d.example' });
    await b.dashboard.signIn(new URL(used!.url).pathname.split('/').at(-1)!);
    await b.dashboard.signInLink(conversation.workspaceId, 'UADMIN', { baseUrl: 'https://d.example' });
    await b.createCalendarToken({ workspaceId: conversation.workspaceId, userId: null, createdBy: 'UADMIN' });
  }

  it('seals credentials: no row holds the token, and another key cannot open it', async () => {
    now = T0;
    const url = await backend.fresh();
    const key = generateKeyEntry('k1');
    const b = await bot(url, key);
    await b.ensureWorkspace(ACME, 'UADMIN');
    const secret = token();
    await b.credentials.save('slack-installation:team:-:TACME', ACME.workspaceId, { bot: { token: secret } });
    expect(await b.credentials.load('slack-installation:team:-:TACME')).toEqual({ bot: { token: secret } });
    const rows = await backend.sql<Record<string, unknown>>(url, 'select * from credentials');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]).toMatchObject({
      name: 'slack-installation:team:-:TACME',
      workspace_id: ACME.workspaceId,
      key_id: 'k1',
    });
    await b.close();
    open.pop();

    const stranger = await bot(url, generateKeyEntry('k1'));
    await expect(stranger.credentials.load('slack-installation:team:-:TACME')).rejects.toThrow(/does not open/);
    const keyless = await createDutybot({ databaseUrl: url, logger: recordingLogger(logs) });
    open.push(keyless);
    expect(keyless.credentials.available).toBe(false);
    await expect(keyless.credentials.save('x', ACME.workspaceId, {})).rejects.toThrow(
      /DUTYBOT_ENCRYPTION_KEY is not set/,
    );
  });

  it('rotates: a new first key re-seals every credential, after which the old key can go', async () => {
    now = T0;
    const url = await backend.fresh();
    const oldKey = generateKeyEntry('k1');
    const first = await bot(url, oldKey);
    const secrets = new Map<string, string>();
    for (let i = 0; i < 120; i++) {
      const secret = token();
      secrets.set(`cred-${i}`, secret);
      await first.credentials.save(`cred-${i}`, ACME.workspaceId, secret);
    }
    const newKey = generateKeyEntry('k2');
    const both = await bot(url, `${newKey},${oldKey}`);
    expect(await both.credentials.load('cred-3')).toBe(secrets.get('cred-3'));
    expect(await both.rotateCredentialKeys()).toEqual({ currentKeyId: 'k2', resealed: 120, skipped: 0 });
    expect(await both.rotateCredentialKeys()).toEqual({ currentKeyId: 'k2', resealed: 0, skipped: 0 });
    const keys = await backend.sql<{ key_id: string }>(url, 'select distinct key_id from credentials');
    expect(keys.map((k) => k.key_id)).toEqual(['k2']);
    const onlyNew = await bot(url, newKey);
    for (const [name, secret] of secrets) expect(await onlyNew.credentials.load(name)).toBe(secret);
  });

  it('keeps a refreshed token when a rotation races it (compare-and-set on the sealed value)', async () => {
    const url = await backend.fresh();
    const b = await bot(url, generateKeyEntry('k1'));
    await b.credentials.save('c', ACME.workspaceId, 'old');
    const [row] = await backend.sql<{ sealed: string }>(url, 'select sealed from credentials');
    await b.credentials.save('c', ACME.workspaceId, 'refreshed');
    const stale = {
      name: 'c',
      workspaceId: ACME.workspaceId,
      keyId: 'k1',
      sealed: row?.sealed as string,
      updatedAt: T0,
    };
    expect(await b.store.replaceCredential(stale, { keyId: 'k1', sealed: stale.sealed, updatedAt: T0 })).toBe(false);
    expect(await b.credentials.load('c')).toBe('refreshed');
  });

  it('uninstall deletes the credentials at once; data goes after the period, as a whole chain, with a tombstone', async () => {
    now = T0;
    const url = await backend.fresh();
    const b = await bot(url, generateKeyEntry('k1'), 30);
    await installed(b, ACME, token());
    await installed(b, GLOBEX, token());
    expect(await count(url, 'credentials', ACME.workspaceId)).toBe(1);

    now = at(1);
    expect(await b.deactivateWorkspace(ACME.workspaceId, 'slack', 'app_uninstalled')).toBe(true);
    // Credentials gone in the same call; ledger and settings kept, the period's end shown.
    expect(await count(url, 'credentials', ACME.workspaceId)).toBe(0);
    expect(await count(url, 'credentials', GLOBEX.workspaceId)).toBe(1);
    const head = await b.store.ledgerHead(ACME.workspaceId);
    expect(head?.seq).toBeGreaterThan(2);
    expect((await b.findWorkspace(ACME.workspaceId))?.deletionDueAt?.toISOString()).toBe(at(31).toISOString());
    expect((await b.findWorkspace(GLOBEX.workspaceId))?.deletionDueAt).toBeNull();

    // Day 30 after the uninstall minus a minute: nothing goes.
    expect(await b.deleteExpiredWorkspaces(new Date(at(31).getTime() - 60_000))).toEqual([]);
    expect(await count(url, 'audit_log', ACME.workspaceId)).toBe(head?.seq);

    expect(await count(url, 'sign_in_links', ACME.workspaceId)).toBe(2);
    expect(await count(url, 'dashboard_sessions', ACME.workspaceId)).toBe(1);
    expect(await count(url, 'calendar_tokens', ACME.workspaceId)).toBe(1);

    now = at(31);
    const [tombstone, ...more] = await b.deleteExpiredWorkspaces();
    expect(more).toEqual([]);
    expect(tombstone).toEqual({
      workspaceId: ACME.workspaceId,
      platform: 'slack',
      entries: head?.seq,
      headHash: head?.hash,
      deletedAt: at(31),
      reason: 'retention',
      actor: 'dutybot:retention',
    });
    for (const table of WORKSPACE_TABLES) expect(await count(url, table, ACME.workspaceId), table).toBe(0);
    const kv = await backend.sql<{ key: string }>(url, 'select key from kv order by key');
    expect(kv.map((r) => r.key)).toEqual([`${GLOBEX.workspaceId}`, `${GLOBEX.workspaceId}|C1|1.1`]);
    // The other workspace is untouched, its chain intact.
    expect(await count(url, 'credentials', GLOBEX.workspaceId)).toBe(1);
    expect((await b.store.verifyLedger(GLOBEX.workspaceId)).ok).toBe(true);
    expect(await b.tombstones()).toEqual([tombstone]);
    expect(logs.join('\n')).toContain(head?.hash);
    expect(await b.deleteExpiredWorkspaces(at(40))).toEqual([]);

    // Installed again after the deletion: a new workspace, a new chain from the start.
    expect(await b.ensureWorkspace(ACME, 'UADMIN')).not.toBeNull();
    expect((await b.store.ledgerHead(ACME.workspaceId))?.seq).toBe(1);
    expect((await b.store.verifyLedger(ACME.workspaceId)).ok).toBe(true);
  });

  it('a re-install within the period keeps everything, and the period starts over at the next uninstall', async () => {
    now = T0;
    const url = await backend.fresh();
    const b = await bot(url, generateKeyEntry('k1'));
    expect(b.retentionDays).toBe(30);
    await installed(b, ACME, token());
    await b.deactivateWorkspace(ACME.workspaceId, 'slack', 'app_uninstalled');
    const settings = (await b.store.getWorkspace(ACME.workspaceId))?.settings;
    now = at(29);
    await b.reactivateWorkspace(ACME.workspaceId, 'UADMIN');
    expect((await b.store.getWorkspace(ACME.workspaceId))?.inactiveSince).toBeNull();
    expect(await b.deleteExpiredWorkspaces(at(60))).toEqual([]);
    expect((await b.store.getWorkspace(ACME.workspaceId))?.settings).toEqual(settings);
    expect(await b.store.history(ACME.workspaceId, DUTY, 10)).toHaveLength(1);

    now = at(61);
    await b.deactivateWorkspace(ACME.workspaceId, 'slack', 'app_uninstalled');
    expect(await b.deleteExpiredWorkspaces(at(90))).toEqual([]);
    expect((await b.deleteExpiredWorkspaces(at(91))).map((t) => t.workspaceId)).toEqual([ACME.workspaceId]);
  });

  it('the sweep never deletes a workspace re-installed after it looked (re-checked under the lock)', async () => {
    now = T0;
    const url = await backend.fresh();
    const b = await bot(url, generateKeyEntry('k1'), 0);
    await installed(b, ACME, token());
    await b.deactivateWorkspace(ACME.workspaceId, 'slack', 'app_uninstalled');
    const [seen] = await b.store.workspacesInactiveSince(at(1));
    expect(seen?.id).toBe(ACME.workspaceId);
    await b.reactivateWorkspace(ACME.workspaceId, 'UADMIN');
    const result = await b.store.deleteWorkspace(ACME.workspaceId, {
      reason: 'retention',
      actor: 'dutybot:retention',
      at: at(1),
      inactiveSince: at(1),
    });
    expect(result).toBeNull();
    expect(await count(url, 'audit_log', ACME.workspaceId)).toBeGreaterThan(0);
    expect(await b.tombstones()).toEqual([]);
  });

  it('deletes on request, even while installed, with the same tombstone naming who asked', async () => {
    now = T0;
    const url = await backend.fresh();
    const b = await bot(url, generateKeyEntry('k1'));
    await installed(b, ACME, token());
    const head = await b.store.ledgerHead(ACME.workspaceId);
    now = at(2);
    const tombstone = await b.deleteWorkspaceOnRequest(ACME.workspaceId, 'dpo@acme');
    expect(tombstone).toMatchObject({ reason: 'request', actor: 'dpo@acme', entries: head?.seq, headHash: head?.hash });
    for (const table of WORKSPACE_TABLES) expect(await count(url, table, ACME.workspaceId), table).toBe(0);
    expect(await b.deleteWorkspaceOnRequest(ACME.workspaceId, 'dpo@acme')).toBeNull();
    const rows = await backend.sql<Record<string, unknown>>(url, 'select * from tombstones');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workspace_id: ACME.workspaceId, reason: 'request', head_hash: head?.hash });
  });

  it('migration 0006 starts the period of a workspace already uninstalled at its last status change', async () => {
    now = T0;
    const url = await backend.fresh();
    const b = await bot(url, generateKeyEntry('k1'));
    await installed(b, ACME, token());
    now = at(3);
    await b.deactivateWorkspace(ACME.workspaceId, 'slack', 'app_uninstalled');
    now = at(5);
    await b.close();
    open.splice(open.indexOf(b), 1);
    // Back to the schema before 0006 (its down migration), then up again as an upgrade would.
    const db = openDatabase(parseDatabaseUrl(url), recordingLogger(logs));
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0004-ledger-integrity')).error).toBeUndefined();
    await db.destroy();
    const upgraded = await bot(url, generateKeyEntry('k1'));
    expect((await upgraded.store.getWorkspace(ACME.workspaceId))?.inactiveSince?.toISOString()).toBe(
      at(3).toISOString(),
    );
    expect(await upgraded.store.tombstones()).toEqual([]);
  });

  it('refuses a retention period that is not a whole number of days', async () => {
    const url = await backend.fresh();
    await expect(createDutybot({ databaseUrl: url, retentionDaysAfterUninstall: 'thirty' })).rejects.toThrow(
      /DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL must be a whole number of days/,
    );
    await expect(createDutybot({ databaseUrl: url, encryptionKey: 'k1:short' })).rejects.toThrow(/is not 32 bytes/);
  });
});
