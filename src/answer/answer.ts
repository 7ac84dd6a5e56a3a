import type { Knowledge } from '../knowledge/model.js';
import type { Party, ServiceId } from '../knowledge/schema.js';
import { freshWorkspaceSettings, usedServices as servicesInUse, type WorkspaceSettings } from '../settings/schema.js';
import { renderAnswerText } from '../views/answer-text.js';
import { MENTION_PATTERN } from '../views/mentions.js';
import type { AnswerView, Lang } from '../views/types.js';
import { arrangeDecision } from './arrange.js';
import { withCompanions } from './companions.js';
import { composeView } from './compose.js';
import { indexFor } from './knowledge-index.js';
import { type CompiledLexicon, loadLexicon } from './lexicon.js';
import { plainFactFor, withPlainFact } from './plain-facts.js';
import { type Decision, decide as decideFor } from './rank.js';
import { withRemindedDuties } from './reminded.js';
import { withServicesAnswer } from './services-question.js';
import {
  asksAlone,
  joinAnswerViews,
  joinDecisions,
  questionSentences,
  separateQuestions,
} from './several-questions.js';
import { withoutStraySections } from './support.js';
import { analyzeQuestion, type QuestionAnalysis } from './understand.js';

/**
 * Answers a free question about Acme's GDPR shared-responsibility page, in English or
 * Italian, with no network and no language model: the question is analysed (services, party,
 * cadence, concepts, language), duties and facts are ranked against indexes built once per
 * Knowledge object, and the reply says who does it, how often, quotes the source and cites it.
 * Questions the page does not cover get an honest "I don't know" with no matches.
 */

export interface AnswerContext {
  /** Internal owners of customer duties (by_duty > by_service > fallback). */
  owners?: WorkspaceSettings['owners'];
  /** Force the reply language; default: detected from the question. */
  lang?: Lang;
  /**
   * The workspace's settings: answers lead with the services it uses, and say which duties its
   * schedule reminds. Default: a fresh workspace's (every service, default cadences).
   */
  settings?: WorkspaceSettings;
  /** Services the workspace uses, when the caller has no settings (defaults to `settings.services`). */
  services?: readonly string[];
}

export interface AnswerMatch {
  id: string;
  kind: 'duty' | 'fact';
  service: ServiceId | null;
  party: Party | null;
  text: string;
  cadence: string | null;
  score: number;
}

export interface Answer {
  question: string;
  lang: Lang;
  text: string;
  matches: AnswerMatch[];
  view: AnswerView;
}

/** Long pastes are cut: nobody asks a 2,000-character question, and the cost must stay bounded. */
const MAX_QUESTION_LENGTH = 500;

export function answer(question: string, knowledge: Knowledge, context: AnswerContext = {}): Answer {
  return answerWith(loadLexicon(knowledge.lexiconFile), question, knowledge, context);
}

/** Same as `answer` with an explicit lexicon (tests, alternative vocabularies). */
export function answerWith(
  lexicon: CompiledLexicon,
  question: string,
  knowledge: Knowledge,
  context: AnswerContext = {},
): Answer {
  return traceAnswer(lexicon, question, knowledge, context).answer;
}

/** The answer with how it was reached: what the model-assisted path needs to decide whether to ask a model. */
export interface AnswerTrace {
  answer: Answer;
  decision: Decision;
  analysis: QuestionAnalysis | null;
}

export function traceAnswer(
  lexicon: CompiledLexicon,
  question: string,
  knowledge: Knowledge,
  context: AnswerContext = {},
): AnswerTrace {
  const asked = question.trim().slice(0, MAX_QUESTION_LENGTH);
  const cleaned = withoutMentions(asked);
  const index = indexFor(knowledge, lexicon);
  const analysis = cleaned ? analyzeQuestion(cleaned, index, lexicon) : null;
  const lang = context.lang ?? analysis?.lang ?? 'en';
  const decide = (reading: QuestionAnalysis): Decision =>
    shapeDecision(decideFor(reading, index, lexicon), reading, knowledge, lexicon, lang, context);
  const decision: Decision = analysis ? decide(analysis) : { kind: 'abstain', reason: 'empty', foreign: [] };
  const compose = (text: string, reading: QuestionAnalysis | null, shaped: Decision) =>
    answerFromDecision({
      asked: text,
      lang,
      decision: shaped,
      analysis: reading,
      knowledge,
      lexicon,
      owners: context.owners ?? context.settings?.owners,
      settings: settingsOf(context),
    });
  // A message asking several things of its own is answered sentence by sentence. The later
  // sentences are read first: unless one of them asks something alone, the first need not be.
  // A sentence naming no subject of the page is never answered alone: it is not ranked.
  const read = (sentence: string) => {
    const reading = analyzeQuestion(sentence, index, lexicon);
    const unranked: Decision = { kind: 'abstain', reason: 'no_match', foreign: [] };
    return { sentence, analysis: reading, decision: reading.strongConcepts > 0 ? decide(reading) : unranked };
  };
  const [opening, ...others] = questionSentences(cleaned);
  const followers = others.map(read);
  const questions =
    opening !== undefined && followers.some(asksAlone) ? separateQuestions([read(opening), ...followers]) : [];
  // Composed only when the message is one question: a split reply composes each sentence instead.
  if (questions.length < 2) return { answer: compose(asked, analysis, decision), decision, analysis };
  const [first, ...later] = questions.map((q) => compose(q.sentence, q.analysis, q.decision));
  return { answer: joinAnswers(first!, later, asked), decision: joinDecisions(questions), analysis };
}

