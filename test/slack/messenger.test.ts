import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackClients } from '../../adapters/slack/clients.js';
import { loadSlackConfig, type SlackConfig } from '../../adapters/slack/config.js';
import { SlackMessenger } from '../../adapters/slack/messenger.js';
import { DeliveryError } from '../../src/ports/messenger.js';
import { mention } from '../../src/views/mentions.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { recordingLogger } from '../support/recording-logger.js';
import { bigDigest, confirmation, reminder } from './fixtures.js';
import { blockKitViolations } from './limits.js';

/** The Slack Messenger (the scheduler's way out) against the recording Web API on loopback. */

describe('SlackMessenger', () => {
  let api: FakeSlackApi;
  let messenger: SlackMessenger;
  const logs: string[] = [];
  let config: SlackConfig;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    config = {
      ...loadSlackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-m', SLACK_API_URL: api.url }),
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
    };
    messenger = new SlackMessenger(new SlackClients(config, null, { logger: recordingLogger(logs) }));
  });
  afterAll(async () => {
    await api?.close();
  });

  it('posts a reminder, a follow-up in its thread, and updates it in place', async () => {
    const ref = await messenger.post({
      workspaceId: 'slack:T1',
      channel: 'COPS',
      message: { kind: 'reminder', view: reminder() },
      thread: null,
      deliveryKey: 'k1',
    });
    expect(ref.channel).toBe('COPS');
    expect(ref.id).toMatch(/^\d+\.\d{6}$/);

    await messenger.post({
      workspaceId: 'slack:T1',
      channel: 'COPS',
      message: {
        kind: 'followup',
        view: reminder({ kind: 'followup', headline: `${mention('UOWNER1')}, still open` }),
      },
      thread: ref,
      deliveryKey: 'k2',
    });
    const followup = api.callsTo('chat.postMessage').at(-1);
    expect(followup?.args.thread_ts).toBe(ref.id);

    await messenger.update('slack:T1', ref, { kind: 'reminder', view: reminder({ closedBy: confirmation(1) }) });
    const update = api.callsTo('chat.update').at(-1);
    expect(update?.args).toMatchObject({ channel: 'COPS', ts: ref.id });
    expect(JSON.stringify(update?.args.blocks)).not.toContain('duty_done');
  });

  it('posts a 200-duty digest within Slack limits', async () => {
    await messenger.post({
      workspaceId: 'slack:T1',
      channel: 'COPS',
      message: { kind: 'digest', view: bigDigest(200) },
      thread: null,
      deliveryKey: 'k3',
    });
    const posted = api.callsTo('chat.postMessage').at(-1);
    expect(blockKitViolations(posted?.args.blocks as unknown[], 50)).toEqual([]);
  });

  it('sends to a user through their DM', async () => {
    const ref = await messenger.sendToUser('slack:T1', 'UOWNER1', { kind: 'reminder', view: reminder() }, 'k4');
    expect(ref.channel).toBe('DOWNER1');
    expect(api.callsTo('conversations.open').at(-1)?.args.users).toBe('UOWNER1');
  });

  it('hands a 429 back to the outbox with its Retry-After instead of sleeping in the call', async () => {
    api.rateLimit('chat.postMessage', 70);
    const before = api.callsTo('chat.postMessage').length;
    const started = performance.now();
    const error = await messenger
      .post({
        workspaceId: 'slack:T1',
        channel: 'COPS',
        message: { kind: 'reminder', view: reminder() },
        thread: null,
        deliveryKey: 'k5',
      })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).retryable).toBe(true);
    expect((error as DeliveryError).retryAfterMs).toBe(70_000);
    const attempts = api.callsTo('chat.postMessage').slice(before);
    expect(attempts.map((c) => c.status)).toEqual([429]);
    // Whatever the Web API client logs of it goes through the one logger, without the token.
    expect(logs.join('\n')).not.toContain('xoxb-m');
  });

  it('gives up on a call Slack never answers after the timeout', async () => {
    const quick = new SlackMessenger(new SlackClients(config, null, { timeoutMs: 200, logger: recordingLogger(logs) }));
    api.inject({ method: 'chat.postMessage', channel: 'CHUNG', kind: 'hang' });
    const started = performance.now();
    const error = await quick
      .post({
        workspaceId: 'slack:T1',
        channel: 'CHUNG',
        message: { kind: 'reminder', view: reminder() },
        thread: null,
        deliveryKey: 'k7',
      })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect((error as DeliveryError).retryable).toBe(true);
    api.clearFaults();
  });

  it('turns Slack failures into retryable or permanent DeliveryErrors', async () => {
    const post = () =>
      messenger.post({
        workspaceId: 'slack:T1',
        channel: 'CGONE',
        message: { kind: 'reminder', view: reminder() },
        thread: null,
        deliveryKey: 'k6',
      });
    api.failNext('chat.postMessage', 'channel_not_found');
    const permanent = await post().catch((error: unknown) => error);
    expect(permanent).toBeInstanceOf(DeliveryError);
    expect((permanent as DeliveryError).retryable).toBe(false);

    api.failNext('chat.postMessage', 'service_unavailable');
    const temporary = await post().catch((error: unknown) => error);
    expect((temporary as DeliveryError).retryable).toBe(true);
  });
});
