import type { Lang } from '../views/types.js';

/**
 * A language model that SELECTS from the knowledge pack. It is shown the pack's duties and facts
 * with their ids and a question, and names the ids that answer it; it never writes a duty, a
 * party, a cadence or a citation (the core composes the reply from the pack's own text and checks
 * every id and quote it returns). Implemented per provider in adapters/llm/.
 */

/** One duty or fact of the pack, as the model sees it. Always the whole pack, in pack order. */
export interface ModelCandidate {
  id: string;
  kind: 'duty' | 'fact';
  /** Service section (duties) or section heading (facts). */
  section: string;
  /** Who performs a duty; null for facts. */
  party: 'provider' | 'customer' | null;
  /** The verbatim source text. */
  text: string;
}

export interface ModelSelectionRequest {
  /** The question with mentions, links and names removed. */
  question: string;
  lang: Lang;
  /** Services the workspace uses (ids), a hint for choosing between services. */
  services: readonly string[];
  candidates: readonly ModelCandidate[];
  /** Aborted when the caller stops waiting (its timeout): the call must give up. */
  signal: AbortSignal;
}

export type ModelSelectionStatus = 'answered' | 'not_in_pack' | 'ambiguous';

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache, when it says so. */
  cachedTokens: number;
}

export interface ModelSelection {
  status: ModelSelectionStatus;
  /** Selected candidate ids, best first. */
  ids: string[];
  /** Optional short verbatim quotes from the selected candidates' text. */
  quotes: { id: string; quote: string }[];
  usage: ModelUsage;
}

export interface AnswerModel {
  /** A name for logs and `dutybot eval` (e.g. "openai:gpt-4.1-mini"); never a key. */
  readonly name: string;
  /** How long the core waits for `select` before answering without it. */
  readonly timeoutMs: number;
  /** Rejects on any failure (network, refusal, malformed output, timeout). */
  select(request: ModelSelectionRequest): Promise<ModelSelection>;
}
