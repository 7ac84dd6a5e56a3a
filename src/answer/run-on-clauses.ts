import type { Lang } from '../views/types.js';
import { isChatShorthand } from './chat-shorthand.js';
import { generalLanguage } from './general-words.js';
import { DETERMINERS, INVERTING, ITALIAN_AUXILIARIES, PREPOSITIONS } from './grammar.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/**
 * "definition of data controller GOTTA RUN TO A MEETING", "periodic tasks for Orbit NEED IT BY
 * EOD", "who checks the archiving results LMK IF YOU NEED MORE CONTEXT", "conservazione dei
 * backup DEVO SCAPPARE IN RIUNIONE", "compiti del cliente su Orbit NE HO BISOGNO PER DOMANI": typed
 * without a mark, a second sentence runs on from the question. It speaks of the asker, whose "I"
 * chat leaves out, so it opens with its verb: a verb right after the question's subject, where no
 * verb of the question stands, starts a sentence of its own. Or it opens with chat shorthand
 * ("lmk", "ASAP").
 *
 * - English: a verb by the tagger after a word naming something (a noun, a name, an adjective, an
 *   adverb, a number), not after what takes a verb (a modal, "to", a pronoun, a relative, an
 *   auxiliary); not a participle, which may say which thing ("the backups KEPT offsite", "logs
 *   SHOWING errors"); or "I" and a verb.
 * - Italian: a verb in the first person singular ("DEVO", "CHIEDO", "SCAPPO"), alone or after "ne",
 *   "mi" ("NE HO bisogno", "MI SERVE"), that no noun shares: the question asks of a service or of
 *   "noi", never of "io".
 *
 * What runs on names nothing of the page (`loose`: no anchor, cue or word of questions the page
 * never answers), asks nothing and names no rare thing in lowercase ("…need it for RANSOMWARE"):
 * an acronym or a code there ("EOD", "DPO", "INC-7731") says when or for whom.
 *
 * Returns the positions from the opening word to the end of the clause (`tail`, the clause's
 * words after the question's last anchor), or none.
 */
export function runOnClause(
  words: readonly Word[],
  /** The question's words before `tail`, in its clause. */
  question: readonly number[],
  tail: readonly number[],
  loose: (i: number) => boolean,
  /** Whether a word asks: a question word or a kind of question. */
  asks: (i: number) => boolean,
  unknown: readonly boolean[],
  tagsOf: () => string[],
  lang: Lang,
): readonly number[] {
  if (question.length === 0 || tail.length < 2 || tail.some((i) => words[i]!.asks || !loose(i))) return [];
  const general = generalLanguage();
  const classes = wordClasses();
  // What the asker says of themselves names no thing a service could hold: "…need it for my
  // LAPTOP", "…ho perso il PORTATILE", "…per il mio NAS" may be what is asked. An English noun there
  // names an occasion, a person or a time ("a MEETING", "the CUSTOMER", "by EOD"); Italian has
  // no lexicon that tells, so only an Italian noun of a set phrase is let through.
  const allowed = (i: number) => {
    const w = words[i]!;
    if (w.mention || /\d/.test(w.typed)) return true;
    // A name, unless an everyday word typed in lowercase ("un CORSO").
    if (general.isFirstName(w.typed) && (w.cased || !general.isFrequent(w.typed))) return true;
    const previous = words[i - 1]?.typed ?? '';
    // The asker's own things ("renew MY LICENSE") may be what is asked; their people are not ("MY BOSS").
    if (POSSESSIVES.has(previous)) return classes.canNamePeople(w.typed);
    if (DETERMINERS.has(previous) && (unknown[i] || classes.namesAThing(w.typed) === true))
      return lang === 'en' && occasion(w.typed);
    if (!unknown[i] || isChatShorthand(words, i, general)) return true;
    if (!general.isFrequent(w.typed)) return w.cased;
    if (classes.namesAThing(w.typed) !== true) return true;
    // An Italian noun with no article after a preposition or a verb is a set phrase of place,
    // time or manner ("scappo IN RIUNIONE", "vado A PRANZO", "ne HO BISOGNO"); a thing takes one
    // ("ho perso IL portatile").
    if (lang === 'it') return PREPOSITIONS.has(previous) || classes.isItalianVerbForm(previous);
    return occasion(w.typed);
  };
  const occasion = (typed: string) =>
    classes.namesNothingHeld(typed) || classes.canNamePeople(typed) || classes.canNameATime(typed);
  // "lmk", "tbh", and "asap" or "ASAP", which the spoken lists hold but no dictionary classes.
  const shorthand = (i: number) => {
    const w = words[i]!;
    return (
      unknown[i]! &&
      (isChatShorthand(words, i, general) ||
        ((w.acronym || /^[a-z]{2,5}$/.test(w.typed)) &&
          general.languageOf(w.typed) === 'en' &&
          classes.namesAThing(w.typed) === undefined))
    );
  };
  const opens = (i: number, at: number) => {
    const previous = words[i - 1]?.typed ?? '';
    // "…ASAP pls", "…LMK whenever": shorthand, then no thing it could abbreviate the name of
    // ("…GPU instances"), nor after a word that wants a noun ("come with GPUS").
    if (shorthand(i))
      return (
        !DETERMINERS.has(previous) &&
        !PREPOSITIONS.has(previous) &&
        (at + 1 === tail.length || classes.namesAThing(words[i + 1]!.typed) !== true)
      );
    const typed = words[i]!.typed;
    if (lang === 'it') {
      const clitic =
        ['ne', 'mi'].includes(typed) && at + 1 < tail.length && firstPersonItalianVerb(words[i + 1]!.typed);
      // After a question with its own verb or question word, as in English below ("chi MONITORA
      // i server di posta scappo in riunione"; not "backup del sito PAGO con carta").
      const questionVerb = question.some(
        (k) => asks(k) || ITALIAN_AUXILIARIES.has(words[k]!.typed) || classes.isItalianVerbForm(words[k]!.typed),
      );
      return (
        questionVerb &&
        (clitic || firstPersonItalianVerb(typed)) &&
        !DETERMINERS.has(previous) &&
        !PREPOSITIONS.has(previous)
      );
    }
    const tags = tagsOf();
    const verb = (k: number) => tags[k] === 'VERB' || tags[k] === 'AUX';
    const verbNext = at + 1 < tail.length && verb(i + 1);
    // "…I NEED it", "…Deadline IS EOD": a subject before its verb, the asker or a word written
    // with the capital of a sentence's start.
    if (
      verbNext &&
      (typed === 'i' || (words[i]!.capitalized && general.isFrequent(typed) && !general.isFirstName(typed)))
    )
      return true;
    // What takes a verb (a modal, "to", a pronoun, a relative) is tagged otherwise.
    if (!WORDS_ENDING_A_PHRASE.has(tags[i - 1] ?? '')) return false;
    // Only after a question that has its own verb or asks ("who CHECKS the archiving results… need
    // it", "DEFINITION of data controller gotta run"): after a subject ("my password WAS
    // rejected", "website backups RUN at 2am", "orbit password GIVE it to the intern") the
    // verb is the question's own.
    if (!question.some((k) => verb(k) || asks(k))) return false;
    // "…NEED it by EOD", "…WANT it in writing": the asker's need, whatever the tagger made of the
    // verb. Another verb before "it" does something to what is asked about ("…frequency CHANGE it
    // to hourly", "…logs SEND them to splunk").
    if (at + 1 < tail.length && OBJECTS.has(words[i + 1]!.typed)) return NEEDING.has(typed);
    // After an inverted auxiliary the question's own verb is still to come ("DOES gdpr APPLY to…",
    // "why DID the bounce rate JUMP…").
    const auxiliary = question.findLast((k) => tags[k] === 'AUX' || INVERTING.has(words[k]!.typed));
    if (auxiliary !== undefined && !question.some((k) => k > auxiliary && tags[k] === 'VERB')) return false;
    // Any other verb runs on, but an auxiliary, which is more of the question ("…backups ARE they
    // kept?"), and a participle, which says which thing ("the backups KEPT offsite").
    return tags[i] === 'VERB' && !PARTICIPLE.test(typed);
  };
  const start = tail.findIndex((i, at) => opens(i, at));
  if (start < 0) return [];
  const run = tail.slice(start);
  return run.every(allowed) ? run : [];
}

/** "kept", not "need": a past participle or a gerund, which may say which thing. */
const PARTICIPLE = /.{2}(?:[^e]ed|ing)$/;

/** "my", "nostro": whose thing it is. */
const POSSESSIVES: ReadonlySet<string> = new Set([
  'my',
  'our',
  'mio',
  'mia',
  'miei',
  'mie',
  'nostro',
  'nostra',
  'nostri',
  'nostre',
]);

/** Pronouns only a verb takes right before them. */
const OBJECTS: ReadonlySet<string> = new Set(['it', 'this', 'them']);

/** Verbs of needing, which say what the asker needs the answer for. */
const NEEDING: ReadonlySet<string> = new Set(['need', 'needs', 'needed', 'want', 'wants', 'wanted']);

/** The tags of a word that may end the question's noun phrase. */
const WORDS_ENDING_A_PHRASE: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'ADV', 'NUM']);

/** "devo", "chiedo", "scappo", "ho": a verb form of the first person singular no noun shares. */
function firstPersonItalianVerb(typed: string): boolean {
  const classes = wordClasses();
  if (typed === 'ho') return true;
  return (
    // "-mo" is the first person plural ("dobbiamo"), which may well ask; "-no" the third
    // ("arrivano", "partono"), what happens to a thing.
    /[^aeimn]o$/.test(typed) &&
    !ITALIAN_AUXILIARIES.has(typed) &&
    classes.isItalianVerbForm(typed) &&
    classes.namesAThing(typed) !== true
  );
}
