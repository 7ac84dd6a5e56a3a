import type { Server } from 'node:http';
import express from 'express';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import { createLogger } from '../../src/logging/pino-logger.js';
import { answerModelFromEnv } from '../llm/from-env.js';

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
  const [{ isSlackConfigured }, { isTeamsConfigured }] = await Promise.all([
    import('../slack/config.js'),
    import('../teams/config.js'),
  ]);
  if (!isSlackConfigured(env) && !isTeamsConfigured(env)) {
    const { runTerminalChat } = await import('../cli/terminal-chat.js');
    return runTerminalChat(env);
  }
  const logger = createLogger({ env });
  const running = await startServer(env, { logger });
  logger.info('dutybot listening', { url: `http://${env.HOST ?? '0.0.0.0'}:${running.port}` });
  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  await running.stop();
  return 0;
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
      logger,
      answerModel: await answerModelFromEnv(env),
    }));
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  const stops: (() => Promise<void>)[] = [];
  const [{ isSlackConfigured, loadSlackConfig }, { isTeamsConfigured, loadTeamsConfig }] = await Promise.all([
    import('../slack/config.js'),
    import('../teams/config.js'),
  ]);
  if (isSlackConfigured(env)) {
    const { mountSlack } = await import('../slack/mount.js');
    const slack = await mountSlack(app, { dutybot: bot, config: loadSlackConfig(env), logger });
    stops.push(slack.stop);
  }
  if (isTeamsConfigured(env)) {
    const { mountTeams } = await import('../teams/mount.js');
    const teams = await mountTeams(app, { dutybot: bot, config: loadTeamsConfig(env), logger });
    stops.push(teams.stop);
  }

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
