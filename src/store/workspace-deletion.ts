import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { AuditLog } from './ledger-table.js';
import { toMs, toWorkspaceRow } from './row-mapping.js';
import type { Database, TombstonesTable } from './schema.js';
import type { DeletionReason, Platform, Tombstone, WorkspaceRow } from './types.js';

/** Tables whose rows belong to one workspace (`workspace_id`), deleted with it. */
const WORKSPACE_TABLES = [
  'closings',
  'confirmations',
  'audit_log',
  'deliveries',
  'credentials',
  'sign_in_links',
  'dashboard_sessions',
  'calendar_tokens',
] as const;

/**
 * Deleting a workspace's data: after its retention period, or on request. The ledger goes as a
 * whole chain in the same transaction as everything else of the workspace, never entry by entry,
 * and a tombstone keeps its final head hash and entry count, so what was deleted can still be
 * checked against a head noted elsewhere (`dutybot audit head`) or an export.
 */
export class WorkspaceDeletion {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async inactiveSince(cutoff: Date): Promise<WorkspaceRow[]> {
    const rows = await this.db
      .selectFrom('workspaces')
      .selectAll()
      .where('status', '=', 'inactive')
      .where('inactive_since', '<=', toMs(cutoff))
      .orderBy('inactive_since')
      .execute();
    return rows.map(toWorkspaceRow);
  }

  delete(
    workspaceId: string,
    deletion: { reason: DeletionReason; actor: string; at: Date; inactiveSince?: Date },
  ): Promise<Tombstone | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
      if (!row) return null;
      // Locks the workspace row (PostgreSQL) and reads the head no append can move any more.
      const head = await this.audit.lockHead(trx, workspaceId);
      if (deletion.inactiveSince) {
        // Re-read under the lock: a re-install since the sweep's query keeps everything.
        const current = await trx
          .selectFrom('workspaces')
          .select(['status', 'inactive_since'])
          .where('id', '=', workspaceId)
          .executeTakeFirst();
        const since = current?.inactive_since === null || current === undefined ? null : Number(current.inactive_since);
        if (current?.status !== 'inactive' || since === null || since > toMs(deletion.inactiveSince)) return null;
      }
      const tombstone: Tombstone = {
        workspaceId,
        platform: row.platform as Platform,
        entries: head.seq,
        headHash: head.hash,
        deletedAt: deletion.at,
        reason: deletion.reason,
        actor: deletion.actor,
      };
      await trx.insertInto('tombstones').values(toRow(tombstone)).execute();
      for (const table of WORKSPACE_TABLES) {
        await trx.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
      }
      await deleteKeyValueState(trx, workspaceId);
      await trx.deleteFrom('workspaces').where('id', '=', workspaceId).execute();
      return tombstone;
    });
  }

  async tombstones(): Promise<Tombstone[]> {
    const rows = await this.db
      .selectFrom('tombstones')
      .selectAll()
      .orderBy('deleted_at')
      .orderBy('workspace_id')
      .execute();
    return rows.map(fromRow);
  }
}

/**
 * Key-value state is keyed by the workspace id, alone or followed by `|` (conversation
 * references, message bindings, cards, model usage): both go. Compared with substr, not LIKE, so
 * an id holding `_` or `%` matches only itself.
 */
async function deleteKeyValueState(trx: Transaction<Database>, workspaceId: string): Promise<void> {
  const prefix = `${workspaceId}|`;
  await trx
    .deleteFrom('kv')
    .where((eb) =>
      eb.or([
        eb('key', '=', workspaceId),
        eb(sql<string>`substr(${sql.ref('key')}, 1, ${prefix.length})`, '=', prefix),
      ]),
    )
    .execute();
}

function toRow(t: Tombstone): TombstonesTable {
  return {
    workspace_id: t.workspaceId,
    platform: t.platform,
    entries: t.entries,
    head_hash: t.headHash,
    deleted_at: toMs(t.deletedAt),
    reason: t.reason,
    actor: t.actor,
  };
}

function fromRow(row: Selectable<TombstonesTable>): Tombstone {
  return {
    workspaceId: row.workspace_id,
    platform: row.platform as Platform,
    entries: Number(row.entries),
    headHash: row.head_hash,
    deletedAt: new Date(Number(row.deleted_at)),
    reason: row.reason === 'request' ? 'request' : 'retention',
    actor: row.actor,
  };
}
