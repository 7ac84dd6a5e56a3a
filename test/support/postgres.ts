import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { createScratchDatabase, dropScratchDatabase } from './postgres-server.js';

/**
 * A fresh PostgreSQL database per call (random name) on the run's test server, so suites and
 * test files never see each other's rows. Fails with the reason when no server is available:
 * a PostgreSQL suite that silently skips would hide a broken dialect.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) {
    throw new Error(
      `no PostgreSQL for tests: ${inject('postgresError') || 'global setup did not run'} (set TEST_DATABASE_URL to use an existing server)`,
    );
  }
  const url = await createScratchDatabase(serverUrl, 'dutybot_test');
  return { url, drop: () => dropScratchDatabase(serverUrl, url) };
}

/**
 * The two databases the store suites run against. Each `fresh()` is an empty database of its own;
 * `sql()` runs raw SQL on it through a separate connection (to tamper with rows or read query
 * plans the way an attacker or a DBA would), with `?` placeholders on both dialects.
 */
export interface StoreBackend {
  readonly name: 'sqlite' | 'postgres';
  fresh(): Promise<string>;
  sql<T = Record<string, unknown>>(url: string, statement: string, params?: unknown[]): Promise<T[]>;
  /** Runs statements on one connection, in order (e.g. a SET followed by EXPLAIN). */
  session<T = Record<string, unknown>>(url: string, statements: string[]): Promise<T[]>;
  cleanup(): Promise<void>;
}

function sqliteFile(url: string): string {
  return url.slice('sqlite:'.length);
}

export function sqliteBackend(): StoreBackend {
  const dir = mkdtempSync(join(tmpdir(), 'dutybot-store-test-'));
  let counter = 0;
  const run = <T>(url: string, statements: { text: string; params: unknown[] }[]): T[] => {
    const db = new SqliteDatabase(sqliteFile(url));
    db.pragma('busy_timeout = 5000');
    try {
      let rows: T[] = [];
      for (const { text, params } of statements) {
        const statement = db.prepare(text);
        if (statement.reader) {
          rows = statement.all(...params) as T[];
        } else {
          statement.run(...params);
          rows = [];
        }
      }
      return rows;
    } finally {
      db.close();
    }
  };
  return {
    name: 'sqlite',
    async fresh() {
      counter += 1;
      return `sqlite:${join(dir, `store-${counter}.sqlite`)}`;
    },
    async sql<T>(url: string, text: string, params: unknown[] = []) {
      return run<T>(url, [{ text, params }]);
    },
    async session<T>(url: string, statements: string[]) {
      return run<T>(
        url,
        statements.map((text) => ({ text, params: [] })),
      );
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function toPgPlaceholders(text: string): string {
  let index = 0;
  return text.replace(/\?/g, () => `$${++index}`);
}

export function postgresBackend(): StoreBackend {
  const drops: (() => Promise<void>)[] = [];
  const run = async <T>(url: string, statements: { text: string; params: unknown[] }[]): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let rows: T[] = [];
      for (const { text, params } of statements) {
        rows = (await client.query(toPgPlaceholders(text), params)).rows as T[];
      }
      return rows;
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async fresh() {
      const { url, drop } = await freshPostgresDatabase();
      drops.push(drop);
      return url;
    },
    sql: (url, text, params = []) => run(url, [{ text, params }]),
    session: (url, statements) =>
      run(
        url,
        statements.map((text) => ({ text, params: [] })),
      ),
    async cleanup() {
      for (const drop of drops.splice(0)) await drop().catch(() => undefined);
    },
  };
}

export const STORE_BACKENDS: { name: 'sqlite' | 'postgres'; make: () => StoreBackend }[] = [
  { name: 'sqlite', make: sqliteBackend },
  { name: 'postgres', make: postgresBackend },
];
