import type { Lang } from '../views/types.js';
import { generalLanguage } from './general-words.js';
import {
  DETERMINERS,
  ITALIAN_ARTICLES,
  ITALIAN_CARDINALS,
  ITALIAN_CAUSAL_PREPOSITIONS,
  PREPOSITIONS,
  RECIPIENTS,
} from './grammar.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * "…who updates the platform software thanks a lot", "…backups please", "…sorry lol", "…chi
 * monitora il server di posta grazie mille": after the question's last anchor, a word that opens a
 * closing and whatever few everyday or function words follow it to the end are a closing, with or
 * without punctuation. What follows must be no anchor of the question, and the opening word may
 * not be a determiner, nor stand right after one or a preposition ("MY laptop" and "THAT server"
 * open a noun phrase, "backups for SURE").
 * - English: an interjection. Brill's lexicon says the word can be one, or the tagger reads it as
 *   one in its sentence ("lol"). Opening a message, an interjection is judged in filler.ts, by the
 *   same lexicon.
 * - Italian: no lexicon on npm says which words interject, but the grammar says where a noun
 *   phrase ends. An Italian noun takes adjectives after it ("il server CONDIVISO"), never a second
 *   bare noun, so an Italian noun no adjective shares ("GRAZIE mille", "SALUTI", "RAGAZZI") right
 *   after the question's subject starts something else: whom it thanks or greets. English nouns
 *   do stack ("the mail server LOGS"), so this reading is Italian only; and a word English shares
 *   ("router", "computer") may be a thing named the English way. So may a set phrase of cause end
 *   the question ("…PER favore").
 */
