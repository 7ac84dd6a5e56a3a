import { WEEKDAY_NAMES } from '../settings/weekday-names.js';

/**
 * Closed classes of English and Italian grammar the answer engine's rules read: a handful of
 * words each, fixed by the grammar, never by the questions a pack is tuned on. Open classes
 * (nouns, verbs, adjectives, everyday and rare words, names) come from general lexicons instead
 * (general-words.ts, word-classes.ts, english-tags.ts).
 */

/** English third-person object pronouns, a closed class of the grammar. */
export const OBJECT_PRONOUNS = new Set(['it', 'them']);
/**
 * Reflexive and intensive pronouns, a closed class of each language: "does the provider ITSELF
 * say…", "lo fa Acme STESSA?". They point at a party or a thing already named, never at a subject
 * of their own. ("Ourselves" also says who does it: the lexicon's party cues read it first.)
 */
export const REFLEXIVE_PRONOUNS: ReadonlySet<string> = new Set([
  ...['myself', 'yourself', 'himself', 'herself', 'itself', 'ourselves', 'yourselves', 'themselves'],
  ...['stesso', 'stessa', 'stessi', 'stesse', 'medesimo', 'medesima', 'medesimi', 'medesime'],
]);
/** Italian object clitics that are never articles. */
export const ITALIAN_OBJECT_CLITICS = new Set(['lo', 'li']);
/** Italian clitic pronouns written like articles ("LA controlla Acme?", "GLI scriviamo"), and those that never are. */
export const ITALIAN_CLITICS: ReadonlySet<string> = new Set([...ITALIAN_OBJECT_CLITICS, 'la', 'le', 'l', 'gli']);

/**
 * Italian auxiliaries and the impersonal "si", a closed class of the grammar: a verb form right
 * after one is a participle or a conjugated verb ("abbiamo PASSATO", "va GUARDATO", "si PARLA").
 * "È" is left out: without its accent it is "e" (and).
 */
export const ITALIAN_AUXILIARIES = new Set([
  ...['ho', 'hai', 'ha', 'abbiamo', 'avete', 'hanno', 'avevo', 'aveva', 'avevamo', 'avevano'],
  ...['sono', 'sei', 'siamo', 'siete', 'era', 'erano', 'stato', 'stata', 'stati', 'state'],
  ...['viene', 'vengono', 'va', 'vanno', 'si'],
]);

/**
 * English and Italian determiners (articles, possessives, articulated prepositions), a closed
 * class of each grammar: a noun phrase follows ("our NAS", "il NAS", "sul NAS").
 */
export const DETERMINERS: ReadonlySet<string> = new Set([
  ...['the', 'a', 'an', 'our', 'my', 'your', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those'],
  ...['il', 'lo', 'la', 'i', 'gli', 'le', 'l', 'un', 'uno', 'una', 'mio', 'mia', 'miei', 'mie', 'nostro'],
  ...['nostra', 'nostri', 'nostre', 'vostro', 'vostra', 'vostri', 'vostre', 'questo', 'questa', 'quel', 'quella'],
  ...['del', 'dello', 'della', 'dei', 'degli', 'delle', 'dell', 'al', 'allo', 'alla', 'ai', 'agli', 'alle', 'all'],
  ...[
    'sul',
    'sullo',
    'sulla',
    'sui',
    'sugli',
    'sulle',
    'sull',
    'nel',
    'nello',
    'nella',
    'nei',
    'negli',
    'nelle',
    'nell',
  ],
  ...['dal', 'dallo', 'dalla', 'dai', 'dagli', 'dalle', 'dall', 'col'],
]);

/** English and Italian simple prepositions, a closed class of each grammar: an object follows ("for NAS", "per il NAS"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  ...['of', 'for', 'on', 'in', 'at', 'to', 'from', 'with', 'about', 'by', 'into', 'onto', 'over', 'under', 'via'],
  ...['before', 'after', 'during', 'until', 'till', 'since', 'without', 'within', 'between', 'through'],
  ...['across', 'around', 'among', 'behind', 'beyond', 'toward', 'towards', 'upon', 'near'],
  ...['di', 'a', 'da', 'con', 'su', 'per', 'tra', 'fra'],
  // The multiplication sign reads "per" (times): Italian chat writes "x" for it ("x la DPIA").
  'x',
]);

/** The complementizers opening a reported yes-or-no question, a closed class of each grammar ("asks IF", "chiede SE"). */
export const INDIRECT_QUESTION_OPENERS: ReadonlySet<string> = new Set(['if', 'whether', 'se']);

/** Possessives of the third person plural, a closed class of each grammar: in chat, "they" is the provider ("THEIR servers", "i LORO server"). */
export const THIRD_PERSON_POSSESSIVES: ReadonlySet<string> = new Set(['their', 'loro']);

/** Italian conjunctions of purpose, a closed class of the grammar ("AFFINCHÉ il sito resti su"); "perché" is also "why". */
export const PURPOSE_CONJUNCTIONS: ReadonlySet<string> = new Set(['affinche', 'cosicche', 'onde']);

/** English subject pronouns, a closed class of the grammar: a clause starts with one ("so WE can…"). */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);

