import type { Lang } from '../views/types.js';
import { generalLanguage } from './general-words.js';
import {
  DETERMINERS,
  detachEnclitic,
  GENITIVES,
  ITALIAN_RECIPIENT_PREPOSITIONS,
  RECIPIENT_PREPOSITIONS,
} from './grammar.js';
import type { CompiledLexicon } from './lexicon.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * Who receives: the words of a noun phrase after "to"/"with" ("a", "al", "con"…) that follows a
 * verb and what it passes on, something the pack says to keep from anyone
 * (`concept_rules.confidential`): "give the ftp login TO THE FREELANCER", "share the logins WITH
 * THE NEW HELPDESK CONTRACTOR", "le credenziali possiamo girarle AL CONSULENTE esterno?". Whoever
 * receives it, the duty to guard it answers; "send the backups TO OUR LAWYERS" asks about its
 * receiver. In English the verb is one that passes something on or tells it (WordNet, see
 * word-classes.ts) and the phrase is what the tagger reads as nouns and adjectives; in Italian any
 * verb form, and the phrase is words no lexicon holds as verbs. Only words the page does not know:
 * a phrase naming one of its things ("to the panel") stops it.
 */
export function receivers(
  words: readonly Word[],
  unknown: readonly boolean[],
  lexicon: CompiledLexicon,
  lang: Lang,
  tagsOf: () => readonly string[],
): number[] {
  const classes = wordClasses();
  const general = generalLanguage();
  const prepositions = lang === 'en' ? RECIPIENT_PREPOSITIONS : ITALIAN_RECIPIENT_PREPOSITIONS;
  const found: number[] = [];
  words.forEach((w, at) => {
    if (!prepositions.has(w.typed) || at === 0) return;
    const inClause = (k: number) => words[k]?.segment === w.segment;
    const before = words.slice(0, at).flatMap((_, k) => (inClause(k) ? [k] : []));
    // Cheap checks first, the tagger last: some unknown word must follow, something confidential precede.
    if (!words.slice(at + 1).some((_, k) => unknown[at + 1 + k] && inClause(at + 1 + k))) return;
    // What is passed on is the head of its noun phrase: last in English, right after its article in
    // Italian ("the access LOGS", "i LOG di accesso" are logs). A phrase of "of" after the English
    // head says whose it is ("the ssh CREDS of the cloud server"): the head stands before it. A
    // service's name is a noun there, whatever the tagger reads ("web HOSTING").
    const ofPhrase = (k: number) =>
      GENITIVES.has(words[k + 1]?.typed ?? '') &&
      words
        .slice(k + 2, at)
        .every((w, j) => inClause(k + 2 + j) && (w.used || NOUN_PHRASE_TAGS.has(tagsOf()[k + 2 + j]!)));
    const head = (k: number) =>
      lang === 'en' ? k === at - 1 || ofPhrase(k) : DETERMINERS.has(words[k - 1]?.typed ?? '') && inClause(k - 1);
    // …and no other such preposition stands between it and the receiver ("l'accesso AI log al revisore").
    const direct = (k: number) => !words.slice(k + 1, at).some((v) => prepositions.has(v.typed));
    const passed = before.filter((k) => head(k) && direct(k) && confidential(words[k]!, lexicon));
    if (passed.length === 0) return;
    const passes = (k: number) =>
      lang === 'en' ? tagsOf()[k] === 'VERB' && classes.passesOn(words[k]!.typed) : isItalianVerb(words[k]!.typed);
    const verb = before.findLast(passes);
    // In English the verb comes first and what it passes after it ("share THE LOGINS with…").
    if (verb === undefined || (lang === 'en' && !passed.some((k) => k > verb))) return;
    const inPhrase = (k: number) =>
      lang === 'en'
        ? ['NOUN', 'PROPN', 'ADJ'].includes(tagsOf()[k]!)
        : !isItalianVerb(words[k]!.typed) && !lexicon.stopWords.has(words[k]!.typed);
    const genitiveAhead = (from: number) =>
      [from + 1, from + 2].some(
        (j) =>
          GENITIVES.has(words[j]?.typed ?? '') &&
          inClause(j) &&
          words.slice(from + 1, j).every((v, n) => !unknown[from + 1 + n] && !lexicon.stopWords.has(v.typed)),
      );
    const phrase: number[] = [];
    let k = at + 1;
    for (; inClause(k); k++) {
      if (DETERMINERS.has(words[k]!.typed)) continue;
      // "the provider OF our helpdesk", "il fornitore DELL'helpdesk": whose it is still says who receives.
      if (GENITIVES.has(words[k]!.typed) && k > at + 1) continue;
      // Known words the genitive follows are the receiver's head and what describes it ("the
      // PROVIDER of our helpdesk", "al NUOVO FORNITORE dell'helpdesk").
      if (!unknown[k] && genitiveAhead(k)) continue;
      // "the EXTERNAL dev agency": a known adjective before the noun describes who receives; in
      // Italian one known word right after it ("al consulente ESTERNO", "all'agenzia WEB") ends it.
      if (!unknown[k] && lang === 'en' && tagsOf()[k] === 'ADJ') continue;
      if (!unknown[k] && lang === 'it' && phrase.at(-1) === k - 1 && !lexicon.stopWords.has(words[k]!.typed)) {
        k++;
        break;
      }
      if (!unknown[k] || !inPhrase(k)) break;
      phrase.push(k);
    }
    // A product's name is a thing asked about ("with LASTPASS", "to the VPN"); a first name is
    // someone, and a name before a noun says which ("the MSP guys").
    const last = phrase.at(-1);
    const named =
      last !== undefined &&
      (words[last]!.capitalized || words[last]!.acronym) &&
      !general.isFirstName(words[last]!.typed);
    if (!named) found.push(...phrase);
  });
  return found;
}

/** The tagger's words of a noun phrase: what an "of" phrase after a head is made of. */
const NOUN_PHRASE_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'PRON', 'NUM']);

/** An Italian verb: a conjugated form or participle, an infinitive ("dare"), or one with pronouns ("girarle"). */
function isItalianVerb(word: string): boolean {
  return wordClasses().isItalianVerbForm(word) || detachEnclitic(word) !== null || /^[a-z]{2,}[aei]re$/.test(word);
}

/** A word saying one of the concepts the pack says to keep from anyone ("login", "password"). */
function confidential(word: Word, lexicon: CompiledLexicon): boolean {
  const kept = lexicon.lexicon.concept_rules.confidential;
  return (
    kept.length > 0 &&
    lexicon.concepts.matchesAt([word.stem], 0).some((match) => match.values.some((id) => kept.includes(id)))
  );
}
