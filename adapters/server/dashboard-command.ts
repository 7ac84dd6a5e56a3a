import { createServer } from 'node:net';
import type { CliCommand } from '../cli/command.js';
import { CliFailure, CliUsageError } from '../cli/errors.js';
import { localActor } from '../cli/local.js';
import { OPERATOR } from '../cli/wording.js';
import { chooseWorkspace } from '../cli/workspace-choice.js';

/**
 * `dutybot dashboard link`: a one-time sign-in link for an operator to hand over (needs
 * DUTYBOT_PUBLIC_URL, where the server that serves the dashboard is reached).
 * `dutybot dashboard [--port P]`: serves the dashboard of the local store on 127.0.0.1 only, and
 * prints a sign-in link for the person at the terminal.
 */

const USAGE =
  'dutybot dashboard [--port P] [--workspace <id>]   serve the local store on 127.0.0.1\n  dutybot dashboard link [--workspace <id>] [--user <id>]   print a one-time sign-in link';

type Values = Record<string, string | boolean | undefined>;

const str = (values: Values, key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function link(values: Values): Promise<number> {
  const publicUrl = process.env.DUTYBOT_PUBLIC_URL?.trim();
  if (!publicUrl) throw new CliFailure(OPERATOR.dashboardNoPublicUrl);
  const { createDutybot } = await import('../../src/bot/dutybot.js');
  const bot = await createDutybot({ databaseUrl: process.env.DATABASE_URL || undefined, publicUrl });
  try {
    const { conversation } = await chooseWorkspace(bot, str(values, 'workspace'), 'read');
    const user = str(values, 'user');
    // Without --user the link is the operator's own, an admin as at the terminal; a named person
    // is an admin only if the workspace's settings say so.
    const userId = user ?? localActor(undefined).userId;
    const issued = await bot.dashboard.signInLink(conversation.workspaceId, userId, {
      platformAdmin: user === undefined,
    });
    if (!issued) throw new CliFailure(OPERATOR.noSuchWorkspace(conversation.workspaceId, []));
    process.stdout.write(`${issued.url}\n`);
    process.stderr.write(`${OPERATOR.dashboardLinkFor(userId, conversation.workspaceId, issued.expiresAt)}\n`);
    return 0;
  } finally {
    await bot.close();
  }
}

async function serve(values: Values): Promise<number> {
  const raw = str(values, 'port') ?? '3000';
  const requested = Number(raw);
  if (!/^\d+$/.test(raw) || requested > 65_535) throw new CliUsageError(`--port "${raw}" is not a port number`);
  const port = requested === 0 ? await freePort() : requested;
  const url = `http://127.0.0.1:${port}`;
  const [{ createDutybot }, { createLogger }, { startServer }] = await Promise.all([
    import('../../src/bot/dutybot.js'),
    import('../../src/logging/pino-logger.js'),
    import('./start.js'),
  ]);
  const logger = createLogger({ env: process.env });
  const bot = await createDutybot({
    databaseUrl: process.env.DATABASE_URL || undefined,
    commandPrefix: 'dutybot',
    publicUrl: url,
    logger,
  });
  const actor = localActor(undefined);
  const { conversation, summary } = await chooseWorkspace(bot, str(values, 'workspace'), 'write');
  if (!summary) await bot.ensureWorkspace(conversation, actor.userId);
  // Only the dashboard, only on loopback: no platform is mounted and nothing is scheduled here.
  const running = await startServer(
    { DUTYBOT_PUBLIC_URL: url },
    { bot, port, host: '127.0.0.1', scheduler: false, logger },
  );
  const issued = await bot.dashboard.signInLink(conversation.workspaceId, actor.userId, { platformAdmin: true });
  process.stdout.write(
    `${OPERATOR.dashboardServing(`${url}/dashboard`, conversation.workspaceId)}\n${issued?.url ?? ''}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  return 0;
}

export const dashboardCommand: CliCommand = {
  summary: 'the web dashboard: serve the local store on 127.0.0.1, or print a one-time sign-in link',
  usage: USAGE,
  options: { port: { type: 'string' }, workspace: { type: 'string' }, user: { type: 'string' } },
  run: async (values, positionals) => {
    if (positionals[0] === 'link' && positionals.length === 1) return link(values);
    if (positionals.length > 0) throw new CliUsageError(`usage: ${USAGE}`);
    return serve(values);
  },
};