/**
 * English pronouns a noun of people may stand beside to say who they are: "YOU guys", "WE admins",
 * "US folks".
 */
export const PRONOUNS_IN_APPOSITION: ReadonlySet<string> = new Set(['you', 'we', 'us']);

/** English modal verbs: a closed class of the grammar, always followed by a verb. */
export const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would']);
/** English verb particles: a closed class of the grammar. */
export const PARTICLES = new Set(['back', 'up', 'off', 'out', 'down', 'over', 'away']);
/** What follows a pronoun object inside an English phrasal verb: its particle or preposition ("back IT up", "report IT to Acme"). */
export const AFTER_PRONOUN_OBJECT: ReadonlySet<string> = new Set([
  ...PARTICLES,
  ...['to', 'on', 'in', 'into', 'onto', 'with', 'for'],
]);
/** "How fast", "quanto è veloce" ask a degree; "how do I…", "come aggiungo…" ask for steps. */
export const DEGREE_WORDS = new Set(['how', 'come', 'quanto', 'quanta', 'quanti', 'quante']);
export const COPULAS = new Set(['is', 'are', 'was', 'e', 'sono', 'era']);

/** Every English form of "be", contractions' rests included ("I'M", "we'RE"): before "-ing", a progressive. */
export const ENGLISH_BE_FORMS: ReadonlySet<string> = new Set([
  'be',
  'been',
  'being',
  'am',
  'is',
  'are',
  'was',
  'were',
  'm',
  're',
]);
/** The endings of an Italian infinitive, a closed class of the grammar ("salvARE", "leggERE", "dIRE"). */
export const ITALIAN_INFINITIVE_ENDING = /(?:are|ere|ire)$/;
/** English and Italian grammar: degree words before an adjective ask for a comparison. */
export const COMPARISON_WORDS = new Set(['most', 'more', 'least', 'less', 'piu', 'meno']);
/** Italian's irregular comparatives and superlatives (English ones are tagged as such by the lexicon). */
export const COMPARATIVES = new Set([
  'migliore',
  'migliori',
  'miglior',
  'peggiore',
  'peggiori',
  'peggior',
  'ottimo',
  'ottima',
  'ottimi',
  'ottime',
  'pessimo',
  'pessima',
]);

/** "Do" as a verb of its own ("does Acme DO pen testing?"): what follows it is its object. */
export const DO_FORMS: ReadonlySet<string> = new Set(['do', 'does', 'did', 'doing', 'done']);

/** English do-support and modals open a yes-or-no question: a closed class of the grammar. */
export const INVERTING = new Set(['do', 'does', 'did', 'can', 'could', 'will', 'would', 'may', 'might', 'should']);
/** English adverbs that stand between a subject and its verb ("does Acme EVER scan…", "Acme JUST emailed"). */
export const ADVERBS_BEFORE_VERB = new Set([
  'just',
  'already',
  'recently',
  'ever',
  'always',
  'never',
  'really',
  'actually',
  'also',
  'still',
  'usually',
  'often',
]);

/** What follows an English apostrophe in a contraction: "who's", "don't", "we're", "I'll", "we've", "I'd", "I'm". */
export const CONTRACTIONS = new Set(['s', 't', 're', 'll', 've', 'd', 'm']);

