import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Secrets, uninstall and retention (issue 15):
 *  - `credentials`: installation tokens, each row one sealed (AES-256-GCM) value with the id of
 *    the key it is sealed under; `workspace_id` lets an uninstall delete a workspace's credentials
 *    at once, whatever platform wrote them. No column ever holds a token in clear.
 *  - `workspaces.inactive_since`: when the workspace was uninstalled (null while installed); its
 *    ledger and settings are deleted once the retention period after it has passed.
 *  - `tombstones`: what remains of a deleted workspace so the deletion itself is auditable — the
 *    final chain head and entry count, when, why (retention or request) and on whose word.
 * Workspaces already inactive count their period from their last status change.
 */
export const credentialsRetention: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('credentials')
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('key_id', 'text', (col) => col.notNull())
      .addColumn('sealed', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('credentials_workspace').on('credentials').column('workspace_id').execute();
    await db.schema.createIndex('credentials_key_id').on('credentials').column('key_id').execute();

    await db.schema
      .createTable('tombstones')
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('platform', 'text', (col) => col.notNull())
      .addColumn('entries', 'integer', (col) => col.notNull())
      .addColumn('head_hash', 'text', (col) => col.notNull())
      .addColumn('deleted_at', 'bigint', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('actor', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('tombstones_pk', ['workspace_id', 'deleted_at'])
      .execute();

    await db.schema.alterTable('workspaces').addColumn('inactive_since', 'bigint').execute();
    await sql`
      update workspaces set inactive_since = (
        select max(a.at) from audit_log a where a.workspace_id = workspaces.id and a.kind = 'workspace.status'
      )
      where status = 'inactive'
    `.execute(db);
    await sql`update workspaces set inactive_since = created_at where status = 'inactive' and inactive_since is null`.execute(
      db,
    );
    await db.schema.createIndex('workspaces_inactive_since').on('workspaces').column('inactive_since').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('workspaces_inactive_since').ifExists().execute();
    await db.schema.alterTable('workspaces').dropColumn('inactive_since').execute();
    await db.schema.dropTable('tombstones').ifExists().execute();
    await db.schema.dropTable('credentials').ifExists().execute();
  },
};
