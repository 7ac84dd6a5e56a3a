import type { Duty, Knowledge } from '../knowledge/model.js';
import type { FactRecord, ServiceId } from '../knowledge/schema.js';
import type { CompiledLexicon } from './lexicon.js';
import { stem, typoBudget, words } from './text.js';

/**
 * Everything the engine precomputes per Knowledge object: the searchable documents (duties and
 * facts as term sets), IDF weights, the service alias table and the vocabulary for typo
 * correction. Built once and cached in a WeakMap, so each question costs only its own analysis.
 */

interface DocBase {
  id: string;
  terms: ReadonlySet<string>;
  /** Number of distinct terms (BM25 length). */
  length: number;
  /** Position in the source (duties in document order, then facts). */
  order: number;
}

export type IndexedDoc = (DocBase & { kind: 'duty'; duty: Duty }) | (DocBase & { kind: 'fact'; fact: FactRecord });

export interface ServiceAlias {
  service: ServiceId;
  /** A product name ("RocketWeb", "Sygma") rather than a generic word ("site", "posta"). */
  brand: boolean;
}

export interface KnowledgeIndex {
  knowledge: Knowledge;
  docs: readonly IndexedDoc[];
  idf: ReadonlyMap<string, number>;
  averageLength: number;
  /** Aliases keyed by their stemmed words joined without spaces ("rocket web" = "rocketweb"). */
  aliases: ReadonlyMap<string, ServiceAlias[]>;
  aliasMaxWords: number;
  /** Compact keys of brand names, for typo-tolerant matching. */
  brandKeys: readonly { key: string; service: ServiceId }[];
  /** Stems that occur in some document: a question word outside it cannot match anything. */
  stems: ReadonlySet<string>;
  /** Known surface words (knowledge + lexicon), bucketed by length for typo correction. */
  vocabulary: ReadonlySet<string>;
  vocabularyByLength: ReadonlyMap<number, readonly string[]>;
  /** Services whose duty texts contain a given run of stems (up to 4), to spot aliases that are ordinary words elsewhere. */
  phraseServices: ReadonlyMap<string, ReadonlySet<ServiceId>>;
  /** Memo of typo corrections (pure: same word, same answer). */
  corrections: Map<string, string | null>;
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
    for (let n = Math.min(lexicon.concepts.maxWords, stems.length - i); n >= 1; n--) {
      const ids = lexicon.concepts.get(stems, i, n);
      if (!ids) continue;
      for (const id of ids) into.add(`c:${id}`);
      for (let k = i; k < i + n; k++) covered[k] = true;
    }
  }
  tokens.forEach((token, i) => {
    if (!covered[i] && !lexicon.stopWords.has(token) && token.length > 1) into.add(`w:${stems[i]}`);
  });
}

function buildIndex(knowledge: Knowledge, lexicon: CompiledLexicon): KnowledgeIndex {
  const docs: IndexedDoc[] = [];
  const surface = new Set<string>(lexicon.vocabulary);
  const addSurface = (text: string) => {
    for (const word of words(text)) surface.add(word);
  };

  const phraseServices = new Map<string, Set<ServiceId>>();
  for (const duty of knowledge.duties) {
    for (const text of [duty.text, duty.text_it]) {
      const stems = words(text).map(stem);
      for (let i = 0; i < stems.length; i++) {
        for (let n = 1; n <= 4 && i + n <= stems.length; n++) {
          const key = stems.slice(i, i + n).join(' ');
          const set = phraseServices.get(key) ?? new Set<ServiceId>();
          set.add(duty.service);
          phraseServices.set(key, set);
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
    if (duty.retention_days !== undefined) terms.add('c:retention');
    docs.push({ kind: 'duty', id: duty.id, duty, terms, length: terms.size, order: docs.length });
  }
  for (const fact of knowledge.facts) {
    const terms = new Set<string>();
    for (const text of [...fact.text, ...fact.text_it, fact.title.en, fact.title.it, fact.section, ...fact.topics]) {
      extractTerms(text, lexicon, terms);
      addSurface(text);
    }
    docs.push({ kind: 'fact', id: fact.id, fact, terms, length: terms.size, order: docs.length });
  }

  const documentFrequency = new Map<string, number>();
  for (const doc of docs) for (const term of doc.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  const total = docs.length;
  for (const [term, df] of documentFrequency) idf.set(term, Math.log(1 + (total - df + 0.5) / (df + 0.5)));
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);

  const aliases = new Map<string, ServiceAlias[]>();
  let aliasMaxWords = 1;
  const brandKeys: { key: string; service: ServiceId }[] = [];
  const brandSet = new Set<string>();
  for (const [service, names] of Object.entries(lexicon.lexicon.brands) as [ServiceId, string[]][]) {
    for (const name of names) {
      const key = compactKey(name);
      brandSet.add(key);
      if (key.length >= 6) brandKeys.push({ key, service });
    }
  }
  const addAlias = (service: ServiceId, phrase: string) => {
    const key = compactKey(phrase);
    if (!key) return;
    const brand = [...brandSet].some((b) => key.includes(b));
    const list = aliases.get(key) ?? [];
    if (!list.some((a) => a.service === service)) list.push({ service, brand });
    aliases.set(key, list);
    aliasMaxWords = Math.max(aliasMaxWords, words(phrase).length);
    addSurface(phrase);
  };
  for (const service of knowledge.services) {
    addAlias(service.id, service.id);
    addAlias(service.id, service.name);
    // "RocketWeb - Web Hosting": both halves are names people use.
    // A lone generic half ("Platform") would catch unrelated questions, so it must be two words or a brand.
    for (const part of service.name.split(' - ')) {
      if (words(part).length >= 2 || brandSet.has(compactKey(part))) addAlias(service.id, part);
    }
    for (const alias of [...service.aliases.en, ...service.aliases.it]) addAlias(service.id, alias);
    const extra = lexicon.lexicon.service_aliases[service.id];
    for (const alias of [...(extra?.en ?? []), ...(extra?.it ?? [])]) addAlias(service.id, alias);
    for (const brand of lexicon.lexicon.brands[service.id] ?? []) addAlias(service.id, brand);
  }
  // A generic word that names two services ("server") is not a service mention at all.
  for (const [key, list] of aliases) if (list.length > 1 && !list.some((a) => a.brand)) aliases.delete(key);

  const stems = new Set<string>();
  for (const doc of docs) for (const term of doc.terms) if (term.startsWith('w:')) stems.add(term.slice(2));

  const vocabularyByLength = new Map<number, string[]>();
  for (const word of surface) {
    if (typoBudget(word.length) === 0 && word.length < 4) continue;
    const bucket = vocabularyByLength.get(word.length) ?? [];
    bucket.push(word);
    vocabularyByLength.set(word.length, bucket);
  }

  return {
    knowledge,
    docs,
    idf,
    averageLength,
    aliases,
    aliasMaxWords,
    brandKeys,
    stems,
    vocabulary: surface,
    vocabularyByLength,
    phraseServices,
    corrections: new Map(),
  };
}