export function courtesyRun(
  words: readonly Word[],
  tail: readonly number[],
  anchors: readonly boolean[],
  questionCues: readonly boolean[],
  /** Words asking something: a question word or a kind of question ("elenco", "list"). */
  intents: readonly boolean[],
  unknown: readonly boolean[],
  everyday: (i: number) => boolean,
  tagsOf: () => string[],
  lang: Lang,
): readonly number[] {
  const loose = (i: number) => !anchors[i] && !questionCues[i];
  const opens = (i: number) => {
    const typed = words[i]!.typed;
    if (lang === 'it' && opensItalianSetPhrase(words, i, tail, intents)) return true;
    if (asksToBeTold(words, i, tail, lang, tagsOf)) return true;
    if (DETERMINERS.has(typed) || PREPOSITIONS.has(typed) || !loose(i)) return false;
    const previous = words[i - 1]?.typed;
    if (previous === undefined || DETERMINERS.has(previous) || PREPOSITIONS.has(previous)) return false;
    // The word classes and the tagger are loaded on first use: asked last.
    const classes = wordClasses();
    if (lang === 'it') return opensItalianNounPhrase(words, i, tail) && endsItalianPhrase(words, i, tail, intents);
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

/**
 * "…per la posta MI FATE SAPERE?", "…for Orbit, LET ME KNOW", "…FATEMI SAPERE": the asker asks to
 * be told, to the end of the message: a few verbs, one of them joined to or beside "me", "us",
 * "mi", "ci", ending with a verb of knowing (word-classes.ts).
 */
function asksToBeTold(
  words: readonly Word[],
  at: number,
  tail: readonly number[],
  lang: Lang,
  tagsOf: () => string[],
): boolean {
  const run = tail.slice(tail.indexOf(at));
  if (run.length < 2 || run.length > 4) return false;
  const classes = wordClasses();
  const verb = (i: number) =>
    lang === 'en'
      ? ['VERB', 'AUX'].includes(tagsOf()[i]!)
      : classes.isItalianVerbForm(words[i]!.typed) || classes.knows(words[i]!.typed);
  // "mi", "ci" exactly, or joined to a verb ("FATEMI", "DIMMI"); never a noun ending so ("uffici").
  const joined = (typed: string) => {
    const base = /^(.+?)(m?mi|c?ci)$/.exec(typed)?.[1];
    return (
      base !== undefined && classes.namesAThing(typed) !== true && (classes.isItalianVerbForm(base) || base === 'di')
    );
  };
  const told = (i: number) => RECIPIENTS.has(words[i]!.typed) || (lang === 'it' && joined(words[i]!.typed));
  // It opens with who is told ("MI fate sapere", "FATEMI sapere"), or in English with the verb
  // right before them ("LET me know"): a word before it ("le STAMPANTI fatemi sapere") is still
  // the question's.
  const [first, second] = run;
  return (
    // Cheap tests first: the tagger is loaded only for a message that may ask to be told.
    (told(first!) || (lang === 'en' && told(second!) && verb(first!))) &&
    classes.knows(words[run.at(-1)!]!.typed) &&
    run.every((i) => told(i) || verb(i))
  );
}

/**
 * A bare Italian noun ("GRAZIE mille", "SALUTI"), or an adjective set before one ("CORDIALI
 * saluti", "BUONA giornata", "BUON lavoro"): a noun phrase with no article.
 */
function opensItalianNounPhrase(words: readonly Word[], at: number, tail: readonly number[]): boolean {
  const classes = wordClasses();
  if (classes.isBareItalianNoun(words[at]!.typed)) return true;
  const next = words[at + 1];
  return (
    next !== undefined &&
    tail.includes(at + 1) &&
    classes.isBareItalianNoun(next.typed) &&
    generalLanguage().isFrequent(words[at]!.typed) &&
    classes.namesAThing(words[at]!.typed) === false &&
    !classes.isItalianVerbForm(words[at]!.typed)
  );
}

/**
 * "…per favore", "…per cortesia": a preposition of cause with a bare singular noun, after a
 * question or a request and followed by nothing but more closing, says how it is asked. A thing
 * asked about takes an article or is plural ("per LE stampanti", "per stampanti"), and a
 * preposition of place says where ("su nastro").
 */
function opensItalianSetPhrase(
  words: readonly Word[],
  at: number,
  tail: readonly number[],
  intents: readonly boolean[],
): boolean {
  const next = words[at + 1];
  const previous = words[at - 1]?.typed;
  return (
    ITALIAN_CAUSAL_PREPOSITIONS.has(words[at]!.typed) &&
    next !== undefined &&
    tail.includes(at + 1) &&
    // Only more closing may follow ("…per favore, grazie"), never a noun phrase ("…per favore DELLE stampanti").
    tail
      .filter((k) => k > at + 1)
      .every((k) => !DETERMINERS.has(words[k]!.typed) && !PREPOSITIONS.has(words[k]!.typed)) &&
    previous !== undefined &&
    !DETERMINERS.has(previous) &&
    !PREPOSITIONS.has(previous) &&
    askedBefore(at, intents) &&
    wordClasses().isSingularBareItalianNoun(next.typed)
  );
}

/**
 * Whether the Italian noun phrase before word `at` is over, so that a bare noun there starts
 * something else. Only after a question word: a string of nouns with no question is typed like a
 * search, where nouns do stack ("orbit vault STAMPA remota", "registrazione DOMINI"). It goes on
 * after a number, which counts the noun ("a due FATTORI", "per 10 ANNI"), and after an article and
 * its noun, which may take a second noun naming which one ("il servizio CENTRALINO", "il server
 * STAMPA"); after a verb, "la" and "le" were its pronoun ("chi la imposta RAGAZZI"). A noun
 * carrying the question mark is asked about ("la manutenzione IMPIANTI?"): nobody asks "…grazie
 * mille?".
 */
function endsItalianPhrase(
  words: readonly Word[],
  at: number,
  tail: readonly number[],
  intents: readonly boolean[],
): boolean {
  if (!askedBefore(at, intents)) return false;
  const previous = words[at - 1]?.typed ?? '';
  if (ITALIAN_CARDINALS.has(previous) || /^\d+$/.test(previous)) return false;
  if (ITALIAN_ARTICLES.has(words[at - 2]?.typed ?? '') && !wordClasses().isItalianVerbForm(previous)) return false;
  return !words[tail.at(-1)!]!.asks;
}

/**
 * Whether a question word or a kind of question ("ELENCO dei compiti…", "LISTA…") stands before
 * word `at`: only a question or a request has a closing after it.
 */
function askedBefore(at: number, intents: readonly boolean[]): boolean {
  return intents.slice(0, at).some(Boolean);
}

/** "thanks SO MUCH IN ADVANCE": what may follow an interjection in a closing. */
const MAX_AFTER_INTERJECTION = 3;