/** One answer for a message asking several things (several-questions.ts). */
function joinAnswers(first: Answer, later: readonly Answer[], asked: string): Answer {
  const view = {
    ...joinAnswerViews(
      first.view,
      later.map((answer) => answer.view),
    ),
    question: asked,
  };
  const ids = new Set(first.matches.map((match) => match.id));
  const matches = [...first.matches];
  for (const match of later.flatMap((answer) => answer.matches))
    if (!ids.has(match.id)) {
      ids.add(match.id);
      matches.push(match);
    }
  return { ...first, question: asked, text: renderAnswerText(view), matches, view };
}

/**
 * What ranking found, shaped for the reader: the workspace's services first, no stray section in
 * the other language's words, the plain fact beside a definition.
 */
function shapeDecision(
  decision: Decision,
  analysis: QuestionAnalysis,
  knowledge: Knowledge,
  lexicon: CompiledLexicon,
  lang: Lang,
  context: AnswerContext,
): Decision {
  const answerable = withServicesAnswer(decision, analysis, lexicon);
  const reminded = withRemindedDuties(answerable, analysis, knowledge, lexicon, settingsOf(context));
  const accompanied = withCompanions(reminded, analysis, knowledge, lexicon);
  const arranged = arrangeDecision(accompanied, analysis, knowledge, usedServices(knowledge, context));
  const plain = plainFactFor(analysis, knowledge, lexicon);
  const focused = withoutStraySections(arranged, analysis, lexicon, lang, (doc) => doc === plain);
  return withPlainFact(focused, plain);
}

/** Composes the reply and its matches for a decision, whoever made it (the engine, or a validated model selection). */
export function answerFromDecision(input: {
  asked: string;
  lang: Lang;
  decision: Decision;
  analysis: QuestionAnalysis | null;
  knowledge: Knowledge;
  lexicon: CompiledLexicon;
  owners: AnswerContext['owners'];
  /** The workspace's settings (its schedule); default: a fresh workspace's. */
  settings?: WorkspaceSettings;
}): Answer {
  const { asked, lang, decision, analysis, knowledge, lexicon, owners } = input;
  const settings = settingsOf(input);
  const view = composeView({ question: asked, lang, decision, analysis, knowledge, lexicon, owners, settings });
  const matches: AnswerMatch[] =
    decision.kind === 'abstain' || decision.kind === 'none'
      ? []
      : decision.results.map(({ doc, score }) =>
          doc.kind === 'duty'
            ? {
                id: doc.id,
                kind: 'duty',
                service: doc.duty.service,
                party: doc.duty.party,
                text: doc.duty.text,
                cadence: doc.duty.cadence,
                score: round(score),
              }
            : {
                id: doc.id,
                kind: 'fact',
                service: null,
                party: null,
                text: doc.fact.text.join(' '),
                cadence: null,
                score: round(score),
              },
        );
  return { question: asked, lang, text: renderAnswerText(view), matches, view };
}

/**
 * People address colleagues and the bot inside questions: core mention marks, a typed
 * `{{user:U1}}`, raw Slack (`<@U1>`) or Teams (`<at>Name</at>`) mentions, and links say nothing
 * about the question.
 */
export function withoutMentions(question: string): string {
  return question
    .replace(new RegExp(MENTION_PATTERN, 'g'), ' ')
    .replace(/\{\{user:[^}]*\}\}/g, ' ')
    .replace(/<@[^>]*>/g, ' ')
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .trim();
}

/** The workspace's settings, or a fresh workspace's. */
function settingsOf(context: Pick<AnswerContext, 'settings'>): WorkspaceSettings {
  return context.settings ?? freshWorkspaceSettings();
}

/** The services the workspace uses: its settings', else the ones given, else every service of the pack. */
function usedServices(knowledge: Knowledge, context: AnswerContext): readonly string[] {
  const all = knowledge.services.map((s) => s.id);
  // `services: all` is every service of the pack in use (settings/schema.ts).
  if (context.settings) return servicesInUse(context.settings, all);
  return context.services ?? all;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** The stable JSON shape of `dutybot ask --json`. */
export function toJsonContract(a: Answer): {
  question: string;
  answer: string;
  lang: 'en' | 'it';
  /** True for an honest "I don't know": the question is not one the page answers. */
  abstained: boolean;
  matches: {
    id: string;
    service: string | null;
    party: 'provider' | 'customer' | null;
    text: string;
    cadence: string | null;
  }[];
} {
  return {
    question: a.question,
    answer: a.text,
    lang: a.lang,
    abstained: a.view.abstained,
    matches: a.matches.map(({ id, service, party, text, cadence }) => ({ id, service, party, text, cadence })),
  };
}
