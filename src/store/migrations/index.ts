import type { Migration, MigrationProvider } from 'kysely';
import { initialSchema } from './0001-initial.js';
import { workspaceLifecycle } from './0002-workspace-lifecycle.js';
import { outboxLeaseToken } from './0003-outbox-lease-token.js';
import { ledgerIntegrity } from './0004-ledger-integrity.js';
import { workspaceNames } from './0005-workspace-names.js';
import { credentialsRetention } from './0006-credentials-retention.js';
import { dashboardAccess } from './0007-dashboard-access.js';
import { calendarTokens } from './0008-calendar-tokens.js';

/**
 * Migrations live in code (not files read at runtime) so the compiled bundle carries them and a
 * new migration is a reviewed import. Names sort in the order they must run.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initialSchema,
  '0002-workspace-lifecycle': workspaceLifecycle,
  '0003-outbox-lease-token': outboxLeaseToken,
  '0004-ledger-integrity': ledgerIntegrity,
  '0005-workspace-names': workspaceNames,
  '0006-credentials-retention': credentialsRetention,
  '0007-dashboard-access': dashboardAccess,
  '0008-calendar-tokens': calendarTokens,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
