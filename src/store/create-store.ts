import { existsSync } from 'node:fs';
import { type Kysely, Migrator, sql } from 'kysely';
import type { Logger } from '../logging/logger.js';
import { processLogger } from '../logging/pino-logger.js';
import {
  type DatabaseTarget,
  describeUrl,
  explainSqliteError,
  openDatabase,
  parseDatabaseUrl,
  StoreError,
} from './database.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
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
export interface StoreOptions {
  logger?: Logger;
  /**
   * For commands that only read (export, audit verify, history…): a SQLite file is opened
   * read-only and nothing is migrated, so they work on a read-only file, beside a long writer, and
   * never create a database. A schema older than this code is refused with what to do.
   */
  readOnly?: boolean;
}

export async function createStore(url: string, options: StoreOptions = {}): Promise<SqlStore> {
  const parsed: DatabaseTarget = parseDatabaseUrl(url);
  const target: DatabaseTarget =
    parsed.dialect === 'sqlite' && options.readOnly ? { ...parsed, readOnly: true } : parsed;
  if (target.dialect === 'sqlite' && target.readOnly && !target.memory && !existsSync(target.filename))
    throw new StoreError(`there is no database at ${target.filename} yet: nothing has been recorded`, 'NO_DATABASE', {
      cause: null,
    });
  const db = openDatabase(target, options.logger ?? processLogger().child({ component: 'store' }));
  if (options.readOnly) {
    try {
      await assertMigrated(db, url);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new KyselySqlStore(db, target.dialect);
  }
  try {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      // A full disk, a lock held too long, a read-only file: the store's own line says it all.
      const explained = target.dialect === 'sqlite' ? explainSqliteError(error, target.filename) : error;
      if (explained instanceof StoreError) throw explained;
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

/** Read-only: every migration this code knows must have run (reading cannot apply one). */
async function assertMigrated(db: Kysely<Database>, url: string): Promise<void> {
  const known = Object.keys(await migrationProvider.getMigrations());
  let applied: string[] = [];
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = result.rows.map((row) => row.name);
  } catch {
    applied = [];
  }
  const missing = known.filter((name) => !applied.includes(name));
  if (missing.length > 0)
    throw new StoreError(
      `the database ${describeUrl(url)} is not up to date (migration ${missing.join(', ')} not applied) and this command only reads: run \`dutybot status\` or \`npm start\` once with write access to update it`,
      'NOT_MIGRATED',
      { cause: null },
    );
}

export { StoreError } from './database.js';
export type { SqlStore } from './sql-store.js';
export { UnknownDeliveryError, UnknownWorkspaceError } from './sql-store.js';
