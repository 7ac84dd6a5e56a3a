import type { Kysely, Migration } from 'kysely';

/**
 * A workspace's life on its platform: `status` is `active` while the bot is installed and
 * `inactive` after an uninstall or a token revocation (the scheduler stops planning it; ledger,
 * settings and ledger are kept). `reminders_since` moves the "no burst on install" cut-off to
 * when the workspace first got a channel for its reminders (an OAuth install has none at first).
 */
export const workspaceLifecycle: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('workspaces')
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
      .execute();
    await db.schema.alterTable('workspaces').addColumn('reminders_since', 'bigint').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('workspaces').dropColumn('reminders_since').execute();
    await db.schema.alterTable('workspaces').dropColumn('status').execute();
  },
};
