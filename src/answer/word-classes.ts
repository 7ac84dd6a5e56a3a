import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { derivedLists } from './derived-lists.js';
import { generalLanguage } from './general-words.js';
import { ITALIAN_INFINITIVE_ENDING, ITALIAN_KNOWING_VERBS } from './grammar.js';
import { type SortedWords, sortedLines, sortedWords } from './sorted-words.js';
import { normalize } from './text.js';

/**
 * Part-of-speech evidence about an everyday word nobody in the pack or the lexicon knows: does it
 * name a thing? A question is about the things it names. "Does Acme back up our LAPTOPS?", "the
 * office PRINTER", "a refund", "la RETE di Nebula" name something the page never speaks of; "is
 * the storage HEALTHY", "something DODGY in the logs", "we SAW a spike", "dobbiamo FARLO noi?",
 * "i dati ESCONO dall'Italia?" say how, when or what happens to a thing the page does name. So an
 * unknown everyday word blocks an answer only when it names a thing (see filler.ts).
 *
 * The classes come from well-kept lexicons, not from this project, so words never seen in tuning
 * are judged the same way:
 * - English: Eric Brill's tagger lexicon (package `pos`, about 93,000 words, LGPL): a word's tags
 *   are listed most frequent first, and the first one is how the word is mostly used. A noun, a
 *   proper noun, a number, a foreign word, and a superlative or comparative ("best", "faster",
 *   which ask for a judgement the page never makes) name a thing.
 * - Italian: Morph-it! (package `morph-it-helper`, its nouns, adjectives and past participles;
 *   data CC BY-SA 2.0 / LGPL): a noun form names a thing, also when it can be an adjective
 *   ("lento"), since nothing says which use is the usual one; verbs in every person and tense
 *   come from `italian-verbs-dict` (Morph-it! data too), and a word no list holds but shaped like
 *   an Italian verb with a pronoun ("farlo", "farcelo") is a verb.
 * A word neither lexicon holds is left undecided: the caller keeps treating it as a subject.
 * Loaded once, on the first question with an unknown everyday word; the derived lists are kept in
 * the parsed-data cache, addressed by the packages' versions.
 */
