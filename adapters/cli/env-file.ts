import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { CliUsageError } from './errors.js';
import { OPERATOR } from './wording.js';

/**
 * Configuration from a `.env` file, for `npm start` and every CLI command, as `.env.example` and the
 * docs describe: `.env` in the working directory, or the file named by `DUTYBOT_ENV_FILE`.
 * A variable already in the environment wins over the file (a deployment's own settings, a test's).
 *
 * Node's own parser (`util.parseEnv`, Node ≥ 20.12, the one behind `node --env-file`) instead of the
 * `dotenv` package: no dependency, and applying only the missing keys ourselves makes "the
 * environment wins" explicit, which `process.loadEnvFile` leaves to the Node version.
 */
export interface LoadedEnvFile {
  file: string;
  /** Names set from the file (never values: some are secrets). */
  applied: string[];
}

let lastLoaded: LoadedEnvFile | null = null;

/** What the process's `loadEnvFile` applied (for `npm start`'s configuration line). */
export function loadedEnvFile(): LoadedEnvFile | null {
  return lastLoaded;
}

export function loadEnvFile(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): LoadedEnvFile | null {
  const named = env.DUTYBOT_ENV_FILE?.trim();
  const file = resolve(cwd, named || '.env');
  if (!existsSync(file)) {
    if (named) throw new CliUsageError(OPERATOR.envFileMissing(file));
    return null;
  }
  let parsed: Record<string, string>;
  try {
    parsed = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new CliUsageError(OPERATOR.envFileUnreadable(file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    applied.push(name);
  }
  lastLoaded = { file, applied };
  return lastLoaded;
}