/**
 * Conjunctions that open a clause of their own even without a comma: "sorry for the dumb question
 * BUT who checks…", "scusate la domanda banale MA il backup…". A closed class of the grammar.
 */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['but', 'ma']);

/**
 * English and Italian inflectional endings, a closed class of each grammar: nouns and adjectives
 * ("backup|s", "stran|i"), and verbs in the present, infinitive, participle, gerund and imperfect
 * ("patch|ed", "esport|ano", "verific|are", "aggiorn|ato", "control|lando").
 */
export const INFLECTIONS = new Set([
  ...['', 's', 'es', 'd', 'ed', 'ing'],
  ...['a', 'e', 'i', 'o', 'ta', 'te', 'ti', 'to', 're'],
  ...['iamo', 'ate', 'ete', 'ite', 'ano', 'ono', 'are', 'ere', 'ire'],
  ...['ato', 'ata', 'ati', 'uto', 'uta', 'uti', 'ute', 'ito', 'iti', 'ando', 'endo', 'ava', 'avano', 'eva', 'evano'],
]);

/** "How…", "come…" opening a question: a way of doing, unless it asks how often or how long. */
/** Indefinite articles of each grammar: "sent A notice", "ci ha mandato UN avviso". */
export const INDEFINITE_ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'un', 'uno', 'una']);

/** English prepositions naming who receives: "give it TO…", "share it WITH…". */
export const RECIPIENT_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'with']);

/** Italian prepositions naming who receives, with their articles: "darlo AL consulente", "condividerle CON l'agenzia". */
export const ITALIAN_RECIPIENT_PREPOSITIONS: ReadonlySet<string> = new Set([
  ...['a', 'ad', 'al', 'allo', 'alla', 'ai', 'agli', 'alle', 'all', 'con', 'col', 'coi'],
]);

/** Conjunctions opening a condition of each grammar: "IF the provider tells us…, what do we do?". */
export const CONDITIONALS: ReadonlySet<string> = new Set(['if', 'when', 'se', 'quando']);

/**
 * The Italian modal "potere" in the present and the conditional, a closed class of the grammar,
 * as English has its MODALS: "quando POTETE", "se PUOI", "appena POSSIBILE" is not one.
 */
export const ITALIAN_MODAL_FORMS: ReadonlySet<string> = new Set([
  ...['posso', 'puoi', 'puo', 'possiamo', 'potete', 'possono'],
  ...['potrei', 'potresti', 'potrebbe', 'potremmo', 'potreste', 'potrebbero'],
]);

/** The negating adverb of each grammar: a clause opening with it may name what is not asked ("…, NOT our site"). */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'non']);

export const HOW = new Set(['how', 'come']);
/** The interrogative asking for a person, in each grammar. */
export const WHO = new Set(['who', 'chi']);

/** English and Italian prepositions of possession: a closed class of the grammar. */
export const GENITIVES = new Set(['of', 'di', 'del', 'della', 'dello', 'dell', 'dei', 'degli', 'delle']);

/**
 * Italian enclitic pronouns joined to an infinitive, a closed class of the grammar: "dirLO",
 * "segnalarLI", "occuparCI", "farGLIELO". The infinitive drops its final "e" before them.
 */
const ENCLITIC = /^([a-z]+?[aei]r)((?:me|te|se|ce|ve|glie)(?:lo|la|li|le|ne)|lo|la|li|le|ne|ci|si|mi|ti|vi|gli)$/;

/** "dirlo" → { infinitive: "dire", clitic: "lo" }; null when the word has no such shape. */
export function detachEnclitic(word: string): { infinitive: string; clitic: string } | null {
  const match = ENCLITIC.exec(word);
  return match ? { infinitive: `${match[1]}e`, clitic: match[2]! } : null;
}

/**
 * Words of the calendar that say when something happened, a closed class of each language: the
 * days of the week, the parts of the day and the days around today ("the backup failed on SUNDAY",
 * "login strani STANOTTE", "yesterday EVENING"). A time is never what a question asks about;
 * a cadence ("every morning", "ogni lunedì") is read as one before this applies.
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(WEEKDAY_NAMES),
  ...['morning', 'afternoon', 'evening', 'night', 'tonight', 'today', 'yesterday', 'tomorrow', 'weekend'],
  ...['mattina', 'mattinata', 'pomeriggio', 'sera', 'serata', 'notte', 'nottata', 'stamattina', 'stamani'],
  ...['stamane', 'stasera', 'stanotte', 'ieri', 'oggi', 'domani', 'dopodomani', 'altroieri'],
]);

/** A record's code, letters then figures: "INC-40217", "REQ-1234" (the hyphen is joined by tokenize). */
export const RECORD_CODE = /^[a-z]{2,5}\d{3,}$/;

