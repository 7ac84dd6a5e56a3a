import type { Lang } from '../views/types.js';
import { conceptMatchesAt, saysASubjectAt } from './concept-matches.js';
import {
  detachEnclitic,
  FIRST_PERSON_SUBJECTS,
  INDIRECT_QUESTION_OPENERS,
  INVERTING,
  ITALIAN_AUXILIARIES,
  PARTICLES,
  PREPOSITIONS,
  QUESTION_WORDS,
  RECIPIENTS,
  THIRD_PERSON_SUBJECTS,
} from './grammar.js';
import type { CompiledLexicon } from './lexicon.js';
import { pointsBack } from './points-back.js';
import { wordClasses } from './word-classes.js';
import type { Word } from './words.js';

/** What the caller knows of each word of the message (filler.ts's anchors). */
export interface FrameContext {
  /** Words naming a service or a concept of the page. */
  named: readonly boolean[];
  /** Words naming the provider. */
  provider: readonly boolean[];
  /** Words of questions the page never answers. */
  offTopic: readonly boolean[];
  /** Words of a cadence. */
  cadence: readonly boolean[];
  /** Words asking something: a question word or a kind of question ("ogni quanto", "how often"). */
  intents: readonly boolean[];
  lexicon: CompiledLexicon;
  lang: Lang;
  /** The English tagger's tags, loaded on first use. */
  tagsOf: () => string[];
}

/**
 * "I was wondering WHO checks the backups", "we need to know WHAT Acme does", "can you tell us
 * WHICH…", "not sure HOW often…", "dobbiamo sapere CHI…", "vorrei capire COME…": a question word
 * (or "whether") right after a verb or an adjective opens a question embedded as its object. The
 * words before it say who wants to know and how much, not what is asked: "I", "we", "dobbiamo"
 * there are not the party the question is about, and "find out", "tell us" are not the page's
 * duties to detect or to notify.
 *
 * Only when those words name nothing the question could be about: no service, no schedule, no
 * subject of the page, not the provider ("will Acme TELL US IF they find problems?" asks whether
 * it does), no word of questions the page never answers. After a noun the question word is a
 * relative pronoun ("are we the ONES WHO check…"), and the words before it are the question.
 *
 * Returns the positions of the frame's words. The context is asked for only when the message has
 * a question word inside a clause.
 */
export function questionFrame(words: readonly Word[], context: () => FrameContext): number[] {
  const opens = words.findIndex((w, i) => i > 0 && words[i - 1]!.segment === w.segment && opensAQuestion(w));
  if (opens < 0) return [];
  const clause = words.flatMap((w, i) => (w.segment === words[opens]!.segment ? [i] : []));
  // "What do we do IF the backup fails?": the question is asked before it, not embedded.
  if (clause.some((i) => i < opens && QUESTION_WORDS.includes(words[i]!.typed))) return [];
  const { named, provider, offTopic, cadence, intents, lexicon, lang } = context();
  // The embedded question takes the words that start its kind of question ("OGNI quanto", "FOR how
  // long", "PER quanto tempo").
  let start = opens;
  while (start - 1 > clause[0]! && (intents[start - 1] || PREPOSITIONS.has(words[start - 1]!.typed))) start--;
  const frame = clause.filter((i) => i < start);
  const question = clause.filter((i) => i > opens);
  // The embedded question must ask about something of the page.
  if (!question.some((i) => named[i] || provider[i] || cadence[i] || words[i]!.used || words[i]!.hint)) return [];
  // A pronoun in it points back at what stands before: "il gestionale on premise, chi LO aggiorna?"
  // puts its subject first.
  if (question.some((i) => pointsBack(words, i))) return [];
  // The word taking the question as object: past a particle ("find OUT who") or the one it is
  // told to ("tell US what").
  let at = frame.length - 1;
  const after = PARTICLES.has(words[frame[at]!]!.typed) || RECIPIENTS.has(words[frame[at]!]!.typed);
  if (after) at--;
  // An Italian recipient stands before its verb ("MI ricordate cosa…", "CI dite chi…").
  const turned = after || (lang === 'it' && at > 0 && RECIPIENTS.has(words[frame[at - 1]!]!.typed));
  if (at < 0 || !takesAQuestion(words, frame[at]!, context())) return [];
  if (CONDITIONS.has(words[opens]!.typed) && !knowing(words[frame[at]!]!)) return [];
  const surface = words.map((w) => w.word);
  const stems = words.map((w) => w.stem);
  const concepts = (i: number) => conceptMatchesAt(surface, stems, i, lexicon, lang).flatMap((match) => match.values);
  // A verb the page speaks of is what is asked ("should we CHECK who accessed the panel?",
  // "dobbiamo VERIFICARE chi…"), unless a particle or the asker turns it into learning or being
  // told ("find OUT who…", "tell US which…", "MI ricordate cosa…").
  if (!turned && concepts(frame[at]!).length > 0) return [];
  // Before a verb of asking, even a word of questions the page never answers is who asks ("il
  // DPO chiede chi…"), as a rare word is ("il REVISORE chiede…").
  const verb = words[frame[at]!]!.typed;
  const asker = (i: number) => i < frame[at]! && (lexicon.requestMarkers.has(verb) || wordClasses().knows(verb));
  const namesSomething = (i: number) =>
    words[i]!.used ||
    words[i]!.hint === true ||
    provider[i] ||
    (offTopic[i] && !asker(i)) ||
    cadence[i] ||
    saysASubjectAt(surface, stems, i, lexicon, lang);
  if (frame.some(namesSomething)) return [];
  // Whose duty it is is asked: "is it UP TO US to figure out who…", "TOCCA A NOI capire se…".
  if (frame.some((i) => ownsTheDuty(surface, i, lexicon))) return [];
  // A question of its own about what we do: "do WE have to clean up what…", "can WE see who…".
  // Asked of someone else it is a request to be told ("do YOU know who…", "can YOU tell us…").
  const [opener, subject] = frame.map((i) => words[i]!.typed);
  if (INVERTING.has(opener ?? '') && FIRST_PERSON_SUBJECTS.has(subject ?? '')) return [];
  // "They" in chat is the provider ("do THEY tell us which mailboxes got hacked?"): what it does is asked.
  if (frame.some((i) => THIRD_PERSON_SUBJECTS.has(words[i]!.typed))) return [];
  // Who wants to know is a person ("my BOSS wants to know", "I", "qualcuno"); a thing before the
  // verb says what the question is about ("the office PRINTERS nobody knows who updates"), and
  // the verb then is no frame.
  const thing = (i: number) =>
    i !== frame[at] &&
    words[i]!.typed.length > 1 &&
    !lexicon.stopWords.has(words[i]!.typed) &&
    namesAThing(words, i, context());
  if (frame.some(thing)) return [];
  return frame;
}

