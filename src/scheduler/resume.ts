import { isPending, loadSnapshot, workspaceStatuses } from '../occurrences/status.js';
import type { SchedulerDeps } from './deps.js';
import { escalationKey, followUpKey, reminderKey } from './keys.js';
import { recomputeWake } from './wake.js';

/**
 * After a workspace is installed again: what failed while the bot was gone (typically every post
 * after the uninstall, with `account_inactive` / `invalid_auth`) is sent again — but only for the
 * occurrences still current and open; older ones are superseded and stay failed, as they were.
 * Then the workspace is planned again. Returns how many deliveries were put back.
 */
export async function resumeWorkspace(deps: SchedulerDeps, workspaceId: string, now: Date): Promise<number> {
  const snapshot = await loadSnapshot(deps.store, deps.knowledge, workspaceId);
  if (!snapshot) return 0;
  const keys = workspaceStatuses(snapshot, now)
    .filter(isPending)
    .flatMap(({ duty, occurrence }) => [
      reminderKey(workspaceId, duty.id, occurrence.key),
      followUpKey(workspaceId, duty.id, occurrence.key),
      escalationKey(workspaceId, duty.id, occurrence.key),
    ]);
  const requeued = await deps.store.requeueFailed(keys, now);
  await recomputeWake(deps, workspaceId, now);
  return requeued;
}
