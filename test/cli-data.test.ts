import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import { parseKeyring } from '../src/secrets/keyring.js';
import { useCli } from './support/cli.js';
import { recordingLogger } from './support/recording-logger.js';

/**
 * The operator's commands for data that must go and the keys tokens are sealed under, run as the
 * built `dutybot` binary: `workspace purge` (a GDPR deletion request) asks for --yes and an export
 * first, leaves a tombstone that `tombstones` shows; `keys generate` prints a usable entry and
 * `keys rotate` re-seals every credential under the first key; `start` refuses Slack OAuth without one.
 */

const { run: cli, dir } = useCli('unused.sqlite');
const SLACK = { workspaceId: 'slack:TACME', platform: 'slack' as const, channelId: 'CACME' };
const TEAMS = { workspaceId: 'teams:tenant:team', platform: 'teams' as const, channelId: '19:x@thread.tacv2' };

async function store(name: string, encryptionKey?: string): Promise<{ env: Record<string, string>; file: string }> {
  const file = join(dir(), name);
  const bot = await createDutybot({
    databaseUrl: `sqlite:${file}`,
    logger: recordingLogger(),
    ...(encryptionKey ? { encryptionKey } : {}),
  });
  await bot.ensureWorkspace(SLACK, 'UADMIN');
  await bot.ensureWorkspace(TEAMS, 'aad-admin');
  if (encryptionKey) await bot.credentials.save('slack-installation:team:-:TACME', SLACK.workspaceId, { token: 'x' });
  await bot.close();
  return { env: { DATABASE_URL: `sqlite:${file}` }, file };
}

function count(file: string, statement: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(statement).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('dutybot workspace purge and tombstones', () => {
  it('deletes nothing without --yes, and says to export first', async () => {
    const { env, file } = await store('purge-no.sqlite');
    const refused = cli(['workspace', 'purge', SLACK.workspaceId], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing deleted');
    expect(refused.stderr).toContain(`dutybot export --workspace ${SLACK.workspaceId} --format json --out`);
    expect(refused.stderr).toContain('--yes');
    expect(count(file, "select count(*) as n from audit_log where workspace_id = 'slack:TACME'")).toBe(1);
    const unknown = cli(['workspace', 'purge', 'slack:TNOPE', '--yes'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no workspace "slack:TNOPE" to delete');
    expect(cli(['workspace', 'remove', SLACK.workspaceId], { env }).code).toBe(2);
  });

  it('deletes one workspace on request with --yes, leaving a tombstone the operator can list', async () => {
    const { env, file } = await store('purge-yes.sqlite');
    const db = new Database(file, { readonly: true });
    const { hash } = db.prepare("select head_hash as hash from workspaces where id = 'slack:TACME'").get() as {
      hash: string;
    };
    db.close();
    const done = cli(['workspace', 'purge', SLACK.workspaceId, '--yes', '--by', 'dpo@acme'], { env });
    expect(done.code).toBe(0);
    // The deletion is also a log line (stderr), for the deployment's log collector.
    expect(JSON.parse(done.stderr.trim())).toMatchObject({
      level: 'info',
      msg: 'workspace data deleted on request',
      workspaceId: SLACK.workspaceId,
      headHash: hash,
    });
    expect(done.stdout).toContain(`deleted: ${SLACK.workspaceId} (slack)`);
    expect(done.stdout).toContain('on request by dpo@acme');
    expect(count(file, "select count(*) as n from audit_log where workspace_id = 'slack:TACME'")).toBe(0);
    expect(count(file, 'select count(*) as n from credentials')).toBe(0);
    expect(count(file, "select count(*) as n from audit_log where workspace_id = 'teams:tenant:team'")).toBe(1);

    const listed = cli(['tombstones'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`ledger of 1 entries, final head ${hash}`);
    const json = cli(['tombstones', '--json'], { env });
    expect(JSON.parse(json.stdout.trim())).toMatchObject({
      workspaceId: SLACK.workspaceId,
      reason: 'request',
      actor: 'dpo@acme',
      entries: 1,
      headHash: hash,
    });
    expect(cli(['workspaces'], { env }).stdout).not.toContain(SLACK.workspaceId);
  });
});

describe('dutybot status after an uninstall', () => {
  it('says when the uninstalled workspace will be deleted, per DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL', async () => {
    const { env } = await store('status.sqlite');
    const bot = await createDutybot({
      databaseUrl: env.DATABASE_URL,
      logger: recordingLogger(),
      clock: () => new Date('2026-12-01T10:00:00Z'),
    });
    await bot.deactivateWorkspace(SLACK.workspaceId, 'slack', 'app_uninstalled');
    await bot.close();
    const shown = cli(['status'], { env: { ...env, DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL: '7' } });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(
      'uninstalled: its ledger and settings are deleted after 2026-12-08T10:00:00.000Z unless it is installed again',
    );
    const json = JSON.parse(cli(['status', '--json'], { env }).stdout) as {
      workspaces: { id: string; deletionDueAt: string | null }[];
    };
    expect(json.workspaces.find((w) => w.id === SLACK.workspaceId)?.deletionDueAt).toBe('2026-12-31T10:00:00.000Z');
    expect(json.workspaces.find((w) => w.id === TEAMS.workspaceId)?.deletionDueAt).toBeNull();
  });
});

describe('dutybot keys', () => {
  it('generates an entry the keyring accepts, on stdout alone', () => {
    const generated = cli(['keys', 'generate', '--id', 'k7']);
    expect(generated.code).toBe(0);
    const entry = generated.stdout.trim();
    expect(parseKeyring(entry).currentId).toBe('k7');
    expect(generated.stderr).toContain('FIRST in DUTYBOT_ENCRYPTION_KEY');
  });

  it('re-seals every credential under the first key; refuses without a key', async () => {
    const oldKey = cli(['keys', 'generate', '--id', 'old']).stdout.trim();
    const newKey = cli(['keys', 'generate', '--id', 'new']).stdout.trim();
    const { env, file } = await store('keys.sqlite', oldKey);
    const missing = cli(['keys', 'rotate'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DUTYBOT_ENCRYPTION_KEY is not set');
    const rotated = cli(['keys', 'rotate'], { env: { ...env, DUTYBOT_ENCRYPTION_KEY: `${newKey},${oldKey}` } });
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('every credential is sealed under key "new": 1 re-sealed');
    expect(count(file, "select count(*) as n from credentials where key_id = 'new'")).toBe(1);
    // Errors never print key material.
    const bad = cli(['keys', 'rotate'], { env: { ...env, DUTYBOT_ENCRYPTION_KEY: `${newKey.slice(0, 20)}` } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not 32 bytes');
    expect(bad.stderr).not.toContain(newKey.slice(4, 20));
  });
});

describe('dutybot start with Slack OAuth', () => {
  it('refuses to start without DUTYBOT_ENCRYPTION_KEY, exiting non-zero with what to do', () => {
    const started = cli(['start'], {
      env: {
        DATABASE_URL: `sqlite:${join(dir(), 'start.sqlite')}`,
        SLACK_SIGNING_SECRET: 'cli-signing-secret-0123456789',
        SLACK_CLIENT_ID: '1111.2222',
        SLACK_CLIENT_SECRET: 'client-secret-for-tests',
        SLACK_STATE_SECRET: 'state-secret-for-tests-0123456789',
        PORT: '0',
        HOST: '127.0.0.1',
        DUTYBOT_LOG_LEVEL: 'silent',
      },
    });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain(
      'DUTYBOT_ENCRYPTION_KEY is not set: installation tokens (Slack OAuth) are stored encrypted',
    );
  });
});
