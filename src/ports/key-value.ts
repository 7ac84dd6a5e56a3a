/**
 * The small state an adapter keeps of its own (Slack installations, Teams conversation
 * references and cards, which requests were answered), in the bot's store. Namespaced keys, JSON
 * values, an optional time to live. The store implements it; adapters see nothing else of it.
 */
export interface KeyValueStore {
  kvGet<T>(namespace: string, key: string): Promise<T | undefined>;
  kvSet<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void>;
  kvDelete(namespace: string, key: string): Promise<void>;
}
