import { resolve } from 'node:path';
import { readLexicon } from '../knowledge/lexicon-load.js';
import type { CadenceFilter, Intent, Lexicon } from '../knowledge/lexicon-schema.js';
import { KnowledgeError } from '../knowledge/load.js';
import { defaultPackDir, LEXICON_FILE } from '../knowledge/pack.js';
import type { Topic } from '../knowledge/schema.js';
import type { Lang } from '../views/types.js';
import { AFTER_PRONOUN_OBJECT, ENGLISH_DEMONSTRATIVES, OBJECT_PRONOUNS, PREPOSITIONS } from './grammar.js';
import { stem, words } from './text.js';

/** Pronoun objects that stand inside an English phrasal verb ("back IT up"), by stem like the table's keys. */
const PRONOUN_OBJECTS = new Set([...OBJECT_PRONOUNS, ...ENGLISH_DEMONSTRATIVES].map(stem));
const PARTICLES_AFTER_OBJECT = new Set([...AFTER_PRONOUN_OBJECT].map(stem));

/**
 * A multi-word phrase table matched longest-first, keyed by stemmed words (concepts: any
 * inflection matches) or by exact words (cues: "devo" is the customer, "deve" is anyone).
 */
export class PhraseTable<T> {
  readonly entries = new Map<string, T[]>();
  /** Every proper prefix of a key, so matching stops as soon as no phrase can continue. */
  private readonly prefixes = new Set<string>();
  maxWords = 1;

  constructor(readonly exact = false) {}

  add(phrase: string, value: T): void {
    const stems = this.exact ? words(phrase) : words(phrase).map(stem);
    if (stems.length === 0) return;
    const key = stems.join(' ');
    const list = this.entries.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else this.entries.set(key, [value]);
    for (let n = 1; n < stems.length; n++) this.prefixes.add(stems.slice(0, n).join(' '));
    if (stems.length > this.maxWords) this.maxWords = stems.length;
  }

  get(stems: readonly string[], start: number, length: number): T[] | undefined {
    return this.entries.get(stems.slice(start, start + length).join(' '));
  }

  /** Phrases starting at `start`, longest first, with their length in words. */
  matchesAt(stems: readonly string[], start: number): { length: number; values: T[] }[] {
    const found = this.matchesFrom(stems, start, start + 1);
    // "Back IT up", "report THEM to Acme": English puts a pronoun object between a verb and its
    // particle or preposition, inside the phrase the table holds ("back up", "report to Acme").
    // The phrase is read past it, and the pronoun counts in its length.
    if (
      !this.exact &&
      PRONOUN_OBJECTS.has(stems[start + 1] ?? '') &&
      PARTICLES_AFTER_OBJECT.has(stems[start + 2] ?? '') &&
      this.prefixes.has(stems[start]!)
    ) {
      found.push(...this.matchesFrom(stems, start, start + 2).filter((match) => match.length > 2));
      return found.sort((a, b) => b.length - a.length);
    }
    // Found shortest first: longest first is the reverse.
    return found.reverse();
  }

