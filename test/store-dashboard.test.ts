import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../src/settings/schema.js';
import { createStore, type SqlStore } from '../src/store/create-store.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';

/** The dashboard's tables (migration 0007): one-time links, sessions, the ledger page by page. */

const T0 = new Date('2026-03-02T08:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(STORE_BACKENDS)('dashboard tables on $name', ({ make }) => {
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

  async function fresh(): Promise<{ store: SqlStore; url: string }> {
    const url = await backend.fresh();
    const store = await createStore(url);
    open.push(store);
    await store.createWorkspace(
      { id: 'ws1', platform: 'slack', settings: defaultSettings(), homeChannel: 'C1' },
      'U1',
      T0,
    );
    return { store, url };
  }

  const link = (tokenHash: string, expiresAt = later(10)) => ({
    tokenHash,
    workspaceId: 'ws1',
    userId: 'U1',
    platformAdmin: true,
    createdAt: T0,
    expiresAt,
  });

  it('lets a link be used once, by exactly one of many concurrent clicks across two connections', async () => {
    const { store, url } = await fresh();
    const other = await createStore(url);
    open.push(other);
    await store.saveSignInLink(link('h1'));
    const clicks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).consumeSignInLink('h1', later(1))),
    );
    const winners = clicks.filter((c) => c !== null);
    expect(winners).toEqual([{ workspaceId: 'ws1', userId: 'U1', platformAdmin: true }]);
    expect(await store.consumeSignInLink('h1', later(2))).toBeNull();
    const rows = await backend.sql<{ used_at: number | string }>(
      url,
      'select used_at from sign_in_links where token_hash = ?',
      ['h1'],
    );
    expect(Number(rows[0]?.used_at)).toBe(later(1).getTime());
  });

  it('refuses an expired or unknown link and keeps only what it was given (a hash)', async () => {
    const { store, url } = await fresh();
    await store.saveSignInLink(link('h2', later(10)));
    expect(await store.consumeSignInLink('h2', later(10))).toBeNull();
    expect(await store.consumeSignInLink('nope', later(1))).toBeNull();
    const rows = await backend.sql(url, 'select * from sign_in_links');
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ['created_at', 'expires_at', 'platform_admin', 'token_hash', 'used_at', 'user_id', 'workspace_id'].sort(),
    );
  });

  it('stores, touches, finds, deletes and sweeps sessions', async () => {
    const { store } = await fresh();
    const session = {
      idHash: 's1',
      workspaceId: 'ws1',
      userId: 'U1',
      platformAdmin: false,
      csrfToken: 'c1',
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: later(30),
    };
    await store.saveDashboardSession(session);
    expect(await store.findDashboardSession('s1')).toEqual(session);
    await store.touchDashboardSession('s1', later(5), later(35));
    expect(await store.findDashboardSession('s1')).toMatchObject({ lastSeenAt: later(5), expiresAt: later(35) });
    await store.saveDashboardSession({ ...session, idHash: 's2', expiresAt: later(1) });
    await store.saveSignInLink(link('old', later(1)));
    expect(await store.sweepDashboardAccess(later(2))).toBe(2);
    expect(await store.findDashboardSession('s2')).toBeNull();
    await store.deleteDashboardSession('s1');
    expect(await store.findDashboardSession('s1')).toBeNull();
  });

  it('pages the ledger newest first by keyset, with filters by kind, person, duty and time', async () => {
    const { store } = await fresh();
    for (let i = 0; i < 12; i++) {
      await store.appendConfirmation({
        workspaceId: 'ws1',
        dutyId: i % 2 ? 'd-a' : 'd-b',
        occurrence: `2026-03-${String(i + 1).padStart(2, '0')}`,
        status: 'done',
        by: i % 3 ? 'U2' : 'U3',
        at: later(i + 1),
        note: null,
        evidenceUrl: null,
        reason: null,
        snoozedUntil: null,
        idempotencyKey: `k${i}`,
      });
    }
    const first = await store.ledgerPage('ws1', { limit: 5 });
    expect(first.map((e) => e.seq)).toEqual([13, 12, 11, 10, 9]);
    const second = await store.ledgerPage('ws1', { limit: 5, beforeSeq: 9 });
    expect(second.map((e) => e.seq)).toEqual([8, 7, 6, 5, 4]);
    const created = await store.ledgerPage('ws1', { limit: 5, kind: 'workspace.created' });
    expect(created.map((e) => e.seq)).toEqual([1]);
    const byU3 = await store.ledgerPage('ws1', { limit: 50, actor: 'U3' });
    expect(byU3.every((e) => e.actor === 'U3')).toBe(true);
    expect(byU3).toHaveLength(4);
    const dutyA = await store.ledgerPage('ws1', { limit: 50, dutyIds: ['d-a'] });
    expect(dutyA.map((e) => e.payload.dutyId)).toEqual(Array(6).fill('d-a'));
    expect(await store.ledgerPage('ws1', { limit: 50, dutyIds: [] })).toEqual([]);
    const window = await store.ledgerPage('ws1', { limit: 50, from: later(3), to: later(5) });
    expect(window.map((e) => e.seq)).toEqual([5, 4]);
    expect(await store.ledgerPage('other', { limit: 50 })).toEqual([]);
  });

  it('reads the confirmations of named occurrences only, every row of each', async () => {
    const { store } = await fresh();
    const row = (dutyId: string, occurrence: string, i: number, status: 'done' | 'snoozed' = 'done') => ({
      workspaceId: 'ws1',
      dutyId,
      occurrence,
      status,
      by: 'U2',
      at: later(i),
      note: null,
      evidenceUrl: null,
      reason: null,
      snoozedUntil: status === 'snoozed' ? later(60) : null,
      idempotencyKey: `c${i}`,
    });
    await store.appendConfirmation(row('d-a', '2026-03', 1, 'snoozed'));
    await store.appendConfirmation(row('d-a', '2026-03', 2));
    await store.appendConfirmation(row('d-a', '2026-04', 3));
    await store.appendConfirmation(row('d-b', '2026-03', 4));
    const found = await store.confirmationsOf('ws1', [
      { dutyId: 'd-a', occurrence: '2026-03' },
      { dutyId: 'd-b', occurrence: '2026-04' },
    ]);
    expect(found.map((c) => [c.dutyId, c.occurrence, c.status])).toEqual([
      ['d-a', '2026-03', 'snoozed'],
      ['d-a', '2026-03', 'done'],
    ]);
    expect(await store.confirmationsOf('ws1', [])).toEqual([]);
  });
});