/** A time of the clock in one word: "3pm", "11am". */
export const CLOCK_TIME = /^(?:[1-9]|1[0-2])(?:am|pm)$/;

/** The interrogatives a question opens with, in both languages: a closed class of each grammar. */
export const QUESTION_WORDS: readonly string[] = [
  ...['how', 'what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'which'],
  ...['come', 'cosa', 'chi', 'dove', 'quando', 'quale', 'quali', 'qual', 'quanto', 'quanta', 'quanti', 'quante'],
  'perche',
];

/**
 * An interrogative where it stands: after an article of its clause it is a noun ("non ho capito
 * LA COSA", "il perché"); "…on this, WHAT does…" still asks, and so does one after a
 * demonstrative, a pronoun there ("e QUESTO quanto costa?").
 */
export function interrogativeAt(
  clauses: readonly { segment: number }[],
  surface: readonly string[],
  at: number,
): boolean {
  if (!QUESTION_WORDS.includes(surface[at]!)) return false;
  const previous = surface[at - 1] ?? '';
  const article = ITALIAN_ARTICLES.has(previous) || ENGLISH_ARTICLES.has(previous);
  return !(article && clauses[at - 1]!.segment === clauses[at]!.segment);
}

const ENGLISH_ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * Written with a capital inside a message ("urgent Who checks…", "backup Orbit Is it daily?"),
 * these open a sentence of their own, as after a full stop nobody typed: the interrogatives, and
 * the English verbs a question is inverted with.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([...QUESTION_WORDS, ...INVERTING, 'is', 'are', 'was']);

/** Demonstratives of each grammar: "does Acme handle THIS?", "in QUESTI casi" point at something said around them. */
export const ENGLISH_DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those']);
export const DEMONSTRATIVES: ReadonlySet<string> = new Set([
  ...ENGLISH_DEMONSTRATIVES,
  ...['questo', 'questa', 'questi', 'queste', 'quello', 'quella', 'quelli', 'quelle', 'cio'],
]);

/**
 * Words of a clause that point at what the clause before it named: the object pronouns, "they",
 * "their", "its", the Italian object clitics and the demonstratives ("…? and how long are THEY
 * kept?", "…? chi LI controlla?").
 */
export const POINTING_BACK: ReadonlySet<string> = new Set([
  ...OBJECT_PRONOUNS,
  ...['they', 'their', 'its'],
  ...ITALIAN_OBJECT_CLITICS,
  ...DEMONSTRATIVES,
]);

/**
 * The Italian preposition of cause and manner: "PER favore", "PER cortesia", "PER legge" say why
 * or how, where "SU nastro", "IN sede", "A mano" say where or with what.
 */
export const ITALIAN_CAUSAL_PREPOSITIONS: ReadonlySet<string> = new Set(['per']);

/** Who is told, in both languages: "tell ME", "let US know", "MI fate sapere", "CI dite". */
export const RECIPIENTS: ReadonlySet<string> = new Set(['me', 'us', 'mi', 'ci']);

/** English subjects of the first person, who ask ("do WE have to…", "I was wondering"). */
export const FIRST_PERSON_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we']);

/**
 * How a speaker apologizes, a closed class of each grammar: the English apology words and their
 * chat spelling ("SORRY for…", "SRY", "APOLOGIES", "PARDON"), the Italian imperatives of "scusare"
 * and "perdonare" with or without their pronoun ("SCUSATE il disturbo", "SCUSAMI se…",
 * "PERDONATE la domanda") (apologies.ts).
 */
export const APOLOGIZING: ReadonlySet<string> = new Set([
  ...['sorry', 'sry', 'soz', 'apologies', 'apologize', 'apologise', 'pardon'],
  ...[
    'scusa',
    'scusate',
    'scusami',
    'scusatemi',
    'scusi',
    'scusateci',
    'perdonate',
    'perdonami',
    'perdonatemi',
    'perdoni',
  ],
]);

/**
 * Marks opening a postscript, a closed class of letter writing in both languages: "PS", "P.S.",
 * "PPS", "N.B." (postscripts.ts). Written with dots, the mark is two words ("p", "s").
 */
export const POSTSCRIPT_MARKS: readonly (readonly string[])[] = [
  ['ps'],
  ['pps'],
  ['p', 's'],
  ['p', 'p', 's'],
  ['nb'],
  ['n', 'b'],
];

/**
 * How a speaker gives their own name, a closed class of each grammar: "SONO Davide", "MI CHIAMO
 * Anna", "I'M Davide", "I AM Anna", "THIS IS Piero", "IT'S Giulia" (self-introductions.ts).
 */
export const SELF_INTRODUCING: readonly (readonly string[])[] = [
  ['sono'],
  ['mi', 'chiamo'],
  ['i', 'm'],
  ['i', 'am'],
  ['this', 'is'],
  ['it', 's'],
];

/** "On behalf of", "per conto di": after a verb of the speaker's or opening a clause, for whom they speak. */
export const ON_BEHALF: readonly (readonly string[])[] = [
  ['on', 'behalf', 'of'],
  ['per', 'conto'],
];

/** Subjects of the third person plural: in chat, "they" is the provider ("do THEY tell us…"). */
export const THIRD_PERSON_SUBJECTS: ReadonlySet<string> = new Set(['they', 'loro']);

/**
 * Words of the second person, English (chat's "u", "ur" too) and Italian: a question saying one is
 * about the people it addresses ("Dear customers, what must YOU do?", "chi VI forma?").
 */
export const SECOND_PERSON: ReadonlySet<string> = new Set([
  ...['you', 'your', 'yours', 'yourself', 'yourselves', 'u', 'ur'],
  ...['tu', 'te', 'ti', 'tuo', 'tua', 'tuoi', 'tue', 'voi', 'vi', 'vostro', 'vostra', 'vostri', 'vostre'],
]);

/** English pronouns that may stand for a thing told before, wherever they stand ("who updates IT on Orbit?"). */
export const THING_PRONOUNS: ReadonlySet<string> = new Set([
  ...OBJECT_PRONOUNS,
  'they',
  'this',
  'that',
  'these',
  'those',
]);

/**
 * Italian verbs of knowing, asking and telling that take an indirect question ("vorrei SAPERE
 * quando…", "ci ha CHIESTO se…", "mi sai DIRE se…"): the core of the class, by their infinitives.
 * No Italian lexicon on npm gives verbs' meanings (WordNet's verb.cognition does it for English,
 * word-classes.ts); every form comes from the conjugation tables.
 */
export const ITALIAN_KNOWING_VERBS: readonly string[] = [
  ...['sapere', 'capire', 'chiedere', 'domandare', 'scoprire', 'ricordare', 'dimenticare', 'immaginare'],
  ...['dire', 'spiegare', 'confermare', 'verificare', 'decidere', 'stabilire', 'indovinare', 'accertare'],
];

/** Italian articles, definite and indefinite: "IL servizio", "UN server". */
export const ITALIAN_ARTICLES: ReadonlySet<string> = new Set([
  'il',
  'lo',
  'la',
  'l',
  'i',
  'gli',
  'le',
  'un',
  'uno',
  'una',
]);

/**
 * Italian cardinals as words, a closed class (compounds like "ventidue" aside): a number counts
 * the noun after it ("a DUE fattori", "per TRE mesi"), so that noun is still in its phrase.
 */
export const ITALIAN_CARDINALS: ReadonlySet<string> = new Set([
  ...['due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici'],
  ...['quindici', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'novanta', 'cento', 'mille'],
]);

/**
 * Cardinals written as words, both languages: a closed class, read as the number they write ("TRE
 * settimane fa" is "3 settimane fa"). Not "one", a pronoun too ("the one we keep").
 */
export const CARDINALS: ReadonlySet<string> = new Set([
  ...ITALIAN_CARDINALS,
  ...['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen'],
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'ninety', 'hundred', 'thousand'],
]);

/** English ordinals as words, a closed class: "2nd copy" is the "second copy". */
export const ORDINALS: readonly string[] = [
  ...['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
];
