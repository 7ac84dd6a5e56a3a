import type { AnswerView } from '../views/types.js';
import { INVERTING, POINTING_BACK, QUESTION_WORDS } from './grammar.js';
import type { Decision, Scored } from './rank.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * "Who is the controller of our data? and who tests the restores on the cloud server?": people ask
 * two things in one message. The message read whole finds one of them; each sentence read alone
 * finds the other. A sentence is a question of its own when, alone, it names a subject of the page
 * and is answered by something the whole message's answer does not hold. A sentence that leans on
 * the one before it ("…? for how many days?", "…? is it paid?") names no subject of its own and
 * adds nothing; nor does a sentence alone the page cannot answer.
 */

/**
 * The questions of a message that asks more than once, in order: each sentence ended by a question
 * mark, a last one without it that opens with a question word ("…? and who checks them"), and the
 * clauses of one sentence joined by "and" before a question word ("how long are the mail backups
 * kept, AND WHO checks the antivirus?"). A sentence of one or two words ("…? thanks") asks nothing
 * of its own, nor does a statement after the last mark ("…? need both for the audit"), nor a
 * joined clause pointing back ("…and who keeps THEM?"). Fewer than two: none.
 */
export function questionSentences(message: string): string[] {
  if (!/\?\s*\S/.test(message) && !JOINED_QUESTION.test(message)) return [];
  const pieces = message.split(/\?+/);
  const questions: string[] = [];
  pieces.forEach((piece, at) => {
    const marked = at < pieces.length - 1;
    const clauses = piece.split(JOINED_QUESTION).map((clause) => clause.trim());
    clauses.forEach((clause, c) => {
      const words = clause
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (words.length < MIN_QUESTION_WORDS) return;
      if (c > 0 && words.some((word) => POINTING_BACK.has(word))) return;
      const opens = words.slice(0, 2).some((word) => OPENERS.has(word));
      if (opens || (marked && c === clauses.length - 1)) questions.push(clause);
    });
  });
  return questions.length >= 2 ? questions : [];
}

/** The fewest words of a sentence that may ask something of its own ("who tests restores"). */
const MIN_QUESTION_WORDS = 3;
const OPENERS: ReadonlySet<string> = new Set([...QUESTION_WORDS, ...INVERTING]);
/** "…, and who…", "… e chi…": a coordinator before a question word joins two questions. */
const JOINED_QUESTION = new RegExp(`\\s*,?\\s+(?:and|e|ed)\\s+(?=(?:${QUESTION_WORDS.join('|')})\\b)`, 'iu');

export interface SentenceReading {
  sentence: string;
  decision: Decision;
  analysis: QuestionAnalysis;
}

/**
 * The sentences to answer one by one, in the message's order, or none when the message is one
 * question: at least two sentences each naming a subject of the page and answered alone, each
 * with its own lead, and no sentence naming a subject the page cannot answer (then the message is
 * answered, or not, as a whole: part of it is out of scope).
 */
export function separateQuestions(sentences: readonly SentenceReading[]): SentenceReading[] {
  const subjects = sentences.filter((s) => s.analysis.strongConcepts > 0);
  const answered = subjects.filter(asksAlone);
  if (answered.length < 2 || answered.length < subjects.length) return [];
  const leads = new Set(answered.map((s) => leadOf(s.decision)));
  return leads.size === answered.length ? answered : [];
}

/** What the engine decided for a message answered sentence by sentence: every answer's results, each once. */
export function joinDecisions(questions: readonly SentenceReading[]): Decision {
  const results: Scored[] = [];
  const sentences = new Map<string, number>();
  const ids = new Set<string>();
  for (const { decision } of questions) {
    if (decision.kind !== 'list' && decision.kind !== 'specific') continue;
    for (const scored of decision.results)
      if (!ids.has(scored.doc.id)) {
        ids.add(scored.doc.id);
        results.push(scored);
      }
    if (decision.kind === 'specific') for (const [id, at] of decision.sentences) sentences.set(id, at);
  }
  return { kind: 'specific', results, sentences };
}

/** Whether a sentence, read alone, names a subject of the page and is answered. */
export function asksAlone(sentence: SentenceReading): boolean {
  const { kind } = sentence.decision;
  return sentence.analysis.strongConcepts > 0 && (kind === 'list' || kind === 'specific');
}

function leadOf(decision: Decision): string | undefined {
  return decision.kind === 'list' || decision.kind === 'specific' ? decision.results[0]?.doc.id : undefined;
}

/** One reply for several questions: each answer's summary in turn, then their items, each said once. */
export function joinAnswerViews(first: AnswerView, later: readonly AnswerView[]): AnswerView {
  const seen = new Set(first.items.map((item) => item.id));
  const items = [...first.items];
  for (const view of later)
    for (const item of view.items)
      if (!seen.has(item.id)) {
        seen.add(item.id);
        items.push(item);
      }
  return { ...first, summary: [first.summary, ...later.map((view) => view.summary)].join(' '), items };
}
