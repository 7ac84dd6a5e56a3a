import type { Kysely, Migration } from 'kysely';

/**
 * Calendar feed tokens (issue 14): a secret URL `/calendar/<token>.ics` per workspace or per
 * person. Only the SHA-256 of the token is stored, so a database dump does not hand out feeds;
 * `id` is the public handle shown in lists and used to revoke. Revoked rows are kept (with when),
 * so the list tells an admin which feeds existed and that they stopped working.
 */
export const calendarTokens: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('calendar_tokens')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text')
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('calendar_tokens_workspace')
      .on('calendar_tokens')
      .columns(['workspace_id', 'created_at'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('calendar_tokens').ifExists().execute();
  },
};
