import { Migrator } from 'kysely';
import { describeUrl, openDatabase, parseDatabaseUrl } from './database.js';
import { migrationProvider } from './migrations/index.js';
import { KyselySqlStore } from './sql-store.js';
/**
 * Opens the store behind a database URL and brings its schema up to date:
 * `sqlite:<path>` (parent directory created; WAL, busy timeout), `sqlite::memory:`,
 * `postgres://…` / `postgresql://…` (connection pool).
 *
 * Two processes may start at once: on PostgreSQL Kysely's migrator holds a session advisory lock
 * (pg_advisory_lock) around the whole run and applies each migration in a transaction; on SQLite
 * the migration transaction begins IMMEDIATE, which takes the file's write lock.
 */
export async function createStore(url) {
    const target = parseDatabaseUrl(url);
    const db = openDatabase(target);
    try {
        const migrator = new Migrator({ db, provider: migrationProvider });
        const { error, results } = await migrator.migrateToLatest();
        if (error) {
            const failed = results?.find((result) => result.status === 'Error')?.migrationName;
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`could not migrate the database ${describeUrl(url)}${failed ? ` (migration ${failed})` : ''}: ${message}`, { cause: error });
        }
    }
    catch (error) {
        await db.destroy();
        throw error;
    }
    return new KyselySqlStore(db, target.dialect);
}
export { UnknownDeliveryError, UnknownWorkspaceError } from './sql-store.js';
//# sourceMappingURL=create-store.js.map