import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../src/settings/schema.js';
import { createStore, type SqlStore } from '../src/store/create-store.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';

/** A workspace's life in the store: home channel set once, active/inactive, failed deliveries re-queued. */

const T0 = new Date('2026-03-02T08:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(STORE_BACKENDS)('workspace lifecycle on $name', ({ make }) => {
  let backend: StoreBackend;
  const open: SqlStore[] = [];
  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  async function fresh(homeChannel: string | null): Promise<{ store: SqlStore; url: string }> {
    const url = await backend.fresh();
    const store = await createStore(url);
    open.push(store);
    await store.createWorkspace({ id: 'ws1', platform: 'slack', settings: defaultSettings(), homeChannel }, 'U1', T0);
    return { store, url };
  }

  it('starts active, with no cut-off other than its creation', async () => {
    const { store } = await fresh('C1');
    expect(await store.getWorkspace('ws1')).toMatchObject({
      status: 'active',
      remindersSince: null,
      homeChannel: 'C1',
    });
  });

  it('sets the home channel only while empty, once across concurrent callers, with an audit entry', async () => {
    const { store, url } = await fresh(null);
    const other = await createStore(url);
    open.push(other);
    const results = await Promise.all([
      store.setHomeChannelIfUnset('ws1', 'CA', { actor: 'UA', at: later(1) }, later(1)),
      other.setHomeChannelIfUnset('ws1', 'CB', { actor: 'UB', at: later(1) }, later(1)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const ws = await store.getWorkspace('ws1');
    expect(['CA', 'CB']).toContain(ws?.homeChannel);
    expect(ws?.remindersSince?.toISOString()).toBe(later(1).toISOString());
    expect(await store.setHomeChannelIfUnset('ws1', 'CC', { actor: 'UC', at: later(2) }, null)).toBe(false);
    const entries = (await store.ledgerEntries('ws1')).filter((e) => e.kind === 'workspace.home_channel');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.payload).toEqual({ homeChannel: ws?.homeChannel });
    expect((await store.verifyLedger('ws1')).ok).toBe(true);
  });

  it('deactivates (no wake-up, not due) and reactivates, auditing each change once', async () => {
    const { store } = await fresh('C1');
    await store.setNextWake('ws1', later(5));
    expect(
      await store.setWorkspaceStatus('ws1', 'inactive', { actor: 'slack', at: later(1), reason: 'app_uninstalled' }),
    ).toBe(true);
    expect(
      await store.setWorkspaceStatus('ws1', 'inactive', { actor: 'slack', at: later(1), reason: 'tokens_revoked' }),
    ).toBe(false);
    expect(await store.getWorkspace('ws1')).toMatchObject({ status: 'inactive', nextWakeAt: null });
    // Even if a late planner stores a wake-up, an inactive workspace is never due.
    await store.setNextWake('ws1', later(2));
    expect(await store.dueWorkspaces(later(10), 10)).toEqual([]);
    expect(
      await store.setWorkspaceStatus('ws1', 'active', { actor: 'U1', at: later(3), reason: 'installed again' }),
    ).toBe(true);
    expect((await store.dueWorkspaces(later(10), 10)).map((w) => w.id)).toEqual(['ws1']);
    const kinds = (await store.ledgerEntries('ws1')).map((e) => [e.kind, e.payload.status ?? null]);
    expect(kinds).toEqual([
      ['workspace.created', null],
      ['workspace.status', 'inactive'],
      ['workspace.status', 'active'],
    ]);
  });

  it("holds an uninstalled workspace's messages until it is active again, and drops its queued notices", async () => {
    const { store } = await fresh('C1');
    const row = (key: string, kind: 'reminder' | 'notice') => ({
      key,
      workspaceId: 'ws1',
      kind,
      dutyId: 'd',
      occurrence: key,
      channel: 'C1',
      payload: { kind },
      createdAt: T0,
      notBefore: T0,
    });
    await store.enqueue([row('reminder-1', 'reminder'), row('notice-1', 'notice')]);
    expect(
      await store.setWorkspaceStatus('ws1', 'inactive', { actor: 'slack', at: T0, reason: 'app_uninstalled' }),
    ).toBe(true);
    expect(await store.claimDeliveries(later(1), 'w', 10, 60_000)).toEqual([]);
    expect(await store.getDelivery('notice-1')).toMatchObject({ status: 'failed' });
    expect((await store.getDelivery('notice-1'))?.lastError).toMatch(/^cancelled:/);
    await store.setWorkspaceStatus('ws1', 'active', { actor: 'slack', at: later(2), reason: 'installed again' });
    expect((await store.claimDeliveries(later(3), 'w', 10, 60_000)).map((d) => d.key)).toEqual(['reminder-1']);
  });

  it('puts back only failed deliveries among the given keys', async () => {
    const { store } = await fresh('C1');
    const row = (key: string) => ({
      key,
      workspaceId: 'ws1',
      kind: 'reminder' as const,
      dutyId: 'd',
      occurrence: key,
      channel: 'C1',
      payload: { kind: 'reminder' },
      createdAt: T0,
      notBefore: T0,
    });
    await store.enqueue([row('failed-current'), row('failed-old'), row('sent')]);
    const claimed = await store.claimDeliveries(T0, 'w', 10, 60_000);
    expect(claimed).toHaveLength(3);
    const lease = (key: string) => {
      const held = claimed.find((d) => d.key === key)?.lease;
      if (!held) throw new Error(`no lease on ${key}`);
      return held;
    };
    await store.markFailed(lease('failed-current'), 'account_inactive', T0);
    await store.markFailed(lease('failed-old'), 'account_inactive', T0);
    await store.markSent(lease('sent'), { channel: 'C1', id: '1.1' }, T0);
    expect(await store.requeueFailed(['failed-current', 'sent', 'missing'], later(60))).toBe(1);
    expect(await store.getDelivery('failed-current')).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await store.getDelivery('failed-current'))?.notBefore.toISOString()).toBe(later(60).toISOString());
    expect((await store.getDelivery('failed-old'))?.status).toBe('failed');
    expect((await store.getDelivery('sent'))?.status).toBe('sent');
    expect((await store.claimDeliveries(later(60), 'w', 10, 60_000)).map((d) => d.key)).toEqual(['failed-current']);
  });
});
