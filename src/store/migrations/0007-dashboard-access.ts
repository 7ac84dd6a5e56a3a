import type { Kysely, Migration } from 'kysely';

/**
 * The web dashboard (issue 14):
 *  - `sign_in_links`: one-time links asked for in chat. Only the SHA-256 of the token is stored, so
 *    a database dump signs nobody in; `used_at` is set by the one UPDATE that consumes it.
 *    `platform_admin` is the platform's admin fact about the person when they asked (Slack admin,
 *    Teams owner): the web has no platform to ask, so the session carries it.
 *  - `dashboard_sessions`: store-backed sessions (the cookie carries a random id; only its hash is
 *    stored), one workspace and one user each, with the CSRF token of the session.
 *  - ledger page indexes: the dashboard pages the ledger newest first, filtered by person or kind;
 *    (workspace_id, actor, seq) and (workspace_id, kind, seq) keep each page an index range scan.
 */
export const dashboardAccess: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sign_in_links')
      .addColumn('token_hash', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('platform_admin', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createIndex('sign_in_links_expires_at').on('sign_in_links').column('expires_at').execute();

    await db.schema
      .createTable('dashboard_sessions')
      .addColumn('id_hash', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('platform_admin', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('csrf_token', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('last_seen_at', 'bigint', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('dashboard_sessions_expires_at')
      .on('dashboard_sessions')
      .column('expires_at')
      .execute();

    await db.schema
      .createIndex('audit_log_workspace_actor_seq')
      .on('audit_log')
      .columns(['workspace_id', 'actor', 'seq'])
      .execute();
    await db.schema
      .createIndex('audit_log_workspace_kind_seq')
      .on('audit_log')
      .columns(['workspace_id', 'kind', 'seq'])
      .execute();
    await db.schema
      .createIndex('confirmations_workspace_duty_seq')
      .on('confirmations')
      .columns(['workspace_id', 'duty_id', 'seq'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('confirmations_workspace_duty_seq').ifExists().execute();
    await db.schema.dropIndex('audit_log_workspace_kind_seq').ifExists().execute();
    await db.schema.dropIndex('audit_log_workspace_actor_seq').ifExists().execute();
    await db.schema.dropTable('dashboard_sessions').ifExists().execute();
    await db.schema.dropTable('sign_in_links').ifExists().execute();
  },
};
