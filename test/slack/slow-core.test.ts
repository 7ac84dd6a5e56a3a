import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dutybot } from '../../src/bot/types.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { slashCommand, type Who } from './payloads.js';

/**
 * Slack gives a command 3 seconds. When the core is slower than the adapter's budget, the command
 * is acknowledged with a short notice and the reply follows through the response URL; when the
 * core fails, the user gets an apology instead of silence.
 */

const alice: Who = { team: 'T0001', user: 'UALICE', channel: 'CSLOW' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack commands with a slow or failing core', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      wrap: (bot): Dutybot => ({
        ...bot,
        async handle(input) {
          if (input.text.startsWith('slow ')) {
            await sleep(2_600); // past the adapter's 2 s acknowledgement budget
            return bot.handle({ ...input, text: input.text.slice('slow '.length) });
          }
          if (input.text === 'explode') throw new Error('database is on fire');
          return bot.handle(input);
        },
      }),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('acknowledges within the budget and delivers the late reply through the response URL', async () => {
    const responseUrl = h.api.responseUrl();
    const res = await h.requester.command(slashCommand(alice, 'slow who does the backup on RocketWeb?', responseUrl));
    // The acknowledgement is the notice, not the answer: the answer was not ready in time.
    expect((res.json() as { text: string }).text).toMatch(/Working on it/);
    const late = await h.api.waitFor(() => h.api.responsesTo(responseUrl)[0], 'late reply');
    expect(late.body.response_type).toBe('ephemeral');
    expect(late.body.replace_original).toBe(true);
    expect(JSON.stringify(late.body.blocks)).toContain('RocketWeb');
  });

  it('answers a failure with an apology, and logs what failed without secrets', async () => {
    const res = await h.requester.command(slashCommand(alice, 'explode', h.api.responseUrl()));
    expect(res.status).toBe(200);
    const body = res.json() as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/went wrong/);
    expect(h.logs.some((line) => line.includes('database is on fire'))).toBe(true);
    expect(h.logs.join('\n')).not.toMatch(/xox[bpa]-/);
  });
});
