import { afterEach, describe, expect, it } from 'vitest';
import type { MessageRef, PostRequest } from '../src/ports/messenger.js';
import { dispatchOutbox, planDue, recomputeWake } from '../src/scheduler/index.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/types.js';
import { testKnowledge } from './support/scheduler-knowledge.js';
import { RecordingMessenger } from './support/scheduler-messenger.js';
import { backupOnlySettings, type Dialect, depsFor, freshDatabase, rome } from './support/scheduler-setup.js';

/**
 * Leases fence delivery (issue 9): a worker whose lease ran out and was taken over never marks the
 * row, a post starts only with enough lease left for a whole call, and the production clock (the
 * tick's instant plus real elapsed time) drives those checks when no clock is injected.
 */

const knowledge = testKnowledge();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function twoConnections(dialect: Dialect): Promise<[Store, Store]> {
  const db = await freshDatabase(dialect);
  cleanups.push(db.drop);
  const a = await createStore(db.url);
  const b = await createStore(db.url);
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  return [a, b];
}

/** Holds every post until released, like a platform call that hangs past the lease. */
class StallingMessenger extends RecordingMessenger {
  release: () => void = () => {};
  readonly started: Promise<void>;
  private markStarted: () => void = () => {};
  constructor() {
    super();
    this.started = new Promise((resolve) => {
      this.markStarted = resolve;
    });
  }
  override async post(request: PostRequest): Promise<MessageRef> {
    this.markStarted();
    await new Promise<void>((resolve) => {
      this.release = resolve;
    });
    return super.post(request);
  }
}

describe.each<Dialect>(['sqlite', 'postgres'])('outbox leases on %s', (dialect) => {
  const created = rome('2026-10-31T12:00');
  const due = rome('2026-11-02T09:00');

  async function seed(store: Store) {
    await store.createWorkspace(
      { id: 'ws1', platform: 'local', settings: backupOnlySettings(), homeChannel: 'C-HOME' },
      'installer',
      created,
    );
    await recomputeWake(depsFor(store, knowledge, undefined), 'ws1', created);
  }

  it('lets the worker that took over an expired lease decide; the old holder never marks the row', async () => {
    const [storeA, storeB] = await twoConnections(dialect);
    await seed(storeA);
    const slow = new StallingMessenger();
    const fast = new RecordingMessenger();
    const a = depsFor(storeA, knowledge, slow, {
      workerId: 'worker-a',
      options: { random: () => 0.5, sendBudgetMs: 50 },
    });
    const b = depsFor(storeB, knowledge, fast, { workerId: 'worker-b' });
    await planDue(a, due);
    const first = dispatchOutbox(a, due);
    await slow.started;
    // A's 60 s lease is over: B claims the row and delivers it.
    const later = new Date(due.getTime() + 61_000);
    const taken = await dispatchOutbox(b, later);
    expect(taken.map((d) => d.status)).toEqual(['sent']);
    slow.release();
    const stale = await first;
    // A's call outlived its send budget: it is abandoned and A cannot record anything.
    expect(stale).toEqual([]);
    const key = taken[0]?.key as string;
    const row = await storeA.getDelivery(key);
    expect(fast.posts).toHaveLength(1);
    expect(row).toMatchObject({ status: 'sent', messageId: 'm1' });
    expect(a.logs.some((l) => l.includes('lease lost'))).toBe(true);
  });

  it('does not start a post when less than the send budget is left on the lease', async () => {
    const [store] = await twoConnections(dialect);
    await seed(store);
    const messenger = new RecordingMessenger();
    // The batch took 50 s of real time before reaching this row (the injected clock says so).
    const deps = depsFor(store, knowledge, messenger, {
      clock: () => new Date(due.getTime() + 50_000),
      options: { random: () => 0.5, sendBudgetMs: 25_000 },
    });
    await planDue(deps, due);
    const report = await dispatchOutbox(deps, due);
    expect(report.map((d) => d.status)).toEqual(['retry']);
    expect(messenger.attempts).toBe(0);
    const row = await store.getDelivery(report[0]?.key as string);
    expect(row?.lastError).toBe('lease nearly expired before sending');
    // Handed back untouched: the next dispatch delivers it.
    const again = await dispatchOutbox(depsFor(store, knowledge, messenger), due);
    expect(again.map((d) => d.status)).toEqual(['sent']);
  });

  it('checks leases on the production clock (the tick instant plus real elapsed time) when none is injected', async () => {
    const [store] = await twoConnections(dialect);
    const now = new Date();
    await store.createWorkspace(
      { id: 'ws1', platform: 'local', settings: backupOnlySettings(), homeChannel: 'C-HOME' },
      'installer',
      new Date(now.getTime() - 90 * 86_400_000),
    );
    const messenger = new RecordingMessenger();
    const deps = depsFor(store, knowledge, messenger);
    await store.enqueue([
      {
        key: 'ws1|welcome|now',
        workspaceId: 'ws1',
        kind: 'welcome',
        dutyId: null,
        occurrence: null,
        channel: 'C-HOME',
        payload: { kind: 'welcome', view: { lang: 'en', workspaceId: 'ws1', lines: ['hello'] } },
        createdAt: now,
        notBefore: now,
      },
    ]);
    const report = await dispatchOutbox(deps, now);
    expect(report.find((d) => d.key === 'ws1|welcome|now')?.status).toBe('sent');
    expect(messenger.keys()).toContain('ws1|welcome|now');
  });
});
