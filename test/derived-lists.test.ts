import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { derivedLists } from '../src/answer/derived-lists.js';

/**
 * Derived word lists are cached across processes; an edit to the code deriving them must never be
 * served the list the old code derived (a stale list once made measurements disagree with a clean
 * clone's).
 */
describe('derived word lists', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dutybot-derived-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  // A unique format name, so no earlier run's cache entry can answer.
  const format = `derived-lists-test\0${process.pid}\0${Date.now()}`;

  it.skipIf(process.env.DUTYBOT_KNOWLEDGE_CACHE === 'off')(
    'are derived once, then read from the cache while the deriving module is unchanged',
    () => {
      const module = join(folder, 'deriver.js');
      writeFileSync(module, 'export const version = 1;\n');
      let derivations = 0;
      const derive = () => {
        derivations++;
        return { words: `alpha\nbeta${derivations}` };
      };
      const first = derivedLists(format, ['yaml'], ['words'], derive, pathToFileURL(module).href);
      const again = derivedLists(format, ['yaml'], ['words'], derive, pathToFileURL(module).href);
      expect(first.words).toBe('alpha\nbeta1');
      expect(again.words).toBe('alpha\nbeta1');
      expect(derivations).toBe(1);

      // The deriving module is edited: the lists are derived again, with no version bumped by hand.
      writeFileSync(module, 'export const version = 2;\n');
      const edited = derivedLists(format, ['yaml'], ['words'], derive, pathToFileURL(module).href);
      expect(edited.words).toBe('alpha\nbeta2');
      expect(derivations).toBe(2);
    },
  );
});
