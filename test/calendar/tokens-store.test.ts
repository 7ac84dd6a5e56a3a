import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashCalendarToken, issueCalendarToken, liveCalendarToken } from '../../src/calendar/tokens.js';
import { defaultSettings } from '../../src/settings/schema.js';
import { createStore, type SqlStore } from '../../src/store/create-store.js';
import { STORE_BACKENDS, type StoreBackend } from '../support/postgres.js';

const T0 = new Date('2026-11-02T08:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(STORE_BACKENDS)('calendar tokens on $name', ({ make }) => {
  let backend: StoreBackend;
  let store: SqlStore;
  let url: string;

  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  async function fresh(): Promise<SqlStore> {
    url = await backend.fresh();
    store = await createStore(url);
    for (const id of ['wsA', 'wsB'])
      await store.createWorkspace({ id, platform: 'slack', settings: defaultSettings(), homeChannel: 'C1' }, 'U0', T0);
    return store;
  }

  it('stores only the hash of the secret, and finds a live token by it', async () => {
    const s = await fresh();
    const issued = await issueCalendarToken(s, { workspaceId: 'wsA', userId: 'U1', createdBy: 'U9', now: T0 });
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(issued.row).toMatchObject({ workspaceId: 'wsA', userId: 'U1', createdBy: 'U9', revokedAt: null });
    const rows = await backend.sql<Record<string, unknown>>(url, 'select * from calendar_tokens');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    expect(rows[0]?.token_hash).toBe(hashCalendarToken(issued.token));
    expect(await liveCalendarToken(s, issued.token)).toEqual(issued.row);
    // One character changed (never to itself: a token may end in "x" already, 1 time in 64).
    const other = issued.token.endsWith('x') ? 'y' : 'x';
    expect(await liveCalendarToken(s, `${issued.token.slice(0, -1)}${other}`)).toBeNull();
  });

  it('lists a workspace’s tokens newest first, and every workspace’s without one', async () => {
    const s = await fresh();
    const a1 = await issueCalendarToken(s, { workspaceId: 'wsA', userId: null, createdBy: 'U9', now: T0 });
    const a2 = await issueCalendarToken(s, { workspaceId: 'wsA', userId: 'U2', createdBy: 'U2', now: later(5) });
    const b1 = await issueCalendarToken(s, { workspaceId: 'wsB', userId: null, createdBy: 'U7', now: later(1) });
    expect((await s.calendarTokens('wsA')).map((t) => t.id)).toEqual([a2.row.id, a1.row.id]);
    expect((await s.calendarTokens('wsB')).map((t) => t.id)).toEqual([b1.row.id]);
    expect((await s.calendarTokens()).map((t) => t.id)).toEqual([a2.row.id, b1.row.id, a1.row.id]);
    expect((await s.calendarTokens('wsA'))[0]?.createdAt).toEqual(later(5));
  });

  it('revokes once, only within the workspace named, and a revoked token no longer resolves', async () => {
    const s = await fresh();
    const a = await issueCalendarToken(s, { workspaceId: 'wsA', userId: null, createdBy: 'U9', now: T0 });
    expect(await s.revokeCalendarToken(a.row.id, later(1), 'wsB')).toBe(false);
    expect(await liveCalendarToken(s, a.token)).not.toBeNull();
    expect(await s.revokeCalendarToken(a.row.id, later(2), 'wsA')).toBe(true);
    expect(await s.revokeCalendarToken(a.row.id, later(3))).toBe(false);
    expect(await liveCalendarToken(s, a.token)).toBeNull();
    expect((await s.calendarTokenByHash(hashCalendarToken(a.token)))?.revokedAt).toEqual(later(2));
    expect(await s.revokeCalendarToken('cal_nothing', later(4))).toBe(false);
  });
});
