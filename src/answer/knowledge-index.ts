import type { Duty, Knowledge } from '../knowledge/model.js';
import type { FactRecord, ServiceId } from '../knowledge/schema.js';
import type { CompiledLexicon } from './lexicon.js';
import { stem, words } from './text.js';

/**
 * Everything the engine precomputes per Knowledge object: the searchable documents (duties and
 * facts as term sets), IDF weights, the service alias table and the vocabulary for typo
 * correction. Built once and cached in a WeakMap, so each question costs only its own analysis.
 */

const NO_TERMS: ReadonlySet<string> = new Set();

interface DocBase {
  id: string;
  terms: ReadonlySet<string>;
  /** Terms of the short title alone: a title names what the item is about, so a hit there counts more. */
  titleTerms: ReadonlySet<string>;
  /**
   * Plain words only our title says, not the source text ("SET password-change rules" over
   * "Evaluate the frequency…"): a paraphrase, weaker evidence than the page's own words.
   */
  titleOnly: ReadonlySet<string>;
  /** Number of distinct terms (BM25 length). */
  length: number;
  /** Position in the source (duties in document order, then facts). */
  order: number;
}

export type IndexedDoc = (DocBase & { kind: 'duty'; duty: Duty }) | (DocBase & { kind: 'fact'; fact: FactRecord });
export type IndexedDuty = Extract<IndexedDoc, { kind: 'duty' }>;

export interface ServiceAlias {
  service: ServiceId;
  /** A product name ("WebSpace", "Orbit") rather than a generic word ("site", "posta"). */
  brand: boolean;
}

export interface KnowledgeIndex {
  knowledge: Knowledge;
  docs: readonly IndexedDoc[];
  idf: ReadonlyMap<string, number>;
  /** Inverted index: term → positions in `docs` of the documents holding it. */
  postings: ReadonlyMap<string, readonly number[]>;
  averageLength: number;
  /** Aliases keyed by their stemmed words joined without spaces ("web space" = "webspace"), for runs of words. */
  aliases: ReadonlyMap<string, ServiceAlias[]>;
  /**
   * Aliases keyed by their plain words joined without spaces, for a single question word: stemming
   * one word would make "hosted" the service "hosting".
   */
  wordAliases: ReadonlyMap<string, ServiceAlias[]>;
  aliasMaxWords: number;
  /** Brand names spelled without spaces ("webspace", "remotix"), for typo-tolerant matching. */
  brandKeys: readonly { key: string; service: ServiceId }[];
  /** Stems that occur in some document: a question word outside it cannot match anything. */
  stems: ReadonlySet<string>;
  /** Stems of the services' own names ("web", "hosting" of "WebSpace - Web Hosting"): they name a section, not a duty. */
  nameStems: ReadonlyMap<ServiceId, ReadonlySet<string>>;
  /** Words of service aliases ("sigma" of "sigma platform"): known, yet still possibly a product-name typo. */
  aliasWords: ReadonlySet<string>;
  /** Words the pack calls a service by in both languages ("hosting", "backup"): no sign of either. */
  bilingualAliasWords: ReadonlySet<string>;
  /** Known surface words (knowledge + lexicon). */
  vocabulary: ReadonlySet<string>;
  /** The words questions are corrected towards (lexicon phrases, service names and their inflections). */
  askedWords: readonly string[];
  /** Shorthand already expanded, or null when it is not shorthand for one word (see abbreviations.ts). */
  abbreviations: Map<string, string | null>;
  /** Words a typo may be corrected to (lexicon and service names), bucketed by first letter and length. */
  vocabularyBuckets: ReadonlyMap<string, readonly string[]>;
  /** Services whose duty texts contain a given run of stems (up to 4), to spot aliases that are ordinary words elsewhere. */
  phraseServices: ReadonlyMap<string, ReadonlySet<ServiceId>>;
  /** Per service, in how many of its duties each stem occurs (does a service's name word tell its duties apart?). */
  serviceStemDuties: ReadonlyMap<ServiceId, ReadonlyMap<string, number>>;
  /** Word terms of the provider's name (`document.provider`): a section saying them speaks of the provider itself. */
  providerTerms: readonly string[];
  /** Memo of typo corrections (pure: same word, same answer). */
  corrections: Map<string, string | null>;
  /** Memo of everyday words typed with a slip (typos.ts `everydaySlip`). */
  slips: Map<string, string | null>;
}

