import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../adapters/server/start.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { parsedLines, recordingLogger } from '../support/recording-logger.js';
import { SlackRequester } from '../support/slack-signing.js';
import { slashCommand } from './payloads.js';

/** `npm start` with Slack variables: the shared server answers Slack and /healthz on one port. */
describe('the dutybot server with Slack configured', () => {
  let api: FakeSlackApi;
  let running: RunningServer;
  let dir: string;
  const secret = 'server-test-signing-secret';
  const logs: string[] = [];

  beforeAll(async () => {
    api = await startFakeSlackApi();
    dir = mkdtempSync(join(tmpdir(), 'dutybot-slack-server-'));
    running = await startServer(
      {
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: 'xoxb-server',
        SLACK_API_URL: api.url,
        DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      },
      { port: 0, host: '127.0.0.1', scheduler: false, logger: recordingLogger(logs) },
    );
  });
  afterAll(async () => {
    await running?.stop();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /healthz and signed Slack requests on /slack/events', async () => {
    const base = `http://127.0.0.1:${running.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const slack = new SlackRequester(`${base}/slack/events`, secret);
    const res = await slack.command(slashCommand({ team: 'T9', user: 'U9', channel: 'C9' }, 'help', api.responseUrl()));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json())).toContain('/duty pending');
    const unsigned = await fetch(`${base}/slack/events`, { method: 'POST', body: 'x=1' });
    expect(unsigned.status).toBe(401);
    // The server's one logger reaches Bolt's receiver: the refused request is logged there.
    expect(parsedLines(logs)).toContainEqual(
      expect.objectContaining({ level: 'warn', component: 'slack', msg: expect.stringMatching(/verification failed/) }),
    );
    expect(logs.join('\n')).not.toContain('xoxb-server');
  });
});
