import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Knowledge } from '../../src/knowledge/model.js';
import type { Messenger } from '../../src/ports/messenger.js';
import type { SchedulerDeps } from '../../src/scheduler/index.js';
import { defaultSettings, type WorkspaceSettings } from '../../src/settings/schema.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { freshPostgresDatabase } from './postgres.js';
import { recordingLogger } from './recording-logger.js';

export type Dialect = 'sqlite' | 'postgres';

/** A fresh database of either dialect: a temp SQLite file, or a new database on the test server. */
export async function freshDatabase(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'postgres') return freshPostgresDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'dutybot-sched-'));
  return { url: `sqlite:${join(dir, 'dutybot.sqlite')}`, drop: () => rm(dir, { recursive: true, force: true }) };
}

export async function openStore(
  dialect: Dialect,
): Promise<{ store: Store; url: string; cleanup: () => Promise<void> }> {
  const database = await freshDatabase(dialect);
  const store = await createStore(database.url);
  return {
    store,
    url: database.url,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}

export const rome = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Rome' }).toJSDate();

export function depsFor(
  store: Store,
  knowledge: Knowledge,
  messenger: Messenger | undefined,
  extra: Partial<SchedulerDeps> = {},
): SchedulerDeps & { logs: string[] } {
  const logs: string[] = [];
  return {
    store,
    knowledge,
    messengerFor: (platform) => (platform === 'local' ? messenger : undefined),
    workerId: 'worker-test',
    logger: recordingLogger(logs),
    options: { random: () => 0.5 },
    logs,
    ...extra,
  };
}

/** Only the website backup (monthly) is scheduled: short, readable scenarios. */
export function backupOnlySettings(overrides: Partial<WorkspaceSettings> = {}): WorkspaceSettings {
  const base = defaultSettings();
  return defaultSettings({
    services: ['rocketweb'],
    cadence: { ...base.cadence, ongoing_review: 'off' },
    digest: { ...base.digest, enabled: false },
    ...overrides,
  });
}
