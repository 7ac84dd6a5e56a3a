import type { CompiledLexicon } from './lexicon.js';
import type { Token } from './text.js';

/** A question word as the analysis passes it around. */
export interface Word extends Token {
  /** As typed, before any typo correction. */
  typed: string;
  stem: string;
  /** Claimed by a service or foreign name: not available to cues, concepts or ranking. */
  used: boolean;
  /** Part of an alias that only hints at a service. */
  hint?: boolean;
  /** Typed otherwise: the typo correction replaced it by this known word. */
  corrected?: boolean;
  /** Length of the longest multi-word concept phrase covering this word. */
  phraseLength?: number;
}

/** "Why…", "perché…": a question that asks for a reason or a cause. */
export const WHY_WORDS: ReadonlySet<string> = new Set(['why', 'perche']);

/** Whether a message asks for a cause anywhere in it (opensCause). */
export function asksForCause(words: readonly Pick<Word, 'typed'>[]): boolean {
  return words.some((_, i) => opensCause(words, i));
}

/** Whether a question for a cause opens at word `at`: "why", "perché", "come mai", "how come". */
export function opensCause(words: readonly Pick<Word, 'typed'>[], at: number): boolean {
  const word = words[at]?.typed;
  const next = words[at + 1]?.typed;
  return (
    (word !== undefined && WHY_WORDS.has(word)) ||
    (word === 'come' && next === 'mai') ||
    (word === 'how' && next === 'come')
  );
}

export function anyUsed(words: readonly Word[], start: number, length: number): boolean {
  for (let k = start; k < start + length; k++) if (words[k]!.used) return true;
  return false;
}

/** Marks words covered by multi-word concept phrases, which take precedence over one-word aliases. */
export function markConceptPhrases(words: Word[], stems: readonly string[], lexicon: CompiledLexicon): void {
  for (let i = 0; i < words.length; i++) {
    const longest = lexicon.concepts.matchesAt(stems, i)[0];
    if (!longest || longest.length < 2) continue;
    for (let k = i; k < i + longest.length; k++) {
      words[k]!.phraseLength = Math.max(words[k]!.phraseLength ?? 0, longest.length);
    }
  }
}
