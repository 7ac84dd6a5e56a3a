import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
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

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) `begin`: a transaction that
 * reads the chain head and then writes would fail with SQLITE_BUSY if another *process* wrote in
 * between. `begin immediate` takes the write lock up front (waiting up to busy_timeout), so two
 * processes sharing one SQLite file append to the audit chain one after the other.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

function openSqlite(target: Extract<DatabaseTarget, { dialect: 'sqlite' }>): Kysely<Database> {
  if (!target.memory) mkdirSync(dirname(target.filename), { recursive: true });
  const connection = new SqliteDatabase(target.filename);
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // WAL lets readers (another replica, the CLI) read while the bot writes.
  if (!target.memory) connection.pragma('journal_mode = WAL');
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: connection }) });
}

function openPostgres(target: Extract<DatabaseTarget, { dialect: 'postgres' }>): Kysely<Database> {
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
    console.error(`dutybot store: idle PostgreSQL connection failed: ${error.message}`);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function openDatabase(target: DatabaseTarget): Kysely<Database> {
  return target.dialect === 'sqlite' ? openSqlite(target) : openPostgres(target);
}
