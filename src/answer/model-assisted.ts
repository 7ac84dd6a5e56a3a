import { createHash } from 'node:crypto';
import type { Knowledge } from '../knowledge/model.js';
import type { AnswerModel, ModelSelection, ModelUsage } from '../ports/answer-model.js';
import { renderAnswerText } from '../views/answer-text.js';
import type { Lang } from '../views/types.js';
import { type Answer, type AnswerContext, type AnswerTrace, answerFromDecision, traceAnswer } from './answer.js';
import { type IndexedDoc, indexFor } from './knowledge-index.js';
import { type CompiledLexicon, loadLexicon } from './lexicon.js';
import {
  normalizeQuestion,
  packCandidates,
  packVersion,
  questionForModel,
  squashSpaces,
  validateSelection,
} from './model-selection.js';
import type { Decision, Scored } from './rank.js';
import { asksOffTopic, namesOtherProvider } from './scope.js';

/**
 * The optional model-assisted path. The deterministic engine answers first; a model is asked only
 * when the engine abstains (or barely matched) and nothing in the question says it is out of
 * scope. The model only selects ids from the pack; what it returns is checked (model-selection.ts)
 * and the reply is composed by the engine's own composer from the pack's text, with a small-print
 * note that the match was suggested by a model. Any failure, refusal or timeout gives the
 * deterministic answer, within the model's timeout.
 */

/** A specific answer whose best score is under this is a weak match the model may improve on. */
export const LOW_CONFIDENCE_SCORE = 1.2;

/** The small print on a reply whose match the model suggested. */
const MODEL_NOTE: Record<Lang, string> = {
  en: 'Match suggested by a language model; the text above is quoted from the source.',
  it: 'Corrispondenza suggerita da un modello linguistico; il testo sopra è citato dalla fonte.',
};

/** A believed selection (or the model's "not in the pack"), remembered per pack, question and services. */
export interface CachedSelection {
  ids: string[];
  quotes: [string, string][];
}

export interface SelectionCache {
  get(key: string): Promise<CachedSelection | undefined>;
  set(key: string, value: CachedSelection): Promise<void>;
}

export interface AssistedContext extends AnswerContext {
  /** Services the workspace uses (shown to the model as a hint, and part of the cache key). */
  services?: readonly string[];
}

export type ModelOutcome =
  /** The engine was sure enough, or the question is out of scope: no model involved. */
  | 'not_asked'
  | 'cached'
  | 'selected'
  /** The model answered but its answer was not believed (unknown id, non-verbatim quote, not in pack). */
  | 'rejected'
  | 'failed'
  | 'timeout';

export interface AssistedAnswer {
  answer: Answer;
  outcome: ModelOutcome;
  /** Tokens of this request's model call (null when no call was made). */
  usage: ModelUsage | null;
  /** Why a selection was rejected or the call failed (for logs and eval; never shown to users). */
  detail: string | null;
}

export interface ModelAssistOptions {
  knowledge: Knowledge;
  model: AnswerModel;
  cache?: SelectionCache;
  lexicon?: CompiledLexicon;
}

export interface ModelAssistedAnswerer {
  answer(question: string, context?: AssistedContext): Promise<AssistedAnswer>;
}

