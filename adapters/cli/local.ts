import { userInfo } from 'node:os';
import type { Actor, Conversation } from '../../src/bot/types.js';

/**
 * The terminal's own workspace and person, shared by the CLI commands and the terminal chat: both
 * act on the local store as whoever is at the keyboard.
 */
export const LOCAL: Conversation = { workspaceId: 'local', platform: 'local', channelId: 'terminal' };

/** The person at the terminal owns the local store; `--by X` acts as X (admin only if listed). */
export function localActor(by: string | undefined): Actor {
  const machineUser = process.env.USER || safeUserName();
  return { userId: by ?? machineUser, isPlatformAdmin: async () => by === undefined };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'local-user';
  } catch {
    return 'local-user';
  }
}
