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
  | { dialect: 'sqlite'; filename: string; memory: boolean; readOnly?: boolean }
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

  /**
   * On a full disk (and some I/O errors) SQLite has already rolled the transaction back by itself;
   * a second rollback would fail with "no transaction is active" and hide the real cause.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (!/no transaction is active/.test(String((error as Error).message))) throw error;
    }
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
function withStatementCache(connection: SqliteDatabase.Database, filename: string): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        const raw = explained(() => connection.prepare(sql), filename);
        statement = explainedStatement(raw, filename);
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

/** The statement methods Kysely's SQLite driver calls; each failure is explained (see StoreError). */
function explainedStatement(statement: SqliteDatabase.Statement, filename: string): SqliteDatabase.Statement {
  return {
    get reader() {
      return statement.reader;
    },
    all: (...args: unknown[]) => explained(() => statement.all(...args), filename),
    run: (...args: unknown[]) => explained(() => statement.run(...args), filename),
    get: (...args: unknown[]) => explained(() => statement.get(...args), filename),
    iterate: (...args: unknown[]) => explained(() => statement.iterate(...args), filename),
  } as unknown as SqliteDatabase.Statement;
}

function explained<T>(run: () => T, filename: string): T {
  try {
    return run();
  } catch (error) {
    throw explainSqliteError(error, filename);
  }
}

/**
 * Why the store could not do its job, in one line that names the cause and what to do; `code`
 * keeps SQLite's own code (SQLITE_FULL, SQLITE_BUSY, SQLITE_READONLY…) and `cause` the original.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

export function explainSqliteError(error: unknown, filename: string): unknown {
  if (error instanceof StoreError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const where = filename === ':memory:' ? 'the in-memory database' : filename;
  if (code.startsWith('SQLITE_FULL'))
    return new StoreError(
      `the disk holding ${where} is full: nothing was recorded; free some space and run it again`,
      code,
      { cause: error },
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new StoreError(
      `${where} is locked by another program that has been writing for more than ${SQLITE_BUSY_TIMEOUT_MS / 1000} s (another dutybot, a backup, an open sqlite3 shell): let it finish or stop it, then run it again`,
      code,
      { cause: error },
    );
  if (code.startsWith('SQLITE_READONLY'))
    return new StoreError(
      `${where} is read-only for this user: reading commands (workspaces, pending, history, export, audit verify) still work; to record anything, give this user write access to the file and its folder`,
      code,
      { cause: error },
    );
  return error;
}

function openSqlite(target: Extract<DatabaseTarget, { dialect: 'sqlite' }>): Kysely<Database> {
  const readOnly = target.readOnly === true && !target.memory;
  if (!target.memory) checkExistingSqliteFile(target.filename);
  if (!target.memory && !readOnly) mkdirSync(dirname(target.filename), { recursive: true });
  const connection = explained(
    () => new SqliteDatabase(target.filename, { readonly: readOnly, fileMustExist: readOnly }),
    target.filename,
  );
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // WAL lets readers (another replica, the CLI) read while the bot writes. Switching the mode is a
  // write: a read-only opening keeps whatever mode the file has.
  if (!target.memory && !readOnly) explained(() => connection.pragma('journal_mode = WAL'), target.filename);
  const lock = target.memory ? null : fileLock(target.filename);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(connection, target.filename) }, lock),
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
