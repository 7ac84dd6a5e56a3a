import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Lang } from '../../../src/views/types.js';
import { locate, type TeamsLocation } from '../location.js';
import { cardActivity } from '../renderer.js';
import { type HandlerDeps, remember, resolve, type TurnPlace, turnLogger } from './deps.js';

/**
 * Installation and membership: when the bot is added to a team, a group chat or a personal chat
 * it learns the roster and welcomes the workspace once; people added later are remembered. When
 * the bot is removed (uninstalled, taken out of the team, or the team deleted) the workspace stops
 * being scheduled, ledger and settings kept for the retention period after which the core deletes
 * them (Teams holds no installation tokens: the app's credentials are the deployment's); installed
 * again within it, it resumes and re-sends the current reminders that failed meanwhile.
 */
export function registerInstall(app: Application<TurnState>, deps: HandlerDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id === botId)) {
      await onInstalled(deps, context);
      return;
    }
    // New people in a team: remember them so their personal chat acts on this team.
    const { location, workspaceId } = await resolve(deps, context);
    if (!location.teamId) return;
    for (const member of added) {
      await deps.state.rememberUser(location.tenantId, {
        id: member.id,
        aadObjectId: member.aadObjectId ?? null,
        name: member.name || null,
        teamWorkspaceId: workspaceId,
      });
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const botId = context.activity.recipient?.id;
    if ((context.activity.membersRemoved ?? []).some((member) => member.id === botId)) {
      await onRemoved(deps, context, 'bot removed');
    }
  });
  app.conversationUpdate('teamDeleted', (context) => onRemoved(deps, context, 'team deleted'));
  app.conversationUpdate('teamHardDeleted', (context) => onRemoved(deps, context, 'team deleted'));

  app.activity('installationUpdate', async (context) => {
    const action = context.activity.action;
    if (action === 'add' || action === 'add-upgrade') await onInstalled(deps, context);
    else if (action === 'remove') await onRemoved(deps, context, 'app uninstalled');
  });
}

/**
 * The workspace an install or removal event is about: the team, the group chat, or the personal
 * workspace of a personal chat — never the team a personal chat acts on, so removing the app from
 * one person's chat does not stop a team's reminders.
 */
function ownWorkspaceId(location: TeamsLocation): string {
  return `teams:${location.tenantId}:${location.teamId ?? location.conversationId}`;
}

async function onRemoved(deps: HandlerDeps, context: TurnContext, reason: string): Promise<void> {
  const workspaceId = ownWorkspaceId(locate(context.activity));
  deps.ensured.delete(workspaceId);
  const actor = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'teams';
  if (await deps.dutybot.deactivateWorkspace(workspaceId, actor, reason)) {
    turnLogger(deps, context).info('dutybot was removed: scheduling stopped', { workspaceId, reason });
  }
}

async function onInstalled(deps: HandlerDeps, context: TurnContext): Promise<void> {
  const place = await resolve(deps, context);
  await remember(deps, context, place);
  await learnRoster(deps, context, place);
  const installer = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'teams';
  await welcomeIfNew(deps, context, place, installer);
  // Installed again after a removal: scheduling resumes, failed current reminders go out again.
  const workspaceId = ownWorkspaceId(place.location);
  const workspace = await deps.dutybot.workspace(workspaceId);
  if (workspace && !workspace.active) {
    const requeued = await deps.dutybot.reactivateWorkspace(workspaceId, installer);
    turnLogger(deps, context).info('dutybot was installed again: scheduling resumed', { workspaceId, requeued });
  }
}

/** First contact with a workspace: create it and post the welcome card once. */
export async function welcomeIfNew(
  deps: HandlerDeps,
  context: TurnContext,
  place: TurnPlace,
  installer: string,
): Promise<void> {
  const { workspaceId, location } = place;
  if (deps.ensured.has(workspaceId)) return;
  // A team whose installer uses Teams in Italian starts with Italian settings (changeable later).
  const lang: Lang = (context.activity.locale ?? '').toLowerCase().startsWith('it') ? 'it' : 'en';
  const welcome = await deps.dutybot.ensureWorkspace(place.conversation, installer, lang);
  if (deps.ensured.size >= 10_000) deps.ensured.clear();
  deps.ensured.add(workspaceId);
  if (welcome) {
    await context.sendActivity(
      cardActivity(await deps.renderer.outbound(location.tenantId, { kind: 'welcome', view: welcome })),
    );
  }
}

/** On install, learn the team roster (names for mentions, team of each member for personal chats). */
async function learnRoster(deps: HandlerDeps, context: TurnContext, place: TurnPlace): Promise<void> {
  const { location, workspaceId } = place;
  if (!location.teamId) return;
  try {
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedTeamMembers(context, location.teamId, 500, token);
      for (const member of page.members) {
        await deps.state.rememberUser(location.tenantId, {
          id: member.id,
          aadObjectId: member.aadObjectId ?? null,
          name: member.name || null,
          teamWorkspaceId: workspaceId,
        });
      }
      token = page.continuationToken || undefined;
    } while (token);
  } catch (error) {
    // Not fatal: names are learnt from messages too.
    turnLogger(deps, context).warn('could not read the roster of a team', { tenantId: location.tenantId, error });
  }
}
