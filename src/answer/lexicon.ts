import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../knowledge/package-root.js';
import type { Topic } from '../knowledge/schema.js';
import type { Lang } from '../views/types.js';
import { type CadenceFilter, type Intent, type Lexicon, LexiconSchema } from './lexicon-schema.js';
import { stem, words } from './text.js';

/** A multi-word phrase table keyed by stemmed words, matched longest-first. */
export class PhraseTable<T> {
  readonly entries = new Map<string, T[]>();
  maxWords = 1;

  add(phrase: string, value: T): void {
    const stems = words(phrase).map(stem);
    if (stems.length === 0) return;
    const key = stems.join(' ');
    const list = this.entries.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else this.entries.set(key, [value]);
    if (stems.length > this.maxWords) this.maxWords = stems.length;
  }

  get(stems: readonly string[], start: number, length: number): T[] | undefined {
    return this.entries.get(stems.slice(start, start + length).join(' '));
  }
}

export type PartyCue = 'customer' | 'customer_weak' | 'customer_en_only' | 'provider' | 'demand';

export type Cue =
  | { kind: 'intent'; intent: Intent }
  | { kind: 'party'; cue: PartyCue }
  | { kind: 'cadence'; cadence: CadenceFilter }
  | { kind: 'duty' };

export interface ConceptInfo {
  id: string;
  weight: number;
  strong: boolean;
}

/** The lexicon turned into lookup tables, built once per process. */
export interface CompiledLexicon {
  lexicon: Lexicon;
  cues: PhraseTable<Cue>;
  concepts: PhraseTable<string>;
  conceptInfo: ReadonlyMap<string, ConceptInfo>;
  conceptsByTopic: ReadonlyMap<Topic, string[]>;
  foreign: PhraseTable<string>;
  stopWords: ReadonlySet<string>;
  /** Unambiguous function words per language (strong evidence) and lexicon words used by one language only (weak). */
  markers: Record<Lang, ReadonlySet<string>>;
  onlyIn: Record<Lang, ReadonlySet<string>>;
  /** Every word the lexicon knows, for typo correction. */
  vocabulary: ReadonlySet<string>;
}

export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

/** `<package root>/knowledge/lexicon.yaml`. */
export function defaultLexiconPath(): string {
  return join(packageRoot(), 'knowledge', 'lexicon.yaml');
}

const compiledByPath = new Map<string, CompiledLexicon>();

/** Loads, validates and compiles the lexicon (cached per path). */
export function loadLexicon(path: string = defaultLexiconPath()): CompiledLexicon {
  const hit = compiledByPath.get(path);
  if (hit) return hit;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LexiconError(`${path}: ${(error as Error).message}`);
  }
  const result = LexiconSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new LexiconError(problems.join('\n'));
  }
  const compiled = compileLexicon(result.data);
  compiledByPath.set(path, compiled);
  return compiled;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const cues = new PhraseTable<Cue>();
  const concepts = new PhraseTable<string>();
  const foreign = new PhraseTable<string>();
  const conceptInfo = new Map<string, ConceptInfo>();
  const conceptsByTopic = new Map<Topic, string[]>();
  const vocabulary = new Set<string>();
  const usedBy: Record<Lang, Set<string>> = { en: new Set(), it: new Set() };

  const note = (lang: Lang, phrase: string) => {
    for (const word of words(phrase)) {
      vocabulary.add(word);
      usedBy[lang].add(word);
    }
  };
  const addBilingual = <T>(table: PhraseTable<T>, phrases: { en: string[]; it: string[] }, value: T) => {
    for (const lang of ['en', 'it'] as const) {
      for (const phrase of phrases[lang]) {
        table.add(phrase, value);
        note(lang, phrase);
      }
    }
  };

  for (const [id, concept] of Object.entries(lexicon.concepts)) {
    conceptInfo.set(id, { id, weight: concept.weight, strong: concept.strong });
    addBilingual(concepts, concept, id);
    for (const topic of concept.topics) conceptsByTopic.set(topic, [...(conceptsByTopic.get(topic) ?? []), id]);
  }
  for (const [intent, phrases] of Object.entries(lexicon.intents)) {
    if (phrases) addBilingual(cues, phrases, { kind: 'intent', intent: intent as Intent });
  }
  const parties = lexicon.parties;
  addBilingual(cues, parties.customer, { kind: 'party', cue: 'customer' });
  addBilingual(cues, parties.customer_weak, { kind: 'party', cue: 'customer_weak' });
  addBilingual(cues, parties.provider, { kind: 'party', cue: 'provider' });
  addBilingual(cues, parties.demand, { kind: 'party', cue: 'demand' });
  for (const phrase of parties.customer_en_only) cues.add(phrase, { kind: 'party', cue: 'customer_en_only' });
  for (const [cadence, phrases] of Object.entries(lexicon.cadences)) {
    if (phrases) addBilingual(cues, phrases, { kind: 'cadence', cadence: cadence as CadenceFilter });
  }
  addBilingual(cues, lexicon.duty_words, { kind: 'duty' });
  for (const name of lexicon.foreign_products) {
    foreign.add(name, name);
    for (const word of words(name)) vocabulary.add(word);
  }

  const stopWords = new Set([...lexicon.stop_words.en, ...lexicon.stop_words.it].flatMap(words));
  for (const word of stopWords) vocabulary.add(word);
  const markers = {
    en: new Set(lexicon.language_markers.en.flatMap(words)),
    it: new Set(lexicon.language_markers.it.flatMap(words)),
  };
  // A marker listed for both languages ("per", "a") proves nothing.
  for (const word of [...markers.en]) {
    if (markers.it.has(word)) {
      markers.en.delete(word);
      markers.it.delete(word);
    }
  }
  for (const lang of ['en', 'it'] as const) for (const word of markers[lang]) vocabulary.add(word);
  const onlyIn = {
    en: new Set([...usedBy.en].filter((w) => !usedBy.it.has(w))),
    it: new Set([...usedBy.it].filter((w) => !usedBy.en.has(w))),
  };
  return {
    lexicon,
    cues,
    concepts,
    conceptInfo,
    conceptsByTopic,
    foreign,
    stopWords,
    markers,
    onlyIn,
    vocabulary,
  };
}
