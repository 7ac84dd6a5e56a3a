import { editDistance, words as textWords } from '../answer/text.js';
import type { Duty, Knowledge } from '../knowledge/model.js';

/**
 * Resolves what a user typed to refer to a duty: an exact id (`backup1.customer.restore-test`),
 * a short id (`backup1.restore-test`), or words ("restore test backup1", "test di ripristino
 * backup1"). Words after the duty reference are returned as `rest` (a note or a reason), so
 * "done restore test backup1 all good" needs no separator.
 */

export type DutyRefResult =
  | { kind: 'found'; duty: Duty; rest: string }
  | { kind: 'ambiguous'; candidates: Duty[] }
  | { kind: 'unknown'; suggestions: Duty[] };

/**
 * Words that say nothing about which duty is meant: articles, prepositions and possessives only.
 * Not the answer engine's `stop_words`, which also drop everyday words ("good", "all", "still"):
 * here those are the start of a note ("done restore test backup1 all good") and must stay in it.
 */
const STOP = new Set(
  'the a an of for on to in at my our your la il lo le gli i di del della dei delle su per sul sulla al alla da e and with con'.split(
    ' ',
  ),
);

/**
 * The words of a duty reference, normalized exactly like questions and knowledge texts
 * (answer/text.ts: accents, apostrophes, "e-mail" = "e mail"). A hyphen between words of an id or
 * a typed reference ("restore-test", "remotix") also separates them, so both the joined and
 * the separate forms are kept.
 */
export function normalizeWords(text: string): readonly string[] {
  const joined = textWords(text);
  const separate = textWords(text.replace(/-/g, ' '));
  return joined.length === separate.length ? separate : [...separate, ...joined.filter((w) => !separate.includes(w))];
}

interface DutyVocabulary {
  duty: Duty;
  /** Words of the duty itself (slug, titles). */
  own: Set<string>;
  /** Words of its service (id, name, aliases). */
  service: Set<string>;
}

const vocabularyCache = new WeakMap<Knowledge, DutyVocabulary[]>();

function vocabulary(knowledge: Knowledge): DutyVocabulary[] {
  let cached = vocabularyCache.get(knowledge);
  if (cached) return cached;
  cached = knowledge.duties
    .filter((duty) => duty.party === 'customer')
    .map((duty) => {
      const service = knowledge.serviceById.get(duty.service)!;
      const slug = duty.id.split('.')[2] ?? '';
      return {
        duty,
        own: new Set([
          ...normalizeWords(slug),
          ...normalizeWords(duty.title),
          ...normalizeWords(duty.title_it),
          ...duty.topics.flatMap((t) => normalizeWords(t)),
        ]),
        service: new Set([
          ...normalizeWords(service.id),
          service.id.replace(/-/g, ''),
          ...normalizeWords(service.name),
          ...service.aliases.en.flatMap(normalizeWords),
          ...service.aliases.it.flatMap(normalizeWords),
          ...service.aliases.en.map((a) => normalizeWords(a).join('')),
        ]),
      };
    });
  vocabularyCache.set(knowledge, cached);
  return cached;
}

/** 2 = the word is in the vocabulary, 1 = a prefix or a one-letter typo of a word in it, 0 = no. */
function wordMatch(word: string, vocab: Set<string>): 0 | 1 | 2 {
  if (vocab.has(word)) return 2;
  for (const v of vocab) {
    if (word.length >= 4 && v.startsWith(word)) return 1;
    if (word.length >= 5 && v.length >= 5 && withinOneEdit(word, v)) return 1;
  }
  return 0;
}

function wordMatches(word: string, vocab: Set<string>): boolean {
  return wordMatch(word, vocab) > 0;
}

/** One typo ("ripristno", "bakcup"): the same edit distance as questions use (answer/text.ts). */
function withinOneEdit(a: string, b: string): boolean {
  return editDistance(a, b, 1) <= 1;
}

function byId(knowledge: Knowledge, token: string): Duty | undefined {
  const id = token.toLowerCase();
  const exact = knowledge.dutyById.get(id);
  if (exact) return exact;
  // Short form `<service>.<slug>` for customer duties.
  const [service, slug] = id.split('.');
  if (service && slug && id.split('.').length === 2) return knowledge.dutyById.get(`${service}.customer.${slug}`);
  return undefined;
}

