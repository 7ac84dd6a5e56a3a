import type { Lang } from '../views/types.js';
import { generalLanguage } from './general-words.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { stem } from './text.js';

/**
 * Chat shorthand for a word people ask with: "pw", "pwd" (password), "bkp" (backup), "wp"
 * (WordPress), "creds" (credentials), "config" (configure). Expanded by shape against the words
 * the index corrects towards (lexicon phrases and service names, see knowledge-index.ts), never
 * from a list of abbreviations:
 * - a token with no vowel is the consonant skeleton of a longer word, read in order from its first
 *   letter ("pw" → P-ass-W-ord);
 * - any other token is the beginning of a longer word ("cred(s)" → credentials).
 * It never expands to another provider's product, which people name in full ("prox" is "prossima",
 * not Proxmox). It must point at one meaning only (every candidate one concept of the lexicon, or one stem:
 * "credentials" and "credenziali" are one), and an everyday word or a first name
 * ("doc", "pass", "max") is never taken for shorthand: it means itself. Acronyms the page never
 * mentions ("SLA", "VPN", "DPO") have no such word and stay unknown.
 */
export function expandAbbreviation(
  word: string,
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
  /** The message's language, once known: shorthand stands for a word of it ("plz" in English is no "pubblicazione"). */
  lang?: Lang,
): string | null {
  // A name may open with digits ("2bx" for a "2Box"): the letters are the shorthand.
  const [, digits = '', letters = word] = /^(\d{1,2})([a-z]+)$/.exec(word) ?? [];
  if (letters.length < 2 || letters.length > 6 || !/^[a-z]+$/.test(letters)) return null;
  const key = lang === undefined ? word : `${lang}\0${word}`;
  const memo = index.abbreviations.get(key);
  if (memo !== undefined) return memo;
  const otherLanguageOnly = lang === undefined ? undefined : lexicon.onlyIn[lang === 'en' ? 'it' : 'en'];
  const expanded = findExpansion(digits, letters, index, lexicon, otherLanguageOnly);
  if (index.abbreviations.size < 10_000) index.abbreviations.set(key, expanded);
  return expanded;
}

function findExpansion(
  digits: string,
  word: string,
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
  /** Words only the other language's phrases use: no candidates. */
  excluded: ReadonlySet<string> = new Set(),
): string | null {
  const general = generalLanguage();
  if (digits === '' && (general.isFrequent(word) || general.isFirstName(word))) return null;
  const skeleton = !/[aeiouy]/.test(word);
  // "creds", "configs": the plural of a shortened word. Three letters begin too many words.
  const prefix = !skeleton && word.length >= 5 && word.endsWith('s') ? word.slice(0, -1) : word;
  if (!skeleton && prefix.length < 4) return null;
  const found = new Map<string, string>();
  for (const asked of index.askedWords) {
    if (!asked.startsWith(digits)) continue;
    const candidate = asked.slice(digits.length);
    if (candidate[0] !== word[0] || candidate.length < word.length + 3 || excluded.has(asked)) continue;
    // Another provider's product is named in full, never in shorthand ("settimana PROX" is not
    // Proxmox), nor is a word heard only in one's name ("wp" is no "Workspace").
    if (lexicon.foreign.matchesAt([stem(asked)], 0).length > 0 || foreignOnly(asked, index, lexicon)) continue;
    const matches = skeleton ? isSubsequence(word, consonants(candidate)) : candidate.startsWith(prefix);
    if (!matches) continue;
    const key = meaning(asked, lexicon);
    const shortest = found.get(key);
    if (shortest === undefined || asked.length < shortest.length) found.set(key, asked);
    if (found.size > 1) return null;
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

/** A word of another provider's product name that no service of the page is called by ("workspace", not "wordpress"). */
function foreignOnly(word: string, index: KnowledgeIndex, lexicon: CompiledLexicon): boolean {
  return lexicon.foreignOnlyWords.has(word) && !index.aliasWords.has(word);
}

/** A word's meaning for the uniqueness check: the concepts it says alone, else its stem. */
function meaning(word: string, lexicon: CompiledLexicon): string {
  const concepts = lexicon.concepts.matchesAt([stem(word)], 0).flatMap((match) => match.values);
  return concepts.length > 0 ? [...new Set(concepts)].sort().join('+') : `w:${stem(word)}`;
}

function consonants(word: string): string {
  return word.replace(/[aeiouy]/g, '');
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const letter of long) if (letter === short[at]) at++;
  return at === short.length;
}
