import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadSlackConfig, type SlackConfig } from '../../adapters/slack/config.js';
import { type MountedSlack, mountSlack } from '../../adapters/slack/mount.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Dutybot, DutybotCore } from '../../src/bot/types.js';
import type { AnswerModel } from '../../src/ports/answer-model.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { recordingLogger } from '../support/recording-logger.js';
import { SlackRequester } from '../support/slack-signing.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test1';

export interface SlackHarness {
  api: FakeSlackApi;
  dutybot: DutybotCore;
  slack: MountedSlack;
  server: Server;
  /** http://127.0.0.1:PORT */
  base: string;
  requester: SlackRequester;
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  clock?: () => Date;
  /** Reuse a fake API (e.g. the bench's). */
  api?: FakeSlackApi;
  databaseUrl?: string;
  /** OAuth distribution (installations in the store) instead of one bot token. */
  oauth?: boolean;
  /** Lets a test put a slow or failing core behind the adapter. */
  wrap?: (dutybot: Dutybot) => Dutybot;
  /** A language model behind the core (test/llm). */
  answerModel?: AnswerModel;
  /** DUTYBOT_PUBLIC_URL: turns on dashboard sign-in links. */
  publicUrl?: string;
}

export const OAUTH_ENV = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret-for-tests',
  SLACK_STATE_SECRET: 'state-secret-for-tests-0123456789',
};

/**
 * The real thing on loopback: a dutybot on a temporary SQLite file, the Slack adapter mounted on an
 * express app listening on an ephemeral port, its Web API pointed at the recording fake.
 */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const api = options.api ?? (await startFakeSlackApi());
  api.teamsByToken.set(BOT_TOKEN, 'T0001');
  const dir = mkdtempSync(join(tmpdir(), 'dutybot-slack-'));
  // One logger for the core and the adapter, as in production; lines are kept for assertions.
  const logs: string[] = [];
  const logger = recordingLogger(logs);
  const dutybot = await createDutybot({
    logger,
    databaseUrl: options.databaseUrl ?? `sqlite:${join(dir, 'dutybot.sqlite')}`,
    ...(options.clock ? { clock: options.clock } : {}),
    workerId: 'slack-test',
    ...(options.answerModel ? { answerModel: options.answerModel } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const config: SlackConfig = {
    ...loadSlackConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      ...(options.oauth ? OAUTH_ENV : { SLACK_BOT_TOKEN: BOT_TOKEN }),
      SLACK_API_URL: api.url,
      ...options.env,
    }),
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
  };
  const app = express();
  const mounted = options.wrap ? options.wrap(dutybot) : dutybot;
  const slack = await mountSlack(app, { dutybot: mounted, config, logger });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api,
    dutybot,
    slack,
    server,
    base,
    requester: new SlackRequester(`${base}/slack/events`, SIGNING_SECRET),
    logs,
    async close() {
      await slack.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dutybot.close();
      if (!options.api) await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
