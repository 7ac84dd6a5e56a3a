import { loadSnapshot } from '../schedule/status.js';
import type { WorkspaceRow } from '../store/types.js';
import { logOf, type SchedulerDeps } from './deps.js';
import { planWorkspace } from './plan.js';
import { describeError } from './redact.js';

/** A workspace whose planning threw is looked at again after this long (not in a hot loop). */
const PLAN_ERROR_BACKOFF_MS = 15 * 60_000;

/** Plans one workspace at `now`: enqueues what is due, stores the next wake-up; returns rows inserted. */
export async function planOne(deps: SchedulerDeps, workspace: WorkspaceRow, now: Date): Promise<number> {
  try {
    const snapshot = await loadSnapshot(deps.store, deps.knowledge, workspace);
    if (!snapshot) return 0;
    const plan = await planWorkspace(deps.store, snapshot, now);
    const inserted = await deps.store.enqueue(plan.deliveries);
    await deps.store.setNextWake(workspace.id, plan.nextWake);
    return inserted;
  } catch (error) {
    logOf(deps)(`planning workspace ${workspace.id} failed: ${describeError(error)}`);
    await deps.store.setNextWake(workspace.id, new Date(now.getTime() + PLAN_ERROR_BACKOFF_MS));
    return 0;
  }
}

/**
 * Re-plans one workspace now: enqueues anything already due and stores its next wake-up. Call it
 * after the workspace is created, after its settings change, and after confirmations.
 */
export async function recomputeWake(deps: SchedulerDeps, workspaceId: string, now: Date): Promise<void> {
  const workspace = await deps.store.getWorkspace(workspaceId);
  if (workspace) await planOne(deps, workspace, now);
}