const cache = new WeakMap<Knowledge, WeakMap<CompiledLexicon, KnowledgeIndex>>();

export function indexFor(knowledge: Knowledge, lexicon: CompiledLexicon): KnowledgeIndex {
  let byLexicon = cache.get(knowledge);
  if (!byLexicon) {
    byLexicon = new WeakMap();
    cache.set(knowledge, byLexicon);
  }
  let index = byLexicon.get(lexicon);
  if (!index) {
    index = buildIndex(knowledge, lexicon);
    byLexicon.set(lexicon, index);
  }
  return index;
}

/** Compact key of a phrase: stems glued together, so spacing variants coincide. */
export function compactKey(phrase: string): string {
  return words(phrase).map(stem).join('');
}

/**
 * Terms of a text: concept ids for every lexicon phrase found (overlaps allowed: "security
 * measures" is both `measures` and `security`) plus the stems of the remaining content words.
 */
export function extractTerms(text: string, lexicon: CompiledLexicon, into: Set<string>): void {
  const tokens = words(text);
  const stems = tokens.map(stem);
  const covered = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < stems.length; i++) {
    for (const { length, values } of lexicon.concepts.matchesAt(stems, i)) {
      for (const id of values) into.add(`c:${id}`);
      for (let k = i; k < i + length; k++) covered[k] = true;
    }
  }
  tokens.forEach((token, i) => {
    if (!covered[i] && !lexicon.stopWords.has(token) && token.length > 1) into.add(`w:${stems[i]}`);
  });
}

/** Key of the typo-correction bucket holding words of this initial and length. */
export function vocabularyBucket(initial: string, length: number): string {
  return `${initial}${length}`;
}

