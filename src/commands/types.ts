import type { Platform } from '../store/types.js';

/**
 * Who runs a command and where: the two facts every command is checked against. They live in the
 * command layer (which decides permissions from them); the facade re-exports them for adapters.
 */

export interface Actor {
  /** Platform user id (Slack U…, Teams AAD object id or 29:… id, terminal user name). */
  userId: string;
  /**
   * Whether the platform says this user administers the workspace (Slack admin/owner via
   * users.info, Teams team owner via the roster). Lazy: only called for commands that need it.
   */
  isPlatformAdmin?: () => Promise<boolean>;
  /**
   * Whether the user belongs to another organisation than the workspace (a Slack Connect user
   * whose team differs, a form submitted from another team of an OAuth install). Lazy like
   * isPlatformAdmin; absent means the surface has no outsiders (the terminal).
   */
  isExternal?: () => Promise<boolean>;
}

/** Where a command came from. */
export interface Conversation {
  /** `local`, `slack:T123` (or `slack:E1:T123`), `teams:<tenant>:<team or conversation id>`. */
  workspaceId: string;
  platform: Platform;
  /** Channel / conversation id where the command was typed; null for a CLI call. */
  channelId: string | null;
  /**
   * True when the request itself proves the bot is in `channelId` (Slack delivers a mention only
   * from a channel the bot is in, and tells when the bot joins one). Absent: not known; a new
   * workspace's first channel is then checked with the platform's channel directory.
   */
  botIsMember?: boolean;
}