export interface WordClasses {
  /** True: mostly a noun (or a superlative); false: mostly a verb, adjective, adverb or function word; undefined: unknown. */
  namesAThing(word: string): boolean | undefined;
  /** An English noun that can name a person or a group of people ("boss", "designer", "team"): WordNet's lexnames. */
  namesPeople(word: string): boolean;
  /** An English noun one of whose senses names people ("guys", "folks"; "guy" is a rope too): WordNet's lexnames. */
  canNamePeople(word: string): boolean;
  /** An English noun that names only an activity ("chores", "errands"): WordNet's noun.act and no other noun sense. */
  namesAnActivity(word: string): boolean;
  /**
   * An English verb in the past, or "says", that means telling someone something ("warned",
   * "told", "wrote"; not "report", nor "promises", a habit, nor "deleted" or "sent", which can act
   * on a thing): WordNet's verb.communication and no verb.change or verb.contact sense, reached
   * through its morphology (the exception list, then the regular endings).
   */
  tells(word: string): boolean;
  /**
   * A verb of knowing, which may take a question as its object: "I need to KNOW when…", "not sure
   * we UNDERSTAND if…", "volevamo SAPERE quando…", "il revisore ci ha CHIESTO se…". English:
   * WordNet's verb.cognition, reached through its morphology; Italian: every form of the verbs in
   * grammar.ts's ITALIAN_KNOWING_VERBS, by the conjugation tables.
   */
  knows(word: string): boolean;
  /**
   * A word some general dictionary holds, however rare: WordNet's lemmas (`wink-lexicon`), Brill's
   * tagger lexicon (`pos`), Morph-it!'s nouns, adjectives and participles and the Italian
   * conjugation tables. "Firmware", "gestionale" are words someone meant, not slips for "formare"
   * or "gestione" (typos.ts).
   */
  isDictionaryWord(word: string): boolean;
  /**
   * An Italian finite verb form or past participle ("scaricato", "detto", "parla"), also when the
   * same form is a noun ("passato", "detto"): right after an auxiliary, it is the verb (filler.ts).
   * Infinitives are not counted.
   */
  isItalianVerbForm(word: string): boolean;
  /**
   * An English word that can be an interjection ("thanks", "please", "sorry", "hey"): Brill's
   * tagger lexicon lists UH among its tags. Whether it is one here depends on where it stands
   * (filler.ts): "my" and "that" are listed too.
   */
  canInterject(word: string): boolean;
  /**
   * An everyday Italian noun form that no Italian adjective or past participle shares ("grazie",
   * "saluti", "ragazzi"; not "piacere", also an adjective, nor "condiviso") and that WordNet does
   * not hold as English ("router", "computer"): Morph-it!'s lists and WordNet's. An
   * Italian noun phrase never takes a second bare noun after its own, as an adjective may follow it
   * ("il server CONDIVISO"), so after the question's subject such a noun starts something else
   * (closings.ts).
   */
  isBareItalianNoun(word: string): boolean;
  /** Of those, a singular form: the lemma itself ("favore", "cortesia"; not "stampanti"). */
  isSingularBareItalianNoun(word: string): boolean;
  /**
   * An English noun that names a message and no made or done thing ("notice", "ticket", "warning",
   * "report"; not "mail", an artifact too, "update", an act, nor "problem", a state): WordNet's
   * noun.communication with no noun.artifact, noun.act, noun.process, noun.person or noun.state sense.
   */
  namesAMessage(word: string): boolean;
  /**
   * An English verb, in any form, that can pass something to someone or tell it ("share", "gave",
   * "hand", "emailed", "report"): WordNet's verb.possession or verb.communication, reached through its
   * morphology. What follows "to" or "with" after it is who receives (filler.ts); after "we" it is
   * no service's name ("we MAIL the logins", service-mentions.ts).
   */
  passesOn(word: string): boolean;
  /** An English noun one of whose senses is a time ("weeks", "morning", "mins"): WordNet's noun.time. */
  canNameATime(word: string): boolean;
  /**
   * An English noun that names something one can touch ("laptop", "coffee", "toner") and nothing
   * said, thought or anyone ("question", "context", "boss", "printer" are not): WordNet's
   * noun.artifact, noun.object, noun.food, noun.substance, noun.plant or noun.animal, with no
   * noun.communication, noun.cognition or noun.person sense.
   */
  namesAnObject(word: string): boolean;
  /**
   * An English noun none of whose senses one can touch or own ("call", "meeting", "review",
   * "questionnaire"; not "printer", "badge", "audit"): WordNet's nouns with no noun.artifact,
   * noun.object, noun.food, noun.substance, noun.plant, noun.animal, noun.body or noun.possession
   * sense. It may still name a topic or a record ("database", "accounting").
   */
  namesNothingHeld(word: string): boolean;
}

const THING_TAGS = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'CD', 'FW', 'JJS', 'JJR', 'RBS', 'RBR']);

/**
 * Italian forms the lists leave out: an infinitive with one or two pronouns ("farlo", "farcelo"),
 * a gerund, and an adverb in -mente ("ultimamente"). Checked only for words no list holds, so
 * nouns ("rete", "mente") never get here.
 */
const ITALIAN_VERB_FORM =
  /^[a-z]+(?:(?:are|ere|ire|ar|er|ir)(?:(?:ce|me|te|se|ve|glie)(?:lo|la|li|le|ne)|lo|la|li|le|ci|si|ne|gli|mi|ti|vi)?|ando|endo|mente)$/;

/** "-mente" on an adjective's feminine form: an Italian adverb ("pressantemente", "ultimamente"). */
const ITALIAN_ADVERB = /^[a-z]{4,}mente$/;

/** Sorted, one word per line: one string parses at once, where 150,000 array items cost ~50 ms. */
type ClassLists = Record<
  | 'things'
  | 'others'
  | 'people'
  | 'activities'
  | 'telling'
  | 'tellingForms'
  | 'knowing'
  | 'knowingForms'
  | 'italianKnowingForms'
  | 'italianVerbForms'
  | 'interjections'
  | 'italianNouns'
  | 'italianSingularNouns'
  | 'peopleAmongOthers'
  | 'messages'
  | 'passing'
  | 'passingForms'
  | 'times'
  | 'objects'
  | 'intangibles',
  string
