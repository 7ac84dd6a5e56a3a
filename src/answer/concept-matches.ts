import type { Lang } from '../views/types.js';
import { generalLanguage } from './general-words.js';
import type { CompiledLexicon } from './lexicon.js';

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
  if (own !== 'it') return matches;
  const languages = lexicon.conceptWordLanguages.get(stems[at]!);
  const values = single.values.filter((id) => languages?.get(id)?.has(own) !== false);
  if (values.length === single.values.length) return matches;
  return matches.flatMap((match) => (match !== single ? [match] : values.length > 0 ? [{ ...match, values }] : []));
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
