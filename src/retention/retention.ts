import type { Logger } from '../logging/logger.js';
import type { Store, Tombstone } from '../store/types.js';

/**
 * How long an uninstalled workspace's ledger and settings are kept before they are deleted
 * (DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL). Its credentials are not kept at all: they go with the
 * uninstall itself (see Store.setWorkspaceStatus). Re-installing within the period keeps everything.
 */
export const RETENTION_DAYS_VARIABLE = 'DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL';
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Ten years: a longer period is a typo rather than a policy. */
const MAX_RETENTION_DAYS = 3650;

export class RetentionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetentionConfigError';
  }
}

/** The variable's value in whole days (0: deleted at the next periodic pass); blank means the default. */
export function parseRetentionDays(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(days) || days > MAX_RETENTION_DAYS)
    throw new RetentionConfigError(
      `${RETENTION_DAYS_VARIABLE} must be a whole number of days from 0 to ${MAX_RETENTION_DAYS} (default ${DEFAULT_RETENTION_DAYS}), not "${text}"`,
    );
  return days;
}

/** When the data of a workspace uninstalled at `inactiveSince` is due for deletion. */
export function retentionEnds(inactiveSince: Date, days: number): Date {
  return new Date(inactiveSince.getTime() + days * DAY_MS);
}

/** The actor a retention deletion is recorded under (no person asked for it). */
export const RETENTION_ACTOR = 'dutybot:retention';

/**
 * The periodic pass: every workspace uninstalled at least `days` ago is deleted, each in its own
 * transaction with its tombstone. A workspace re-installed since the query is skipped (the store
 * re-checks under the workspace's lock), so a sweep never races an install into a deletion.
 */
export async function deleteExpiredWorkspaces(
  store: Store,
  now: Date,
  days: number,
  logger: Logger,
): Promise<Tombstone[]> {
  // Uninstalled at or before the cutoff <=> its retention period has ended by now.
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const deleted: Tombstone[] = [];
  for (const workspace of await store.workspacesInactiveSince(cutoff)) {
    try {
      const tombstone = await store.deleteWorkspace(workspace.id, {
        reason: 'retention',
        actor: RETENTION_ACTOR,
        at: now,
        inactiveSince: cutoff,
      });
      if (!tombstone) continue;
      deleted.push(tombstone);
      logger.info('workspace data deleted after its retention period', {
        workspaceId: tombstone.workspaceId,
        entries: tombstone.entries,
        headHash: tombstone.headHash,
        retentionDays: days,
      });
    } catch (error) {
      // One workspace's failure must not keep the others past their period; the next pass retries it.
      logger.error('deleting a workspace after its retention period failed', { workspaceId: workspace.id, error });
    }
  }
  return deleted;
}
