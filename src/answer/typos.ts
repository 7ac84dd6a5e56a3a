import { generalLanguage } from './general-words.js';
import { INFLECTIONS, QUESTION_WORDS } from './grammar.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { vocabularyBucket } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { editDistance, stem, typoBudget } from './text.js';
import { isItalianVerbOrInfinitive, wordClasses } from './word-classes.js';

/**
 * Replaces a word nobody knows by the closest known word within the typo budget ("bakup" →
 * "backup", "ripristno" → "ripristino"). Short words and foreign names are left alone.
 */
export function correctTypo(word: string, index: KnowledgeIndex, lexicon: CompiledLexicon): string {
  // Everyday words ("stuff", "guarda") are not misspelt domain words ("staff", "guard").
  if (
    index.vocabulary.has(word) ||
    lexicon.offTopicWords.has(word) ||
    lexicon.genericStems.has(stem(word)) ||
    lexicon.foreign.entries.has(stem(word))
  )
    return word;
  if (/\d/.test(word)) return word;
  // "isnt", "doesnt", "cant": a negation typed without its apostrophe is the word before it ("isn't").
  const negated = /^([a-z]+n)t$/.exec(word)?.[1];
  if (negated !== undefined && isFunctionWord(negated, lexicon)) return negated;
  const budget = typoBudget(word.length);
  const memo = index.corrections.get(word);
  if (memo !== undefined) return memo ?? word;
  if (budget === 0) {
    const restored = plausibleCorrection(
      word,
      restoreDroppedLetter(word, index) ?? restoreSwappedLetters(word, lexicon) ?? restoreVowels(word, lexicon),
    );
    if (index.corrections.size < 10_000) index.corrections.set(word, restored);
    return restored ?? word;
  }
  let best: string | null = null;
  let bestDistance = budget + 1;
  for (let length = word.length - budget; length <= word.length + budget; length++) {
    // Typos rarely hit the first letter; ordinary words we do not know ("manda") often are one
    // letter away from a domain word ("banda"): only same-initial candidates are considered.
    for (const candidate of index.vocabularyBuckets.get(vocabularyBucket(word[0]!, length)) ?? []) {
      const distance = editDistance(word, candidate, Math.min(budget, bestDistance));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  best = plausibleCorrection(word, best);
  // "SALVE" (hello) is no "salvo" (I save): an everyday word is read as a cue of who or what is
  // asked, which the lexicon lists word for word, only as another form of the same kind of word, a
  // verb's for a verb's ("fatta" → "fatto", "pensiamo" → "pensano").
  if (best !== null && lexicon.cues.entries.has(best) && generalLanguage().isFrequent(word) && !sameKind(word, best))
    best = null;
  if (index.corrections.size < 10_000) index.corrections.set(word, best);
  return best ?? word;
}

/**
 * A word of either language's dictionaries is what was meant ("pena", "coso", "world",
 * "firmware", "gestionale"), not a slip for a domain word a letter or two away ("pensa", "costo",
 * "would", "formare", "gestione"): it is only read as another form of that word, the change
 * confined to its ending ("backs" → back, "strani" → strano). The dictionaries are asked only
 * when there is a candidate (word-classes.ts).
 */
function plausibleCorrection(word: string, candidate: string | null): string | null {
  if (candidate === null || sameWordOtherEnding(word, candidate)) return candidate;
  return wordClasses().isDictionaryWord(word) ? null : candidate;
}

/** English endings of a verb's forms, and of the noun naming who does it ("controlled", "controller"). */
const VERB_FORM = /(ed|ing)$/;
const AGENT_NOUN = /(er|or)s?$/;

/**
 * Whether two words are forms of one word: after a shared start of four letters or more, each ends
 * in an inflection of English or Italian ("back|s", "stran|i"/"stran|o", "patch|ed"/"patch|es"),
 * never in another letter ("pane" is not "pane|l", "perso" is not "perso|n").
 */
function sameWordOtherEnding(a: string, b: string): boolean {
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared++;
  // Eight letters shared are one root whatever the endings ("differen|ce", "differen|za",
  // "differen|t"), but a verb's form is not the noun of who does it: "controlle|d" is not
  // "controlle|r".
  if (shared >= 8) return !(VERB_FORM.test(a) && AGENT_NOUN.test(b)) && !(VERB_FORM.test(b) && AGENT_NOUN.test(a));
  // The root may end before the shared letters do: "esport|ano", "esport|a".
  for (let root = shared; root >= 4; root--)
    if (INFLECTIONS.has(a.slice(root)) && INFLECTIONS.has(b.slice(root))) return true;
  return false;
}

/**
 * Short words get no edit budget ("ip" is not "it"), but one dropped letter is the commonest slip
 * of a fast typist: "hw often", "wat do we", "chek". A question word (2–3 letters) or a domain word
 * (4 letters) that differs only by one missing letter after the first is restored. Anything else
 * stays unknown, so a short acronym the page never mentions ("DPO", "SLA", "VPN") still counts.
 */
function restoreDroppedLetter(word: string, index: KnowledgeIndex): string | null {
  if (word.length < 2 || word.length > 4) return null;
  const candidates =
    word.length < 4 ? QUESTION_WORDS : (index.vocabularyBuckets.get(vocabularyBucket(word[0]!, word.length + 1)) ?? []);
  for (const candidate of candidates) {
    if (candidate.length !== word.length + 1 || candidate[0] !== word[0]) continue;
    for (let at = 1; at < candidate.length; at++) {
      if (candidate.slice(0, at) + candidate.slice(at + 1) === word) return candidate;
    }
  }
  return null;
}

/**
 * Two neighbouring letters typed in the wrong order, the other common slip: "waht", "hwo", "hvae".
 * Only towards a question word or a function word (the pack's stop words and language markers),
 * which a short word is far likelier to be than a domain word. The caller leaves a dictionary word
 * alone ("form" is not "from").
 */
function restoreSwappedLetters(word: string, lexicon: CompiledLexicon): string | null {
  for (let at = 0; at + 1 < word.length; at++) {
    const swapped = word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
    if (swapped !== word && (QUESTION_WORDS.includes(swapped) || isFunctionWord(swapped, lexicon))) return swapped;
  }
  return null;
}

/**
 * A function word typed without its vowels, chat's other habit: "nn" (non), "qnd" (quando), "whn"
 * (when). Only when the consonants are those of exactly one question word or function word of
 * either language, all of them in order from its first letter: "cn" could be "can" or "con", "dv"
 * "dove" or "devo", and stay as typed.
 */
function restoreVowels(word: string, lexicon: CompiledLexicon): string | null {
  if (/[aeiouy]/.test(word)) return null;
  return skeletons(lexicon).get(word) ?? null;
}

const skeletonsOf = new WeakMap<CompiledLexicon, ReadonlyMap<string, string | null>>();

/** The consonants of every question word and function word, and the one word they spell (null: several). */
function skeletons(lexicon: CompiledLexicon): ReadonlyMap<string, string | null> {
  let map = skeletonsOf.get(lexicon);
  if (map === undefined) {
    const found = new Map<string, string | null>();
    const words = [...QUESTION_WORDS, ...lexicon.stopWords, ...lexicon.markers.en, ...lexicon.markers.it];
    for (const word of new Set(words)) {
      const consonants = word.replace(/[aeiouy]/g, '');
      // Shorthand keeps the first letter: "nn" is not "anyone".
      if (!/^[a-z]+$/.test(word) || consonants === word || consonants.length < 2 || consonants[0] !== word[0]) continue;
      found.set(consonants, found.has(consonants) && found.get(consonants) !== word ? null : word);
    }
    map = found;
    skeletonsOf.set(lexicon, map);
  }
  return map;
}

/** A word of the pack's closed lists: its stop words, generic words and language markers. */
function isFunctionWord(word: string, lexicon: CompiledLexicon): boolean {
  return (
    lexicon.stopWords.has(word) ||
    lexicon.genericStems.has(stem(word)) ||
    lexicon.markers.en.has(word) ||
    lexicon.markers.it.has(word)
  );
}

/**
 * An everyday word typed with one slip ("setence", "contorllano"): a word no dictionary holds, one
 * edit (a letter dropped, added, changed, or two swapped) from an everyday word of either language.
 * It is read as that word, so it is judged as everyday words are (filler.ts), never as a rare one.
 * Not towards a word people ask with: a slip towards the lexicon's words is `correctTypo`'s to
 * judge, by its own rules, so "vackup" is left as typed here.
 */
export function everydaySlip(word: string, index: KnowledgeIndex, lexicon: CompiledLexicon): string | null {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || lexicon.offTopicWords.has(word)) return null;
  if (lexicon.foreign.entries.has(stem(word))) return null;
  // Per index: what the page knows decides the answer.
  const memo = index.slips.get(word);
  if (memo !== undefined) return memo;
  const slip = findSlip(word, index, lexicon);
  if (index.slips.size < 10_000) index.slips.set(word, slip);
  return slip;
}

/**
 * A word stretched for expression, as chat does ("Soooo", "grazieeee", "heyyy", "ahahahah"): a
 * letter typed three times or more, or a syllable said three times or more, no word of either
 * language has. It is read as the everyday or known word under the stretch, a run kept once or
 * twice ("sooo" → so, "goood" → good, "ahahah" → ahah), else it stays as typed.
 */
export function unstretched(word: string, isWord: (candidate: string) => boolean): string | null {
  const letters = /([a-z])\1{2,}/g;
  const syllables = /([a-z]{2})\1{2,}/g;
  if (!letters.test(word) && !syllables.test(word)) return null;
  const candidates = [
    word.replace(letters, '$1'),
    word.replace(letters, '$1$1'),
    word.replace(syllables, '$1$1'),
    word.replace(syllables, '$1'),
  ];
  return candidates.find((candidate) => candidate !== word && isWord(candidate)) ?? null;
}

function findSlip(word: string, index: KnowledgeIndex, lexicon: CompiledLexicon): string | null {
  const general = generalLanguage();
  if (general.isFrequent(word) || general.isFirstName(word)) return null;
  // Not towards a word people ask with (the lexicon's, a service's name): "vackup" is
  // `correctTypo`'s to judge. An everyday word the page merely uses ("grazie a…", "thanks to…") is
  // still what a slip in a thank-you meant ("grazzie", "thnaks").
  for (const candidate of oneEditAway(word))
    if (
      general.isFrequent(candidate) &&
      !lexicon.vocabulary.has(candidate) &&
      !index.aliasWords.has(candidate) &&
      !lexicon.offTopicWords.has(candidate)
    )
      // The rare-dictionary list (about 80 ms to load) is asked only once there is a candidate.
      return wordClasses().isDictionaryWord(word) ? null : candidate;
  return null;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit from a word: deletions, transpositions, substitutions, insertions. */
function* oneEditAway(word: string): Generator<string> {
  for (let at = 0; at < word.length; at++) yield word.slice(0, at) + word.slice(at + 1);
  for (let at = 0; at + 1 < word.length; at++) yield word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
  for (let at = 0; at < word.length; at++)
    for (const letter of LETTERS) if (letter !== word[at]) yield word.slice(0, at) + letter + word.slice(at + 1);
  for (let at = 0; at <= word.length; at++)
    for (const letter of LETTERS) yield word.slice(0, at) + letter + word.slice(at);
}

/** Whether two Italian words are both verb forms or both not (the conjugation tables, word-classes.ts). */
function sameKind(a: string, b: string): boolean {
  return isItalianVerbOrInfinitive(a) === isItalianVerbOrInfinitive(b);
}
