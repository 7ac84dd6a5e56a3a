import type { CompiledLexicon } from './lexicon.js';
import type { Word } from './words.js';

/**
 * The out-of-scope phrases starting at word `at` ("price", "CEO", "weather"), except one that only
 * says whose thing of the page is meant: "the CEO'S MAILBOX" asks about a mailbox, while
 * "Acme's CEO" still asks about a CEO. `onPage` tells whether a word names a service or a
 * concept of the page.
 */
export function offTopicMatchesAt(
  words: readonly Pick<Word, 'segment'>[],
  /** The words' surface forms, as the phrase table matches them. */
  surface: readonly string[],
  at: number,
  lexicon: CompiledLexicon,
  onPage: (at: number) => boolean,
): { length: number; values: { phrase: string; lang: 'en' | 'it' }[] }[] {
  return lexicon.offTopic.matchesAt(surface, at).filter(({ length }) => {
    const end = at + length;
    const possessive = surface[end] === 's' && words[end]!.segment === words[at]!.segment;
    return !(possessive && end + 1 < words.length && onPage(end + 1));
  });
}
