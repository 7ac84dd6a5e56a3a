import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver, } from 'kysely';
import pg from 'pg';
/** Milliseconds a SQLite writer waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const POSTGRES_POOL_SIZE = 10;
/** pg type id of `int8`/`bigint`: epoch-ms columns and count(*) results. */
const PG_INT8_OID = 20;
/**
 * Parses a database URL: `sqlite:<path>`, `sqlite::memory:`, `postgres://…` or `postgresql://…`.
 * Anything else fails with a message that lists what is accepted.
 */
export function parseDatabaseUrl(url) {
    const trimmed = url.trim();
    if (/^postgres(ql)?:\/\//i.test(trimmed))
        return { dialect: 'postgres', connectionString: trimmed };
    if (/^sqlite:/i.test(trimmed)) {
        const rest = trimmed.slice('sqlite:'.length).replace(/^\/\/(?=[^/])/, '');
        if (rest === ':memory:' || rest === '//:memory:')
            return { dialect: 'sqlite', filename: ':memory:', memory: true };
        if (rest === '')
            throw new Error('Database URL "sqlite:" has no file path; use e.g. sqlite:./data/dutybot.sqlite');
        return { dialect: 'sqlite', filename: resolve(rest), memory: false };
    }
    throw new Error(`Unsupported database URL "${describeUrl(trimmed)}": use sqlite:<path>, sqlite::memory: or postgres://user:password@host:port/database`);
}
/** The URL without its password, for error messages. */
export function describeUrl(url) {
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
/** A FIFO async lock. */
class AsyncMutex {
    tail = Promise.resolve();
    async lock() {
        let release;
        const previous = this.tail;
        this.tail = new Promise((resolve) => {
            release = resolve;
        });
        await previous;
        return release;
    }
}
/**
 * better-sqlite3 is synchronous: if two store instances in one process open the same file and one
 * waits for the other's write lock, it blocks the event loop for busy_timeout while the holder
 * cannot run to commit — a self-deadlock. Every store on a file therefore takes this process-wide
 * lock for each use of its connection; other processes are coordinated by SQLite's own locks.
 */
const fileLocks = new Map();
function fileLock(filename) {
    let mutex = fileLocks.get(filename);
    if (!mutex) {
        mutex = new AsyncMutex();
        fileLocks.set(filename, mutex);
    }
    return mutex;
}
/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) `begin`: a transaction that
 * reads the chain head and then writes would fail with SQLITE_BUSY if another *process* wrote in
 * between. `begin immediate` takes the write lock up front (waiting up to busy_timeout), so two
 * processes sharing one SQLite file append to the audit chain one after the other.
 */
class ImmediateSqliteDriver extends SqliteDriver {
    lock;
    releaseFile = null;
    constructor(config, lock) {
        super(config);
        this.lock = lock;
    }
    async acquireConnection() {
        const release = this.lock ? await this.lock.lock() : null;
        const connection = await super.acquireConnection();
        this.releaseFile = release;
        return connection;
    }
    async releaseConnection() {
        const release = this.releaseFile;
        this.releaseFile = null;
        await super.releaseConnection();
        release?.();
    }
    async beginTransaction(connection) {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    }
}
/**
 * SQLite does run DDL inside transactions; saying so makes Kysely's migrator wrap each run in a
 * (begin immediate) transaction, which is what serializes two processes migrating one file.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
    get supportsTransactionalDdl() {
        return true;
    }
}
class ImmediateSqliteDialect extends SqliteDialect {
    #config;
    #lock;
    constructor(config, lock) {
        super(config);
        this.#config = config;
        this.#lock = lock;
    }
    createDriver() {
        return new ImmediateSqliteDriver(this.#config, this.#lock);
    }
    createAdapter() {
        return new TransactionalDdlSqliteAdapter();
    }
}
function openSqlite(target) {
    if (!target.memory)
        mkdirSync(dirname(target.filename), { recursive: true });
    const connection = new SqliteDatabase(target.filename);
    connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // WAL lets readers (another replica, the CLI) read while the bot writes.
    if (!target.memory)
        connection.pragma('journal_mode = WAL');
    const lock = target.memory ? null : fileLock(target.filename);
    return new Kysely({ dialect: new ImmediateSqliteDialect({ database: connection }, lock) });
}
function openPostgres(target) {
    const pool = new pg.Pool({
        connectionString: target.connectionString,
        max: POSTGRES_POOL_SIZE,
        // Per-pool type parsing (not the global pg.types) so bigint epoch-ms and counts come back as
        // numbers, like SQLite's, without changing other pg users in the process.
        types: {
            getTypeParser: ((oid, format) => oid === PG_INT8_OID && format !== 'binary'
                ? (value) => Number(value)
                : pg.types.getTypeParser(oid, format)),
        },
    });
    // An idle client losing its connection (server restart) must not crash the bot; the next query
    // gets a fresh connection or a clear error.
    pool.on('error', (error) => {
        console.error(`dutybot store: idle PostgreSQL connection failed: ${error.message}`);
    });
    return new Kysely({ dialect: new PostgresDialect({ pool }) });
}
export function openDatabase(target) {
    return target.dialect === 'sqlite' ? openSqlite(target) : openPostgres(target);
}
//# sourceMappingURL=database.js.map