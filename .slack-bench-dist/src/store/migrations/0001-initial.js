/**
 * Initial schema. Instants are epoch milliseconds in `bigint` columns (SQLite stores them as
 * INTEGER); JSON is stored as text so both dialects read it back the same way.
 */
export const initialSchema = {
    async up(db) {
        await db.schema
            .createTable('workspaces')
            .addColumn('id', 'text', (col) => col.primaryKey())
            .addColumn('platform', 'text', (col) => col.notNull())
            .addColumn('settings', 'text', (col) => col.notNull())
            .addColumn('home_channel', 'text')
            .addColumn('next_wake_at', 'bigint')
            .addColumn('created_at', 'bigint', (col) => col.notNull())
            .addColumn('head_seq', 'integer', (col) => col.notNull().defaultTo(0))
            .addColumn('head_hash', 'text', (col) => col.notNull())
            .execute();
        await db.schema.createIndex('workspaces_next_wake_at').on('workspaces').column('next_wake_at').execute();
        await db.schema
            .createTable('audit_log')
            .addColumn('workspace_id', 'text', (col) => col.notNull())
            .addColumn('seq', 'integer', (col) => col.notNull())
            .addColumn('kind', 'text', (col) => col.notNull())
            .addColumn('actor', 'text', (col) => col.notNull())
            .addColumn('at', 'bigint', (col) => col.notNull())
            .addColumn('payload', 'text', (col) => col.notNull())
            .addColumn('prev_hash', 'text', (col) => col.notNull())
            .addColumn('hash', 'text', (col) => col.notNull())
            .addPrimaryKeyConstraint('audit_log_pk', ['workspace_id', 'seq'])
            .execute();
        await db.schema.createIndex('audit_log_workspace_at').on('audit_log').columns(['workspace_id', 'at']).execute();
        await db.schema
            .createTable('confirmations')
            .addColumn('workspace_id', 'text', (col) => col.notNull())
            .addColumn('seq', 'integer', (col) => col.notNull())
            .addColumn('duty_id', 'text', (col) => col.notNull())
            .addColumn('occurrence', 'text', (col) => col.notNull())
            .addColumn('status', 'text', (col) => col.notNull())
            .addColumn('confirmed_by', 'text', (col) => col.notNull())
            .addColumn('at', 'bigint', (col) => col.notNull())
            .addColumn('note', 'text')
            .addColumn('evidence_url', 'text')
            .addColumn('reason', 'text')
            .addColumn('snoozed_until', 'bigint')
            .addColumn('hash', 'text', (col) => col.notNull())
            .addColumn('idempotency_key', 'text', (col) => col.notNull())
            .addPrimaryKeyConstraint('confirmations_pk', ['workspace_id', 'seq'])
            .addUniqueConstraint('confirmations_idempotency', ['workspace_id', 'idempotency_key'])
            .execute();
        await db.schema
            .createIndex('confirmations_duty_occurrence')
            .on('confirmations')
            .columns(['workspace_id', 'duty_id', 'occurrence'])
            .execute();
        await db.schema
            .createIndex('confirmations_workspace_at')
            .on('confirmations')
            .columns(['workspace_id', 'at'])
            .execute();
        await db.schema
            .createTable('deliveries')
            .addColumn('key', 'text', (col) => col.primaryKey())
            .addColumn('workspace_id', 'text', (col) => col.notNull())
            .addColumn('kind', 'text', (col) => col.notNull())
            .addColumn('duty_id', 'text')
            .addColumn('occurrence', 'text')
            .addColumn('channel', 'text', (col) => col.notNull())
            .addColumn('payload', 'text', (col) => col.notNull())
            .addColumn('status', 'text', (col) => col.notNull())
            .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
            .addColumn('not_before', 'bigint', (col) => col.notNull())
            .addColumn('lease_owner', 'text')
            .addColumn('lease_until', 'bigint')
            .addColumn('last_error', 'text')
            .addColumn('message_channel', 'text')
            .addColumn('message_id', 'text')
            .addColumn('created_at', 'bigint', (col) => col.notNull())
            .addColumn('sent_at', 'bigint')
            .execute();
        await db.schema
            .createIndex('deliveries_status_not_before')
            .on('deliveries')
            .columns(['status', 'not_before'])
            .execute();
        await db.schema
            .createTable('kv')
            .addColumn('namespace', 'text', (col) => col.notNull())
            .addColumn('key', 'text', (col) => col.notNull())
            .addColumn('value', 'text', (col) => col.notNull())
            .addColumn('expires_at', 'bigint')
            .addPrimaryKeyConstraint('kv_pk', ['namespace', 'key'])
            .execute();
        await db.schema.createIndex('kv_expires_at').on('kv').column('expires_at').execute();
    },
    async down(db) {
        for (const table of ['kv', 'deliveries', 'confirmations', 'audit_log', 'workspaces']) {
            await db.schema.dropTable(table).ifExists().execute();
        }
    },
};
//# sourceMappingURL=0001-initial.js.map