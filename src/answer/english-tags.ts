import { createRequire } from 'node:module';
import { CONTRACTIONS } from './grammar.js';
import { pointsBack } from './points-back.js';
import type { Word } from './words.js';

/**
 * What each word of an English message is doing in its sentence: naming a thing, or acting,
 * describing or qualifying. "Who do we PING", "should we ALERT them", "act FAST" use words
 * that can also be nouns; only the sentence says which. The dictionary's word classes cannot
 * (word-classes.ts keeps a word as a possible thing when any of its senses is one), so a trained
 * part-of-speech tagger reads the sentence: `wink-nlp` with `wink-eng-lite-web-model` (MIT, about
 * 94% accuracy on the usual benchmarks). Italian has no such tagger on npm; its verb forms come
 * from the conjugation tables in word-classes.ts.
 *
 * The model is loaded on the first English message whose question holds an everyday word nobody
 * in the pack knows (0.36–0.42 s on a 2-core machine, once per process: the library parses and
 * copies a 3 MB model); tagging a message then takes about 0.01 ms.
 */
export type EnglishRole = 'thing' | 'other';

type Tagger = (text: string) => { values: string[]; spaces: string[]; tags: string[] };

let tagger: Tagger | null = null;

function loadTagger(): Tagger {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const model = require('wink-eng-lite-web-model') as import('wink-nlp').Model;
  const nlp = winkNLP(model, ['pos']);
  const its = nlp.its;
  return (text) => {
    const tokens = nlp.readDoc(text).tokens();
    return {
      values: tokens.out() as string[],
      spaces: tokens.out(its.precedingSpaces) as string[],
      tags: tokens.out(its.pos) as string[],
    };
  };
}

type Words = readonly Pick<Word, 'typed' | 'segment'>[];

/**
 * One universal part-of-speech tag per word ("NOUN", "VERB", "AUX", "ADJ"…). The sentence is
 * rebuilt from the words as typed: clauses end with a comma, and a contraction split at its
 * apostrophe ("who s", "doesn t") is joined again, so the tagger reads "who's" and "doesn't" as it
 * was trained to.
 */
export function englishTags(words: Words): string[] {
  tagger ??= loadTagger();
  let text = '';
  const starts: number[] = [];
  words.forEach((w, i) => {
    const previous = words[i - 1];
    if (previous && previous.segment !== w.segment) text += ',';
    const contraction = previous && previous.segment === w.segment && CONTRACTIONS.has(w.typed);
    if (i > 0) text += contraction ? "'" : ' ';
    starts.push(text.length);
    text += w.typed;
  });
  const { values, spaces, tags: tagged } = tagger(text);
  // Each word takes the tag of the token it starts in.
  const tags: string[] = [];
  let offset = 0;
  let token = 0;
  for (const start of starts) {
    while (token < values.length) {
      const tokenStart = offset + spaces[token]!.length;
      const tokenEnd = tokenStart + values[token]!.length;
      if (start < tokenEnd) break;
      offset = tokenEnd;
      token++;
    }
    tags.push(tagged[token] ?? 'X');
  }
  // "who BACKS it up?", "does Acme SWITCH them off?": the lite model takes a verb the pronoun
  // object follows for a noun; a word with its object after it is the verb.
  words.forEach((w, i) => {
    const object = words[i + 1];
    if (tags[i] === 'NOUN' && i > 0 && object?.segment === w.segment && pointsBack(words, i + 1)) tags[i] = 'VERB';
  });
  return tags;
}

/** One role per word: whether it names a thing in its sentence, from its tags (`englishTags`). */
export function englishRoles(words: Words, tags: readonly string[] = englishTags(words)): EnglishRole[] {
  const noun = (i: number) => tags[i] === 'NOUN' || tags[i] === 'PROPN';
  return tags.map((tag, i) => {
    if (noun(i)) return 'thing';
    // "OUR SWISS customers": an adjective before a noun says which thing; it is part of it.
    if (tag === 'ADJ' && noun(i + 1) && words[i + 1]!.segment === words[i]!.segment) return 'thing';
    // Right after a noun, the lite model reads a compound's last noun as a verb ("the support mail
    // ADDRESS", "teams CHATS archived"). A verb there may also be the claim of a yes-or-no question
    // ("does Acme SCAN our sites…?"), which the page must word to confirm. Either way it stays.
    // An adverb between changes nothing ("does Acme EVER scan…").
    let before = i - 1;
    while (before >= 0 && tags[before] === 'ADV' && tag === 'VERB') before--;
    if (noun(before)) return 'thing';
    return 'other';
  });
}
