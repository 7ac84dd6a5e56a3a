import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/bot/types.js';
import { replyText } from '../src/views/text.js';
import { admin, bob, useCommandBot } from './support/command-bot.js';

/**
 * A calm first run: what was already late when dutybot was installed is "open since before
 * dutybot was installed", never OVERDUE; and a user's `pending` says how much it leaves out.
 */

// Installed on Monday 30 November 2026, 10:00 in Rome: November's monthly duties are already late.
const installedAt = new Date('2026-11-30T09:00:00Z');
const { here, bot } = useCommandBot('firstrun', installedAt);

async function say(text: string, actor: Actor = admin, now = installedAt) {
  const reply = await bot().handle({ text, actor, conversation: here, now });
  return { reply, text: replyText(reply) };
}

describe('the first run', () => {
  it('shows what was open at install as open since before install, never OVERDUE', async () => {
    const { reply, text } = await say('pending all');
    expect(reply.kind).toBe('pending');
    if (reply.kind !== 'pending') return;
    const inherited = reply.items.filter((i) => i.openBeforeInstall);
    expect(inherited.length).toBeGreaterThan(0);
    expect(reply.items.every((i) => i.state !== 'overdue')).toBe(true);
    expect(text).not.toContain('OVERDUE');
    expect(text).toContain('[open since before dutybot was installed] Monthly website backup');
  });

  it('still calls an occurrence that fell due after install overdue once its deadline passes', async () => {
    // Sunday 20 December: week 51's checks were asked of the team (deadline Friday) and are late;
    // Q4's, open since before install, are still not.
    const { reply } = await say('pending all', admin, new Date('2026-12-20T09:00:00Z'));
    if (reply.kind !== 'pending') throw new Error(reply.kind);
    const weekly = reply.items.find((i) => i.duty.id === 'rocketweb.customer.resource-usage-check');
    expect(weekly).toMatchObject({ occurrence: '2026-W51', state: 'overdue', openBeforeInstall: false });
    const quarterly = reply.items.find((i) => i.duty.id === 'stellar.customer.vm-restore-test');
    expect(quarterly).toMatchObject({ occurrence: '2026-Q4', state: 'due', openBeforeInstall: true });
  });

  it("ends a user's pending with how many are assigned to others", async () => {
    expect((await say('assign fallback @alice')).reply.kind).toBe('updated');
    const { reply, text } = await say('pending', bob);
    if (reply.kind !== 'pending') throw new Error(reply.kind);
    expect(reply.items).toEqual([]);
    const all = await say('pending all', bob);
    if (all.reply.kind !== 'pending') throw new Error(all.reply.kind);
    const others = all.reply.items.length;
    expect(others).toBeGreaterThan(0);
    expect(text).toBe(`Nothing pending. 🎉\n${others} more assigned to others — \`pending all\``);
    expect(all.text).not.toContain('more assigned to others');
  });

  it('does not call a quarterly item "Due today" in the digest', async () => {
    const { reply, text } = await say('digest');
    expect(reply.kind).toBe('digest');
    expect(text).not.toContain('Due today');
    expect(text).toMatch(/^Open now/m);
    expect(text).toMatch(/Q4 2026|2026-Q4/);
  });
});
