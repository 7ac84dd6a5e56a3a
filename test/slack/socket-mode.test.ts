import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { mountSlack } from '../../adapters/slack/mount.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { DutybotCore } from '../../src/bot/types.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { recordingLogger } from '../support/recording-logger.js';

/**
 * Socket Mode is chosen by SLACK_APP_TOKEN: the app opens its connection through
 * apps.connections.open with the app-level token (at SLACK_API_URL) and adds no HTTP routes.
 * (The WebSocket session itself is Slack's SDK; no WebSocket server is available offline here.)
 */
describe('Slack Socket Mode wiring', () => {
  let api: FakeSlackApi;
  let dutybot: DutybotCore;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    dutybot = await createDutybot({ databaseUrl: 'sqlite::memory:' });
  });
  afterAll(async () => {
    await dutybot?.close();
    await api?.close();
  });

  it('connects with the app-level token through SLACK_API_URL and mounts no HTTP route', async () => {
    api.failNext('apps.connections.open', 'invalid_auth');
    const config = {
      ...loadSlackConfig({
        SLACK_SIGNING_SECRET: 's',
        SLACK_BOT_TOKEN: 'xoxb-socket',
        SLACK_APP_TOKEN: 'xapp-socket',
        SLACK_API_URL: api.url,
      }),
      retryConfig: { retries: 0, factor: 1 },
    };
    const server = express();
    const logs: string[] = [];
    await expect(mountSlack(server, { dutybot, config, logger: recordingLogger(logs) })).rejects.toThrow(
      /invalid_auth/,
    );
    const open = api.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]?.token).toBe('xapp-socket');
    expect(api.callsTo('auth.test')[0]?.token).toBe('xoxb-socket');
    // Nothing listens on /slack/events: the shared HTTP server stays free of Slack routes.
    const listening = server.listen(0, '127.0.0.1');
    await once(listening, 'listening');
    const port = (listening.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    await new Promise<void>((resolve) => listening.close(() => resolve()));
  });
});
