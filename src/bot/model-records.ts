import type { CachedSelection, SelectionCache } from '../answer/model-assisted.js';
import type { ModelUsage } from '../ports/answer-model.js';
import type { Store } from '../store/types.js';

/**
 * What the model-assisted path keeps in the store's key-value table (no migration): believed
 * selections per (pack version, normalized question, services), and token usage per workspace.
 */

const CACHE_NAMESPACE = 'llm-answers';
const USAGE_NAMESPACE = 'llm-usage';
/** A pack change already invalidates entries (the key holds its version); a week bounds the rest. */
export const ANSWER_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function storeSelectionCache(store: Store, ttlMs = ANSWER_CACHE_TTL_MS): SelectionCache {
  return {
    get: (key) => store.kvGet<CachedSelection>(CACHE_NAMESPACE, key),
    set: (key, value) => store.kvSet(CACHE_NAMESPACE, key, value, ttlMs),
  };
}

/** Tokens a workspace has spent on model calls, and how many calls (for `dutybot status`). */
export interface LlmUsage {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  /** Answers served from the cache, with no call. */
  cacheHits: number;
}

export const NO_USAGE: LlmUsage = { requests: 0, inputTokens: 0, outputTokens: 0, cachedTokens: 0, cacheHits: 0 };

/**
 * Adds to a workspace's counters. A read-modify-write: two replicas answering at the same instant
 * may lose one increment, which a usage figure tolerates (it is not billing).
 */
export async function addUsage(
  store: Store,
  workspaceId: string,
  usage: ModelUsage | null,
  cacheHit: boolean,
): Promise<void> {
  const current = (await store.kvGet<LlmUsage>(USAGE_NAMESPACE, workspaceId)) ?? NO_USAGE;
  await store.kvSet<LlmUsage>(USAGE_NAMESPACE, workspaceId, {
    requests: current.requests + (usage ? 1 : 0),
    inputTokens: current.inputTokens + (usage?.inputTokens ?? 0),
    outputTokens: current.outputTokens + (usage?.outputTokens ?? 0),
    cachedTokens: current.cachedTokens + (usage?.cachedTokens ?? 0),
    cacheHits: current.cacheHits + (cacheHit ? 1 : 0),
  });
}

export async function usageOf(store: Store, workspaceId: string): Promise<LlmUsage> {
  return (await store.kvGet<LlmUsage>(USAGE_NAMESPACE, workspaceId)) ?? NO_USAGE;
}
