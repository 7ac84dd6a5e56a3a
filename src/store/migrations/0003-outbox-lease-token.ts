import type { Kysely } from 'kysely';

/**
 * Outbox fencing and failure reporting.
 * - `lease_token`: a fresh random token per claim. Marking a row (sent / retry / failed) requires
 *   the caller's owner AND token, so a worker whose lease expired (and whose row another worker
 *   took) can never overwrite the new holder's outcome — not even the same worker after a restart.
 * - `first_error_at`: when delivery first failed, so transient failures can be given up on after
 *   a bounded time and reported like permanent ones.
 * - `reported_at`: when the workspace's admins were told about a failed delivery (told once).
 */
export const outboxLeaseToken = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('deliveries').addColumn('lease_token', 'text').execute();
    await db.schema.alterTable('deliveries').addColumn('first_error_at', 'bigint').execute();
    await db.schema.alterTable('deliveries').addColumn('reported_at', 'bigint').execute();
    await db.schema
      .createIndex('deliveries_workspace_status')
      .on('deliveries')
      .columns(['workspace_id', 'status'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('deliveries_workspace_status').ifExists().execute();
    for (const column of ['reported_at', 'first_error_at', 'lease_token']) {
      await db.schema.alterTable('deliveries').dropColumn(column).execute();
    }
  },
};
