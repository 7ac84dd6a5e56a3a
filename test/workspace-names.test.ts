import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import type { DutybotCore } from '../src/bot/types.js';
import { WORKSPACE_NAME_MAX, workspaceName } from '../src/bot/workspace-name.js';
import { defaultSettings } from '../src/settings/schema.js';
import { createStore, type SqlStore } from '../src/store/create-store.js';
import { hostileText } from './support/hostile-strings.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';

/** Workspace names (migration 0005): stored as the platform reports them, only on change, off the chain. */

const T0 = new Date('2026-03-02T08:00:00.000Z');

describe.each(STORE_BACKENDS)('workspace names on $name', ({ make }) => {
  let backend: StoreBackend;
  const open: Array<SqlStore | DutybotCore> = [];
  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    for (const closable of open.splice(0)) await closable.close();
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it('starts without a name, records one, writes only a change, and keeps the ledger untouched', async () => {
    const store = await createStore(await backend.fresh());
    open.push(store);
    await store.createWorkspace(
      { id: 'ws1', platform: 'slack', settings: defaultSettings(), homeChannel: 'C1' },
      'U1',
      T0,
    );
    expect((await store.getWorkspace('ws1'))?.name).toBeNull();
    const head = await store.ledgerHead('ws1');

    expect(await store.setWorkspaceName('ws1', 'Acme')).toBe(true);
    expect(await store.setWorkspaceName('ws1', 'Acme')).toBe(false);
    expect(await store.setWorkspaceName('ws1', 'Acme Corp')).toBe(true);
    expect((await store.getWorkspace('ws1'))?.name).toBe('Acme Corp');
    expect((await store.listWorkspaces())[0]?.name).toBe('Acme Corp');
    expect(await store.setWorkspaceName('nope', 'Ghost')).toBe(false);
    expect(await store.getWorkspace('nope')).toBeNull();

    // A rename is no duty event: the chain head did not move, and it still verifies.
    expect(await store.ledgerHead('ws1')).toEqual(head);
    expect((await store.verifyLedger('ws1')).ok).toBe(true);
  });

  it('keeps hostile text as text on one line (each surface renders it inert), through the facade', async () => {
    const bot = await createDutybot({ databaseUrl: await backend.fresh(), clock: () => T0 });
    open.push(bot);
    await bot.ensureWorkspace({ workspaceId: 'slack:T1', platform: 'slack', channelId: 'C1' }, 'U1');
    const hostile = hostileText();
    expect(await bot.nameWorkspace('slack:T1', hostile)).toBe(true);
    const expected = workspaceName(hostile);
    expect((await bot.findWorkspace('slack:T1'))?.name).toBe(expected);
    expect((await bot.workspace('slack:T1'))?.name).toBe(expected);
    // A platform that reports no name never erases the one known; an unknown workspace is not created.
    expect(await bot.nameWorkspace('slack:T1', '   ')).toBe(false);
    expect(await bot.nameWorkspace('slack:T1', undefined)).toBe(false);
    expect((await bot.findWorkspace('slack:T1'))?.name).toBe(expected);
    expect(await bot.nameWorkspace('slack:T404', 'Ghost')).toBe(false);
    expect(await bot.workspaces()).toHaveLength(1);
  });
});

describe('workspaceName', () => {
  it('keeps a name on one line, trimmed and bounded; blank is no name', () => {
    expect(workspaceName('  Acme\n\tCorp  ')).toBe('Acme Corp');
    expect(workspaceName('')).toBeNull();
    expect(workspaceName(' \n ')).toBeNull();
    expect(workspaceName(null)).toBeNull();
    const long = workspaceName('é'.repeat(500));
    expect([...(long ?? '')]).toHaveLength(WORKSPACE_NAME_MAX);
    expect(long?.endsWith('…')).toBe(true);
  });
});