/** A question word, or a word opening a yes-or-no question asked of someone ("if", "whether", "se"). */
function opensAQuestion(word: Word): boolean {
  return QUESTION_WORDS.includes(word.typed) || INDIRECT_QUESTION_OPENERS.has(word.typed);
}

/**
 * After most verbs these open a condition or a time ("do we have to act WHEN Acme reports…",
 * "possiamo contestare SE…"): they embed a question only after a verb of knowing ("we need to
 * know WHEN…", "volevamo sapere SE…").
 */
const CONDITIONS: ReadonlySet<string> = new Set(['when', 'quando', 'if', 'se']);

/**
 * A verb or an adjective as the English tagger reads it ("wondering", "SURE who"); in Italian a
 * verb of the conjugation tables.
 */
function takesAQuestion(words: readonly Word[], at: number, context: FrameContext): boolean {
  const typed = words[at]!.typed;
  if (context.lang === 'en') return ['VERB', 'AUX', 'ADJ'].includes(context.tagsOf()[at]!);
  // Verbs only: an adjective before the question word ends a noun put first ("i telefoni AZIENDALI
  // chi li aggiorna").
  const classes = wordClasses();
  return (
    ITALIAN_AUXILIARIES.has(typed) ||
    classes.isItalianVerbForm(typed) ||
    (ITALIAN_INFINITIVE.test(typed) && (classes.isDictionaryWord(typed) || detachEnclitic(typed) !== null))
  );
}

/** A noun naming no person: by the English tagger in its sentence, by the dictionaries in Italian. */
function namesAThing(words: readonly Word[], at: number, context: FrameContext): boolean {
  const typed = words[at]!.typed;
  const classes = wordClasses();
  if (classes.canNamePeople(typed)) return false;
  if (context.lang === 'en') return ['NOUN', 'PROPN'].includes(context.tagsOf()[at]!);
  return classes.namesAThing(typed) === true && !takesAQuestion(words, at, context);
}

/**
 * A verb of knowing (word-classes.ts), also an infinitive with a pronoun joined ("dirMI"). Not an
 * adjective: "is it LEGAL if…", "is it OK if…" ask about the condition.
 */
function knowing(word: Word): boolean {
  const classes = wordClasses();
  return classes.knows(word.typed) || classes.knows(detachEnclitic(word.typed)?.infinitive ?? '');
}

/**
 * A phrase of the customer's party that says whose duty it is ("up to us", "on us", "our job",
 * "tocca a noi"), not a subject pronoun or a verb's person ("we", "I'm", "dobbiamo").
 */
function ownsTheDuty(surface: readonly string[], at: number, lexicon: CompiledLexicon): boolean {
  return lexicon.cues
    .matchesAt(surface, at)
    .some(
      ({ length, values }) =>
        length >= 2 &&
        !CONTRACTED.has(surface[at + length - 1]!) &&
        values.some((cue) => cue.kind === 'party' && cue.cue === 'customer'),
    );
}

/** What a contraction leaves after a pronoun ("we RE", "I M"). */
const CONTRACTED: ReadonlySet<string> = new Set(['re', 'm', 've', 'd', 'll', 's']);

/** An Italian infinitive, also with a pronoun joined to it ("sapere", "capire", "dirci"). */
const ITALIAN_INFINITIVE = /(are|ere|ire)(ci|mi|lo|la|li|le|si|ne|gli)?$/;