  /** Phrases made of the word at `start` followed by the words from `next` on, with their length from `start`. */
  private matchesFrom(stems: readonly string[], start: number, next: number): { length: number; values: T[] }[] {
    const found: { length: number; values: T[] }[] = [];
    const skipped = next - start - 1;
    let key = stems[start]!;
    let end = start;
    for (;;) {
      const values = this.entries.get(key);
      if (values) found.push({ length: end - start + 1, values });
      if (!this.prefixes.has(key)) break;
      end = end === start ? next : end + 1;
      if (end >= stems.length || end - start - skipped >= this.maxWords) break;
      key = `${key} ${stems[end]}`;
    }
    return found;
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
  /** Inside another concept's longer phrase, this concept's word says that phrase's concept instead. */
  yieldsToLonger: boolean;
  /** Its words are out-of-scope cues unless the best answer says this concept (see lexicon-schema.ts). */
  onlyWhenSaid: boolean;
}

/** The lexicon turned into lookup tables, built once per process. */
export interface CompiledLexicon {
  lexicon: Lexicon;
  cues: PhraseTable<Cue>;
  concepts: PhraseTable<string>;
  /** Which language's list gave a one-word concept phrase ("guard": en), keyed by stem then concept id. */
  conceptWordLanguages: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<Lang>>>;
  /** The Italian one-word concept phrases themselves ("salvato"), keyed by stem then concept id. */
  italianConceptWords: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  conceptInfo: ReadonlyMap<string, ConceptInfo>;
  conceptsByTopic: ReadonlyMap<Topic, string[]>;
  foreign: PhraseTable<string>;
  /** Words the lexicon holds only inside other providers' product names ("workspace" of "Google Workspace"); a service may still be called by one. */
  foreignOnlyWords: ReadonlySet<string>;
  /** Words of questions the page can never answer (prices, weather…). */
  offTopic: PhraseTable<{ phrase: string; lang: Lang }>;
  /** Words after which "Acme" is an object; words that offer an alternative between parties. */
  objectMarkers: ReadonlySet<string>;
  objectMarkerAdverbs: ReadonlySet<string>;
  requestMarkers: ReadonlySet<string>;
  alternatives: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
  reportedMarkers: ReadonlySet<string>;
  recipientMarkers: ReadonlySet<string>;
  /** Words of out-of-scope phrases: never "corrected" into a domain word ("costa" is not "cosa"). */
  offTopicWords: ReadonlySet<string>;
  /** Out-of-scope phrases that are also an `only_when_said` concept's: out of scope unless the answer says it. */
  conditionalOffTopic: ReadonlySet<string>;
  /** Alias phrases (stems joined by spaces: "mail vault" but not "mailvault") that only hint at a service. */
  ambiguousAliases: ReadonlySet<string>;
  /** Stems of the services' parts ("root", "cartella"), which hint at their service only. */
  serviceParts: ReadonlySet<string>;
  /** Nouns claimed together with a service's name ("service", "servizio"). */
  serviceNouns: ReadonlySet<string>;
  /** Those and the other nouns claimed with a service's name ("tool", "piattaforma"). */
  serviceHeads: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
  /** Stems of everyday words that never carry a question's subject, so no answer must say them. */
  genericStems: ReadonlySet<string>;
  /** Unambiguous function words per language (strong evidence) and lexicon words used by one language only (weak). */
  markers: Record<Lang, ReadonlySet<string>>;
  onlyIn: Record<Lang, ReadonlySet<string>>;
  /** Every word the lexicon knows, for typo correction. */
  vocabulary: ReadonlySet<string>;
}

export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

/** The lexicon of the pack in use (`<pack>/lexicon.yaml`, see knowledge/pack.ts). */
export function defaultLexiconPath(): string {
  return resolve(defaultPackDir(), LEXICON_FILE);
}

const compiledByPath = new Map<string, CompiledLexicon>();

/** "Shared folders" → "share folder": how alias phrases are compared with a question's stems. */
const stemmedPhrase = (phrase: string) => words(phrase).map(stem).join(' ');

/**
 * Loads, validates and compiles a pack's lexicon (cached per path). Answering reads the lexicon of
 * the knowledge it answers from (`knowledge.lexiconFile`), so a pack's words never mix with another's.
 */
export function loadLexicon(path: string = defaultLexiconPath()): CompiledLexicon {
  const file = resolve(path);
  const hit = compiledByPath.get(file);
  if (hit) return hit;
  let lexicon: Lexicon;
  try {
    lexicon = readLexicon(file);
  } catch (error) {
    if (error instanceof KnowledgeError) throw new LexiconError(error.message);
    throw error;
  }
  const compiled = compileLexicon(lexicon);
  compiledByPath.set(file, compiled);
  return compiled;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const cues = new PhraseTable<Cue>(true);
  const concepts = new PhraseTable<string>();
  const foreign = new PhraseTable<string>();
  // Matched word for word: "supporta" (supports) is out of scope, "supporti magnetici" is not.
  const offTopic = new PhraseTable<{ phrase: string; lang: Lang }>(true);
  const conceptInfo = new Map<string, ConceptInfo>();
  const conditionalOffTopic = new Set<string>();
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

  const conceptWordLanguages = new Map<string, Map<string, Set<Lang>>>();
  const italianConceptWords = new Map<string, Map<string, Set<string>>>();
  for (const [id, concept] of Object.entries(lexicon.concepts)) {
    for (const lang of ['en', 'it'] as const) {
      for (const phrase of concept[lang]) {
        const [word, ...more] = words(phrase);
        if (word === undefined || more.length > 0) continue;
        const key = stem(word);
        const byId = conceptWordLanguages.get(key) ?? new Map<string, Set<Lang>>();
        conceptWordLanguages.set(key, byId.set(id, (byId.get(id) ?? new Set<Lang>()).add(lang)));
        if (lang === 'it') {
          const forms = italianConceptWords.get(key) ?? new Map<string, Set<string>>();
          italianConceptWords.set(key, forms.set(id, (forms.get(id) ?? new Set<string>()).add(word)));
        }
      }
    }
    conceptInfo.set(id, {
      id,
      weight: concept.weight,
      strong: concept.strong,
      yieldsToLonger: concept.yields_to_longer,
      onlyWhenSaid: concept.only_when_said,
    });
    if (concept.only_when_said) for (const phrase of [...concept.en, ...concept.it]) conditionalOffTopic.add(phrase);
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
  // Out-of-scope words stay out of the vocabulary: "phone" in "phone number" must remain an unknown
  // subject in "how do I back up my phone?".
  const offTopicWords = new Set<string>();
  // Per language: "fine" is a penalty in English but "andati a buon fine" is a success in Italian.
  for (const lang of ['en', 'it'] as const) {
    for (const phrase of lexicon.out_of_scope_words[lang]) {
      offTopic.add(phrase, { phrase, lang });
      for (const word of words(phrase)) offTopicWords.add(word);
    }
  }
  // Collected before the names join the vocabulary: a word nothing else of the lexicon says.
  const foreignOnlyWords = new Set<string>();
  for (const name of lexicon.foreign_products) {
    foreign.add(name, name);
    for (const word of words(name)) if (!vocabulary.has(word)) foreignOnlyWords.add(word);
  }
  for (const word of foreignOnlyWords) vocabulary.add(word);

  // The grammar's prepositions are function words whatever the pack lists ("…before FRIDAY").
  const stopWords = new Set([...lexicon.stop_words.en, ...lexicon.stop_words.it, ...PREPOSITIONS].flatMap(words));
  for (const word of stopWords) {
    vocabulary.add(word);
    foreignOnlyWords.delete(word);
  }
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
  const parts = Object.values(lexicon.service_parts).flatMap((phrases) => [
    ...(phrases?.en ?? []),
    ...(phrases?.it ?? []),
  ]);
  return {
    lexicon,
    cues,
    concepts,
    conceptWordLanguages,
    italianConceptWords,
    conceptInfo,
    conceptsByTopic,
    foreign,
    foreignOnlyWords,
    offTopic,
    offTopicWords,
    conditionalOffTopic,
    objectMarkers: new Set(lexicon.parties.object_markers.flatMap(words)),
    objectMarkerAdverbs: new Set(lexicon.parties.object_marker_adverbs.flatMap(words)),
    requestMarkers: new Set(lexicon.parties.request_markers.flatMap(words)),
    alternatives: new Set(lexicon.parties.alternatives.flatMap(words)),
    conjunctions: new Set(lexicon.parties.conjunctions.flatMap(words)),
    reportedMarkers: new Set(lexicon.parties.reported_markers.flatMap(words)),
    recipientMarkers: new Set(lexicon.parties.recipient_markers.flatMap(words)),
    // A part only ever hints at its service: it is an ambiguous alias by nature.
    ambiguousAliases: new Set([...lexicon.ambiguous_aliases, ...parts].map(stemmedPhrase)),
    serviceParts: new Set(parts.map(stemmedPhrase)),
    serviceNouns: new Set(lexicon.service_nouns.flatMap(words)),
    serviceHeads: new Set([...lexicon.service_nouns, ...lexicon.service_heads].flatMap(words)),
    stopWords,
    genericStems: new Set([...lexicon.generic_words.en, ...lexicon.generic_words.it].flatMap(words).map(stem)),
    markers,
    onlyIn,
    vocabulary,
  };
}
