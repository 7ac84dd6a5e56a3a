import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from './package-root.js';

/*
 * Parsed-YAML cache for the files read at start-up (the knowledge base, the lexicon). Parsing the
 * 80 kB knowledge file costs about 100-160 ms in a cold process (the yaml lexer is not yet
 * JIT-compiled), a large slice of CLI start-up; JSON.parse of the same data takes about 1 ms.
 * The cache holds only the plain data of the YAML (callers still validate it with zod on every
 * load, so schema changes need no invalidation) and is addressed by a hash of the YAML text, so an
 * edited file can never be served stale. Any cache problem silently falls back to parsing.
 * It lives in the package's node_modules/.cache (like other tools' caches), not in a shared /tmp
 * where another local user could plant a file under a predictable name.
 * Set DUTYBOT_KNOWLEDGE_CACHE=off to disable it.
 */
const PARSED_CACHE_FORMAT = 'dutybot-knowledge-yaml-v1';

/**
 * Where the parsed form of `key` is cached, or undefined when the cache is disabled. The key is
 * the YAML text, prefixed by a namespace when two files could hold the same text.
 */
export function parsedCachePath(key: string): string | undefined {
  if (process.env.DUTYBOT_KNOWLEDGE_CACHE === 'off') return undefined;
  const digest = createHash('sha256').update(PARSED_CACHE_FORMAT).update('\0').update(key).digest('hex');
  return join(packageRoot(), 'node_modules', '.cache', 'dutybot-knowledge', `${digest}.json`);
}

/** The cached data for `key`, or undefined when absent, unreadable, corrupt or disabled. */
export function readParsedYaml(key: string): unknown {
  const path = parsedCachePath(key);
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores the parsed data of `key`; a read-only or full directory only costs speed. */
export function writeParsedYaml(key: string, data: unknown): void {
  const path = parsedCachePath(key);
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, path);
  } catch {
    // Only speed is lost.
  }
}
