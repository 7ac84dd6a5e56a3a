import { describe, expect, it } from 'vitest';
import { sortedLines, sortedWords } from '../src/answer/sorted-words.js';

/**
 * The word lists are looked up inside the one cached string: any word a Set of the same lines
 * holds must be found, and nothing else, whatever it shares with its neighbours.
 */
describe('sorted word lists', () => {
  // Prefixes of one another, capitals before lowercase, accents after ASCII, figures first.
  const list = ['backup', 'back', 'backups', 'Backup', 'caffè', 'caffe', 'zeta', 'a', '2fa', 'ab', 'b', 'backupz'];
  const lookup = sortedWords(sortedLines(list));

  it('finds every word of the list, first, last and between', () => {
    for (const word of list) expect(lookup.has(word), word).toBe(true);
  });

  it('finds no prefix, extension or neighbour that is not a line of its own', () => {
    const absent = ['', 'bac', 'backu', 'backupss', 'BACKUP', 'caff', 'caffèe', 'zz', '0', '2f', 'aa', 'c', 'zeta '];
    for (const word of absent) expect(lookup.has(word), JSON.stringify(word)).toBe(false);
  });

  it('agrees with a Set on every word and every one-letter edit of it', () => {
    const words = new Set(list);
    const edits = [...words].flatMap((word) => [
      word.slice(1),
      word.slice(0, -1),
      `${word}a`,
      `a${word}`,
      word.toUpperCase(),
    ]);
    for (const word of edits) expect(lookup.has(word), word).toBe(words.has(word));
  });

  it('holds a list of one word, and of none', () => {
    expect(sortedWords('solo').has('solo')).toBe(true);
    expect(sortedWords('solo').has('sol')).toBe(false);
    expect(sortedWords(sortedLines([])).has('anything')).toBe(false);
    expect(sortedWords(sortedLines([])).has('')).toBe(false);
  });
});