>;

let loaded: WordClasses | null = null;

/** An Italian verb form of the conjugation tables or an infinitive's shape ("salvato", "salvare"; not "salve"). */
export function isItalianVerbOrInfinitive(word: string): boolean {
  return wordClasses().isItalianVerbForm(word) || ITALIAN_INFINITIVE_ENDING.test(word);
}

export function wordClasses(): WordClasses {
  loaded ??= loadWordClasses();
  return loaded;
}

function loadWordClasses(): WordClasses {
  const {
    things,
    others,
    people,
    activities,
    telling,
    tellingForms,
    knowing,
    knowingForms,
    italianKnowingForms,
    italianVerbForms,
    interjections,
    italianNouns,
    italianSingularNouns,
    peopleAmongOthers,
    messages,
    passing,
    passingForms,
    times,
    objects,
    intangibles,
  } = classLists();
  const intangible = sortedWords(intangibles);
  const time = sortedWords(times);
  const object = sortedWords(objects);
  const passingVerb = sortedWords(passing);
  const passingIrregular = irregularForms(passingForms);
  const message = sortedWords(messages);
  const interjection = sortedWords(interjections);
  const italianNoun = sortedWords(italianNouns);
  const italianSingularNoun = sortedWords(italianSingularNouns);
  const verbForm = sortedWords(italianVerbForms);
  const activity = sortedWords(activities);
  const thing = sortedWords(things);
  const other = sortedWords(others);
  const person = sortedWords(people);
  const personAmongOthers = sortedWords(peopleAmongOthers);
  const tellingVerb = sortedWords(telling);
  const irregular = irregularForms(tellingForms);
  const knowingVerb = sortedWords(knowing);
  const knowingIrregular = irregularForms(knowingForms);
  const italianKnowing = sortedWords(italianKnowingForms);
  return {
    knows: (word) => {
      if (italianKnowing.has(word)) return true;
      const lemma = knowingIrregular.get(word);
      if (lemma !== undefined) return knowingVerb.has(lemma);
      return knowingVerb.has(word) || verbLemmas(word).some((candidate) => knowingVerb.has(candidate));
    },
    tells: (word) => {
      // News is told in the past ("told", "flagged") or as reported speech ("says"); a present
      // tense says what the provider usually does ("tells customers…?", "promises…").
      const lemma = irregular.get(word);
      if (lemma !== undefined) return tellingVerb.has(lemma);
      if (!word.endsWith('ed') && word !== 'says') return false;
      return verbLemmas(word).some((candidate) => tellingVerb.has(candidate));
    },
    namesPeople: (word) => hasNoun(person, word),
    canNamePeople: (word) => hasNoun(person, word) || hasNoun(personAmongOthers, word),
    canInterject: (word) => interjection.has(word),
    isBareItalianNoun: (word) => italianNoun.has(word),
    isSingularBareItalianNoun: (word) => italianSingularNoun.has(word),
    namesAnActivity: (word) => hasNoun(activity, word),
    namesAMessage: (word) => hasNoun(message, word),
    canNameATime: (word) => hasNoun(time, word),
    // "boss" is no plural of "bos", the cattle.
    namesAnObject: (word) => hasNoun(object, word) && !hasNoun(person, word) && !hasNoun(personAmongOthers, word),
    namesNothingHeld: (word) => hasNoun(intangible, word),
    passesOn: (word) => {
      const lemma = passingIrregular.get(word);
      if (lemma !== undefined) return passingVerb.has(lemma);
      return passingVerb.has(word) || verbLemmas(word).some((candidate) => passingVerb.has(candidate));
    },
    isItalianVerbForm: (word) => verbForm.has(word) || isRareItalianVerbForm(word),
    isDictionaryWord: (word) =>
      generalLanguage().isFrequent(word) || isRareDictionaryWord(word) || isRareItalianVerbForm(word),
    namesAThing: (word) => {
      if (thing.has(word)) return true;
      if (other.has(word)) return false;
      // An Italian adverb of manner, however rare ("pressantemente"): its suffix makes it one.
      if (ITALIAN_ADVERB.test(word)) return false;
      // Only everyday words may have the shape of a verb: "ransomware" ends like "fare".
      if (generalLanguage().isFrequent(word)) return ITALIAN_VERB_FORM.test(word) ? false : undefined;
      return isRareItalianVerbForm(word) ? false : undefined;
    },
  };
}

