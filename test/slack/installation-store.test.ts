import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  installationCredentialName,
  LEGACY_INSTALLATIONS_NAMESPACE,
  StoreInstallationStore,
} from '../../adapters/slack/installation-store.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { DutybotCore } from '../../src/bot/types.js';
import { generateKeyEntry } from '../../src/secrets/keyring.js';
import { recordingLogger } from '../support/recording-logger.js';

/**
 * The Slack installation store over the core's sealed credentials: installations of an earlier
 * version (clear JSON in the key-value table) are sealed on first read and their clear rows
 * deleted; org-wide installs serve the org's workspaces; a tampered row is refused, never
 * mistaken for "not installed".
 */

const token = () => ['xoxb', '5', randomBytes(10).toString('hex')].join('-');

function installation(teamId: string | null, enterpriseId: string | null, bot: string): Installation {
  return {
    team: teamId ? { id: teamId } : undefined,
    enterprise: enterpriseId ? { id: enterpriseId } : undefined,
    isEnterpriseInstall: teamId === null,
    bot: { token: bot, scopes: ['chat:write'], id: 'B1', userId: 'UDUTYBOT' },
    user: { id: 'UADMIN', token: undefined, scopes: undefined },
    authVersion: 'v2',
  } as Installation;
}

describe('Slack installation store', () => {
  let dir: string;
  let file: string;
  let bot: DutybotCore;
  let store: StoreInstallationStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutybot-installations-'));
    file = join(dir, 'db.sqlite');
    bot = await createDutybot({
      databaseUrl: `sqlite:${file}`,
      encryptionKey: generateKeyEntry('k1'),
      logger: recordingLogger(),
    });
    store = new StoreInstallationStore(bot.credentials, bot.keyValue);
  });
  afterAll(async () => {
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function sql(statement: string): unknown[] {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(statement).all();
    } finally {
      db.close();
    }
  }

  it('seals an installation kept in clear by an earlier version on first read, and deletes the clear row', async () => {
    const old = token();
    await bot.keyValue.kvSet(LEGACY_INSTALLATIONS_NAMESPACE, 'team:-:TOLD', installation('TOLD', null, old));
    expect(JSON.stringify(sql('select value from kv'))).toContain(old);

    const found = await store.fetchInstallation({
      teamId: 'TOLD',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(found.bot?.token).toBe(old);
    expect(sql(`select key from kv where namespace = '${LEGACY_INSTALLATIONS_NAMESPACE}'`)).toEqual([]);
    const rows = sql('select name, workspace_id, key_id, sealed from credentials');
    expect(rows).toMatchObject([{ name: 'slack-installation:team:-:TOLD', workspace_id: 'slack:TOLD', key_id: 'k1' }]);
    expect(JSON.stringify(rows)).not.toContain(old);
    expect(
      (await store.fetchInstallation({ teamId: 'TOLD', enterpriseId: undefined, isEnterpriseInstall: false })).bot
        ?.token,
    ).toBe(old);
  });

  it('serves an org-wide installation to the workspaces of its org, and deletes it', async () => {
    const org = token();
    await store.storeInstallation(installation(null, 'EORG', org));
    expect(sql("select workspace_id from credentials where name like '%EORG%'")).toEqual([
      { workspace_id: 'slack:EORG:' },
    ]);
    const forTeam = await store.fetchInstallation({ teamId: 'T1', enterpriseId: 'EORG', isEnterpriseInstall: false });
    expect(forTeam.bot?.token).toBe(org);
    await store.deleteInstallation({ teamId: undefined, enterpriseId: 'EORG', isEnterpriseInstall: true });
    await expect(
      store.fetchInstallation({ teamId: 'T1', enterpriseId: 'EORG', isEnterpriseInstall: false }),
    ).rejects.toThrow('dutybot is not installed in Slack EORGT1');
  });

  it('refuses a tampered row instead of treating the workspace as not installed', async () => {
    await store.storeInstallation(installation('TTAMPER', null, token()));
    const name = installationCredentialName({ teamId: 'TTAMPER' });
    const db = new Database(file);
    const other = installationCredentialName({ teamId: 'TOLD' });
    // A sealed value moved from another row does not open under this row's name.
    db.prepare('update credentials set sealed = (select sealed from credentials where name = ?) where name = ?').run(
      other,
      name,
    );
    db.close();
    await expect(
      store.fetchInstallation({ teamId: 'TTAMPER', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/does not open/);
  });
});
