import type { Question } from '../../src/answer/question-set.js';

/**
 * Filler variants of the question sets (issue 12): the same question as a team types it in chat,
 * with a greeting, a colleague's name or mention, politeness, urgency, emoji, chat shorthand or a
 * clause saying who asked. The expected answer does not change.
 *
 * The fillers are kept OUT of the engine's vocabulary (test/filler-variants.test.ts asserts that
 * none of their words occur in knowledge/lexicon.yaml or in the word lists of src/answer/): a
 * variant passes only if the engine tells filler from subject by general evidence, never because
 * someone listed these words. Only the function words in FUNCTION_WORDS may be shared.
 */

export interface Filler {
  text: string;
  /** Where it goes: before the question or after it. */
  at: 'before' | 'after';
}

type Fillers = Record<'en' | 'it', readonly Filler[]>;

const before = (text: string): Filler => ({ text, at: 'before' });
const after = (text: string): Filler => ({ text, at: 'after' });

export const FILLERS: Fillers = {
  en: [
    // greetings and names, mentions (plain, Slack and Teams markup)
    before('yo @marco,'),
    before('@giulia.rossi'),
    before('yo Priya,'),
    before('howdy folks!'),
    before('hiya everybody,'),
    before('<@U07QX2B9M>'),
    before('<at>Luca Bianchi</at>'),
    before('howdy fam 👋'),
    before('Greetings Tomasz,'),
    // urgency, shorthand
    before('URGENT:'),
    before('asap:'),
    before('fyi'),
    before('forgive me,'),
    before('random one for you:'),
    // politeness, context clauses, emoji, shorthand after the question
    after('cheers!'),
    after('greatly appreciated 🙏'),
    after('thx'),
    after('tia'),
    after('lmk'),
    after(':pray:'),
    after('😅'),
    after(', my director inquired'),
    after('- director insists, by EOD'),
    after('... inquiring for a buddy'),
    after('(forgive the dumb q)'),
    after('gracias!!'),
    after('@sofia'),
    after('🔥🔥'),
  ],
  it: [
    before('ehi @marco,'),
    before('@giulia.rossi'),
    before('bentrovata Federica,'),
    before('eccomi gente!'),
    before('<@U07QX2B9M>'),
    before('<at>Luca Bianchi</at>'),
    before('carissimi 👋'),
    before('Ragazze,'),
    before('URGENTISSIMO:'),
    before('abbiate pazienza,'),
    before('raga'),
    before('una curiosità:'),
    before('cmq'),
    before('ah ascolta Paolo'),
    after('ringraziamenti anticipati!!'),
    after('gentilissimi 🙏'),
    after('tnx'),
    after('xfavore'),
    after(':pray:'),
    after('😅'),
    after(', me lo ha chiesto il direttore'),
    after('- la dirigente insiste, pressantemente'),
    after('... lo domando per Beatrice'),
    after('(abbiate pazienza per la curiosità banale)'),
    after('@sofia'),
    after('🔥🔥'),
    after('baci'),
  ],
};

/** Articles, pronouns and prepositions fillers may share with the engine's language markers. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a',
  'the',
  'my',
  'for',
  'to',
  'you',
  'one',
  'before',
  'by',
  'il',
  'la',
  'lo',
  'me',
  'ha',
  'per',
  'una',
  'entro',
]);

/** A small deterministic hash, so each question always gets the same fillers. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * One variant per question: a filler before, one after, or both (each third of the questions),
 * in the question's language, chosen by a hash of the question.
 */
export function fillerVariant(question: Question): Question {
  const list = FILLERS[question.lang];
  const h = hash(question.q);
  const beforeList = list.filter((f) => f.at === 'before');
  const afterList = list.filter((f) => f.at === 'after');
  const pre = beforeList[h % beforeList.length]!;
  const post = afterList[(h >>> 8) % afterList.length]!;
  const mode = (h >>> 16) % 3;
  let q = question.q;
  if (mode !== 1) q = `${pre.text} ${q}`;
  if (mode !== 0) q = post.text.startsWith(',') ? `${q}${post.text}` : `${q} ${post.text}`;
  return { ...question, q };
}

export function fillerVariants(questions: readonly Question[]): Question[] {
  return questions.map(fillerVariant);
}