/** "told tell" lines: an irregular form and its lemma. */
function irregularForms(lines: string): ReadonlyMap<string, string> {
  return new Map(lines.split('\n').map((line) => line.split(' ') as [string, string]));
}

/**
 * WordNet's "morphy" detachment rules for verbs, plus a doubled final consonant ("flagged" →
 * flag): the lemmas a regular English verb form may come from.
 */
function verbLemmas(word: string): string[] {
  const lemmas: string[] = [];
  const strip = (ending: string, replacement: string) => {
    if (word.length > ending.length + 1 && word.endsWith(ending))
      lemmas.push(word.slice(0, -ending.length) + replacement);
  };
  strip('s', '');
  strip('ies', 'y');
  strip('es', 'e');
  strip('es', '');
  strip('ed', 'e');
  strip('ed', '');
  strip('ing', 'e');
  strip('ing', '');
  for (const ending of ['ed', 'ing']) {
    const base = word.slice(0, -ending.length);
    if (word.endsWith(ending) && base.length >= 3 && base.at(-1) === base.at(-2)) lemmas.push(base.slice(0, -1));
  }
  return lemmas;
}

let rareVerbForms: SortedWords | null = null;

/**
 * "cliccato", "sparava", "rimbalzano": a finite form or participle in an Italian conjugation
 * table that is no everyday word and no noun form either. It tells what happened to a subject,
 * however rare the verb, where a rare noun ("ransomware") is a subject. An infinitive is not
 * counted: after "si può", "posso", "dobbiamo" it is the very thing asked about ("si può
 * ALLUNGARE?", "posso SCARICARLI?"). A separate list (about 250,000 forms), loaded only when a
 * question has such a word.
 */
function isRareItalianVerbForm(word: string): boolean {
  rareVerbForms ??= sortedWords(
    derivedLists(
      'rare-italian-verbs\0v2',
      ['italian-verbs-dict', 'morph-it-helper'],
      ['forms'],
      () => ({
        forms: deriveRareItalianVerbForms(),
      }),
      import.meta.url,
    ).forms,
  );
  return rareVerbForms.has(word);
}

let rareDictionaryWords: SortedWords | null = null;

/**
 * Rare words of the general dictionaries other than the Italian verb forms of the list above (a
 * separate list of about 250,000 words), loaded only when a rare word could be read as a typo.
 */
function isRareDictionaryWord(word: string): boolean {
  rareDictionaryWords ??= sortedWords(
    derivedLists(
      'rare-dictionary-words\0v1',
      ['wink-lexicon', 'pos', 'morph-it-helper', 'italian-verbs-dict'],
      ['words'],
      () => ({ words: deriveRareDictionaryWords() }),
      import.meta.url,
    ).words,
  );
  return rareDictionaryWords.has(word);
}

function deriveRareDictionaryWords(): string {
  const require = createRequire(import.meta.url);
  const general = generalLanguage();
  const words = new Set<string>();
  const add = (forms: Iterable<string>) => {
    for (const form of forms) {
      const word = normalize(form);
      if (/^[a-z]+$/.test(word) && !general.isFrequent(word)) words.add(word);
    }
  };
  const winkRoot = dirname(require.resolve('wink-lexicon/package.json'));
  add(Object.keys(require(join(winkRoot, 'src', 'wn-words.js')) as Record<string, number>));
  add(Object.keys(require(join(dirname(require.resolve('pos/package.json')), 'lexicon.js')) as object));
  const resources = join(dirname(require.resolve('morph-it-helper/package.json')), 'resources_pub');
  for (const file of ['nouns.json', 'adjectives.json', 'pastParticiples.json'])
    add(Object.keys(JSON.parse(readFileSync(join(resources, file), 'utf8')) as object));
  add(Object.keys(italianVerbTables()));
  return sortedLines(words);
}

