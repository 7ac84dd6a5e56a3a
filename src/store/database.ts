import { closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | { dialect: 'sqlite'; filename: string; memory: boolean }
  | { dialect: 'postgres'; connectionString: string };

/** Milliseconds a SQLite writer waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const POSTGRES_POOL_SIZE = 10;
/** pg type id of `int8`/`bigint`: epoch-ms columns and count(*) results. */
const PG_INT8_OID = 20;

/**
 * Parses a database URL: `sqlite:<path>`, `sqlite::memory:`, `postgres://…` or `postgresql://…`.
 * Anything else fails with a message that lists what is accepted.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { dialect: 'postgres', connectionString: trimmed };
  if (/^sqlite:/i.test(trimmed)) {
    const rest = trimmed.slice('sqlite:'.length).replace(/^\/\/(?=[^/])/, '');
    if (rest === ':memory:' || rest === '//:memory:') return { dialect: 'sqlite', filename: ':memory:', memory: true };
    if (rest === '') throw new Error('Database URL "sqlite:" has no file path; use e.g. sqlite:./data/dutybot.sqlite');
    return { dialect: 'sqlite', filename: resolve(rest), memory: false };
  }
  throw new Error(
    `Unsupported database URL "${describeUrl(trimmed)}": use sqlite:<path>, sqlite::memory: or postgres://user:password@host:port/database`,
  );
}

/** The URL without its password, for error messages. */
export function describeUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** A FIFO async lock. */
class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => {
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
const fileLocks = new Map<string, AsyncMutex>();

function fileLock(filename: string): AsyncMutex {
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
  private releaseFile: (() => void) | null = null;

  constructor(
    config: SqliteDialectConfig,
    private readonly lock: AsyncMutex | null,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const release = this.lock ? await this.lock.lock() : null;
    const connection = await super.acquireConnection();
    this.releaseFile = release;
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    const release = this.releaseFile;
    this.releaseFile = null;
    await super.releaseConnection();
    release?.();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite does run DDL inside transactions; saying so makes Kysely's migrator wrap each run in a
 * (begin immediate) transaction, which is what serializes two processes migrating one file.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #lock: AsyncMutex | null;

  constructor(config: SqliteDialectConfig, lock: AsyncMutex | null) {
    super(config);
    this.#config = config;
    this.#lock = lock;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#lock);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Distinct SQL texts the store issues are few; the bound only guards against a runaway caller. */
const MAX_CACHED_STATEMENTS = 512;

/**
 * Kysely prepares every query anew, and compiling SQL is a visible share of a request on
 * better-sqlite3. Compiled statements are reused by SQL text instead. Safe because better-sqlite3
 * is synchronous (a statement runs to completion before its next use), the store never streams
 * (`iterate`), and SQLite recompiles a cached statement by itself after a schema change.
 */
function withStatementCache(connection: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  } as SqliteDialectConfig['database'];
}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * An existing store file must be a readable SQLite database. Opening an empty (0-byte) or foreign
 * file would otherwise start a fresh ledger on top of it — an audit trail silently reset and
 * verified as "intact". Only a path where no file exists yet creates a new store.
 */
export function checkExistingSqliteFile(filename: string): void {
  if (!existsSync(filename)) return;
  const where = `the SQLite store ${filename}`;
  let size: number;
  try {
    const stat = statSync(filename);
    if (!stat.isFile()) throw new Error(`${where} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(where)) throw error;
    throw new Error(`${where} exists but cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (size === 0)
    throw new Error(
      `${where} exists but is empty (0 bytes): refusing to start a new ledger over it. Restore it from a backup, or delete the file to start afresh deliberately.`,
    );
  let header = '';
  try {
    const fd = openSync(filename, constants.O_RDONLY);
    try {
      const buffer = Buffer.alloc(SQLITE_HEADER.length);
      readSync(fd, buffer, 0, buffer.length, 0);
      header = buffer.toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new Error(`${where} exists but cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (header !== SQLITE_HEADER)
    throw new Error(`${where} is not a SQLite database (unexpected header): refusing to open it as the ledger.`);
}

function openSqlite(target: Extract<DatabaseTarget, { dialect: 'sqlite' }>): Kysely<Database> {
  if (!target.memory) {
    checkExistingSqliteFile(target.filename);
    mkdirSync(dirname(target.filename), { recursive: true });
  }
  const connection = new SqliteDatabase(target.filename);
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // WAL lets readers (another replica, the CLI) read while the bot writes.
  if (!target.memory) connection.pragma('journal_mode = WAL');
  const lock = target.memory ? null : fileLock(target.filename);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(connection) }, lock),
  });
}

function openPostgres(target: Extract<DatabaseTarget, { dialect: 'postgres' }>, logger: Logger): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: POSTGRES_POOL_SIZE,
    // Per-pool type parsing (not the global pg.types) so bigint epoch-ms and counts come back as
    // numbers, like SQLite's, without changing other pg users in the process.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (server restart) must not crash the bot; the next query
  // gets a fresh connection or a clear error.
  pool.on('error', (error) => {
    logger.error('idle PostgreSQL connection failed', { error });
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function openDatabase(target: DatabaseTarget, logger: Logger): Kysely<Database> {
  return target.dialect === 'sqlite' ? openSqlite(target) : openPostgres(target, logger);
}
