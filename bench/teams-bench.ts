import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import express from 'express';
import { botFrameworkAuthConfig, type TeamsConfig } from '../adapters/teams/config.js';
import { mountTeams } from '../adapters/teams/mount.js';
import { createDutybot } from '../src/bot/dutybot.js';
import { silentLogger } from '../src/logging/logger.js';
import { startFakeConnector, testCredentials } from '../test/support/fake-connector.js';
import { startFakeOpenId } from '../test/support/fake-openid.js';
import { close, listen, BENCH_QUESTIONS as QUESTIONS, type RunResult, runLoad, summarize } from './support/load.js';

/**
 * Questions as Teams personal-chat messages through the whole Teams app (RS256 token check
 * against a local issuer, teams-ai routing, the core's answer, Adaptive Card rendering, the reply
 * POSTed to a local connector) next to a teams-ai app on the same adapter and auth whose handler
 * only replies "ok" — same harness, same run, 16 concurrent clients on loopback, the two apps taking turns in rounds. The "ok" figure
 * is the ceiling of this machine for an authenticated Bot Framework turn.
 */

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const TENANT = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const CONCURRENCY = 16;
const USERS = 50;
const WARMUP = 300;
const REQUESTS = 3_000;
/** Each app gets its requests in alternating rounds, so load from elsewhere on the machine hits both alike. */
const ROUNDS = 4;
const MAX_MS = 8_000;

let sequence = 0;

function activity(serviceUrl: string, n: number) {
  const user = `29:bench-user-${n % USERS}`;
  return {
    type: 'message',
    id: `bench-${++sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    text: QUESTIONS[n % QUESTIONS.length],
    from: { id: user, aadObjectId: `aad-bench-${n % USERS}`, name: `Bench User ${n % USERS}` },
    recipient: { id: `28:${APP_ID}`, name: 'dutybot' },
    conversation: { id: `a:bench-${user}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

async function load(url: string, token: string, serviceUrl: string, total: number): Promise<RunResult> {
  return runLoad({ concurrency: CONCURRENCY, total, maxMs: MAX_MS }, async (n) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify(activity(serviceUrl, n)),
    });
    await response.arrayBuffer();
    return response.status === 200;
  });
}

function merge(runs: RunResult[]): RunResult {
  return {
    count: runs.reduce((sum, run) => sum + run.count, 0),
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    latencies: runs.flatMap((run) => run.latencies),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  };
}

function describeRun(name: string, run: RunResult): { rps: number; p99: number; line: string } {
  const { rps, p50, p99 } = summarize(run);
  return {
    rps,
    p99,
    line: `teams ${name}: ${rps.toFixed(0)} activities/s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (${run.count} authenticated activities, ${CONCURRENCY} clients${run.failures ? `, ${run.failures} non-200` : ''})`,
  };
}

export async function benchTeams(): Promise<string[]> {
  const connector = await startFakeConnector();
  const openId = await startFakeOpenId();
  const dir = mkdtempSync(join(tmpdir(), 'dutybot-teams-bench-'));
  const dutybot = await createDutybot({ databaseUrl: `sqlite:${join(dir, 'bench.sqlite')}`, workerId: 'bench' });
  const servers: Server[] = [];
  const config: TeamsConfig = {
    appId: APP_ID,
    appPassword: 'bench-only',
    tenantId: TENANT,
    appType: 'SingleTenant',
    adminIds: [],
    openIdMetadataUrl: openId.metadataUrl,
    tokenIssuer: openId.issuer,
    channelLoginUrl: null,
    channelOAuthScope: null,
  };
  try {
    // The ceiling: the same adapter, auth and connector, with a handler that only replies "ok".
    const okExpress = express();
    const okAdapter = new TeamsAdapter(botFrameworkAuthConfig(config), testCredentials(APP_ID, connector.bearer));
    const okApp = new Application<TurnState>({ adapter: okAdapter, botAppId: APP_ID, startTypingTimer: false });
    okApp.message(/^/, async (context) => {
      await context.sendActivity('ok');
    });
    okExpress.post('/api/messages', express.json(), async (req, res) => {
      await okAdapter.process(req, res, async (context) => {
        await okApp.run(context);
      });
    });
    const ok = await listen(okExpress, '/api/messages');
    servers.push(ok.server);

    const fullExpress = express();
    await mountTeams(fullExpress, {
      dutybot,
      config,
      credentialsFactory: testCredentials(APP_ID, connector.bearer),
      logger: silentLogger,
    });
    const full = await listen(fullExpress, '/api/messages');
    servers.push(full.server);

    // One token for the run, as Teams reuses its tokens for their lifetime.
    const token = `Bearer ${openId.token({ audience: APP_ID, serviceUrl: connector.serviceUrl })}`;
    await load(ok.url, token, connector.serviceUrl, WARMUP);
    await load(full.url, token, connector.serviceUrl, WARMUP);
    connector.reset();

    const okRuns: RunResult[] = [];
    const fullRuns: RunResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      okRuns.push(await load(ok.url, token, connector.serviceUrl, REQUESTS / ROUNDS));
      fullRuns.push(await load(full.url, token, connector.serviceUrl, REQUESTS / ROUNDS));
      connector.reset();
    }
    const baseline = describeRun('"ok"-only teams-ai app', merge(okRuns));
    const questions = describeRun('question through dutybot', merge(fullRuns));
    const ratio = questions.rps / baseline.rps;
    return [
      baseline.line,
      questions.line,
      `teams: dutybot at ${(ratio * 100).toFixed(0)}% of the "ok"-only throughput (both: RS256 token check, teams-ai turn, one reply POSTed to the connector)`,
    ];
  } finally {
    for (const server of servers) await close(server);
    await dutybot.close();
    await connector.close();
    await openId.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