function deriveRareItalianVerbForms(): string {
  const nouns = new Set(italianNounForms());
  const general = generalLanguage();
  const forms = new Set<string>();
  for (const [infinitive, table] of Object.entries(italianVerbTables())) {
    for (const form of leaves(table)) {
      const word = normalize(form);
      if (/^[a-z]+$/.test(word) && word !== normalize(infinitive) && !nouns.has(word) && !general.isFrequent(word))
        forms.add(word);
    }
  }
  return sortedLines(forms);
}

/** Every string in a nested conjugation table. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(leaves);
}

/** WordNet lists lemmas: "designers" is a designer. */
function hasNoun(lemmas: SortedWords, word: string): boolean {
  return lemmas.has(word) || (word.endsWith('s') && lemmas.has(word.slice(0, -1)));
}

/** Italian noun forms (Morph-it!, package `morph-it-helper`), accents stripped as questions are. */
function italianNounForms(): string[] {
  return [...italianNounLemmas().keys()];
}

/** Each Italian noun form (Morph-it!) with its lemma, both normalized: "stampanti" → "stampante". */
function italianNounLemmas(): Map<string, string> {
  const root = dirname(createRequire(import.meta.url).resolve('morph-it-helper/package.json'));
  const nouns = JSON.parse(readFileSync(join(root, 'resources_pub', 'nouns.json'), 'utf8')) as Record<string, string>;
  return new Map(Object.entries(nouns).map(([form, lemma]) => [normalize(form), normalize(lemma)]));
}

/** Italian conjugation tables by infinitive (package `italian-verbs-dict`, Morph-it! data). */
function italianVerbTables(): Record<string, unknown> {
  const root = dirname(createRequire(import.meta.url).resolve('italian-verbs-dict/package.json'));
  return JSON.parse(readFileSync(join(root, 'dist', 'verbs.json'), 'utf8')) as Record<string, unknown>;
}

/** WordNet's lexicographer files of things one can touch, and of what is said, thought or someone. */
const TOUCHABLE = new Set(['noun.artifact', 'noun.object', 'noun.food', 'noun.substance', 'noun.plant', 'noun.animal']);
const UNTOUCHABLE = new Set(['noun.communication', 'noun.cognition', 'noun.person']);
/** Senses of what one can touch or own. */
const HELD = new Set([...TOUCHABLE, 'noun.body', 'noun.possession']);

function classLists(): ClassLists {
  return derivedLists(
    'word-classes\0v26',
    ['pos', 'morph-it-helper', 'italian-verbs-dict', 'wink-lexicon', 'stopwords-iso'],
    [
      'things',
      'others',
      'people',
      'activities',
      'telling',
      'tellingForms',
      'knowing',
      'knowingForms',
      'italianKnowingForms',
      'italianVerbForms',
      'interjections',
      'italianNouns',
      'italianSingularNouns',
      'peopleAmongOthers',
      'messages',
      'passing',
      'passingForms',
      'times',
      'objects',
      'intangibles',
    ],
    deriveClassLists,
    import.meta.url,
  );
}

