/**
 * Closed classes of English and Italian grammar the answer engine's rules read: a handful of
 * words each, fixed by the grammar, never by the questions a pack is tuned on. Open classes
 * (nouns, verbs, adjectives, everyday and rare words, names) come from general lexicons instead
 * (general-words.ts, word-classes.ts, english-tags.ts).
 */

/** English third-person object pronouns, a closed class of the grammar. */
export const OBJECT_PRONOUNS = new Set(['it', 'them']);
/** Italian object clitics that are never articles. */
export const ITALIAN_OBJECT_CLITICS = new Set(['lo', 'li']);

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

/** English modal verbs: a closed class of the grammar, always followed by a verb. */
export const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would']);
/** English verb particles: a closed class of the grammar. */
export const PARTICLES = new Set(['back', 'up', 'off', 'out', 'down', 'over', 'away']);
/** "How fast", "quanto è veloce" ask a degree; "how do I…", "come aggiungo…" ask for steps. */
export const DEGREE_WORDS = new Set(['how', 'come', 'quanto', 'quanta', 'quanti', 'quante']);
export const COPULAS = new Set(['is', 'are', 'was', 'e', 'sono', 'era']);
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

/** English do-support and modals open a yes-or-no question: a closed class of the grammar. */
export const INVERTING = new Set(['do', 'does', 'did', 'can', 'could', 'will', 'would', 'may', 'might', 'should']);
/** English adverbs that stand between a subject and its verb ("does Acme EVER scan…"). */
export const ADVERBS_BEFORE_VERB = new Set([
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
export const HOW = new Set(['how', 'come']);

/** English and Italian prepositions of possession: a closed class of the grammar. */
export const GENITIVES = new Set(['of', 'di', 'del', 'della', 'dello', 'dei', 'degli', 'delle']);
