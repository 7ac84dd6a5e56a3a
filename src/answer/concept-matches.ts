import type { Lang } from '../views/types.js';
import { generalLanguage } from './general-words.js';
import { INFLECTIONS } from './grammar.js';
import type { CompiledLexicon } from './lexicon.js';
import { isItalianVerbOrInfinitive, wordClasses } from './word-classes.js';

/**
 * The concept phrases starting at word `at`, longest first, without false friends.
 *
 * Concepts are matched by stem over both languages' phrases at once, since chat mixes them ("il
 * BACKUP", "la PASSWORD", "the share"). So an Italian word can reach an English phrase by its stem
 * alone, its ending stripped: "GUARDATO" (looked at) is not "guard", "sette" (seven) is not "set",
 * "controllerò" (I will check) is not "controller". A one-word match is dropped when the word is an
 * everyday word of Italian and not of English (general-words.ts) and only the English list gives
 * that concept this word; so only an Italian message is checked, and an English one never loads
 * the word lists for it. The other way round, the English words that reach an Italian phrase are
 * mostly Latin cognates meaning what it means ("access", "version", "isolate"), so they keep it.
 */
export function conceptMatchesAt(
  typed: readonly string[],
  stems: readonly string[],
  at: number,
  lexicon: CompiledLexicon,
  /** The message's language: only an Italian message has Italian words to check. */
  lang: Lang,
): { length: number; values: string[] }[] {
  const matches = lexicon.concepts.matchesAt(stems, at);
  const single = matches.find((match) => match.length === 1);
  if (single === undefined || lang !== 'it') return matches;
  const own = generalLanguage().languageOf(typed[at]!);
  const languages = lexicon.conceptWordLanguages.get(stems[at]!);
  const values = single.values.filter(
    (id) =>
      (own !== 'it' || languages?.get(id)?.has(own) !== false) && !verbFalseFriend(typed[at]!, stems[at]!, id, lexicon),
  );
  if (values.length === single.values.length) return matches;
  return matches.flatMap((match) => (match !== single ? [match] : values.length > 0 ? [{ ...match, values }] : []));
}

/**
 * "SALVE" (hello) shares its stem with "salvATO" (saved): a word that reaches a concept only
 * through the stem of a verb's forms, by an inflectional ending no form of a verb has (the
 * conjugation tables, word-classes.ts), is another word. A derived noun keeps the concept
 * ("violAZIONE" of "violato": its suffix is no inflection).
 */
function verbFalseFriend(word: string, stem: string, id: string, lexicon: CompiledLexicon): boolean {
  const forms = lexicon.italianConceptWords.get(stem)?.get(id);
  if (forms === undefined || forms.has(word) || !word.startsWith(stem) || !INFLECTIONS.has(word.slice(stem.length)))
    return false;
  const classes = wordClasses();
  // Forms that are only a verb's: "regolamento" is a noun too ("io regolamento" aside).
  if (![...forms].every((form) => classes.isItalianVerbForm(form) && classes.namesAThing(form) !== true)) return false;
  return !isItalianVerbOrInfinitive(word);
}

/** Whether a phrase starting at word `at` says one of the page's subjects (a strong concept: "backup", not "check"). */
export function saysASubjectAt(
  typed: readonly string[],
  stems: readonly string[],
  at: number,
  lexicon: CompiledLexicon,
  lang: Lang,
): boolean {
  return conceptMatchesAt(typed, stems, at, lexicon, lang).some((match) =>
    match.values.some((id) => lexicon.conceptInfo.get(id)?.strong === true),
  );
}