function deriveClassLists(): ClassLists {
  const require = createRequire(import.meta.url);
  const englishPackage = require.resolve('pos/package.json');
  const italianPackage = require.resolve('morph-it-helper/package.json');
  const classes = new Map<string, boolean>();
  // English first: a lowercase entry says how the word is used in running text; a capitalized one
  // ("English", "May") only counts when the lowercase word is not listed at all.
  const english = require(join(dirname(englishPackage), 'lexicon.js')) as Record<string, string[]>;
  const capitalized: [string, string[]][] = [];
  const interjections: string[] = [];
  for (const [entry, tags] of Object.entries(english)) {
    if (!Array.isArray(tags) || tags.length === 0) continue;
    if (/^[a-z]+$/.test(entry) && tags.includes('UH')) interjections.push(entry);
    if (entry !== entry.toLowerCase()) capitalized.push([entry, tags]);
    else if (/^[a-z]+$/.test(entry)) classes.set(entry, THING_TAGS.has(tags[0]!));
  }
  // The first list to class a word decides; every form is normalized as questions are
  // ("velocità" → velocita).
  const classify = (forms: Iterable<string>, isThing: boolean) => {
    for (const form of forms) {
      const word = normalize(form);
      if (/^[a-z]+$/.test(word) && !classes.has(word)) classes.set(word, isThing);
    }
  };
  // Italian: Morph-it! nouns, then adjectives and past participles.
  const resources = join(dirname(italianPackage), 'resources_pub');
  const forms = (file: string) => Object.keys(JSON.parse(readFileSync(join(resources, file), 'utf8')) as object);
  // Each noun form with its lemma, read once: classed here, and kept below for the bare nouns.
  const lemmas = italianNounLemmas();
  classify(lemmas.keys(), true);
  for (const file of ['adjectives.json', 'pastParticiples.json']) classify(forms(file), false);
  // Italian verbs in every person and tense (Morph-it! again, package `italian-verbs-dict`): "sta",
  // "basta", "escono", "doveva". A form that is also a noun ("paga") was classed a noun above.
  const verbTables = Object.entries(italianVerbTables());
  for (const [infinitive, table] of verbTables) classify([infinitive, ...leaves(table)], false);
  // Italian function words (stopwords-iso, MIT): pronouns, prepositions, adverbs the lists above
  // leave out ("invece", "dietro", "ieri", "col"); a word they hold as a noun ("parte") stays one.
  const functionWords = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  classify(functionWords.it ?? [], false);
  // Only capitalized in English: a name, a language or a nationality ("Spanish", "Excel"), all
  // things asked about. Last, so a common word of either language keeps its class: "mi SA che…"
  // is the verb "sapere", not the English acronym "SA".
  classify(
    capitalized.map(([entry]) => entry),
    true,
  );
  // Only everyday words are ever looked up (filler.ts reads through those alone), which keeps the
  // cached lists small.
  const general = generalLanguage();
  const things: string[] = [];
  const others: string[] = [];
  for (const [word, isThing] of classes) if (general.isFrequent(word)) (isThing ? things : others).push(word);
  // People: WordNet's lexicographer files (package `wink-lexicon`, MIT; WordNet licence for its data).
  const winkRoot = dirname(require.resolve('wink-lexicon/package.json'));
  const senseNames = require(join(winkRoot, 'src', 'wn-senses.js')) as string[];
  const wordSenses = require(join(winkRoot, 'src', 'wn-word-senses.js')) as number[][];
  const wordIndex = require(join(winkRoot, 'src', 'wn-words.js')) as Record<string, number>;
  const people: string[] = [];
  const peopleAmongOthers: string[] = [];
  const activities: string[] = [];
  const messages: string[] = [];
  const telling: string[] = [];
  const knowing: string[] = [];
  const passing: string[] = [];
  const times: string[] = [];
  const objects: string[] = [];
  const intangibles: string[] = [];
  for (const [word, at] of Object.entries(wordIndex)) {
    const senses = (wordSenses[at] ?? []).map((sense) => senseNames[sense]);
    if (/^[a-z]+$/.test(word) && (senses.includes('verb.possession') || senses.includes('verb.communication')))
      passing.push(word);
    // A verb that can also act on a thing ("delete", "flag", "send": verb.change, verb.contact) may
    // say what the provider did rather than what it told.
    const acts = senses.includes('verb.change') || senses.includes('verb.contact');
    if (/^[a-z]+$/.test(word) && senses.includes('verb.communication') && !acts) telling.push(word);
    if (/^[a-z]+$/.test(word) && senses.includes('verb.cognition')) knowing.push(word);
  }
  const verbExceptions = require(join(winkRoot, 'src', 'wn-verb-exceptions.js')) as Record<string, string>;
  // "told tell", "wrote write": a verb list's irregular forms, as "form lemma" lines.
  const formsOf = (lemmas: readonly string[]) => {
    const wanted = new Set(lemmas);
    return Object.entries(verbExceptions)
      .filter(([form, lemma]) => /^[a-z]+$/.test(form) && wanted.has(lemma))
      .map(([form, lemma]) => `${form} ${lemma}`)
      .join('\n');
  };
  const tellingForms = formsOf(telling);
  const knowingForms = formsOf(knowing);
  const passingForms = formsOf(passing);
  for (const [word, at] of Object.entries(wordIndex)) {
    if (!/^[a-z]+$/.test(word) || !general.isFrequent(word)) continue;
    const names = (wordSenses[at] ?? []).map((sense) => senseNames[sense]);
    // Not a nationality ("Swiss", "Italian" are adjectives of a country too): that says which people.
    // Only people: a noun that may also be a thing ("printer", "calendar", "boss") stays a thing.
    const nouns = names.filter((name) => name?.startsWith('noun.'));
    if (nouns.includes('noun.time')) times.push(word);
    const onlyPeople = nouns.length > 0 && nouns.every((name) => name === 'noun.person' || name === 'noun.group');
    if (onlyPeople && !names.includes('adj.pertainym')) people.push(word);
    else if (nouns.includes('noun.person') && !names.includes('adj.pertainym')) peopleAmongOthers.push(word);
    // Only activities ("chore", "errand", "housekeeping"): not "meeting" (an event too) nor "audit"
    // or "payment" (a possession too).
    if (nouns.length > 0 && nouns.every((name) => name === 'noun.act')) activities.push(word);
    // Not a state either: "notices a PROBLEM", "on ALERT" may be what the provider found, not said.
    const made = new Set(['noun.artifact', 'noun.act', 'noun.process', 'noun.person', 'noun.state']);
    if (nouns.includes('noun.communication') && !nouns.some((name) => name !== undefined && made.has(name)))
      messages.push(word);
    if (
      nouns.some((name) => name !== undefined && TOUCHABLE.has(name)) &&
      !nouns.some((name) => name !== undefined && UNTOUCHABLE.has(name))
    )
      objects.push(word);
    if (nouns.length > 0 && !nouns.some((name) => name !== undefined && HELD.has(name))) intangibles.push(word);
  }
  // Everyday Italian verb forms, noun or not: conjugated forms and past participles, no infinitive.
  const italianVerbForms = new Set<string>();
  const addVerbForm = (form: string) => {
    const word = normalize(form);
    if (/^[a-z]+$/.test(word) && general.isFrequent(word)) italianVerbForms.add(word);
  };
  for (const [infinitive, table] of verbTables)
    for (const form of leaves(table)) if (normalize(form) !== normalize(infinitive)) addVerbForm(form);
  for (const form of forms('pastParticiples.json')) addVerbForm(form);
  // Every form of the Italian verbs of knowing, the infinitive too ("sapere", "chiesto", "sai").
  const knowingLemmas = new Set(ITALIAN_KNOWING_VERBS);
  const italianKnowingForms = new Set<string>();
  for (const [infinitive, table] of verbTables)
    if (knowingLemmas.has(normalize(infinitive)))
      for (const form of [infinitive, ...leaves(table)])
        if (/^[a-z]+$/.test(normalize(form))) italianKnowingForms.add(normalize(form));
  // Everyday Italian nouns no adjective or participle shares, nor the English dictionary: "router",
  // "computer" may be things named the English way.
  const modifiers = new Set([...forms('adjectives.json'), ...forms('pastParticiples.json')].map(normalize));
  // WordNet's lemmas, not Brill's lexicon: tagged running text lists Italian words met in it
  // ("per FAVORE", "BACI").
  const englishWord = (word: string) => Object.hasOwn(wordIndex, word);
  const italianNouns = [...lemmas.keys()].filter(
    (word) => /^[a-z]+$/.test(word) && general.isFrequent(word) && !modifiers.has(word) && !englishWord(word),
  );
  return {
    italianNouns: sortedLines(italianNouns),
    italianSingularNouns: sortedLines(italianNouns.filter((word) => lemmas.get(word) === word)),
    italianVerbForms: sortedLines(italianVerbForms),
    interjections: sortedLines(interjections),
    things: sortedLines(things),
    others: sortedLines(others),
    people: sortedLines(people),
    peopleAmongOthers: sortedLines(peopleAmongOthers),
    activities: sortedLines(activities),
    messages: sortedLines(messages),
    telling: sortedLines(telling),
    tellingForms,
    knowing: sortedLines(knowing),
    knowingForms,
    italianKnowingForms: sortedLines([...italianKnowingForms]),
    passing: sortedLines(passing),
    passingForms,
    times: sortedLines(times),
    objects: sortedLines(objects),
    intangibles: sortedLines(intangibles),
  };
}
