import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Actor, Conversation, DutybotCore } from '../../src/bot/types.js';

/**
 * A real bot on its own SQLite file with one installed workspace and a fixed clock, for tests that
 * drive the command layer through the facade. Registers its own beforeAll/afterAll.
 */

export const admin: Actor = { userId: 'admin', isPlatformAdmin: async () => true };
export const alice: Actor = { userId: 'alice', isPlatformAdmin: async () => false };
export const bob: Actor = { userId: 'bob', isPlatformAdmin: async () => false };

export interface CommandBot {
  /** The workspace's terminal conversation, installed by `admin`. */
  here: Conversation;
  bot(): DutybotCore;
  /** Entries in the workspace's ledger, to prove a refusal changed nothing. */
  ledgerSize(): Promise<number>;
}

export function useCommandBot(workspaceId: string, now: Date): CommandBot {
  const here: Conversation = { workspaceId, platform: 'local', channelId: 'terminal' };
  let dir = '';
  let bot: DutybotCore | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `dutybot-${workspaceId}-`));
    bot = await createDutybot({ databaseUrl: `sqlite:${join(dir, 'store.sqlite')}`, clock: () => now });
    await bot.ensureWorkspace(here, admin.userId);
  });
  afterAll(async () => {
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const current = () => {
    if (!bot) throw new Error('the bot starts in beforeAll');
    return bot;
  };
  return {
    here,
    bot: current,
    ledgerSize: async () => (await current().store.ledgerEntries(workspaceId)).length,
  };
}
