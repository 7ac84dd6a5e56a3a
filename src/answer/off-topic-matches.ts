import type { CompiledLexicon } from './lexicon.js';
import type { Word } from './words.js';

/**
 * The out-of-scope phrases starting at word `at` ("price", "CEO", "weather"), except one that only
 * says whose thing of the page is meant: "the CEO'S MAILBOX" asks about a mailbox, while
 * "Acme's CEO" still asks about a CEO. `onPage` tells whether a word names a service or a
 * concept of the page.
 */
export function offTopicMatchesAt(
  words: readonly Pick<Word, 'word' | 'segment'>[],
  at: number,
  lexicon: CompiledLexicon,
  onPage: (at: number) => boolean,
): { length: number; values: { phrase: string; lang: 'en' | 'it' }[] }[] {
  const surface = words.map((w) => w.word);
  return lexicon.offTopic.matchesAt(surface, at).filter(({ length }) => {
    const end = at + length;
    const possessive = surface[end] === 's' && words[end]!.segment === words[at]!.segment;
    return !(possessive && end + 1 < words.length && onPage(end + 1));
  });
}
