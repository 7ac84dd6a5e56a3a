import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/store/create-store.js';

/**
 * Issue 10: "a 0-byte database file is silently treated as a new store and verifies as intact".
 * An existing store file that is empty, foreign or unreadable is an error, never a fresh start.
 */
describe('an existing SQLite store file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutybot-store-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an empty (0-byte) file, and leaves it as it was', async () => {
    const file = join(dir, 'empty.sqlite');
    writeFileSync(file, '');
    await expect(createStore(`sqlite:${file}`)).rejects.toThrow(
      /exists but is empty \(0 bytes\): refusing to start a new ledger/,
    );
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a file that is not a SQLite database', async () => {
    const file = join(dir, 'notes.sqlite');
    writeFileSync(file, 'these are not the ledger you are looking for');
    await expect(createStore(`sqlite:${file}`)).rejects.toThrow(/is not a SQLite database/);
  });

  it('refuses a path that cannot be read as a file (a directory)', async () => {
    const path = join(dir, 'a-directory.sqlite');
    mkdirSync(path);
    await expect(createStore(`sqlite:${path}`)).rejects.toThrow(/is not a file/);
  });

  it('still creates a new store where no file exists, and reopens it', async () => {
    const file = join(dir, 'new', 'dutybot.sqlite');
    const first = await createStore(`sqlite:${file}`);
    await first.close();
    const again = await createStore(`sqlite:${file}`);
    expect(again.dialect).toBe('sqlite');
    await again.close();
  });
});
