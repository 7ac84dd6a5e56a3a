import { generalLanguage } from './general-words.js';
import { DETERMINERS, PREPOSITIONS } from './grammar.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * "…who updates the platform software thanks a lot", "…backups please", "…sorry lol": after the
 * question's last anchor, an interjection and whatever few everyday or function words follow it
 * to the end are a closing, with or without punctuation. A word is an interjection when Brill's
 * lexicon says it can be one and it is no determiner, nor right after one or a preposition ("MY
 * laptop" and "THAT server" open a noun phrase, "backups for SURE"), or when the tagger reads it as
 * one in its sentence ("lol"). What follows it must be no anchor of the question. English only
 * (the caller asks in English messages alone): no Italian lexicon on npm says which words
 * interject. Opening a message, an interjection is judged in filler.ts, by the same lexicon.
 */
export function courtesyRun(
  words: readonly Word[],
  tail: readonly number[],
  anchors: readonly boolean[],
  questionCues: readonly boolean[],
  unknown: readonly boolean[],
  everyday: (i: number) => boolean,
  tagsOf: () => string[],
): readonly number[] {
  const loose = (i: number) => !anchors[i] && !questionCues[i];
  const opens = (i: number) => {
    const typed = words[i]!.typed;
    if (DETERMINERS.has(typed) || PREPOSITIONS.has(typed) || !loose(i)) return false;
    const previous = words[i - 1]?.typed;
    if (previous === undefined || DETERMINERS.has(previous) || PREPOSITIONS.has(previous)) return false;
    // The word classes and the tagger are loaded on first use: asked last.
    const classes = wordClasses();
    if (classes.canInterject(typed) || tagsOf()[i] === 'INTJ') return true;
    // Last, an adverb of chat, an everyday word no dictionary classes, says when ("…patched ASAP").
    // A rarer adverb may be what is asked ("are the backups done INCREMENTALLY").
    return (
      i === tail.at(-1) &&
      generalLanguage().isFrequent(typed) &&
      classes.namesAThing(typed) === undefined &&
      tagsOf()[i] === 'ADV'
    );
  };
  // "…thanks a LOT", "…oh WELL": the page may use the word, but it is no anchor of the question.
  const follows = (i: number) => loose(i) && (!unknown[i] || everyday(i));
  const start = tail.findIndex(
    (i, at) => tail.length - at - 1 <= MAX_AFTER_INTERJECTION && tail.slice(at + 1).every(follows) && opens(i),
  );
  return start < 0 ? [] : tail.slice(start);
}

/** "thanks SO MUCH IN ADVANCE": what may follow an interjection in a closing. */
const MAX_AFTER_INTERJECTION = 3;
