import { describeError } from '../logging/logger.js';
import { loadSnapshot } from '../occurrences/status.js';
import type { NewDelivery, WorkspaceRow } from '../store/types.js';
import { logOf, type SchedulerDeps } from './deps.js';
import { planWorkspace } from './plan.js';

/** A workspace whose planning threw is looked at again after this long (not in a hot loop). */
const PLAN_ERROR_BACKOFF_MS = 15 * 60_000;

/** Plans one workspace at `now`: enqueues what is due, stores the next wake-up; returns rows inserted. */
export async function planOne(deps: SchedulerDeps, workspace: WorkspaceRow, now: Date): Promise<number> {
  return planMany(deps, [workspace], now);
}

/** How many workspaces of a page are read and planned at once (pool connections on PostgreSQL). */
const PLAN_CONCURRENCY = 8;

/**
 * Plans a page of workspaces: reads and plans them a few at a time, enqueues everything in ONE
 * transaction, then stores each next wake-up. The order matters for crash safety: a wake-up is
 * only moved past `now` after what was due is safely in the outbox; a crash in between leaves the
 * workspace due, and re-planning it is a no-op for what was already enqueued.
 */
export async function planMany(deps: SchedulerDeps, workspaces: readonly WorkspaceRow[], now: Date): Promise<number> {
  const wakes = new Map<string, Date | null>();
  const deliveries: NewDelivery[] = [];
  await inParallel(workspaces, PLAN_CONCURRENCY, async (workspace) => {
    try {
      const snapshot = await loadSnapshot(deps.store, deps.knowledge, workspace);
      if (!snapshot) return;
      const plan = await planWorkspace(deps.store, snapshot, now);
      deliveries.push(...plan.deliveries);
      wakes.set(workspace.id, plan.nextWake);
    } catch (error) {
      logOf(deps)(`planning workspace ${workspace.id} failed: ${describeError(error)}`);
      wakes.set(workspace.id, new Date(now.getTime() + PLAN_ERROR_BACKOFF_MS));
    }
  });
  // Same key order in every replica: two planners inserting an overlapping page then take the
  // unique-index locks in the same order and wait for each other instead of deadlocking.
  deliveries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inserted = await enqueueWithRetry(deps, deliveries);
  await inParallel([...wakes], PLAN_CONCURRENCY, ([id, at]) => deps.store.setNextWake(id, at));
  return inserted;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Re-plans one workspace now: enqueues anything already due and stores its next wake-up. Call it
 * after the workspace is created, after its settings change, and after confirmations.
 */
export async function recomputeWake(deps: SchedulerDeps, workspaceId: string, now: Date): Promise<void> {
  const workspace = await deps.store.getWorkspace(workspaceId);
  if (workspace) await planOne(deps, workspace, now);
}

/** PostgreSQL's "deadlock detected" / "serialization failure": safe to retry, the insert is idempotent. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);

async function enqueueWithRetry(deps: SchedulerDeps, deliveries: readonly NewDelivery[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.enqueue(deliveries);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !RETRYABLE_SQLSTATES.has(code)) throw error;
      logOf(deps)(`enqueue hit ${code}, retrying (attempt ${attempt + 1})`);
    }
  }
}
