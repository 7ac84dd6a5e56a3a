import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Ledger integrity (issue 10):
 *  - `closings`: at most one closing entry (done or skipped) per workspace, duty and occurrence.
 *    Its primary key is what makes a second Done/Skip fail on SQLite and PostgreSQL alike, even
 *    from two processes; a `reopen` deletes the row (and is itself chained), so the next
 *    confirmation can close the occurrence again.
 *  - `confirmations.backfill`: 1 when an admin recorded a period that had already ended when the
 *    workspace was created; chained in the entry's payload and shown on every surface.
 * Existing ledgers are carried over: the first closing of each occurrence becomes its row.
 */
export const ledgerIntegrity: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('closings')
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('duty_id', 'text', (col) => col.notNull())
      .addColumn('occurrence', 'text', (col) => col.notNull())
      .addColumn('seq', 'integer', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('closed_by', 'text', (col) => col.notNull())
      .addColumn('at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('closings_pk', ['workspace_id', 'duty_id', 'occurrence'])
      .execute();
    await db.schema
      .alterTable('confirmations')
      .addColumn('backfill', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await sql`
      insert into closings (workspace_id, duty_id, occurrence, seq, status, closed_by, at)
      select c.workspace_id, c.duty_id, c.occurrence, c.seq, c.status, c.confirmed_by, c.at
      from confirmations c
      where c.status in ('done', 'skipped')
        and c.seq = (
          select min(f.seq) from confirmations f
          where f.workspace_id = c.workspace_id and f.duty_id = c.duty_id
            and f.occurrence = c.occurrence and f.status in ('done', 'skipped')
        )
    `.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('confirmations').dropColumn('backfill').execute();
    await db.schema.dropTable('closings').ifExists().execute();
  },
};