function buildIndex(knowledge: Knowledge, lexicon: CompiledLexicon): KnowledgeIndex {
  const docs: IndexedDoc[] = [];
  const surface = new Set<string>(lexicon.vocabulary);
  const addSurface = (text: string) => {
    for (const word of words(text)) surface.add(word);
  };
  let stemsOfSurface: Set<string> | null = null;
  const surfaceStems = () => (stemsOfSurface ??= new Set([...surface].map(stem)));

  const phraseServices = new Map<string, Set<ServiceId>>();
  for (const duty of knowledge.duties) {
    for (const text of [duty.text, duty.text_it]) {
      const stems = words(text).map(stem);
      for (let i = 0; i < stems.length; i++) {
        // The phrases of one to four words starting here, each the one before and a word.
        let key = stems[i]!;
        for (let n = 1; n <= 4 && i + n <= stems.length; n++) {
          if (n > 1) key += ` ${stems[i + n - 1]}`;
          const set = phraseServices.get(key);
          if (set) set.add(duty.service);
          else phraseServices.set(key, new Set([duty.service]));
        }
      }
    }
  }
  for (const duty of knowledge.duties) {
    const terms = new Set<string>();
    for (const text of [duty.text, duty.text_it, duty.title, duty.title_it]) {
      extractTerms(text, lexicon, terms);
      addSurface(text);
    }
    // The knowledge's own topic tags count as the concepts that name them.
    for (const topic of duty.topics) for (const id of lexicon.conceptsByTopic.get(topic) ?? []) terms.add(`c:${id}`);
    const retention = lexicon.lexicon.concept_rules.retention;
    if (duty.retention_days !== undefined && retention) terms.add(`c:${retention}`);
    // Our titles paraphrase the source: a plain word only the title says ("SET password-change rules"
    // over "Evaluate the frequency…") still matches, but earns no title bonus on top.
    const body = new Set<string>();
    for (const text of [duty.text, duty.text_it]) extractTerms(text, lexicon, body);
    const titleTerms = new Set<string>();
    extractTerms(duty.title, lexicon, titleTerms);
    extractTerms(duty.title_it, lexicon, titleTerms);
    // Words the source says inside a concept phrase ("the provider reports") are still its words.
    const sourceWords = new Set(
      [duty.text, duty.text_it].flatMap((text) => words(text).map((word) => `w:${stem(word)}`)),
    );
    const titleOnly = new Set<string>();
    for (const term of titleTerms) {
      if (!term.startsWith('w:') || body.has(term)) continue;
      titleTerms.delete(term);
      if (!sourceWords.has(term)) titleOnly.add(term);
    }
    docs.push({
      kind: 'duty',
      id: duty.id,
      duty,
      terms,
      titleTerms,
      titleOnly,
      length: terms.size,
      order: docs.length,
    });
  }
  for (const fact of knowledge.facts) {
    const terms = new Set<string>();
    // Not the section heading: several facts share one ("Definition of the GDPR") that says little about each.
    for (const text of [...fact.text, ...fact.text_it, fact.title.en, fact.title.it, ...fact.topics]) {
      extractTerms(text, lexicon, terms);
      addSurface(text);
    }
    const titleTerms = new Set<string>();
    extractTerms(fact.title.en, lexicon, titleTerms);
    extractTerms(fact.title.it, lexicon, titleTerms);
    docs.push({
      kind: 'fact',
      id: fact.id,
      fact,
      terms,
      titleTerms,
      titleOnly: NO_TERMS,
      length: terms.size,
      order: docs.length,
    });
  }

  const postings = new Map<string, number[]>();
  for (const doc of docs) {
    for (const term of doc.terms) {
      const list = postings.get(term);
      if (list) list.push(doc.order);
      else postings.set(term, [doc.order]);
    }
  }
  const idf = new Map<string, number>();
  const total = docs.length;
  for (const [term, list] of postings) idf.set(term, Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5)));
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);

  const aliases = new Map<string, ServiceAlias[]>();
  const wordAliases = new Map<string, ServiceAlias[]>();
  const aliasWords = new Set<string>();
  const bilingualAliasWords = new Set<string>();
  let aliasMaxWords = 1;
  const brandKeys: { key: string; service: ServiceId }[] = [];
  const brandSet = new Set<string>();
  for (const [service, names] of Object.entries(lexicon.lexicon.brands) as [ServiceId, string[]][]) {
    for (const name of names) {
      const key = compactKey(name);
      brandSet.add(key);
      // Typos are measured on the plain spelling ("orbyt" is one letter from "orbit").
      const spelled = words(name).join('');
      if (spelled.length >= 5) brandKeys.push({ key: spelled, service });
    }
  }
  const addAlias = (service: ServiceId, phrase: string, part = false) => {
    const key = compactKey(phrase);
    if (!key) return;
    const brand = [...brandSet].some((b) => key.includes(b));
    for (const [map, mapKey] of [
      [aliases, key],
      [wordAliases, words(phrase).join('')],
    ] as const) {
      const list = map.get(mapKey) ?? [];
      if (!list.some((a) => a.service === service)) list.push({ service, brand });
      map.set(mapKey, list);
    }
    aliasMaxWords = Math.max(aliasMaxWords, words(phrase).length);
    // A part ("root", "webmail") is no word of the page: beside another service it stays unknown,
    // a subject the page does not cover there (service-mentions.ts).
    if (part) return;
    addSurface(phrase);
    for (const word of words(phrase)) aliasWords.add(word);
  };
  for (const service of knowledge.services) {
    addAlias(service.id, service.id);
    addAlias(service.id, service.name);
    // "WebSpace - Web Hosting": both halves are names people use.
    // A lone generic half ("Platform") would catch unrelated questions, so it must be two words or a brand.
    for (const part of service.name.split(' - ')) {
      if (words(part).length >= 2 || brandSet.has(compactKey(part))) addAlias(service.id, part);
    }
    for (const alias of [...service.aliases.en, ...service.aliases.it]) addAlias(service.id, alias);
    const italian = new Set(service.aliases.it.flatMap(words));
    for (const word of service.aliases.en.flatMap(words)) if (italian.has(word)) bilingualAliasWords.add(word);
    const extra = lexicon.lexicon.service_aliases[service.id];
    for (const alias of [...(extra?.en ?? []), ...(extra?.it ?? [])]) addAlias(service.id, alias);
    // A word the page or the lexicon already says ("syslog", "backup") keeps its own meaning: it is
    // no part, or the part would take it from the concepts and the ranking.
    const parts = lexicon.lexicon.service_parts[service.id];
    for (const part of [...(parts?.en ?? []), ...(parts?.it ?? [])])
      if (!surface.has(part) && !surfaceStems().has(stem(part))) addAlias(service.id, part, true);
    for (const brand of lexicon.lexicon.brands[service.id] ?? []) addAlias(service.id, brand);
  }
  // A generic word that names two services ("server") is not a service mention at all.
  for (const map of [aliases, wordAliases]) {
    for (const [key, list] of map) if (list.length > 1 && !list.some((a) => a.brand)) map.delete(key);
  }

  const stems = new Set<string>();
  for (const doc of docs) for (const term of doc.terms) if (term.startsWith('w:')) stems.add(term.slice(2));
  const serviceStemDuties = new Map<ServiceId, Map<string, number>>();
  for (const doc of docs) {
    if (doc.kind !== 'duty') continue;
    const counts = serviceStemDuties.get(doc.duty.service) ?? new Map<string, number>();
    for (const term of doc.terms)
      if (term.startsWith('w:')) counts.set(term.slice(2), (counts.get(term.slice(2)) ?? 0) + 1);
    serviceStemDuties.set(doc.duty.service, counts);
  }

  // Typos are corrected only towards the words people ask with (lexicon phrases, service names):
  // an ordinary word we do not know ("miglior", "manda") must not become a rare word of the texts.
  const correctable = new Set([...lexicon.vocabulary, ...aliasWords]);
  // …and towards the texts' inflections of those words ("backups" for "bakups").
  const domainStems = new Set([...correctable].map(stem));
  for (const word of surface) if (domainStems.has(stem(word))) correctable.add(word);
  const vocabularyBuckets = new Map<string, string[]>();
  for (const word of correctable) {
    if (word.length < 4) continue;
    const key = vocabularyBucket(word[0]!, word.length);
    const bucket = vocabularyBuckets.get(key) ?? [];
    bucket.push(word);
    vocabularyBuckets.set(key, bucket);
  }

  const nameStems = new Map<ServiceId, ReadonlySet<string>>(
    knowledge.services.map((service) => [service.id, new Set(words(service.name).map(stem))]),
  );

  return {
    knowledge,
    nameStems,
    docs,
    idf,
    postings,
    averageLength,
    aliases,
    wordAliases,
    aliasWords,
    bilingualAliasWords,
    aliasMaxWords,
    brandKeys,
    stems,
    vocabulary: surface,
    askedWords: [...correctable].filter((word) => /^\d{0,2}[a-z]+$/.test(word)),
    abbreviations: new Map(),
    vocabularyBuckets,
    phraseServices,
    serviceStemDuties,
    providerTerms: words(knowledge.document.provider).map((word) => `w:${stem(word)}`),
    corrections: new Map(),
    slips: new Map(),
  };
}

/** The duties (not the general sections) whose text says a concept of the lexicon. */
export function dutiesSaying(index: KnowledgeIndex, concept: string | undefined): IndexedDuty[] {
  return (index.postings.get(`c:${concept}`) ?? [])
    .map((position) => index.docs[position]!)
    .filter((doc): doc is IndexedDuty => doc.kind === 'duty');
}
