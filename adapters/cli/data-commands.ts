import type { Dutybot, Tombstone } from '../../src/bot/types.js';
import { CliFailure, CliUsageError } from './errors.js';
import { OPERATOR_DATA } from './wording.js';

/**
 * The operator's commands about data that must go: deleting a workspace on request (a GDPR
 * deletion request), listing the tombstones deletions leave, and the encryption keys installation
 * tokens are sealed under. Each takes an open bot; the command table (commands.ts) opens it.
 */

/**
 * `dutybot workspace purge <id> --yes`: the whole ledger, settings, outbox, credentials and state
 * of one workspace, leaving a tombstone. Without --yes nothing is deleted: the line says what would
 * go and how to export it first.
 */
export async function purgeWorkspace(
  bot: Dutybot,
  workspaceId: string,
  confirmed: boolean,
  actor: string,
): Promise<number> {
  const workspace = await bot.findWorkspace(workspaceId);
  if (!workspace) {
    const known = (await bot.workspaces()).map((w) => w.id);
    throw new CliUsageError(OPERATOR_DATA.purgeUnknown(workspaceId, known));
  }
  if (!confirmed) throw new CliFailure(OPERATOR_DATA.purgeNeedsYes(workspace.id, workspace.entries));
  const tombstone = await bot.deleteWorkspaceOnRequest(workspace.id, actor);
  if (!tombstone) throw new CliFailure(OPERATOR_DATA.purgeUnknown(workspaceId, []));
  process.stdout.write(`${OPERATOR_DATA.purged(tombstoneLine(tombstone))}\n`);
  return 0;
}

/** `dutybot tombstones`: what remains of every deleted workspace, oldest first. */
export async function printTombstones(bot: Dutybot, json: boolean): Promise<number> {
  const tombstones = await bot.tombstones();
  if (json) {
    for (const t of tombstones) process.stdout.write(`${JSON.stringify(t)}\n`);
    return 0;
  }
  process.stdout.write(
    `${tombstones.length === 0 ? OPERATOR_DATA.noTombstones : tombstones.map(tombstoneLine).join('\n')}\n`,
  );
  return 0;
}

export function tombstoneLine(t: Tombstone): string {
  return OPERATOR_DATA.tombstone(t.workspaceId, t.platform, t.deletedAt, t.reason, t.actor, t.entries, t.headHash);
}

/**
 * `dutybot keys rotate`: every credential re-sealed under the first key of DUTYBOT_ENCRYPTION_KEY
 * (without the variable, the vault's own error says what to set).
 */
export async function rotateKeys(bot: Dutybot): Promise<number> {
  const report = await bot.rotateCredentialKeys();
  process.stdout.write(`${OPERATOR_DATA.rotated(report.currentKeyId, report.resealed, report.skipped)}\n`);
  return 0;
}
