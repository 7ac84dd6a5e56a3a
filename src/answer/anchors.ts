import type { Lang } from '../views/types.js';
import { conceptMatchesAt } from './concept-matches.js';
import { interrogativeAt } from './grammar.js';
import type { CompiledLexicon } from './lexicon.js';
import { offTopicMatchesAt } from './off-topic-matches.js';
import type { Word } from './words.js';

/** Words that carry the question's subject, and words that start a question. */
export function anchorsOf(
  words: readonly Word[],
  lexicon: CompiledLexicon,
  lang: Lang,
): {
  anchors: boolean[];
  questionCues: boolean[];
  offTopic: boolean[];
  provider: boolean[];
  possessive: boolean[];
  /** A verb of asking something of someone ("asks", "chiede", "asking"). */
  demand: boolean[];
  /** Words naming a service or a concept of the page (not a party, a cadence or an intent). */
  named: boolean[];
  /** Words asking something: an interrogative or a kind of question ("how often", "list"), not a party. */
  intents: boolean[];
  /** Words of a cadence ("every week", "ogni mese"). */
  cadence: boolean[];
} {
  const anchors = words.map((w) => w.used || w.hint === true);
  const questionCues = words.map(() => false);
  const stems = words.map((w) => w.stem);
  const surface = words.map((w) => w.word);
  const mark = (flags: boolean[], start: number, length: number) => {
    for (let k = start; k < start + length; k++) flags[k] = true;
  };
  for (let i = 0; i < words.length; i++)
    for (const { length } of conceptMatchesAt(surface, stems, i, lexicon, lang)) mark(anchors, i, length);
  // What names a service or a concept of the page, before out-of-scope words ("the CEO'S mailbox").
  const onPage = [...anchors];
  const offTopic = words.map(() => false);
  const provider = words.map(() => false);
  const possessive = words.map(() => false);
  const demand = words.map(() => false);
  const intents = words.map(() => false);
  const cadence = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    if (interrogativeAt(words, surface, i)) questionCues[i] = intents[i] = true;
    // Asking someone ("customer on the phone ASKING - …", "CHIEDO per l'audit: …") is a verb of asking too.
    if (lexicon.requestMarkers.has(surface[i]!)) demand[i] = true;
    for (const { length } of offTopicMatchesAt(words, surface, i, lexicon, (k) => onPage[k]!)) {
      mark(anchors, i, length);
      mark(offTopic, i, length);
    }
    for (const { length, values } of lexicon.cues.matchesAt(surface, i)) {
      // A cadence or a party named as actor ("Acme", "we") is part of the question; a possessive
      // ("my manager asked") is not, nor someone asking ("me lo CHIEDE l'amministrazione").
      if (
        values.some(
          (c) => c.kind === 'cadence' || (c.kind === 'party' && c.cue !== 'customer_weak' && c.cue !== 'demand'),
        )
      )
        mark(anchors, i, length);
      if (values.some((c) => c.kind === 'intent' || (c.kind === 'party' && c.cue === 'customer')))
        mark(questionCues, i, length);
      if (values.some((c) => c.kind === 'intent')) mark(intents, i, length);
      if (values.some((c) => c.kind === 'cadence')) mark(cadence, i, length);
      if (values.some((c) => c.kind === 'party' && c.cue === 'provider')) mark(provider, i, length);
      if (values.some((c) => c.kind === 'party' && c.cue === 'customer_weak')) possessive[i] = true;
      if (values.some((c) => c.kind === 'party' && c.cue === 'demand')) mark(demand, i, length);
    }
  }
  return { anchors, questionCues, offTopic, provider, possessive, demand, named: onPage, intents, cadence };
}
