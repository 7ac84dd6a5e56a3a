import { createDutybot } from '../../src/bot/dutybot.js';
import { terminalJson } from '../cli/terminal-json.js';
import { OPERATOR, OPERATOR_DATA } from '../cli/wording.js';
import { describeSurfaces } from './surfaces.js';

/**
 * `dutybot status`: what `npm start` would serve (from the environment), whether the store
 * answers, and per workspace its outbox backlog, failures, next wake-up and language-model usage. It lives beside
 * `start` because it reads every surface's configuration; it creates nothing.
 */
export async function status(env: NodeJS.ProcessEnv, json: boolean): Promise<number> {
  const surfaces = describeSurfaces(env);
  const bot = await createDutybot({
    databaseUrl: env.DATABASE_URL || undefined,
    commandPrefix: 'dutybot',
    retentionDaysAfterUninstall: env.DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL,
  });
  try {
    const workspaces = await bot.workspaces();
    // Tokens and calls each workspace spent on the optional language model (issue: LLM mode).
    const usage = new Map(await Promise.all(workspaces.map(async (w) => [w.id, await bot.llmUsage(w.id)] as const)));
    if (json) {
      process.stdout.write(
        `${terminalJson(
          JSON.stringify({
            surfaces: surfaces.lines,
            store: 'ok',
            workspaces: workspaces.map((w) => ({
              id: w.id,
              name: w.name,
              platform: w.platform,
              status: w.status,
              pendingDeliveries: w.pendingDeliveries,
              failedDeliveries: w.failedDeliveries,
              nextWakeAt: w.nextWakeAt,
              deletionDueAt: w.deletionDueAt,
              llmUsage: usage.get(w.id),
            })),
          }),
        )}\n`,
      );
      return 0;
    }
    const lines = [...surfaces.lines, OPERATOR.storeOk(workspaces.length)];
    for (const w of workspaces) {
      lines.push(
        OPERATOR.workspaceStatus(
          w.id,
          w.name,
          w.platform,
          w.status,
          w.pendingDeliveries,
          w.failedDeliveries,
          w.nextWakeAt,
        ),
      );
      if (w.deletionDueAt) lines.push(OPERATOR_DATA.deletionDue(w.deletionDueAt));
      const spent = usage.get(w.id);
      if (spent && (spent.requests > 0 || spent.cacheHits > 0)) lines.push(OPERATOR.llmUsage(spent));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await bot.close();
  }
}
