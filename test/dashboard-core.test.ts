import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import type { Actor, Conversation, DutybotCore } from '../src/bot/types.js';
import { createChainState } from '../src/dashboard/chain-state.js';
import { periodSnapshot } from '../src/dashboard/period-snapshot.js';
import { loadSnapshot, workspaceStatuses } from '../src/occurrences/index.js';
import type { Store } from '../src/store/types.js';

/** The dashboard's core pieces: the bounded status snapshot and the cached chain state. */

const admin: Actor = { userId: 'UADMIN', isPlatformAdmin: async () => true };
const here: Conversation = { workspaceId: 'slack:TCORE', platform: 'slack', channelId: 'C1' };
let now = new Date('2026-09-01T08:00:00.000Z');

describe('dashboard core', () => {
  let bot: DutybotCore;
  beforeAll(async () => {
    bot = await createDutybot({ databaseUrl: 'sqlite::memory:', clock: () => now });
    await bot.ensureWorkspace(here, admin.userId);
    // Ten weeks of confirmations, snoozes and skips, then the statuses are compared.
    for (let week = 0; week < 10; week++) {
      now = new Date(now.getTime() + 7 * 86_400_000);
      await bot.handle({ text: 'done website backup -- weekly check', actor: admin, conversation: here });
      await bot.handle({ text: 'snooze restore test 1backup 1h', actor: admin, conversation: here });
      if (week % 3 === 0)
        await bot.handle({ text: 'skip check backup results -- holiday', actor: admin, conversation: here });
    }
  });
  afterAll(async () => {
    await bot.close();
  });

  it('gives the same statuses as the full snapshot, reading only the occurrences a status looks at', async () => {
    const workspace = (await bot.store.getWorkspace(here.workspaceId))!;
    for (const at of [now, new Date(now.getTime() + 3_600_000), new Date(now.getTime() + 40 * 86_400_000)]) {
      const full = workspaceStatuses((await loadSnapshot(bot.store, bot.knowledge, workspace))!, at);
      const bounded = workspaceStatuses(await periodSnapshot(bot.store, bot.knowledge, workspace, at), at);
      expect(bounded).toEqual(full);
    }
    const bounded = await periodSnapshot(bot.store, bot.knowledge, workspace, now);
    const all = await bot.store.latestConfirmations(here.workspaceId);
    expect(bounded.confirmations.length).toBeLessThanOrEqual(all.length + 10);
    expect(bounded.confirmations.length).toBeGreaterThan(0);
  });

  it('verifies the whole chain once, then only what was appended, and says when it is still checking', async () => {
    let clock = new Date(now);
    let fullChecks = 0;
    const counting: Store = new Proxy(bot.store, {
      get(target, property, receiver) {
        if (property === 'verifyLedger')
          return async (id: string) => {
            fullChecks++;
            return target.verifyLedger(id);
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const state = createChainState(counting, () => clock, 60_000, 1_000);
    const first = await state(here.workspaceId);
    expect(first).toMatchObject({ ok: true, checking: false, brokenAt: null });
    await bot.handle({ text: 'done website backup -- one more', actor: admin, conversation: here });
    const head = await bot.store.ledgerHead(here.workspaceId);
    expect(await state(here.workspaceId)).toMatchObject({ ok: true, headSeq: head?.seq, headHash: head?.hash });
    expect(fullChecks).toBe(1);
    clock = new Date(clock.getTime() + 61_000);
    await state(here.workspaceId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fullChecks).toBe(2);

    // A verification slower than the page's wait: the page says it is still checking.
    const slow: Store = new Proxy(bot.store, {
      get(target, property, receiver) {
        if (property === 'verifyLedger')
          return async (id: string) => {
            await new Promise((resolve) => setTimeout(resolve, 200));
            return target.verifyLedger(id);
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const impatient = createChainState(slow, () => clock, 60_000, 20);
    expect(await impatient(here.workspaceId)).toMatchObject({ ok: false, checking: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await impatient(here.workspaceId)).toMatchObject({ ok: true, checking: false });
  });
});
