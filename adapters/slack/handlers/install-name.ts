import type { App, Installation, webApi } from '@slack/bolt';
import { slackWorkspaceId } from '../workspace.js';
import type { HandlerDeps } from './deps.js';

/**
 * The Slack workspace's name, for the operator's `dutybot workspaces` and `status`. An OAuth
 * install reports it (`installation.team.name`, or the org's name for an org-wide install). A
 * single-token install, or a workspace installed before names were kept, asks `auth.test` once per
 * process: it answers with the team's name and needs no scope beyond the bot token (`team.info`
 * would need `team:read`, which dutybot does not request). A failure leaves the name empty.
 */
export async function nameFromInstallation(deps: HandlerDeps, installation: Installation): Promise<void> {
  const workspaceId = slackWorkspaceId({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id });
  const name = installation.team?.name ?? installation.enterprise?.name;
  await deps.dutybot.nameWorkspace(workspaceId, name).catch((error: unknown) => {
    deps.logger.warn('could not record the workspace name', { workspaceId, error });
  });
}

/** Runs after every listener (the request is answered first); costs nothing once a name is known. */
export function registerWorkspaceNames(app: App, deps: HandlerDeps): void {
  const asked = new Set<string>();
  app.use(async ({ context, client, next }) => {
    await next();
    if (!context.teamId && !context.enterpriseId) return;
    const workspaceId = slackWorkspaceId(context);
    if (asked.has(workspaceId)) return;
    try {
      const workspace = await deps.dutybot.workspace(workspaceId);
      // Not created yet (a goodbye event, say): the next request asks again.
      if (!workspace) return;
      if (asked.size >= 10_000) asked.clear();
      asked.add(workspaceId);
      if (workspace.name) return;
      const identity = await (client as webApi.WebClient).auth.test();
      // The token of an org-wide install answers for the org; its team name is still the one Slack shows.
      await deps.dutybot.nameWorkspace(workspaceId, typeof identity.team === 'string' ? identity.team : null);
    } catch (error) {
      deps.logger.warn('could not learn the workspace name', { workspaceId, error });
    }
  });
}
