import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_VERBS } from '../../adapters/teams/cards/reminder.js';
import type { Dutybot } from '../../src/bot/types.js';
import { parsedLines } from '../support/recording-logger.js';
import {
  ANNA,
  botAddedToTeam,
  cardAction,
  channelMessage,
  MARCO,
  startTeamsHarness,
  type TeamsHarness,
} from './harness.js';

/** What a failing core throws: internals and a credential the user must never see, nor a log keep. */
/** Built at run time so the repository holds nothing a secret scanner mistakes for a real token. */
const INTERNAL = `database is on fire (token=${['xoxb', '1-internal-secret'].join('-')}, Authorization: Bearer eyJa.eyJb.sig)`;
const SORRY =
  'Something went wrong on our side. Please try again in a moment; if it keeps happening, tell whoever runs dutybot.';

/** The Teams adapter's one error path: log once (structured, redacted), answer a fixed sentence. */
describe('Teams failures on our side', () => {
  let h: TeamsHarness;

  beforeEach(async () => {
    h = await startTeamsHarness({
      wrap: (bot): Dutybot => ({
        ...bot,
        async confirm() {
          throw new Error(INTERNAL);
        },
        async handle(input) {
          if (input.text === 'explode') throw new Error(INTERNAL);
          return bot.handle(input);
        },
      }),
    });
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    h.connector.reset();
    h.logs.length = 0;
  });
  afterEach(async () => h.close());

  const failureLines = () => parsedLines(h.logs).filter((line) => line.level === 'error');

  it('catches a failing confirm in a card action and answers the clicker with a short sentence', async () => {
    const response = await h.post(
      cardAction(
        h.connector.serviceUrl,
        REMINDER_VERBS.done,
        { dutyId: 'rocketweb.customer.website-backup', occurrence: '2026-11', note: 'done' },
        'card-1',
        MARCO,
      ),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: SORRY,
    });

    const [line, ...more] = failureLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ component: 'teams', msg: 'card action failed', activityType: 'invoke' });
    expect(line?.activityId).toEqual(expect.any(String));
    expect(String(line?.error)).toContain('database is on fire');
    expect(JSON.stringify(h.logs)).not.toMatch(/xoxb-|eyJa\.eyJb|Bearer e/);
  });

  it('answers a failing command with the same sentence, and logs it the same way', async () => {
    const response = await h.post(channelMessage(h.connector.serviceUrl, 'explode', ANNA));
    expect(response.status).toBe(200);
    const replies = h.connector.messages().map((call) => call.body.text);
    expect(replies).toEqual([SORRY]);
    expect(JSON.stringify(h.connector.messages())).not.toContain('fire');

    const [line, ...more] = failureLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ component: 'teams', msg: 'command failed', activityType: 'message' });
    expect(JSON.stringify(h.logs)).not.toMatch(/xoxb-|eyJa\.eyJb|Bearer e/);
  });
});
