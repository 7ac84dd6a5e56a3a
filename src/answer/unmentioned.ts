import type { Knowledge } from '../knowledge/model.js';
import { englishTags } from './english-tags.js';
import { generalLanguage } from './general-words.js';
import { pointsBack } from './points-back.js';
import { normalize, tokenize, words as wordsOf } from './text.js';
import type { QuestionAnalysis } from './understand.js';
import { wordClasses } from './word-classes.js';

/** At most this many words are named back: a reply is not a list of everything we did not know. */
const MAX_NAMED = 3;
/** A longer "word" is a paste, not a thing anyone asks about by name. */
const MAX_LENGTH = 30;

/**
 * The things a question asks about that the page does not cover, spelled as the person typed them
 * ("a FOLDER on Orbit", "la password di ROOT"): an abstention names them, so the reply says what
 * is missing instead of only "I don't know". A word is named only when all of these hold:
 * - it blocked the answer as a subject: neither the page nor the lexicon knows it;
 * - it was typed so, letter for letter: a word the typo check rewrote ("routers" read as "routes")
 *   is not named at all, rather than named wrongly;
 * - it names a thing: a noun of the dictionaries, or a rare word none of them holds ("ransomware"),
 *   which in an English sentence the tagger reads as a noun; never a verb ("who ROTATES…"), chat
 *   shorthand ("thx"), a first name or the surname after one ("mario ROSSI"), a word alone in the
 *   clause opening the message that nothing points back at (a greeting, "Salve,"), nor a word with
 *   digits (a channel's id, an escape code's remains);
 * - the pack's own descriptions of its services do not use it ("remote control of the customer's
 *   COMPUTERS"): the engine missed it, the pack did not.
 * Not when a word of questions the page never answers was asked ("che TEMPO fa a Milano?"): that,
 * not the city, is what it lacks. Letters, digits and hyphens only, as the tokenizer reads words:
 * nothing a surface could render as markup, a mention or a control sequence.
 */
export function unmentionedSubjects(
  analysis: QuestionAnalysis | null,
  question: string,
  knowledge: Knowledge,
): string[] {
  if (analysis === null || analysis.offTopic.length > 0) return [];
  const unknown = new Set(analysis.unknown);
  const blocking = new Set(
    analysis.subjects.filter((s) => s.concepts.length === 0 && unknown.has(s.word)).map((s) => s.word),
  );
  if (blocking.size === 0) return [];
  const general = generalLanguage();
  const classes = wordClasses();
  const tokens = tokenize(question);
  const surfaces = [...question.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].map(([surface]) => surface);
  const spelled = new Map<string, string>();
  for (const surface of surfaces) {
    const word = normalize(surface).replace(/[\s-]/g, '');
    if (!spelled.has(word)) spelled.set(word, surface);
  }
  // The tagger only for a word no dictionary classes: loading its model costs a first abstention
  // about a hundred milliseconds.
  let tags: string[] | undefined;
  const tagOf = (i: number) => {
    tags ??= englishTags(tokens.map((t) => ({ typed: t.word, segment: t.segment })));
    return tags[i];
  };
  const typed = tokens.map((t) => ({ typed: t.word, segment: t.segment }));
  const pointedAt = () => typed.some((_, k) => k > 0 && pointsBack(typed, k));
  const described = describedWords(knowledge);
  const named: string[] = [];
  tokens.forEach((token, i) => {
    const word = token.word;
    if (!blocking.has(word) || named.includes(word) || !spelled.has(word)) return;
    if (/\d/.test(word) || word.length > MAX_LENGTH || described.has(word)) return;
    if (general.isFirstName(word) || general.isFirstName(tokens[i - 1]?.word ?? '')) return;
    // A word alone in the clause opening the message greets ("Salve, …"), unless what follows
    // points back at it ("Ransomware: does Acme stop IT?").
    if (i === 0 && tokens[1] !== undefined && tokens[1].segment !== token.segment && !pointedAt()) return;
    const frequent = general.isFrequent(word);
    // Chat shorthand: a short lowercase word no dictionary holds ("thx", "pls"), or a chat spelling.
    if (!frequent && ((word.length <= 3 && !token.acronym) || general.isChatSpelling(word))) return;
    // A noun of the dictionaries ("laptops", "cartella"); a word none of them holds is a thing when
    // rare ("ransomware"), and in an English sentence only when the tagger reads it as a noun there
    // ("who DECOMMISSIONS the disks" is a verb).
    const dictionary = classes.namesAThing(word);
    const rareNoun = () => !frequent && (analysis.lang !== 'en' || tagOf(i) === 'NOUN' || tagOf(i) === 'PROPN');
    const thing = dictionary === true || (dictionary === undefined && rareNoun());
    if (thing) named.push(word);
  });
  return named.slice(0, MAX_NAMED).map((word) => spelled.get(word)!);
}

/** The words of the pack's descriptions of its services, in both languages. */
function describedWords(knowledge: Knowledge): ReadonlySet<string> {
  let known = described.get(knowledge);
  if (known === undefined) {
    known = new Set(knowledge.services.flatMap((s) => [...wordsOf(s.description.en), ...wordsOf(s.description.it)]));
    described.set(knowledge, known);
  }
  return known;
}

const described = new WeakMap<Knowledge, ReadonlySet<string>>();
