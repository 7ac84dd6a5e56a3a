import { Migrator } from 'kysely';
import type { Logger } from '../logging/logger.js';
import { processLogger } from '../logging/pino-logger.js';
import { type DatabaseTarget, describeUrl, openDatabase, parseDatabaseUrl } from './database.js';
import { migrationProvider } from './migrations/index.js';
import { KyselySqlStore, type SqlStore } from './sql-store.js';

/**
 * Opens the store behind a database URL and brings its schema up to date:
 * `sqlite:<path>` (parent directory created; WAL, busy timeout), `sqlite::memory:`,
 * `postgres://…` / `postgresql://…` (connection pool).
 *
 * Two processes may start at once: on PostgreSQL Kysely's migrator holds a session advisory lock
 * (pg_advisory_lock) around the whole run and applies each migration in a transaction; on SQLite
 * the migration transaction begins IMMEDIATE, which takes the file's write lock.
 */
export async function createStore(url: string, options: { logger?: Logger } = {}): Promise<SqlStore> {
  const target: DatabaseTarget = parseDatabaseUrl(url);
  const db = openDatabase(target, options.logger ?? processLogger().child({ component: 'store' }));
  try {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error')?.migrationName;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `could not migrate the database ${describeUrl(url)}${failed ? ` (migration ${failed})` : ''}: ${message}`,
        { cause: error },
      );
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselySqlStore(db, target.dialect);
}

export type { SqlStore } from './sql-store.js';
export { UnknownDeliveryError, UnknownWorkspaceError } from './sql-store.js';
