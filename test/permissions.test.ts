import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/bot/types.js';
import { admin, alice, useCommandBot } from './support/command-bot.js';

/**
 * The permission rules of issue 10 in the core, on the terminal surface: the same rules the Slack
 * and Teams tests drive through their servers, from the plain facts an adapter reports on `Actor`.
 */

const WS = 'local:permissions';
const DUTY = '1backup.customer.check-backup-results';
const now = new Date('2026-11-30T09:00:00Z');

describe('permissions from plain facts', () => {
  const t = useCommandBot(WS, now);
  const run = (text: string, actor: Actor = admin) => t.bot().handle({ text, actor, conversation: t.here, now });

  it('an external platform admin, even listed in settings.admins, is no admin here', async () => {
    const outsider: Actor = { userId: 'eve', isPlatformAdmin: async () => true, isExternal: async () => true };
    await run('settings set admins eve');
    const before = await t.ledgerSize();
    expect(await run('settings set language it', outsider)).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect(await run(`done ${DUTY}`, outsider)).toMatchObject({ kind: 'error', code: 'forbidden' });
    expect(await t.ledgerSize()).toBe(before);
  });

  it('an external user assigned by name confirms that duty, and only that one', async () => {
    const partner: Actor = { userId: 'pat', isPlatformAdmin: async () => false, isExternal: async () => true };
    expect(await run(`assign ${DUTY} @pat`)).toMatchObject({ kind: 'updated' });
    expect(await run(`done ${DUTY}`, partner)).toMatchObject({ kind: 'confirmed' });
    // Unassigned duties are open to the workspace's members, not to outsiders.
    expect(await run('done sygma backup integrity check', partner)).toMatchObject({ code: 'forbidden' });
    expect(await run('done sygma backup integrity check', alice)).toMatchObject({ kind: 'confirmed' });
  });

  it('on the terminal, @name names a person but broadcast words are refused', async () => {
    const before = await t.ledgerSize();
    for (const word of ['@channel', '@here', '@everyone', '@alice @all']) {
      const reply = await run(`assign rocketweb ${word}`);
      expect(reply, word).toMatchObject({ kind: 'error', code: 'bad_value' });
      expect(JSON.stringify(reply)).toMatch(/owners must be people/);
    }
    expect(await t.ledgerSize()).toBe(before);
    expect(await run('assign rocketweb @alice')).toMatchObject({ kind: 'updated' });
  });

  it('on Slack and Teams a typed @word is not a mention: only platform mentions name owners', async () => {
    for (const platform of ['slack', 'teams'] as const) {
      const reply = await t.bot().handle({
        text: 'assign rocketweb @marta',
        actor: admin,
        conversation: { ...t.here, platform },
        now,
      });
      expect(reply, platform).toMatchObject({ kind: 'error', code: 'bad_value' });
    }
  });
});
