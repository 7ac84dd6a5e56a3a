import { ORDINALS } from './grammar.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import type { Token } from './text.js';

/**
 * Figures typed the way chat types them, read as they are written out:
 * - an English ordinal in digits is the word ("a 2nd copy" is a "second copy");
 * - a figure the page states, with its unit glued on ("60gg", "35days"), is that figure and the
 *   unit ("60 gg"). Any other number glued to letters stays one word, a subject the page does
 *   not know ("a 1TB backup", "500gb").
 */
export function readFigures(tokens: Token[], index: KnowledgeIndex): Token[] {
  // Most questions type no digit glued to letters: nothing to copy.
  if (!tokens.some((token) => /\d[a-z]/.test(token.word))) return tokens;
  return tokens.flatMap((token) => {
    const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(token.word);
    const spelled = ordinal ? ORDINALS[Number(ordinal[1]) - 1] : undefined;
    if (spelled !== undefined) return [{ ...token, word: spelled }];
    const glued = /^(\d+)([a-z]+)$/.exec(token.word);
    if (!glued || !index.stems.has(glued[1]!)) return [token];
    const [, figure, unit] = glued as unknown as [string, string, string];
    return [
      { ...token, word: figure, asks: false, exclaims: false },
      { ...token, word: unit, capitalized: false, acronym: false, mention: false },
    ];
  });
}
