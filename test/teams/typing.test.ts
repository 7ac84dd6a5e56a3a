import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dutybot } from '../../src/bot/types.js';
import type { KeyValueStore } from '../../src/ports/key-value.js';
import { ANNA, cardOf, channelMessage, installRocketwebTeam, startTeamsHarness, type TeamsHarness } from './harness.js';

/**
 * Teams' store rule: a reply within 2 seconds, or a typing indicator first. Each slow path of a
 * message turn (a slow store before the command even runs, an export, a digest) is made slow on
 * purpose here; the indicator must reach the connector before the reply does.
 */

const SLOW_MS = 900;

/** The connector's record of one turn: where the first typing activity and the first card are. */
function order(h: TeamsHarness): { typing: number; reply: number } {
  const typing = h.connector.calls.findIndex((call) => call.body?.type === 'typing');
  const reply = h.connector.calls.findIndex((call) => cardOf(call) !== null);
  return { typing, reply };
}

describe('Teams: a typing indicator before every slow reply', () => {
  let h: TeamsHarness;
  /** Which slow path is on for the next turn. */
  const slow = { command: null as string | null, store: false };

  const start = async () => {
    h = await startTeamsHarness({
      adminIds: [ANNA.aadObjectId],
      wrap: (bot): Dutybot => ({
        ...bot,
        keyValue: slowKeyValue(bot.keyValue, () => slow.store),
        async handle(input) {
          if (slow.command && input.text.startsWith(slow.command)) await delay(SLOW_MS);
          return bot.handle(input);
        },
      }),
    });
    await installRocketwebTeam(h);
  };

  afterEach(async () => {
    slow.command = null;
    slow.store = false;
    await h.close();
  });

  for (const command of ['export csv', 'digest']) {
    it(`a slow \`${command}\`: typing first, then the card`, async () => {
      await start();
      slow.command = command;
      const response = await h.post(channelMessage(h.connector.serviceUrl, command, ANNA));
      expect(response.status).toBe(200);
      const { typing, reply } = order(h);
      expect(typing).toBeGreaterThanOrEqual(0);
      expect(reply).toBeGreaterThan(typing);
      // One indicator per turn, not a stream of them.
      expect(h.connector.calls.filter((call) => call.body?.type === 'typing')).toHaveLength(1);
    });
  }

  it('a slow store before the command runs (finding the workspace) is covered too', async () => {
    await start();
    slow.store = true;
    const response = await h.post(channelMessage(h.connector.serviceUrl, 'pending', ANNA));
    expect(response.status).toBe(200);
    const { typing, reply } = order(h);
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(reply).toBeGreaterThan(typing);
  });
});

/** The adapter's own state (conversation references, users, answered marks) read slowly while `on()`. */
function slowKeyValue(inner: KeyValueStore, on: () => boolean): KeyValueStore {
  return {
    async kvGet<T>(namespace: string, key: string) {
      if (on()) await delay(SLOW_MS / 3);
      return inner.kvGet<T>(namespace, key);
    },
    kvSet: (namespace, key, value, ttlMs) => inner.kvSet(namespace, key, value, ttlMs),
    kvDelete: (namespace, key) => inner.kvDelete(namespace, key),
  };
}
