import type { Lang } from '../views/types.js';
import { anchorsOf } from './anchors.js';
import { isChatShorthand } from './chat-shorthand.js';
import { englishTags } from './english-tags.js';
import { generalLanguage } from './general-words.js';
import { CARDINALS, DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS } from './grammar.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { stem } from './text.js';
import { everydaySlip } from './typos.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * The question mark nobody typed. Chat drops it, and what is said after the question is then glued
 * to it: "does Acme monitor our mail server GOTTA run to a meeting", "roles of Acme THNAKS a lot",
 * "definizione di titolare del trattamento DEVO scappare in riunione". Its words would read as the
 * question's subject. A message with no question mark gets one where a new sentence plainly starts
 * right after the question's last anchor (anchors.ts), and every later step reads the rest as it
 * reads what follows a typed "?".
 *
 * A new sentence starts there, before something that is not an anchor and could not go on with the
 * question:
 * - chat shorthand ("LMK whenever", "sry for the wall of text") or an English interjection
 *   ("thanks", "cheers"), also capitalized as a sentence opens ("Thnaks a lot");
 * - in English, a verb with no subject before it when the question has its own verb already ("does
 *   Acme monitor the server NEED it by EOD"), or a subject pronoun and its verb ("IT'S snowing");
 * - in Italian, a verb of the first person singular or the second plural, which no question about
 *   the page goes on in after its subject ("…del trattamento DEVO scappare", "POTETE dirmelo"), or
 *   an auxiliary of the speaker ("HO una call") (word-classes.ts).
 * Never before a determiner or a preposition, which carry the question on ("…server FOR spam").
 * Only when a word no one in the pack knows follows: a message the page understands word for word
 * is read as before.
 *
 * Mutates the words' segments and marks: the words from the new sentence on move one clause on,
 * and the question's last word asks.
 */
export function inferQuestionMark(
  words: readonly Word[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
  lang: Lang,
): void {
  if (words.length < 3 || words.some((w) => w.asks)) return;
  const known = (w: Word) =>
    w.mention ||
    index.vocabulary.has(w.typed) ||
    index.stems.has(stem(w.typed)) ||
    /\d/.test(w.typed) ||
    CARDINALS.has(w.typed);
  // The question ends with the last word naming something of the page: a party cue may be the
  // speaker of what follows ("…del trattamento DEVO scappare"), and a question word opens the
  // clause it asks in ("…work out WHAT counts as…").
  const { named, offTopic, cadence, provider } = anchorsOf(words, lexicon, lang);
  const last = words.findLastIndex((_, i) => named[i] || offTopic[i] || cadence[i] || provider[i]);
  const at = last + 1;
  if (last < 1 || at >= words.length || words[last]!.segment !== words[at]!.segment) return;
  const after = words.slice(at);
  if (after.every(known)) return;
  // A capital there opens the sentence ("…server THNAKS a lot"): its word is read as after a typed
  // "?", a slip of an everyday word corrected (typos.ts), which a capital inside a sentence forbids.
  const opener = words[at]!;
  const slip = opener.capitalized && !opener.acronym ? everydaySlip(opener.typed, index, lexicon) : null;
  const read = slip === null ? opener : { ...opener, word: slip, typed: slip, stem: stem(slip), capitalized: false };
  if (!opensASentence([...words.slice(0, at), read, ...words.slice(at + 1)], at, lexicon, lang)) return;
  Object.assign(opener, read);
  words[last]!.asks = true;
  words[last]!.exclaims = false;
  for (const w of after) w.segment++;
}

/** Whether a new sentence plainly opens at word `at`, right after a question (see above). */
function opensASentence(words: readonly Word[], at: number, lexicon: CompiledLexicon, lang: Lang): boolean {
  const word = words[at]!;
  const typed = word.typed;
  if (DETERMINERS.has(typed) || PREPOSITIONS.has(typed) || word.mention) return false;
  const general = generalLanguage();
  // Short function words are no shorthand ("Orbit HA delle API?").
  if (!lexicon.stopWords.has(typed) && isChatShorthand(words, at, general)) return true;
  // English thanks and apologies close Italian messages too ("…thanks a lot, buona giornata").
  if (wordClasses().canInterject(typed) && (lang === 'en' || general.languageOf(typed) === 'en')) return true;
  if (lang === 'it') return ITALIAN_SPEAKER_AUXILIARIES.has(typed) || wordClasses().speaksOrAddresses(typed);
  // Each part read by the tagger as a sentence of its own: glued to the question, the first word
  // after it reads as one more noun of it ("the mail server GOTTA").
  const question = words.slice(0, at).filter((w) => w.segment === word.segment);
  const asked = englishTags(question);
  const rest = englishTags(words.slice(at));
  if (rest[0] === 'INTJ') return true;
  // A verb with no subject: the question before has its own verb, past its first word, and this
  // one agrees with no noun before it, a bare form ("…the mail server NEED it by EOD"); "…the
  // platform STAYS up", "…the job FAILED", "…servers RUNNING linux" go on with the question.
  if (rest[0] === 'VERB' && asked.slice(1).includes('VERB') && !INFLECTED_VERB.test(typed)) return true;
  // "IT'S snowing", "I'll read it later": a subject and its verb.
  return SUBJECT_PRONOUNS.has(typed) && (rest[1] === 'VERB' || rest[1] === 'AUX');
}

/**
 * The Italian auxiliaries of the speaker alone ("HO una call", "AVEVO chiesto"); "sono" is "they
 * are" too ("i backup SONO cifrati").
 */
const ITALIAN_SPEAKER_AUXILIARIES: ReadonlySet<string> = new Set(['ho', 'avevo', 'avrei']);

/** English verb endings of the third person, the past and the gerund. */
const INFLECTED_VERB = /(?:s|[^e]ed|ing)$/;