export function createModelAssistedAnswerer(options: ModelAssistOptions): ModelAssistedAnswerer {
  const { knowledge, model, cache } = options;
  const lexicon = options.lexicon ?? loadLexicon(options.knowledge.lexiconFile);

  return {
    async answer(question, context = {}) {
      const trace = traceAnswer(lexicon, question, knowledge, context);
      const deterministic = (outcome: ModelOutcome, usage: ModelUsage | null, detail: string | null) => ({
        answer: trace.answer,
        outcome,
        usage,
        detail,
      });
      if (!worthAsking(trace, lexicon)) return deterministic('not_asked', null, null);
      const modelQuestion = questionForModel(trace.answer.question);
      if (modelQuestion === '') return deterministic('not_asked', null, null);

      const services = [...(context.services ?? [])].sort();
      const key = cacheKey(knowledge, modelQuestion, services);
      const cached = cache ? await cache.get(key).catch(() => undefined) : undefined;
      if (cached) {
        if (cached.ids.length === 0) return deterministic('cached', null, 'not in pack');
        return {
          answer: composed(trace, cached.ids, new Map(cached.quotes), context),
          outcome: 'cached',
          usage: null,
          detail: null,
        };
      }

      let selection: ModelSelection;
      try {
        selection = await withTimeout(model, {
          question: modelQuestion,
          lang: trace.answer.lang,
          services,
          candidates: packCandidates(knowledge),
        });
      } catch (error) {
        const timedOut = error instanceof ModelTimeout;
        return deterministic(timedOut ? 'timeout' : 'failed', null, describe(error));
      }
      const verdict = validateSelection(selection, knowledge);
      if (!verdict.ok) {
        // The model's own "not in the pack" is an answer worth remembering; a hallucination is not.
        if (cache && (selection.status === 'not_in_pack' || selection.status === 'ambiguous'))
          await cache.set(key, { ids: [], quotes: [] }).catch(() => undefined);
        return deterministic('rejected', selection.usage, verdict.reason);
      }
      if (cache) await cache.set(key, { ids: verdict.ids, quotes: [...verdict.quotes] }).catch(() => undefined);
      return {
        answer: composed(trace, verdict.ids, verdict.quotes, context),
        outcome: 'selected',
        usage: selection.usage,
        detail: null,
      };
    },
  };

  /** The engine's composer over the selected pack items, marked as the model's suggestion. */
  function composed(
    trace: AnswerTrace,
    ids: readonly string[],
    quotes: ReadonlyMap<string, string>,
    context: AssistedContext,
  ): Answer {
    const index = indexFor(knowledge, lexicon);
    const byId = new Map(index.docs.map((doc) => [doc.id, doc]));
    const results: Scored[] = ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [{ doc, score: 0 }] : [];
    });
    // Keys carry the pack version, so a cached id is always the pack's; never compose from nothing.
    if (results.length === 0) return trace.answer;
    const sentences = new Map<string, number>();
    for (const { doc } of results)
      if (doc.kind === 'fact') sentences.set(doc.id, quotedSentence(doc, quotes.get(doc.id)));
    const decision: Decision = { kind: 'specific', results, sentences };
    const { lang } = trace.answer;
    const answer = answerFromDecision({
      asked: trace.answer.question,
      lang,
      decision,
      analysis: trace.analysis,
      knowledge,
      lexicon,
      owners: context.owners,
    });
    const view = { ...answer.view, modelSuggestion: MODEL_NOTE[lang] };
    return { ...answer, view, text: renderAnswerText(view) };
  }
}

/**
 * Ask only where the engine did not answer (or barely did), never where the question itself says
 * it is not about this page: another provider named, or words of questions the page never answers.
 */
export function worthAsking(trace: AnswerTrace, lexicon: CompiledLexicon): boolean {
  const { decision, analysis } = trace;
  if (!analysis) return false;
  if (namesOtherProvider(analysis, lexicon) || asksOffTopic(analysis, lexicon)) return false;
  // "Does Synology…", "ISO 27001": a product or standard the page never names is what is asked about.
  if (analysis.unknownNames.length > 0) return false;
  if (decision.kind === 'abstain') return decision.reason === 'no_match' || decision.reason === 'off_topic';
  if (decision.kind === 'specific') return (decision.results[0]?.score ?? 0) < LOW_CONFIDENCE_SCORE;
  return false;
}

function cacheKey(knowledge: Knowledge, question: string, services: readonly string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([normalizeQuestion(question), services]))
    .digest('hex')
    .slice(0, 32);
  return `${packVersion(knowledge)}:${digest}`;
}

/** The fact sentence holding the model's quote, else the first. */
function quotedSentence(doc: IndexedDoc, quote: string | undefined): number {
  if (doc.kind !== 'fact' || !quote) return 0;
  const at = doc.fact.text.findIndex((sentence) => squashSpaces(sentence).includes(squashSpaces(quote)));
  return Math.max(at, 0);
}

class ModelTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'ModelTimeout';
  }
}

/** One attempt, abandoned at the model's timeout whatever the provider client does. */
async function withTimeout(
  model: AnswerModel,
  request: Omit<Parameters<AnswerModel['select']>[0], 'signal'>,
): Promise<ModelSelection> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ModelTimeout(model.timeoutMs));
    }, model.timeoutMs);
  });
  const call = model.select({ ...request, signal: controller.signal });
  // A call that fails after the deadline must not surface as an unhandled rejection.
  call.catch(() => undefined);
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