export function resolveDutyRef(knowledge: Knowledge, text: string): DutyRefResult {
  const raw = text.trim().split(/\s+/).filter(Boolean);
  const first = raw[0];
  if (first) {
    const duty = byId(knowledge, first);
    if (duty) return { kind: 'found', duty, rest: raw.slice(1).join(' ') };
  }

  const vocab = vocabulary(knowledge);
  // Try the longest prefix of words first, so trailing note words are left over.
  for (let k = raw.length; k >= 1; k--) {
    const words = normalizeWords(raw.slice(0, k).join(' ')).filter((w) => !STOP.has(w));
    if (words.length === 0) continue;
    const candidates = vocab.filter((v) => words.every((w) => wordMatches(w, v.own) || wordMatches(w, v.service)));
    if (candidates.length === 0) continue;
    const rest = raw.slice(k).join(' ');
    if (candidates.length === 1) return foundUnlessBetterFit(vocab, candidates[0]!, text, rest);
    // Several fit: prefer exact words over typos/prefixes ("backup1" names a service; it is not a
    // typo of the topic "backup"), then words of the duty itself over words of its service.
    const score = (v: DutyVocabulary) =>
      words.reduce(
        (sum, w) => sum + 10 * Math.max(wordMatch(w, v.own), wordMatch(w, v.service)) + wordMatch(w, v.own),
        0,
      );
    const best = Math.max(...candidates.map(score));
    const top = candidates.filter((v) => score(v) === best);
    if (top.length === 1) return foundUnlessBetterFit(vocab, top[0]!, text, rest);
    return { kind: 'ambiguous', candidates: top.map((v) => v.duty) };
  }

  const words = normalizeWords(text).filter((w) => !STOP.has(w));
  const scored = vocab
    .map((v) => ({ v, score: words.filter((w) => wordMatches(w, v.own) || wordMatches(w, v.service)).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map((s) => s.v.duty);
  return { kind: 'unknown', suggestions: scored };
}

/**
 * How well `text` names a duty by exact words: a word of the duty itself counts twice, a word
 * that only names its service once (every Backup1 duty shares "backup1" and "backup").
 */
function exactHits(words: readonly string[], v: DutyVocabulary): number {
  return [...new Set(words)].reduce((sum, w) => sum + (v.own.has(w) ? 2 : v.service.has(w) ? 1 : 0), 0);
}

/**
 * Leftover words become a note or a reason, so a short prefix must not win when the whole text
 * names another duty better: "salta controllo risultati backup backup1 server spento" matches a
 * WebSpace "controllo" by its first word, but "backup backup1" say it is the Backup1 check.
 * Recording the wrong duty in the ledger is worse than asking, so that is ambiguous.
 */
function foundUnlessBetterFit(
  vocab: DutyVocabulary[],
  found: DutyVocabulary,
  text: string,
  rest: string,
): DutyRefResult {
  if (!rest) return { kind: 'found', duty: found.duty, rest };
  const words = normalizeWords(text).filter((w) => !STOP.has(w));
  const own = exactHits(words, found);
  const better = vocab.filter((v) => v !== found && exactHits(words, v) > own);
  if (better.length === 0) return { kind: 'found', duty: found.duty, rest };
  const best = Math.max(...better.map((v) => exactHits(words, v)));
  return {
    kind: 'ambiguous',
    candidates: [found.duty, ...better.filter((v) => exactHits(words, v) === best).map((v) => v.duty)],
  };
}

/** Resolves a service by id or alias ("webspace", "web hosting", "posta"). */
export function resolveService(knowledge: Knowledge, text: string) {
  const wanted = normalizeWords(text).join(' ');
  if (!wanted) return undefined;
  return knowledge.services.find(
    (s) =>
      s.id === text.trim().toLowerCase() ||
      normalizeWords(s.id).join(' ') === wanted ||
      normalizeWords(s.name).join(' ') === wanted ||
      [...s.aliases.en, ...s.aliases.it].some((a) => normalizeWords(a).join(' ') === wanted),
  );
}
