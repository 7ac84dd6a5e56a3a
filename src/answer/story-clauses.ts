import type { Lang } from '../views/types.js';
import { englishTags } from './english-tags.js';
import { generalLanguage } from './general-words.js';
import {
  INVERTING,
  ITALIAN_AUXILIARIES,
  ITALIAN_CLITICS,
  ITALIAN_OBJECT_CLITICS,
  OBJECT_PRONOUNS,
  QUESTION_WORDS,
} from './grammar.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { wordClasses } from './word-classes.js';
import { asksForCause, type Word } from './words.js';

/**
 * Which words stand in a clause that tells what happened, before the clause that asks about it:
 * "a remote control SESSION looked suspicious, | should we tell Acme?", "ho cancellato per SBAGLIO
 * un file condiviso, | c'è ancora nel backup?". The story sets the scene; the question is what the
 * page must answer. So an everyday word there is context, not a subject the page has to cover.
 *
 * - A clause asks when a word in it is followed by a question mark, is an interrogative or an
 *   intent cue ("how often", "whose job"), or when it opens with an inverted auxiliary ("should
 *   we…", "do we…"). The question is the last clause that asks, and it must hold something of the
 *   page (a strong concept or an intent).
 * - The story is every earlier clause that does not ask, says something with a verb and names a
 *   subject of the page (a strong concept: "SUSPICIOUS", "backup"), in a message that
 *   names or hints at one of its services. A clause that asks first and explains after ("what
 *   encryption ALGORITHM does Nebula use, AES?") has no story; nor has a noun phrase put before
 *   the question ("the antivirus BRAND on the mail servers, who picks it?"): with no verb it tells
 *   nothing, it is what the question asks about. A story of a thing the page never covers, even
 *   beside a service ("the coffee machine next to the Nebula rack is leaking, who do we call?",
 *   "canteen menu on the web hosting, the lasagna was cold, should we tell Acme?"), names no
 *   subject of the page: its words stay subjects. Nor does a story answer why ("our mails bounce,
 *   WHY are we on a blacklist?"): the page states no causes.
 * - Only everyday words no lexicon knows are context: a rare word ("ransomware", "Synology")
 *   stays a subject wherever it stands, and so does a name.
 * - A question pointing back at the story ("…, who repairs IT?", "chi LO controlla?") asks about
 *   a thing it told of: the story's nouns stay subjects, only its other words are context.
 *
 * Returns one flag per word of the question: true = context told in a story.
 */
export function storyWords(reading: {
  /** The question's words, filler set aside. */
  words: readonly Word[];
  /** The message as typed, filler included: a story's verb may have been set aside as filler ("a session LOOKED odd"). */
  typed: readonly Word[];
  /** Where each word of the question stood in the message as typed. */
  typedAt: readonly number[];
  lang: Lang;
  index: KnowledgeIndex;
  /** Whether the message names or hints at one of the page's services. */
  namesAService: boolean;
  /** Whether the word at a position is (part of) an intent cue ("who", "ogni quanto"). */
  intentAt: (at: number) => boolean;
  /** Whether the word at a position says a concept of the page (any, or a strong one). */
  conceptAt: (at: number, strong: boolean) => boolean;
}): boolean[] {
  const { words, typed, typedAt, lang, index } = reading;
  const none = words.map(() => false);
  if (!reading.namesAService || asksForCause(words)) return none;
  const unknownEveryday = (i: number) => {
    const w = words[i]!;
    return (
      !reading.conceptAt(i, false) &&
      !index.vocabulary.has(w.word) &&
      !index.stems.has(w.stem) &&
      !w.capitalized &&
      generalLanguage().isFrequent(w.typed)
    );
  };
  // Clauses are read (and the English tagger loaded) only for a message holding such a word.
  if (!words.some((_, i) => unknownEveryday(i))) return none;

  const asks = (segment: number) =>
    words.some(
      (w, k) =>
        w.segment === segment &&
        (w.asks ||
          QUESTION_WORDS.includes(w.typed) ||
          reading.intentAt(k) ||
          (INVERTING.has(w.typed) && words[k - 1]?.segment !== segment)),
    );
  let tags: string[] | null = null;
  const tagOf = (at: number) => {
    tags ??= englishTags(typed);
    return tags[at];
  };
  // A verb where it stands, in the message as typed. In Italian a form the conjugation tables share
  // with a noun ("marca", "posta") is read as the noun.
  const verbTyped = (at: number) => {
    const word = typed[at]?.typed ?? '';
    if (lang === 'it')
      return (
        ITALIAN_AUXILIARIES.has(word) ||
        (wordClasses().isItalianVerbForm(word) && wordClasses().namesAThing(word) !== true)
      );
    return tagOf(at) === 'VERB' || tagOf(at) === 'AUX';
  };
  const segments = [...new Set(words.map((w) => w.segment))];
  const question = segments.filter(asks).at(-1);
  if (question === undefined) return none;
  const pointsBack = typed.some(
    (w, at) =>
      w.segment === question &&
      (lang === 'en'
        ? OBJECT_PRONOUNS.has(w.typed)
        : ITALIAN_OBJECT_CLITICS.has(w.typed) || (ITALIAN_CLITICS.has(w.typed) && verbTyped(at + 1))),
  );
  // "…is pumping out spam, what does Acme do about IT?": a question pointing back asks about what
  // the story told, which holds the page's subject.
  const holdsAsked = words.some(
    (w, k) => w.segment === question && (reading.intentAt(k) || reading.conceptAt(k, true)),
  );
  if (!holdsAsked && !pointsBack) return none;

  const tells = (segment: number) => typed.some((w, at) => w.segment === segment && !w.mention && verbTyped(at));
  const holdsSubject = (segment: number) => words.some((w, k) => w.segment === segment && reading.conceptAt(k, true));
  const story = new Set(
    segments.filter((segment) => segment < question && !asks(segment) && tells(segment) && holdsSubject(segment)),
  );
  if (story.size === 0) return none;

  const namesAThing = (i: number) =>
    lang === 'en'
      ? ['NOUN', 'PROPN'].includes(tagOf(typedAt[i]!) ?? '')
      : wordClasses().namesAThing(words[i]!.typed) === true;
  return words.map((w, i) => story.has(w.segment) && unknownEveryday(i) && !(pointsBack && namesAThing(i)));
}
