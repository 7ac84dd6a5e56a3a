/**
 * Text primitives shared by the question analyser and the document index: normalization,
 * tokenization, a light English+Italian stemmer and a bounded edit distance for typos.
 *
 * Both sides (questions and knowledge texts) go through exactly the same functions, so a word
 * only has to be spelled once in the lexicon for all its inflections to match.
 */

import { CLAUSE_OPENERS, SENTENCE_OPENERS } from './grammar.js';

/** Lowercase, strip accents, unify apostrophes and hyphens. */
export function normalize(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      // Italian elisions ("dell'archivio", "l'utente") and English contractions ("what's") split words.
      .replace(/[’'`´]/g, ' ')
      // A hyphen inside a word joins it ("e-mail", "back-up", "anti-virus"); a spaced one separates.
      .replace(/([a-z0-9])-(?=[a-z0-9])/g, '$1')
  );
}

export interface Token {
  /** Normalized surface form. */
  word: string;
  /** Whether the word was written with a capital letter where no sentence starts (not first, nor after ".", "?", "!"). */
  capitalized: boolean;
  /**
   * Which clause of the message the word is in: punctuation, an emoji or a line break start a new
   * one ("hi Marco, | who checks the backups? | thanks 🙏"). Filler lives in clauses of its own.
   */
  segment: number;
  /** Written as a mention ("@marco"): a person addressed, never the subject. */
  mention: boolean;
  /** Written with any capital letter, first word included ("Tomasz", "DNS"). */
  cased: boolean;
  /** Written in capitals, two letters or more ("NAS", "DNS"): an acronym, not a name. */
  acronym: boolean;
  /** Followed by an exclamation mark or an emoji: what ends there is an exclamation, not a question. */
  exclaims: boolean;
  /** Followed by a question mark: what ends there is a question, with or without a question word. */
  asks: boolean;
  /** The words a hyphen joined into this one, as typed ("whole-VM" → "whole", "VM"). */
  hyphenParts?: readonly string[];
  /** Typed with an accent ("è", "perché"): "È" is "is", never the "e" of "and" it normalizes to. */
  accented?: true;
  /** One of the words of a hyphenated whole no one knows ("PEN-testing"): see hyphenated.ts. */
  compoundPart?: true;
}

/** Punctuation, emoji and line breaks that end a clause of a chat message. */
const CLAUSE_BREAK = /[,;:!?.…()[\]{}"“”«»\n\r|/\\]|\s[-–—]\s|\p{Extended_Pictographic}/u;

/** Slack and Teams emoji shortcodes (":pray:", ":+1:"): pictures, not words. */
const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/gi;

/** Splits a question into normalized tokens, remembering which ones looked like proper names. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const raw = text
    .replace(EMOJI_SHORTCODE, ' | ')
    // A handle with dots or underscores ("@giulia.rossi") is one mention: each part is marked.
    .replace(/@[\p{L}\p{N}]+(?:[._][\p{L}\p{N}]+)+/gu, (handle) => handle.replace(/[._]/g, ' @'))
    .replace(/[’'`´]/g, ' ')
    // "round-the-clock", "up-to-date" are phrases; "e-mail", "sub-processor" are words.
    .replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+){2,}/gu, (chain) => chain.replace(/-/g, ' '));
  let index = 0;
  let segment = 0;
  let previousEnd = 0;
  // What follows a word says how its clause ends: an exclamation or a question.
  const closeWith = (token: Token, after: string) => {
    token.asks = after.includes('?');
    token.exclaims = /[!|]|\p{Extended_Pictographic}/u.test(after) && !token.asks;
  };
  // Two words a hyphen joins are one ("e-mail", "back-up"): its parts are kept for a reader that
  // does not know the whole ("whole-VM").
  for (const match of raw.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)?/gu)) {
    const surface = match[0];
    const start = match.index;
    const between = raw.slice(previousEnd, start);
    previousEnd = start + surface.length;
    const last = tokens.at(-1);
    if (last) closeWith(last, between);
    // "node.js", "1.5", "16/04": a dot or slash inside a word is not the end of a clause.
    const inside = between.length === 1 && /[./]/.test(between) && index > 0;
    const word = normalize(surface.replaceAll('-', ''));
    if (!word) continue;
    const opensSentence = /^\p{Lu}\p{Ll}/u.test(surface) && SENTENCE_OPENERS.has(word);
    if (index > 0 && ((!inside && CLAUSE_BREAK.test(between)) || CLAUSE_OPENERS.has(word) || opensSentence)) segment++;
    tokens.push({
      word,
      // After a full stop, a question or an exclamation mark a capital opens a sentence ("…? Thnaks").
      capitalized: index > 0 && /\p{Lu}/u.test(surface) && (inside || !/[.?!]\s*$/u.test(between)),
      segment,
      mention: between.endsWith('@'),
      cased: /\p{Lu}/u.test(surface),
      acronym: surface.length >= 2 && !/\p{Ll}/u.test(surface) && /\p{Lu}/u.test(surface),
      exclaims: false,
      asks: false,
      ...(surface.includes('-') ? { hyphenParts: surface.split('-') } : {}),
      // Only a word with a letter outside ASCII (\w) can carry an accent: most skip the decomposition.
      ...(/[^\w-]/.test(surface) && /\p{Diacritic}/u.test(surface.normalize('NFD')) ? { accented: true as const } : {}),
    });
    index++;
  }
  const last = tokens.at(-1);
  if (last) closeWith(last, raw.slice(previousEnd));
  return tokens;
}

/**
 * The pack's and the lexicon's phrases are split again and again while the indexes are built
 * (each duty text by several of them): remembered, bounded so questions cannot grow it forever.
 */
const wordsCache = new Map<string, readonly string[]>();
const WORDS_CACHE_LIMIT = 20_000;

/** Lowercase ASCII words and figures, one space apart: what `tokenize` would leave as it is. */
const PLAIN_WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Plain word list of a text (for indexing knowledge texts). Shared: never mutate it. */
export function words(text: string): readonly string[] {
  let split = wordsCache.get(text);
  if (split === undefined) {
    // Most phrases of a pack are already plain words: split at their spaces, as tokenize would.
    split = PLAIN_WORDS.test(text) ? text.split(' ') : tokenize(text).map((t) => t.word);
    if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
    wordsCache.set(text, split);
  }
  return split;
}

// Longest first. Covers English plurals/verb forms and Italian noun/adjective/verb endings, so that
// backup/backups, verify/verifies/verified, verifica/verificare/verifiche, ripristino/ripristinare
// all reduce to one stem. Over-stemming is harmless here: the vocabulary is small and closed.
const SUFFIXES = [
  'amenti',
  'amento',
  'azioni',
  'azione',
  'mente',
  'iamo',
  'ando',
  'endo',
  'ing',
  'are',
  'ere',
  'ire',
  'ato',
  'ata',
  'ati',
  'ate',
  'ies',
  'ied',
  'ed',
  'es',
  'he',
  'hi',
  's',
  'a',
  'e',
  'i',
  'o',
  'y',
];

/**
 * Italian words whose stem would collide with an unrelated English one ("testo" = text, not
 * "test"; "personale" = staff, not "personal"): kept whole.
 */
const UNSTEMMED = new Set(['testo', 'testi', 'personale', 'personali']);

const stemCache = new Map<string, string>();

/** A light, language-agnostic stem: strips one common English or Italian ending. */
export function stem(word: string): string {
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  if (UNSTEMMED.has(word)) return word;
  let result = stripSuffix(americanSpelling(word));
  // A plural of a derived form ("mailings", "settings") loses both endings.
  if (result !== word && word.endsWith('s') && !word.endsWith('ss')) {
    const again = stripSuffix(result);
    if (again.length >= 4) result = again;
  }
  if (stemCache.size < 50_000) stemCache.set(word, result);
  return result;
}

/**
 * British "-ise" verbs ("organise", "organised", "organisation") meet the page's American "-ize"
 * ("organize"). Only endings no Italian word has ("-ised", "-ises", "-ising", "-isation"), plus
 * "-ise" on long words, so Italian "precise" or "divise" keep their form.
 */
function americanSpelling(word: string): string {
  const m = /^(.{4,})is(ed|es|ing|ation|ations)$/.exec(word) ?? /^(.{5,})is(e)$/.exec(word);
  return m ? `${m[1]}iz${m[2]}` : word;
}

function stripSuffix(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  // Adverbs from adjectives: "tecnicamente" → "tecnic" like "tecnico", "physically" → "physical".
  if (word.endsWith('mente') && word.length > 8) return stripSuffix(word.slice(0, -5));
  if (word.endsWith('ally') && word.length > 6) return word.slice(0, -2);
  // "using" → "use", like "use" itself, rather than "using".
  if (word.length === 5 && word.endsWith('ing')) return `${word.slice(0, 2)}e`;
  for (const suffix of SUFFIXES) {
    if (suffix === 's' && word.endsWith('ss')) continue;
    // "play", "delay", "key": a "y" after a vowel is part of the word, as "plays" and "played" show
    // (stripping it only from the bare form made "play" and "plays" two different words).
    if (suffix === 'y' && /[aeiou]y$/.test(word)) continue;
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * Optimal-string-alignment distance (Damerau: a transposition costs 1), abandoned as soon as it
 * must exceed `max`. Returns max + 1 when the distance is larger than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prevPrev: number[] = new Array(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let current: number[] = new Array(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n]! > max ? max + 1 : prev[n]!;
}

/** How many typos we forgive in a word of this length. Short words must be exact. */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}
