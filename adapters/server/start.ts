import { fstatSync } from 'node:fs';
import type { Server } from 'node:http';
import express from 'express';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import { createLogger } from '../../src/logging/pino-logger.js';
import { loadLlmConfig } from '../llm/config.js';
import { answerModelFromEnv } from '../llm/from-env.js';
import type { WebOffers } from '../web/context.js';

/**
 * `npm start`: serve Slack and/or Teams on one HTTP port when their credentials are in the
 * environment, otherwise open the terminal chat. The scheduler runs in every mode; several
 * replicas may run against one PostgreSQL (the outbox makes each delivery happen once).
 *
 * This is the composition root of the server: it creates the process's one logger and hands it
 * to the core (store, scheduler), to each platform adapter and to the scheduler loop.
 */

const TICK_INTERVAL_MS = 30_000;

export interface RunningServer {
  bot: Dutybot;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

export async function start(env: NodeJS.ProcessEnv): Promise<number> {
  const { describeSurfaces } = await import('./surfaces.js');
  const surfaces = describeSurfaces(env, { scheduler: TICK_INTERVAL_MS / 1000 });
  if (!surfaces.slack && !surfaces.teams) {
    if (stdinHasInput()) {
      const { runTerminalChat } = await import('../cli/terminal-chat.js');
      return runTerminalChat(env);
    }
    // systemd, Docker without -i: exiting 0 in silence would look like a clean run of nothing.
    const { OPERATOR } = await import('../cli/wording.js');
    process.stderr.write(`${[OPERATOR.nothingToServe, ...surfaces.lines, OPERATOR.nothingToServeHint].join('\n')}\n`);
    return 1;
  }
  const logger = createLogger({ env });
  for (const line of surfaces.lines) logger.info(line);
  const running = await startServer(env, { logger });
  const { OPERATOR } = await import('../cli/wording.js');
  logger.info(OPERATOR.listening(`http://${env.HOST || '0.0.0.0'}:${running.port}`));
  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  await running.stop();
  return 0;
}

/**
 * A person at a terminal, or lines piped or redirected in: the terminal chat has someone to answer.
 * `/dev/null` (systemd's and Docker's default stdin) or a closed stdin has no one.
 */
function stdinHasInput(): boolean {
  if (process.stdin.isTTY) return true;
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

/** Builds the HTTP server with every configured platform mounted; used by `start` and tests. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  options: { bot?: Dutybot; port?: number; host?: string; scheduler?: boolean; logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ env });
  const bot =
    options.bot ??
    (await createDutybot({
      databaseUrl: env.DATABASE_URL || undefined,
      commandPrefix: '/duty',
      dispatchAfterConfirm: true,
      publicUrl: env.DUTYBOT_PUBLIC_URL || undefined,
      logger,
      answerModel: await answerModelFromEnv(env),
    }));
  const app = express();
  app.disable('x-powered-by');
  // Healthy means the store answers: a replica whose database is gone must leave the load balancer.
  app.get('/healthz', async (_req, res) => {
    try {
      await bot.checkStore();
      res.json({ ok: true, store: 'ok' });
    } catch (error) {
      logger.error('health check: the store does not answer', { error });
      res.status(503).json({ ok: false, store: 'unavailable' });
    }
  });

  const stops: (() => Promise<void>)[] = [];
  const [{ isSlackConfigured, loadSlackConfig }, { isTeamsConfigured, loadTeamsConfig }] = await Promise.all([
    import('../slack/config.js'),
    import('../teams/config.js'),
  ]);
  // What the public pages may offer visitors: only what this configuration really serves.
  const offers: WebOffers = { languageModelHost: languageModelHost(env) };
  if (isSlackConfigured(env)) {
    const { mountSlack, SLACK_PATHS } = await import('../slack/mount.js');
    const config = loadSlackConfig(env);
    const slack = await mountSlack(app, { dutybot: bot, config, logger });
    stops.push(slack.stop);
    if (config.auth.mode === 'oauth' && !config.appToken) offers.slackInstallPath = SLACK_PATHS.install;
  }
  if (isTeamsConfigured(env)) {
    const { mountTeams } = await import('../teams/mount.js');
    const teams = await mountTeams(app, { dutybot: bot, config: loadTeamsConfig(env), logger });
    stops.push(teams.stop);
    offers.teams = true;
  }
  // Web pages come last: their routes never shadow the platforms' endpoints.
  const { mountWeb } = await import('../web/mount.js');
  await mountWeb(app, { dutybot: bot, logger, env, offers });

  const port = options.port ?? Number(env.PORT ?? 3000);
  const host = options.host ?? env.HOST ?? '0.0.0.0';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  let timer: NodeJS.Timeout | undefined;
  if (options.scheduler !== false) {
    // One tick at a time: a tick still delivering when the next is due is not doubled (the next
    // one simply starts on the following interval).
    const schedulerLog = logger.child({ component: 'scheduler' });
    let running: Promise<unknown> | null = null;
    const tick = () => {
      if (running) return running;
      running = bot
        .tick(new Date())
        .catch((error: unknown) => schedulerLog.error('tick failed', { error }))
        .finally(() => {
          running = null;
        });
      return running;
    };
    timer = setInterval(tick, TICK_INTERVAL_MS);
    void tick();
  }

  return {
    bot,
    server,
    port: actualPort,
    async stop() {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const stop of stops) await stop();
      if (!options.bot) await bot.close();
    },
  };
}

/** Where questions may go when a language model is configured (the privacy policy names it); never a key. */
function languageModelHost(env: NodeJS.ProcessEnv): string | undefined {
  const config = loadLlmConfig(env);
  if (!config) return undefined;
  try {
    return new URL(config.provider.baseURL).host;
  } catch {
    // An endpoint that is not a URL fails at the first model call; the policy still names it.
    return config.provider.baseURL;
  }
}
