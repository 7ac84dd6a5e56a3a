import type { Lang } from '../views/types.js';
import { anchorsOf } from './anchors.js';
import { apologies } from './apologies.js';
import { isChatShorthand } from './chat-shorthand.js';
import { courtesyRun } from './closings.js';
import { saysASubjectAt } from './concept-matches.js';
import { questionFrame } from './embedded-questions.js';
import { type EnglishRole, englishRoles, englishTags } from './english-tags.js';
import { generalLanguage } from './general-words.js';
import {
  ADVERBS_BEFORE_VERB,
  CALENDAR_WORDS,
  CARDINALS,
  CLAUSE_OPENERS,
  CLOCK_TIME,
  COMPARATIVES,
  COMPARISON_WORDS,
  COPULAS,
  DEGREE_WORDS,
  DEMONSTRATIVES,
  DETERMINERS,
  DO_FORMS,
  ENGLISH_BE_FORMS,
  INDIRECT_QUESTION_OPENERS,
  INVERTING,
  ITALIAN_AUXILIARIES,
  ITALIAN_INFINITIVE_ENDING,
  ITALIAN_OBJECT_CLITICS,
  interrogativeAt,
  MODALS,
  OBJECT_PRONOUNS,
  PARTICLES,
  PREPOSITIONS,
  PRONOUNS_IN_APPOSITION,
  PURPOSE_CONJUNCTIONS,
  RECORD_CODE,
  SECOND_PERSON,
  SUBJECT_PRONOUNS,
  THING_PRONOUNS,
} from './grammar.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { mannerPhrases } from './manner-phrases.js';
import { pointsBack } from './points-back.js';
import { postscript } from './postscripts.js';
import { receivers } from './receivers.js';
import { runOnClause } from './run-on-clauses.js';
import { selfIntroductions } from './self-introductions.js';
import { stem } from './text.js';
import { whenToAnswer } from './when-to-answer.js';
import { wordClasses } from './word-classes.js';
import { asksForCause, type Word } from './words.js';

/**
 * Which words of a chat message are filler around the question rather than part of it: "hey
 * @marco, quick one: who checks the backups on Nebula? my manager asked, thx 🙏".
 *
 * The engine abstains on *unknown subjects*, not on unknown words, so an unknown word is judged by
 * evidence, never by a list of filler words:
 * - shape: a mention ("@marco"), a short lowercase chat abbreviation ("thx", "pls");
 * - apposition: a noun of people beside a pronoun ("you GUYS");
 * - general language: an everyday word or a first name of English or Italian (general-words.ts);
 * - grammar's closed classes (grammar.ts): a word of the calendar says when ("on SUNDAY"), a
 *   determiner makes the next word a noun ("our NAS");
 * - position: whether it sits in the question's subject phrase. The subject is where the anchors
 *   are (a concept, a service, another provider, an out-of-scope word, a cadence, a party named
 *   as actor). A clause with no anchor ("thanks a lot", "my manager asked"), one after the question
 *   that asks and states nothing ("…? by EOD") and the words before a question starts ("hey team
 *   quick one WHO…") are outside it.
 * An unknown word outside the subject that is everyday, a name or chat-shaped is filler; a rare
 * word ("ransomware", "Synology") anywhere, or an everyday word inside the subject ("a password
 * MANAGER", "the office PRINTER"), still counts as a subject the page does not cover.
 *
 * Returns one flag per word: true = filler, to be ignored by every later step.
 */
