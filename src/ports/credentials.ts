/**
 * Secrets an adapter must keep per workspace (Slack's OAuth installations: bot, user and refresh
 * tokens). The core seals each value (AES-256-GCM under DUTYBOT_ENCRYPTION_KEY) before it reaches
 * the store, and deletes a workspace's credentials when it is uninstalled. Adapters see values in
 * clear only in memory, and must never log them or put them in errors, exports or URLs.
 */
export interface CredentialStore {
  /** False when no encryption key is configured: nothing can be saved (an OAuth install must not start). */
  readonly available: boolean;
  /** Seals and saves `value` (JSON) under `name`, as belonging to `workspaceId`. */
  save(name: string, workspaceId: string, value: unknown): Promise<void>;
  /** The value saved under `name`, or undefined; throws when it cannot be opened (key missing, altered row). */
  load<T>(name: string): Promise<T | undefined>;
  remove(name: string): Promise<void>;
}
