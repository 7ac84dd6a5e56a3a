/**
 * A word list kept as the one string it is cached as (one word per line, in code-unit order: see
 * `sortedLines`), looked up by binary search over the lines' start offsets. A question looks up a
 * handful of words, while splitting the general-language and word-class lists into strings and
 * Sets cost a fresh process about 60 ms and young-generation collections; finding the line starts
 * costs about a millisecond. No npm package does this over a string without copying it out, so it
 * is written here.
 */
export interface SortedWords {
  has(word: string): boolean;
}

/** Code-unit order (the order `<` compares in), one word per line: the form `sortedWords` reads. */
export function sortedLines(words: Iterable<string>): string {
  return [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n');
}

export function sortedWords(lines: string): SortedWords {
  // No line at all, rather than one empty line: an empty list holds no word, not "".
  const starts = lines === '' ? new Int32Array(0) : lineStarts(lines);
  const count = starts.length;
  /** Where line `index` ends: the next line's start, less its newline. */
  const endOf = (index: number) => (index + 1 < count ? starts[index + 1]! - 1 : lines.length);
  return {
    has(word) {
      let low = 0;
      let high = count - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const order = compareLine(lines, starts[middle]!, endOf(middle), word);
        if (order === 0) return true;
        if (order < 0) low = middle + 1;
        else high = middle - 1;
      }
      return false;
    },
  };
}

function lineStarts(lines: string): Int32Array {
  let count = 1;
  for (let at = lines.indexOf('\n'); at !== -1; at = lines.indexOf('\n', at + 1)) count++;
  const starts = new Int32Array(count);
  let line = 1;
  for (let at = lines.indexOf('\n'); at !== -1; at = lines.indexOf('\n', at + 1)) starts[line++] = at + 1;
  return starts;
}

/** The line `lines[start, end)` against `word`, in code-unit order, without copying the line out. */
function compareLine(lines: string, start: number, end: number, word: string): number {
  const length = end - start;
  const shorter = Math.min(length, word.length);
  for (let i = 0; i < shorter; i++) {
    const difference = lines.charCodeAt(start + i) - word.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return length - word.length;
}