export function fillerWords(
  words: readonly Word[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
  /** The message's language: an English sentence is read by a part-of-speech tagger (english-tags.ts). */
  lang: Lang,
): boolean[] {
  // Judged as typed: a typo correction may have turned "manager" into a domain word.
  const unknown = words.map(
    (w) =>
      !w.mention &&
      !index.vocabulary.has(w.typed) &&
      !index.stems.has(stem(w.typed)) &&
      !/\d/.test(w.typed) &&
      !CARDINALS.has(w.typed),
  );
  // A mention is someone addressed; a word of the calendar says when ("on SUNDAY", "STANOTTE").
  // A noun of people beside a pronoun says who the pronoun is ("how long do you GUYS keep…"):
  // addressed, not asked about.
  const filler = words.map(
    (w, i) =>
      w.mention ||
      (unknown[i]! && !w.used && CALENDAR_WORDS.has(w.typed)) ||
      (unknown[i]! &&
        lang === 'en' &&
        PRONOUNS_IN_APPOSITION.has(words[i - 1]?.typed ?? '') &&
        wordClasses().canNamePeople(w.typed)),
  );
  let tags: string[] | null = null;
  let roles: EnglishRole[] | null = null;
  const tagsOf = () => (tags ??= englishTags(words));
  let anchorsFound: ReturnType<typeof anchorsOf> | undefined;
  const anchorsOnce = () => (anchorsFound ??= anchorsOf(words, lexicon, lang));
  // "I was wondering who…", "dobbiamo sapere chi…": who wants to know is not what is asked, even
  // in words the page knows.
  for (const i of questionFrame(words, () => ({ ...anchorsOnce(), lexicon, lang, tagsOf }))) filler[i] = true;
  // Words the page knows are filler only in a clause of their own ("…? THANKS"): a message of one
  // clause and no unknown word is all question.
  // (A figure is no unknown word, but may run on: "…for Orbit need it by 5PM".)
  if (
    !unknown.some(Boolean) &&
    !words.some((w) => /\d/.test(w.typed)) &&
    words.every((w) => w.segment === words[0]!.segment)
  )
    return filler;
  const general = generalLanguage();
  const everyday = (i: number) => {
    const w = words[i]!;
    return general.isFrequent(w.typed) || general.isFirstName(w.typed) || isChatShorthand(words, i, general);
  };

  // A word naming a thing in its sentence: a rare word no lexicon holds as a verb ("NAS", "CRM"),
  // or in English a noun by the tagger ("the office LAPTOP is broken"); never a person, a name, a
  // mention or chat shorthand.
  const rolesOf = () => (roles ??= englishRoles(words, tagsOf()));
  // "share the creds WITH the MSP GUYS", "girarle AL CONSULENTE": who receives what the question
  // is about is not what it asks about.
  for (const i of receivers(words, unknown, lexicon, lang, tagsOf)) filler[i] = true;
  for (const i of mannerPhrases(words, unknown, lang)) filler[i] = true;
  const namesAThingHere = (i: number) => {
    const w = words[i]!;
    const classes = wordClasses();
    if (w.mention || general.isFirstName(w.typed) || isChatShorthand(words, i, general) || classes.namesPeople(w.typed))
      return false;
    // In English the tagger reads the sentence ("TEAMS keeps crashing" names a product, a statement
    // with a verb; see saysSomething). Elsewhere a word written as a name ("ciao TOMASZ") is someone
    // addressed, and an acronym a thing.
    if (lang === 'en') return rolesOf()[i] === 'thing' || (!general.isFrequent(w.typed) && !w.cased);
    if (w.cased && !w.acronym) return false;
    return !general.isFrequent(w.typed) && classes.namesAThing(w.typed) !== false;
  };
  // A statement says something of its thing with a verb ("our NAS DIED"); a greeting ("howdy FAM",
  // "afternoon everybody") names no thing and has none. English only: an Italian clause's thing is
  // a rare word, never a greeting.
  const saysSomething = (i: number) => lang !== 'en' || tagsOf()[i] === 'VERB' || tagsOf()[i] === 'AUX';
  // A verb by the tagger in English; in Italian an auxiliary or a form of the conjugation tables.
  // "E" is "and" too: it is "è" before what no noun is ("Francesca È in ferie", "è rotto").
  const isVerb = (i: number) =>
    lang === 'en'
      ? tagsOf()[i] === 'VERB' || tagsOf()[i] === 'AUX'
      : ITALIAN_AUXILIARIES.has(words[i]!.typed) ||
        wordClasses().isItalianVerbForm(words[i]!.typed) ||
        (words[i]!.typed === 'e' && italianCopulaBefore(words[i + 1]?.typed));
  const { anchors, questionCues, offTopic, provider, possessive, demand, named, intents, cadence } = anchorsOnce();
  /** Words set aside as filler, which anchor nothing any more. */
  const setAside = (positions: Iterable<number>) => {
    for (const i of positions) {
      filler[i] = true;
      anchors[i] = false;
    }
  };
  // "sono Davide del commerciale": who asks, their department no subject (self-introductions.ts).
  setAside(
    selfIntroductions(
      words,
      (k) => questionCues[k]! || words[k]!.asks,
      (k) => provider[k]!,
      lang,
    ),
  );
  // "…? ps it's snowing here": an aside after the question (postscripts.ts).
  setAside(
    postscript(
      words,
      (k) => (anchors[k]! && !offTopic[k]) || questionCues[k]!,
      (k) =>
        words[k]!.used ||
        words[k]!.hint === true ||
        named[k]! ||
        intents[k]! ||
        words[k]!.asks ||
        // "ps we mean OUR laptops": a thing of ours, not a person ("ps my boss says hi").
        (unknown[k]! &&
          [1, 2, 3].some((back) => possessive[k - back] && words[k - back]!.segment === words[k]!.segment) &&
          !wordClasses().canNamePeople(words[k]!.typed)),
    ),
  );
  // "sorry for the noob q", "scusate il disturbo": what is apologized for is no subject (apologies.ts).
  setAside(
    apologies(
      words,
      (k) => anchors[k]! || questionCues[k]! || intents[k]!,
      (k) => pointsBack(words, k),
    ),
  );
  // A word saying one of the page's subjects (a strong concept: "backup", not "check"); the word
  // lists are built only when a clause is judged for it.
  let surfaceAndStems: [string[], string[]] | undefined;
  const namesASubjectOfThePage = (i: number) => {
    surfaceAndStems ??= [words.map((w) => w.word), words.map((w) => w.stem)];
    return saysASubjectAt(surfaceAndStems[0], surfaceAndStems[1], i, lexicon, lang);
  };
  // A known word that is no function word ("data", "days"): a noun phrase may end there.
  // A possessive the lexicon keeps as a weak cue of the customer ("OUR active directory") is a
  // function word all the same.
  const content = (i: number) =>
    !unknown[i] && !words[i]!.mention && !lexicon.stopWords.has(words[i]!.typed) && !possessive[i];
  // An everyday word is not a misspelt domain word: what its correction says anchors nothing.
  words.forEach((w, i) => {
    if (w.corrected && unknown[i] && general.isFrequent(w.typed)) anchors[i] = false;
  });
  const segments = new Map<number, number[]>();
  words.forEach((w, i) => {
    const positions = segments.get(w.segment);
    if (positions) positions.push(i);
    else segments.set(w.segment, [i]);
  });
  // A closing after the question: a clause of one or two words, then one opening with a name
  // ("…? Best, Marco", "…? Best regards, Fabio from Accounting", "…? Saluti, Anna"). Its words
  // are a valediction whatever else they may mean ("best" asks for a judgement).
  const clauses = [...segments.values()];
  // A signature may go on with a role or a company ("…, Elena Conti, Finance", "- Responsabile
  // Amministrazione, Rossi & Figli"): a few words after it naming nothing of the page.
  const signs = (positions: readonly number[]) =>
    words[positions[0]!]!.cased && general.isFirstName(words[positions[0]!]!.typed);
  let signatureAt = clauses.length - 1;
  while (
    signatureAt > 1 &&
    !signs(clauses[signatureAt]!) &&
    clauses[signatureAt]!.length <= 4 &&
    clauses[signatureAt]!.every((i) => !words[i]!.used && !questionCues[i] && !words[i]!.asks)
  )
    signatureAt--;
  const [valediction, signature] = clauses.slice(signatureAt - 1, signatureAt + 1);
  const afterSignature = clauses.slice(signatureAt + 1).flat();
  const saysNothingOfThePage = (i: number) => !words[i]!.used && !questionCues[i];
  if (
    signatureAt >= 2 &&
    valediction !== undefined &&
    valediction.length <= 2 &&
    valediction.every(saysNothingOfThePage) &&
    // "Best REGARDS", not "best PRICES".
    valediction.slice(1).every((i) => !offTopic[i]) &&
    signature !== undefined &&
    words[signature[0]!]!.cased &&
    general.isFirstName(words[signature[0]!]!.typed) &&
    signature.every(saysNothingOfThePage) &&
    clauses
      .slice(0, signatureAt - 1)
      .some((positions) => positions.some((i) => questionCues[i] || intents[i] || words[i]!.asks))
  )
    setAside([...valediction, ...signature, ...afterSignature]);
  // Typed without a mark, the valediction ends the question's own clause: "list the duties for
  // Orbit THANKS, Tom". One or two everyday words right after its last anchor that Brill's lexicon
  // says interject; any other word there is asked about ("backup LAPTOPS, Anna", "is archiving
  // MANDATORY, Anna", "who updates wordpress THEMES, Anna").
  const question = clauses.at(-2);
  if (
    clauses.length === 2 &&
    question !== undefined &&
    signature !== undefined &&
    words[signature[0]!]!.cased &&
    general.isFirstName(words[signature[0]!]!.typed) &&
    signature.every(saysNothingOfThePage)
  ) {
    const closing = question.slice(question.findLastIndex((i) => anchors[i]) + 1);
    const classes = wordClasses();
    // English only: no Italian lexicon tells "grazie" from "telefonino", both bare nouns.
    const valedicts = (i: number) =>
      lang === 'en' && unknown[i]! && everyday(i) && classes.canInterject(words[i]!.typed);
    if (closing.length > 0 && closing.length < question.length && closing.length <= 2 && closing.every(valedicts))
      setAside([...closing, ...signature]);
  }
  // A noun of the page: by the tagger in an English sentence ("does Acme CHECK this?" is a verb),
  // by the dictionaries in Italian, where a word they do not hold is a name ("il CISPE"); a
  // service's name always.
  const nounHere = (j: number) =>
    lang === 'en' ? ['NOUN', 'PROPN'].includes(tagsOf()[j]!) : wordClasses().namesAThing(words[j]!.typed) !== false;
  const thingOfThePage = (j: number) => (named[j]! && !provider[j] && nounHere(j)) || words[j]!.used;
  // A pronoun of the question pointing back past it: at a thing named before the question, not at
  // one of the page the question names before the pronoun ("does Acme back up our SITE or must we
  // back IT up?").
  const pointsPast = (question: readonly number[]) =>
    question.some((k) => pointsBack(words, k) && !question.some((j) => j < k && thingOfThePage(j)));
  // "our LAPTOPS - who backs THEM up?", "laptop: does Acme back IT up?": a thing named before a
  // question that points back at it is what the question asks about, whatever else is said beside
  // it. Any thing, rare words too ("our NAS").
  const pointedAt = (before: readonly number[], question: readonly number[]) =>
    before.some((i) => unknown[i] && namesAThingHere(i)) && pointsPast(question);
  // "Customer on the phone ASKING - who…?", "Acme chiede: …": a clause with a verb of asking,
  // neither an interrogative nor a question mark, and nothing of the page but a party, says who
  // asks when a clause after it asks: the party there is the asker, not who the question is about.
  let typedWords: string[] | undefined;
  /** A question word asking where it stands, not a noun after an article (grammar.ts). */
  const interrogative = (i: number) => {
    typedWords ??= words.map((w) => w.typed);
    return interrogativeAt(words, typedWords, i);
  };
  const interrogates = (i: number) => interrogative(i) || words[i]!.asks;
  clauses.forEach((positions, c) => {
    if (!positions.some((i) => demand[i]) || positions.some((i) => interrogates(i) || named[i])) return;
    const question = clauses.slice(c + 1).find((later) => later.some(interrogates));
    if (question === undefined || pointedAt(positions, question)) return;
    for (const i of positions) {
      filler[i] = true;
      anchors[i] = false;
      questionCues[i] = false;
    }
  });
  // Whether a word of a clause opening the message (`positions`) greets: no verb, and nothing that
  // could narrow the question (a service, the provider, a schedule) or that the page lacks (a
  // thing it never names, a rare word, a word of questions it never answers). A person is greeted;
  // an everyday Italian noun may be a thing ("Stampante:"), so only an Italian word that names no
  // thing is.
  const greets = (i: number, positions: readonly number[]) => {
    const w = words[i]!;
    if (w.used || w.hint || provider[i] || cadence[i] || offTopic[i] || interrogates(i) || intents[i]) return false;
    // An Italian form shared with a noun is the noun here ("COLLEGHI" is no form of "collegare").
    const verb = isVerb(i) && !(lang === 'it' && wordClasses().namesAThing(w.typed) === true);
    if (DETERMINERS.has(w.typed) || verb) return false;
    if (!unknown[i] || wordClasses().canNamePeople(w.typed)) return true;
    // The name of a team greeted ("Salve team OPS,", "hi folks of IT").
    if (w.cased && positions.some((k) => k < i && wordClasses().canNamePeople(words[k]!.typed))) return true;
    if (!everyday(i)) return false;
    return lang === 'en' ? !namesAThingHere(i) : wordClasses().namesAThing(w.typed) === false;
  };
  // A clause opening the message that only greets, with a word the page knows: both readings of
  // greetings below ask this first.
  const greetingAtStart = (positions: readonly number[]) =>
    positions[0] === 0 &&
    positions.length <= 3 &&
    positions.some((i) => anchors[i]) &&
    // The words of address themselves: a known word alone is a heading ("Sicurezza:"), which
    // narrows the question.
    positions.some((i) => unknown[i] && everyday(i)) &&
    positions.every((i) => greets(i, positions));
  const aboutThem = (k: number) =>
    THING_PRONOUNS.has(words[k]!.typed) ||
    SECOND_PERSON.has(words[k]!.typed) ||
    ITALIAN_OBJECT_CLITICS.has(words[k]!.typed) ||
    pointsBack(words, k);
  // "Dear COLLEAGUES, who is the president of France?": people greeted at the message's start are
  // addressed, whatever the page says of them ("colleagues" are the staff it trains). Before a
  // question naming a thing of the page the greeting is set aside below, beside the heading it
  // could be; before a question naming none, the people greeted are no subject either, and the
  // question is judged alone. Unless it is about them: it points back ("who trains THEM?", "who
  // stops THOSE?") or speaks to them ("Dear customers, what must YOU do?"). A noun of people alone
  // is a heading ("Hackers, who stops those?"): greeted, it follows a word of greeting.
  const opening = clauses[0] ?? [];
  if (
    opening.length >= 2 &&
    greetingAtStart(opening) &&
    opening.some((i) => wordClasses().canNamePeople(words[i]!.typed))
  ) {
    const later = words.flatMap((w, k) => (w.segment > words[0]!.segment ? [k] : []));
    if (later.some((k) => words[k]!.asks) && later.every((k) => !thingOfThePage(k) && !aboutThem(k))) setAside(opening);
  }
  // "Feel FREE to answer later, but who checks the backups?": an aside before the question that
  // asks nothing and holds nothing of the page but a word of questions the page never answers is
  // not what is asked; whether it is filler is then decided like any clause without an anchor.
  // A clause opening the message with nothing but such words is no aside but a heading, and says
  // what is asked ("PREZZI, cosa include Orbit?", "NIS2: does Orbit comply?"); beside any other
  // word it may be set aside ("prices ASIDE,", "costi A PARTE,"), and a name is someone addressed
  // ("Dora,").
  // A clause naming a subject of the page and asking: by a question word, a kind of question or
  // its mark first, a party only after ("FYI the CLIENT is chasing me on this. WHO handles…?").
  const namesTheSubject = (positions: readonly number[]) => positions.some((i) => anchors[i] && !offTopic[i]);
  const asksOutright = clauses.findIndex(
    (positions) => positions.some((i) => intents[i] || words[i]!.asks) && namesTheSubject(positions),
  );
  const asking =
    asksOutright >= 0
      ? asksOutright
      : clauses.findIndex((positions) => positions.some((i) => questionCues[i]) && namesTheSubject(positions));
  for (const positions of clauses.slice(0, Math.max(asking, 0))) {
    const aside =
      positions.some((i) => offTopic[i]) &&
      positions.every((i) => !questionCues[i] && !words[i]!.asks && (!anchors[i] || offTopic[i])) &&
      !(positions[0] === 0 && positions.every((i) => offTopic[i] && !general.isFirstName(words[i]!.typed)));
    if (aside) for (const i of positions) anchors[i] = false;
  }
  const anchored = [...segments.values()].filter((positions) => positions.some((i) => anchors[i] && !filler[i]));
  // One clause and nothing else, or no anchor anywhere: the whole message is the question.
  if (anchored.length === 0) return filler;

  const firstAnchored = words[anchored[0]![0]!]!.segment;
  // The clause that asks, else the first one naming the subject ("retention Orbit - boss insists").
  const askedIn = asking >= 0 ? words[clauses[asking]![0]!]!.segment : firstAnchored;
  const askingClause = segments.get(askedIn) ?? [];
  // "…kept? PLZ", "…? TIA": after a question closed by its mark, a clause of chat shorthand signs
  // off; it is no shorthand for a word of the page ("plz" is not "pubblicazione").
  if (askingClause.length > 0 && words[askingClause.at(-1)!]!.asks)
    for (const positions of clauses) {
      if (words[positions[0]!]!.segment <= askedIn) continue;
      const shorthand = (i: number) => words[i]!.corrected === true && unknown[i] && isChatShorthand(words, i, general);
      // Only beside words that anchor and name nothing, no noun of the dictionary either ("plz &
      // thx", "asap plz"): "…? btw DPO", "…? plz PRINTER", "…? plz LAPTOP" still name something.
      const namesNothing = (i: number) =>
        !anchors[i] && !namesAThingHere(i) && wordClasses().namesAThing(words[i]!.typed) !== true;
      if (positions.some(shorthand) && positions.every((i) => shorthand(i) || namesNothing(i)))
        for (const i of positions) if (shorthand(i)) anchors[i] = false;
      // "…? let me know WHEN YOU CAN.": when to answer, not what (when-to-answer.ts).
      for (const i of whenToAnswer(words, positions)) filler[i] = true;
    }
  const points = (k: number) => pointsBack(words, k) || DEMONSTRATIVES.has(words[k]!.typed);
  // A question complete in itself:
  // - it ends with a question mark: without one, a party cue may have taken a statement for the
  //   question ("the tool shows sends WE never scheduled, should we tell Acme");
  // - it names a thing of the page, or a sentence before it does ("Acme wrote about a problem on
  //   a MAILBOX. must we act now?");
  // - a pronoun or a demonstrative in it points at a thing of the page named before it ("will Acme
  //   shut our SERVER down, or just block IT?"), not at one named after it ("can Acme restore IT?
  //   our NAS died", "does Acme handle THIS? ransomware hit us", "in QUESTI casi").
  // Asked only of a message with a clause besides the question: it may load the tagger.
  let contained: boolean | undefined;
  // The question mark may close a guess after the question ("…chi li controlla, noi o Acme?"): a
  // clause naming nothing of the page but parties.
  const guess = (segment: number) =>
    (segments.get(segment) ?? []).every((k) => !named[k] && !words[k]!.used && !unknown[k]);
  // "INC-40217", "ticket #58213": a code of letters and figures, or figures after a noun naming a
  // message (WordNet), names one record, and that noun the kind of record; said to tell which
  // conversation, not what is asked. A standard, a year or an error is no record ("ISO 27001",
  // "Fattura 2024", "Error 403"). "Before my 3PM": a time of the clock says when.
  const sameClause = (i: number, j: number) => words[j] !== undefined && words[j]!.segment === words[i]!.segment;
  const recordNumber = (i: number) =>
    /^\d{3,}$/.test(words[i]!.typed) && sameClause(i, i - 1) && wordClasses().namesAMessage(words[i - 1]!.typed);
  const isCode = (i: number) =>
    (RECORD_CODE.test(words[i]!.typed) || CLOCK_TIME.test(words[i]!.typed) || recordNumber(i)) &&
    !index.vocabulary.has(words[i]!.typed);
  const kindOfRecord = (i: number) => isCode(i) || (sameClause(i, i + 1) && isCode(i + 1));
  // The question says what it asks of its service: a word of the page, a party, a schedule or a
  // kind of question ("who CHECKS the storage of Orbit?", "what must WE do for Orbit?", "Acme's
  // DUTIES on Orbit"); "who handles Orbit?" says nothing but the service.
  let ownAsk: boolean | undefined;
  const asksOfItsOwn = () =>
    (ownAsk ??= askingClause.some(
      (k) =>
        namesASubjectOfThePage(k) ||
        (named[k]! && !words[k]!.used && !words[k]!.hint) ||
        (!interrogative(k) && (intents[k]! || (anchors[k]! && !named[k] && !offTopic[k]))),
    ));
  // Without a mark, a clause opening with a question word is a question all the same ("what does
  // Acme promise…, the DPO wants the list"); a party cue elsewhere may not have found it.
  const isAQuestion = () =>
    askingClause.some((k) => words[k]!.asks) ||
    (guess(askedIn + 1) && (segments.get(askedIn + 1) ?? []).some((k) => words[k]!.asks)) ||
    (askingClause[0] !== undefined && interrogative(askingClause[0])) ||
    // "…channel BUT who handles the antivirus…": the conjunction opens the clause, the question
    // word asks, when it asks something of its own ("we want MFA everywhere but who handles
    // Orbit" asks about MFA).
    (CLAUSE_OPENERS.has(words[askingClause[0] ?? -1]?.typed ?? '') &&
      askingClause[1] !== undefined &&
      interrogative(askingClause[1]) &&
      asksOfItsOwn());
  // A thing of the page named in the question or before it (the tagger may be loaded: asked late).
  let pageThing: boolean | undefined;
  const namesAThingOfThePage = () => (pageThing ??= words.some((w, j) => w.segment <= askedIn && thingOfThePage(j)));
  const selfContained = () =>
    (contained ??=
      isAQuestion() &&
      namesAThingOfThePage() &&
      askingClause.every((k) => !points(k) || askingClause.some((j) => j < k && thingOfThePage(j))));
  const everydayThing = (i: number) => {
    const w = words[i]!;
    const classes = wordClasses();
    if (!unknown[i] || w.mention || !everyday(i) || general.isFirstName(w.typed) || isChatShorthand(words, i, general))
      return false;
    if (classes.namesPeople(w.typed) || classes.canNameATime(w.typed) || classes.namesAMessage(w.typed)) return false;
    return lang === 'en' ? rolesOf()[i] === 'thing' : classes.namesAThing(w.typed) === true;
  };
  // A determiner opens the noun phrase the word ends ("OUR office printer", "IL frigo").
  const determinedHere = (i: number) => {
    for (let k = i - 1; k >= Math.max(0, i - 3) && words[k]!.segment === words[i]!.segment; k--) {
      if (DETERMINERS.has(words[k]!.typed)) return true;
      if (PREPOSITIONS.has(words[k]!.typed) || isVerb(k)) return false;
    }
    return false;
  };
  // A clause holding a record's code and no other thing (see the reference reading below).
  const thingHere = (i: number) => namesAThingHere(i) || wordClasses().namesAThing(words[i]!.typed) === true;
  const recordClause = (clause: readonly number[]) =>
    clause.some(isCode) &&
    clause.every(
      (i) =>
        isCode(i) ||
        !unknown[i] ||
        words[i]!.mention ||
        !thingHere(i) ||
        // The kind of record ("TICKET 58213"), not a device's model ("la centralina ALR5501").
        (kindOfRecord(i) && wordClasses().namesAMessage(words[i]!.typed)),
    );
  // A thing a heading may name, and a question naming it after its verb (see the heading reading below).
  // The word classes load on first use: only a message that reaches a heading asks for them.
  const thingInHeading = (i: number) => {
    const w = words[i]!;
    if (!unknown[i] || w.mention || general.isFirstName(w.typed)) return false;
    return everyday(i) ? wordClasses().namesAnObject(w.typed) : namesAThingHere(i);
  };
  const dislocated = () =>
    lang === 'it' &&
    askingClause.some((k) => DETERMINERS.has(words[k]!.typed) && thingOfThePage(k + 1) && sameClause(k, k + 1));
  for (const positions of segments.values()) {
    // A party there ("someone in sales thinks WE're blocked") asks nothing; a kind of question does.
    const asksNothing = positions.every((i) => !intents[i] && !words[i]!.asks);
    const trailing = words[positions[0]!]!.segment > askedIn && asksNothing;
    const segment = words[positions[0]!]!.segment;
    // After a question complete in itself, a sentence that asks nothing is why it is asked, or a
    // hedge: "…? DPO wants it in writing", "…? need a list for the DPIA", "…? credo di sì ma nn
    // ne sono sicura". Even a party, a rare thing or a word of questions the page never answers is
    // no subject there. A fragment with no verb may finish the question ("which backups? the DNS
    // ones"): it is judged below. Before the question, a phrase opening with a preposition says
    // what it is for ("per il questionario fornitori: …", "for the DPA review: …"). Only a
    // service named there could be more of what is asked ("…? on Orbit").
    const noService = positions.every((i) => !words[i]!.used && !words[i]!.hint);
    // "…backups - ASKING for the DPO", "…? - lo CHIEDE il DPO": after the question, a clause with
    // a verb of asking and nothing of the page, nor a question of its own, says who asks.
    if (
      segment > askedIn &&
      positions.some((i) => demand[i]) &&
      positions.every((i) => !interrogates(i) && !named[i] && !provider[i] && !intents[i] && !offTopic[i]) &&
      // Who asks is a person ("- asking for my MANAGER"); a thing there is what is asked about
      // ("- asking about the LAPTOPS", "- chiedo per i PORTATILI").
      positions.every(
        (i) =>
          !unknown[i] ||
          wordClasses().canNamePeople(words[i]!.typed) ||
          (lang === 'en' ? !namesAThingHere(i) : wordClasses().namesAThing(words[i]!.typed) !== true),
      )
    ) {
      setAside(positions);
      continue;
    }
    const verb = () => positions.some((i) => isVerb(i));
    const around =
      segment !== askedIn &&
      noService &&
      positions.every((i) => !interrogates(i)) &&
      (segment > askedIn
        ? verb()
        : // Before it, a statement is context the question may depend on ("I forgot a birthday, do
          // I have a backup plan?"); a phrase opening with a preposition says what it is for.
          PREPOSITIONS.has(words[positions[0]!]!.typed) &&
          !verb() &&
          askingClause.every((k) => !(unknown[k] && namesAThingHere(k)))) &&
      selfContained();
    if (around) {
      setAside(positions);
      continue;
    }
    // Chatter before a question that names its own service: "afaik nobody wrote this down
    // anywhere, so: who handles backups on Orbit?", "FYI the client is chasing me on this. …",
    // "scusate il crossposting, chi fa il backup del sito?". A statement (it has a verb) that
    // names nothing the question could be narrowed to or be about instead — no service, provider,
    // schedule or subject of the page, no word of questions the page never answers — is said
    // around the question, whatever else it holds; a party there is who speaks. Only when the
    // question says which service and points back at nothing: before a question about a subject
    // alone, a story may say whose ("the badge system lost its data, how often should we test a
    // restore?"), and a heading has no verb ("Synology NAS: who does the backups?").
    // A reference to a record by its code ("Rif. ticket #58213:", "Following up on ticket
    // INC-40217:", recordClause above) is no heading either before a question naming a subject of
    // the page ("…, dove sono i data center?"): a code is never what is asked. Only a clause naming
    // no other thing: a story with a code still says whose the subject is ("the badge system
    // BDG1234 lost its data, how often should we test a restore?").
    // A lone word right before it introduces it ("Rif. ticket #58213:", "Re: INC-40217").
    const reference = () =>
      recordClause(positions) ||
      (positions.length === 1 && segment + 1 < askedIn && recordClause(segments.get(segment + 1) ?? []));
    if (
      segment < askedIn &&
      (askingClause.some((k) => words[k]!.used || words[k]!.hint) ||
        (askingClause.some(namesASubjectOfThePage) && reference())) &&
      // Any pronoun of a thing points back, wherever it stands ("who stores THEM on Orbit?").
      askingClause.every((k) => !points(k) && !THING_PRONOUNS.has(words[k]!.typed)) &&
      isAQuestion() &&
      positions.every(
        (i) =>
          kindOfRecord(i) ||
          (!words[i]!.used &&
            !words[i]!.hint &&
            !provider[i] &&
            !cadence[i] &&
            !offTopic[i] &&
            !interrogates(i) &&
            !intents[i] &&
            !namesASubjectOfThePage(i)),
      ) &&
      // A lone word opening the message is a word of address ("Raga,", "Folks:") or a heading,
      // and a code a reference ("Rif. ticket #58213:"); before a question naming its own service,
      // either way they narrow nothing. The heading does, though, when the question names nothing
      // else ("MFA: who handles Orbit?"). Asked last: in English it may load the tagger.
      ((positions.length === 1 && positions[0] === 0 && asksOfItsOwn()) ||
        (positions.some(isCode) && asksOfItsOwn()) ||
        positions.some((i) => isVerb(i)))
    ) {
      setAside(positions);
      continue;
    }
    // A greeting or a heading opening the message, before a question complete in itself: "Dear
    // COLLEAGUES,", "Hello TEAM,", "Gentili COLLEGHI,", "SALVE,", "Sicurezza:" (see `greets`):
    // the words the page knows there ("colleagues", "salve" read as saving) are not asked about.
    if (
      segment < askedIn &&
      greetingAtStart(positions) &&
      // "Hackers, who stops THEM?": the question points back at them.
      askingClause.every(
        (k) => !OBJECT_PRONOUNS.has(words[k]!.typed) && !ITALIAN_OBJECT_CLITICS.has(words[k]!.typed),
      ) &&
      selfContained()
    ) {
      setAside(positions);
      continue;
    }
    if (positions.some((i) => anchors[i])) continue;
    // After the question has been asked, a clause that asks nothing and states nothing of a thing
    // is said about the asking ("…? by EOD", "…, pressantemente", "- boss insists"): even a rare
    // word there is no subject. A statement the question points at still counts ("…restore it?
    // our NAS died"), and so does a thing named with a determiner ("…? the DNS ones").
    const thing = (i: number) => unknown[i] && namesAThingHere(i);
    const determined = positions.some((i) => thing(i) && DETERMINERS.has(words[i - 1]?.typed ?? ''));
    if (trailing && !determined && !(positions.some(thing) && positions.some(saysSomething))) {
      for (const i of positions) filler[i] = true;
      continue;
    }
    // A clause of a rare word ("ransomware: what does Acme do?") may be the subject itself; a
    // name with a greeting before the question ("Greetings Tomasz, who…") is someone addressed.
    // So is any clause before the question that names a person ("bentrovata Federica,").
    const before = words[positions[0]!]!.segment < firstAnchored;
    // "Il revisore chiede: …", "the auditor asks - …": with a verb of asking, a clause before the
    // question says who asks, whatever its words; but for a thing the question points back at.
    if (before && positions.some((i) => demand[i]) && !pointedAt(positions, askingClause)) {
      for (const i of positions) filler[i] = true;
      continue;
    }
    const addressed = before && positions.some((i) => !unknown[i] || everyday(i));
    const vocative =
      before && positions.some((i) => words[i]!.mention || (unknown[i] && general.isFirstName(words[i]!.typed)));
    if (!vocative && !positions.every((i) => !unknown[i] || everyday(i) || (addressed && words[i]!.cased))) continue;
    // "Our NAS died, can Acme restore IT?", "il portatile è rotto, chi LO ripara?": a clause
    // naming a thing the page does not, which the question points back at, is what is asked about.
    // Only a statement ("our NAS died") right before the clause that points back ("…restore it?").
    const next = segments.get(words[positions[0]!]!.segment + 1) ?? [];
    if (
      !vocative &&
      pointsPast(next) &&
      positions.some((i) => unknown[i] && namesAThingHere(i)) &&
      positions.some(saysSomething)
    )
      continue;
    // "KEYBOARDS: who backs THEM up on Orbit?", "laptop X1000, who backs IT up on Orbit?",
    // "Tablet: chi LI aggiorna?": a heading opening the message right before the question, nothing
    // but a thing and what determines it (an article, a possessive, a model number), is what the
    // question's pronoun points back at, whatever of the page the question names around it. An
    // everyday word is such a thing only when WordNet says one can touch it: a heading is as often
    // a label ("Background:", "Slide 4:", "Domanda:") or whom the message addresses ("Ragazzi:"),
    // and in Italian only an English word ("tablet") can be told so. A rare word or an acronym
    // names a thing ("Ubuntu 22.04:", "NAS:"). Unless the question names it after its verb ("chi
    // LI controlla I BACKUP?").
    if (
      segment === 0 &&
      segment + 1 === askedIn &&
      positions.every(
        (i) => DETERMINERS.has(words[i]!.typed) || possessive[i] || /\d/.test(words[i]!.typed) || thingInHeading(i),
      ) &&
      positions.some(thingInHeading) &&
      pointsPast(askingClause) &&
      !dislocated()
    )
      continue;
    // "Il FRIGO dell'ufficio, chi LO monitora?", "the smoke ALARM beeps, does Acme monitor IT?":
    // before a question that names no thing of the page and no schedule, and points back, a clause
    // naming an everyday thing with a determiner, or any thing the pronoun points past the
    // question at ("LAPTOP. Who backs it up?", "our NAS - who backs it up?"), is what it points
    // at. Without the
    // pronoun the clause may be chatter ("the boss wants an ANSWER, who do we tell?", "scusatemi il
    // DISTURBO"), which must not change the answer, so it stays filler.
    if (
      segment < askedIn &&
      !namesAThingOfThePage() &&
      !askingClause.some((k) => cadence[k]) &&
      (positions.some((i) => everydayThing(i) && determinedHere(i)) || pointedAt(positions, askingClause)) &&
      askingClause.some((k) => pointsBack(words, k))
    )
      continue;
    // "…, who?" still asks; "thanks a lot", "my manager asked" say nothing about the question.
    const asks = positions.some((i) => questionCues[i]);
    for (const i of positions) if (!asks || unknown[i]) filler[i] = true;
  }

  // Before the question starts in its first clause: "hey team quick one WHO checks…". Only words
  // before a question word that itself comes before the subject ("is there a MOBILE app for Orbit?"
  // has none: there the words before the service are the subject).
  const first = anchored[0]!;
  // An English question asked yes or no opens with its inverted verb ("hmm DOES Acme check…?"). A
  // copula is inverted only before a subject it opens with a determiner ("yo IS THE datacenter…?");
  // after one it states ("the printer IS backed up?"), and before a pronoun or a demonstrative it
  // may ask about the word before ("laptop IS IT backed up?").
  const inverted = (i: number) => {
    if (lang !== 'en' || !words[first.at(-1)!]!.asks) return false;
    if (INVERTING.has(words[i]!.typed)) return true;
    const next = words[i + 1]?.typed ?? '';
    return COPULAS.has(words[i]!.typed) && DETERMINERS.has(next) && !DEMONSTRATIVES.has(next);
  };
  // Asked for someone, a question may be reported: "l'ufficio legale CHIEDE SE i nostri dati…",
  // "the auditor asks WHETHER…". Its complementizer opens it after a verb of asking.
  const reported = (i: number) =>
    INDIRECT_QUESTION_OPENERS.has(words[i]!.typed) && first.some((j) => j < i && demand[j]);
  const opens = first.findIndex((i) => questionCues[i] || inverted(i) || reported(i));
  const subjectStarts = first.findIndex((i) => anchors[i]);
  if (opens > 0 && opens <= subjectStarts) {
    // Before a verb of asking there ("il REVISORE chiede quanti giorni…"), even a rare word is who asks.
    const asker = first.slice(0, opens).some((i) => demand[i]);
    const pointedHere = pointedAt(first.slice(0, opens), first.slice(opens));
    for (const i of first.slice(0, opens))
      if (unknown[i] && (everyday(i) || asker) && !anchors[i] && !(pointedHere && namesAThingHere(i))) filler[i] = true;
  }
  // A message opening with chat words that address someone or abbreviate ("ah ascolta Paolo
  // Acme…", "cmq backup giornaliero…"): the run of them up to the question is filler. A run of
  // plain everyday words there ("mobile app for Orbit") may be the subject, so it needs that sign.
  if (first === segments.get(words[0]!.segment)) {
    // "Per favore chi controlla…", "in short who checks…": a preposition opening the message with
    // a bare everyday word after it is a set phrase of politeness or manner when a question with
    // an anchor of the page follows at once. With a determiner ("per LE fatture…") it is not.
    // "OUT of curiosity": a particle may open a compound preposition.
    const opener = PARTICLES.has(words[first[0]!]!.typed) ? 1 : 0;
    const [preposition, bare, rest] = first.slice(opener);
    if (
      preposition !== undefined &&
      bare !== undefined &&
      rest !== undefined &&
      PREPOSITIONS.has(words[preposition]!.typed) &&
      everyday(bare) &&
      // A content word: "per QUANTO tempo…", "in WHICH country…" are the question.
      !lexicon.stopWords.has(words[bare]!.typed) &&
      !questionCues[bare] &&
      !interrogates(bare) &&
      !anchors[bare] &&
      !words[bare]!.used &&
      !words[bare]!.capitalized &&
      // The question starts right after: a word of the page, or one read as one ("bakcup").
      (!unknown[rest] || anchors[rest]) &&
      first.slice(opener + 2).some((j) => anchors[j])
    )
      for (const i of first.slice(0, opener + 2)) filler[i] = true;
    let end = 0;
    // Shorthand for a word of the page ("PW per Plesk…") is the subject, not chat.
    while (end < first.length && unknown[first[end]!] && everyday(first[end]!) && !anchors[first[end]!]) end++;
    const run = first.slice(0, end);
    // An interjection opening the message ("Ehilà", "hey", "uhm") signs it as chat too: an everyday
    // word that no dictionary classes as a thing, a verb, an adjective or a function word, or one
    // Brill's lexicon says interjects. Not an acronym ("NAS"), nor a determiner ("my").
    const interjects = (i: number) =>
      i === first[0] &&
      !words[i]!.acronym &&
      // Not a word read as another ("isnt" is "isn't").
      words[i]!.word === words[i]!.typed &&
      !DETERMINERS.has(words[i]!.typed) &&
      (wordClasses().namesAThing(words[i]!.typed) === undefined || wordClasses().canInterject(words[i]!.typed));
    // A name signs it when nothing else can be meant: written as a name inside the sentence, a
    // word no dictionary classes ("giulia", "tomasz"), or right before the question ("marco chi
    // controlla…", "buongiorno i dati…"). "max attachment size for Orbit?" asks about a maximum.
    const name = (i: number) =>
      general.isFirstName(words[i]!.typed) &&
      (words[i]!.capitalized || wordClasses().namesAThing(words[i]!.typed) === undefined || i === run.at(-1));
    const signed = run.some((i) => name(i) || isChatShorthand(words, i, general) || interjects(i));
    const next = first[end];
    if (signed && next !== undefined && !unknown[next]) for (const i of run) filler[i] = true;
  }
  // Inside the question too, an everyday word that names no thing (a verb, an adjective, an
  // adverb: "is the storage HEALTHY?", "we SAW a spike", "dobbiamo FARLO noi?") says something
  // about a subject of the page; it is no subject the page lacks. A noun still is ("our LAPTOPS",
  // "la RETE"), and so is an adjective asked as a measure ("how FAST", "quanto è VELOCE"): the page
  // measures nothing. A word capitalized inside the sentence is a name ("from Excel"). See
  // word-classes.ts.
  // With a single word of the page's, the unknown word may be what the question is about ("my
  // password was REJECTED", "a MOBILE app"): only a question the page anchors twice reads through.
  // A name of several words ("Nebula Cloud") is one anchor.
  const anchorRuns = anchors.filter((anchor, i) => anchor && !anchors[i - 1]).length;
  // "Who monitors the web server SO the site STAYS up?", "…X EVITARE disservizi": a clause of
  // purpose after the question's subject says why it is asked about; a word of the page or an
  // everyday word there is no subject of its own. A rare word still is, and an anchor stays one.
  // Only after a question already asking about a subject of the page: "can we use Orbit TO SHARE
  // films?" asks about the use, which the clause says.
  const subjectBefore = (at: number) => words.slice(0, at).some((w, i) => named[i] && !w.used && !w.hint);
  const purposeAt = words.findIndex((_, i) => opensPurpose(words, i, lang) && subjectBefore(i));
  // And only after a question word: asked yes or no, a purpose is often what is asked ("does Acme
  // have a system TO TRACK…?").
  if (purposeAt > 0 && words.slice(0, purposeAt).some((_, i) => interrogative(i)))
    words.forEach((w, i) => {
      if (i > purposeAt && w.segment === words[purposeAt]!.segment && (!unknown[i] || everyday(i)) && !anchors[i])
        filler[i] = true;
    });
  // "Why does the FTP REJECT my password?": a question for a cause asks about what happens.
  const asksWhy = asksForCause(words);
  // With one anchor, only an English adverb is read through ("who keeps Orbit updated NOWADAYS?",
  // "who QUIETLY patches…"): an adverb says how or when, never what.
  if ((anchorRuns >= 2 || lang === 'en') && !asksWhy) {
    const classes = wordClasses();
    // In an English sentence the tagger says whether the word names a thing here ("who do we PING").
    const namesNoThingHere = (i: number) => {
      if (lang !== 'en') return false;
      return rolesOf()[i] === 'other';
    };
    words.forEach((w, i) => {
      // An everyday word in capitals is shouted ("who do we PING"), not a name ("from Excel").
      const name = w.capitalized && !(w.acronym && general.isFrequent(w.typed));
      if (filler[i] || anchors[i] || !unknown[i] || w.corrected || name) return;
      const previous = words[i - 1]?.typed ?? '';
      // After a form of "be", a word in "-ing" is a verb however rare ("I might be OVERTHINKING
      // this", "or am I OVERTHINKING this?", its subject between them when it asks).
      const progressive =
        lang === 'en' &&
        /[a-z]{3}ing$/.test(w.typed) &&
        (ENGLISH_BE_FORMS.has(previous) ||
          (SUBJECT_PRONOUNS.has(previous) && ENGLISH_BE_FORMS.has(words[i - 2]?.typed ?? '')));
      // A rare word is a subject ("ransomware"), unless it is a form of a verb ("cliccato", "sparava").
      if (!general.isFrequent(w.typed) && classes.namesAThing(w.typed) !== false && !progressive) return;
      // (A noun by the dictionary is never asked of the tagger here: no model is loaded for it.)
      if (anchorRuns < 2 && (classes.namesAThing(w.typed) !== false || tagsOf()[i] !== 'ADV')) return;
      // A person or a team is who asks, acts or receives ("my BOSS wants…", "give it to the DESIGNER").
      const person = classes.namesPeople(w.typed);
      // Right after an English modal, a word is a verb whatever its usual use ("could CAUSE"); so
      // is an Italian verb form right after an auxiliary ("ha SCARICATO", "ci ha DETTO", "si PARLA").
      const verb =
        progressive ||
        MODALS.has(previous) ||
        (lang === 'it' && ITALIAN_AUXILIARIES.has(previous) && classes.isItalianVerbForm(w.typed));
      if ((classes.namesAThing(w.typed) !== false && !person && !verb && !namesNoThingHere(i)) || asksAbout(words, i))
        return;
      if (lang === 'en' && claimedOfProvider(words, i, provider)) return;
      // Next to a thing the page does not name, it says which thing ("aziende AMERICANE"); a verb
      // says what happened to it ("ha scaricato FILE strani").
      const beside =
        !verb &&
        [i - 1, i + 1].some(
          (n) =>
            words[n] !== undefined &&
            // A clitic ("the CEO'S mailbox", "l'agenzia") is grammar, not a thing.
            words[n]!.typed.length > 1 &&
            !anchors[n] &&
            !questionCues[n] &&
            !lexicon.stopWords.has(words[n]!.typed) &&
            !classes.namesPeople(words[n]!.typed) &&
            // A time says when, not which thing ("three weeks AGO", "a few mins").
            !(lang === 'en' && classes.canNameATime(words[n]!.typed)) &&
            // Nor does an interjection the tagger reads after it ("…archiving RAN ok").
            !(lang === 'en' && tagsOf()[n] === 'INTJ') &&
            classes.namesAThing(words[n]!.typed) === true,
        );
      // A phrasal verb means what its particle makes of it ("brought BACK" is restored).
      if (beside || PARTICLES.has(words[i + 1]?.typed ?? '')) return;
      // "Does Acme do LOAD testing?", "who does PEN testing?": after "do" as the verb itself (its
      // subject before it in the clause), a word before a thing of the page says which thing; the
      // tagger takes it for a second verb.
      const objectOfDo =
        lang === 'en' && DO_FORMS.has(previous) && words[i - 2]?.segment === w.segment && anchors[i + 1] === true;
      if (objectOfDo) return;
      filler[i] = true;
    });
  }
  // After its last anchor only a name or chat shorthand is filler ("…on Nebula marco thx"), and
  // only right after a content word or other filler, never after a function word: an everyday noun
  // there may be what is asked about ("the backup of my LAPTOP"), and so is a lowercase acronym
  // after "our" or "of" ("our pc").
  // Everyday words closed by an exclamation or an emoji are a sign-off ("…on Nebula cheers!",
  // "…del sito gentilissimi 🙏"): nobody asks with an exclamation mark.
  const last = anchored.at(-1)!;
  const lastAnchor = last.findLastIndex((i) => anchors[i]);
  const tail = last.slice(lastAnchor + 1);
  const signOff =
    tail.length > 0 &&
    words[tail.at(-1)!]!.exclaims &&
    tail.every((i) => !unknown[i] || everyday(i)) &&
    tail.some((i) => unknown[i]);
  // The closing run of such words, read back from the end: what stands before it must not ask
  // for a noun, as a determiner does ("our PC") and a preposition ("backups for NAS", "il team
  // building di DICEMBRE gentilissimi 🙏"). A sign-off takes any everyday word, so what stands
  // before it must be a word of the question itself ("è così LENTO gentilissimi 🙏" asks about
  // slowness): an anchor, a content word, a question word or filler already set aside.
  // Shorthand carrying the question mark is asked about ("istanze GPU?"): nobody asks "…thx?".
  // After a number it is the unit ("60 GG?").
  const asked = (i: number) => words[last.at(-1)!]!.asks && !/^\d+$/.test(words[i - 1]?.typed ?? '');
  const shaped = (i: number) =>
    unknown[i]! &&
    (signOff ||
      (isChatShorthand(words, i, general) && !asked(i)) ||
      general.isChatSpelling(words[i]!.typed) ||
      general.isFirstName(words[i]!.typed));
  let runStart = last.length;
  while (runStart - 1 > lastAnchor && shaped(last[runStart - 1]!)) runStart--;
  const before = last[runStart - 1];
  const closes = (i: number) =>
    signOff
      ? anchors[i] || filler[i] || questionCues[i] || content(i)
      : !DETERMINERS.has(words[i]!.typed) && !PREPOSITIONS.has(words[i]!.typed);
  if (runStart < last.length && before !== undefined && closes(before))
    for (const i of last.slice(runStart)) filler[i] = true;
  for (const i of courtesyRun(words, tail, anchors, questionCues, intents, unknown, everyday, tagsOf, lang))
    filler[i] = true;
  // "…for Orbit NEED IT BY EOD", "…DEVO SCAPPARE IN RIUNIONE": a sentence of the asker's run on
  // without a mark (run-on-clauses.ts).
  // A party there is the asker's ("…need it by 5pm for the CUSTOMER", "…DEVO scappare"): it runs
  // on after the last word naming what is asked.
  const namesWhatIsAsked = (i: number) =>
    named[i]! || words[i]!.used || words[i]!.hint === true || offTopic[i]! || intents[i]! || cadence[i]!;
  const askedUpTo = last.findLastIndex(namesWhatIsAsked) + 1;
  const runsOn = runOnClause(
    words,
    last.slice(0, askedUpTo),
    last.slice(askedUpTo),
    (i) => !namesWhatIsAsked(i),
    (i) => intents[i]! || questionCues[i]! || interrogates(i),
    unknown,
    tagsOf,
    lang,
  );
  for (const i of runsOn) filler[i] = true;
  return filler;
}

/**
 * Whether a clause of purpose opens at word `at`: "so" or "so that" before a clause ("so the site
 * stays up"), "in order to", "affinché", or an Italian "per" before an infinitive ("per EVITARE").
 */
function opensPurpose(words: readonly Word[], at: number, lang: Lang): boolean {
  const word = words[at]!.typed;
  const next = words[at + 1]?.typed;
  if (next === undefined || words[at + 1]!.segment !== words[at]!.segment) return false;
  // "So" opens a clause before its subject ("so THE site", "so WE", "so THAT"), never before an
  // adjective ("so slow").
  if (lang === 'en')
    return (
      (word === 'so' && (DETERMINERS.has(next) || SUBJECT_PRONOUNS.has(next) || next === 'that')) ||
      (word === 'in' && next === 'order')
    );
  if (PURPOSE_CONJUNCTIONS.has(word)) return true;
  return (
    PREPOSITIONS.has(word) &&
    word !== 'di' &&
    ITALIAN_INFINITIVE_ENDING.test(next) &&
    wordClasses().isItalianVerbForm(next)
  );
}

/** What follows "è" as a verb: a preposition, or a word that is no noun ("in ferie", "rotto"). */
function italianCopulaBefore(next: string | undefined): boolean {
  return next !== undefined && (PREPOSITIONS.has(next) || wordClasses().namesAThing(next) === false);
}

/**
 * A word the question asks about directly: right after "how" ("how FAST is…", "quanto è
 * VELOCE…", "come AGGIUNGO una casella?": a measure or a procedure, neither of which the page
 * gives), or after a word of comparison ("the MOST reliable", "il più VELOCE": a judgement the page
 * never makes). A copula may stand between.
 */
function asksAbout(words: readonly Word[], at: number): boolean {
  let i = at - 1;
  while (i >= 0 && COPULAS.has(words[i]!.typed)) i--;
  if (i < 0) return false;
  const before = words[i]!.typed;
  return DEGREE_WORDS.has(before) || COMPARISON_WORDS.has(before) || COMPARATIVES.has(words[at]!.typed);
}

/**
 * "Does Acme COMPRESS the backups?", "can Acme (ever) MIRROR our site?": in a yes-or-no
 * question about the provider, the verb after its name is the claim the page must word.
 */
function claimedOfProvider(words: readonly Word[], at: number, provider: readonly boolean[]): boolean {
  let before = at - 1;
  if (ADVERBS_BEFORE_VERB.has(words[before]?.typed ?? '')) before--;
  if (!provider[before]) return false;
  while (before > 0 && provider[before - 1]) before--;
  // The question opens with it: "how many weeks DOES Acme hold…" asks for an amount instead.
  const opener = before - 1;
  const opens = opener === 0 || (opener > 0 && words[opener - 1]!.segment !== words[opener]!.segment);
  return opens && INVERTING.has(words[opener]?.typed ?? '');
}
