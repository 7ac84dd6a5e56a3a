import type { Kysely, Migration } from 'kysely';

/**
 * The name people know a workspace by (the Slack workspace's or the Teams team's name), so an
 * operator can tell `slack:T0…` from `teams:…:19:…` without looking ids up. It is text the
 * platform's admins chose: shown inert, never part of the ledger's chain, null until learnt.
 */
export const workspaceNames: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('workspaces').addColumn('name', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('workspaces').dropColumn('name').execute();
  },
};
