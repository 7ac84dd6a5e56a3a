import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Lang } from '../../../src/views/types.js';
import { locate, NotATeamsActivity, type TeamsLocation } from '../location.js';
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

  // Every activity may carry the team's (or group chat's) current name: a rename reaches the store
  // with the next activity, or at once through Teams' own rename events.
  const knownNames = new Map<string, string>();
  app.turn('beforeTurn', async (context) => {
    await learnName(deps, context, knownNames, false);
    return true;
  });

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
  await welcomeIfNew(deps, context, place, installer, true);
  await learnName(deps, context, null, true);
  // Installed again after a removal: scheduling resumes, failed current reminders go out again.
  const workspaceId = ownWorkspaceId(place.location);
  const workspace = await deps.dutybot.workspace(workspaceId);
  if (workspace && !workspace.active) {
    const requeued = await deps.dutybot.reactivateWorkspace(workspaceId, installer);
    turnLogger(deps, context).info('dutybot was installed again: scheduling resumed', { workspaceId, requeued });
  }
}

/**
 * First contact with a workspace: create it and post the welcome card once. A personal install
 * gets one welcome of its own, even when the chat acts on a team that was welcomed already. A
 * welcome whose post fails is handed to the outbox, which retries it, so it is never lost.
 */
export async function welcomeIfNew(
  deps: HandlerDeps,
  context: TurnContext,
  place: TurnPlace,
  installer: string,
  personalInstall = false,
): Promise<void> {
  const { workspaceId, location } = place;
  if (deps.ensured.has(workspaceId) && !personalInstall) return;
  // A team whose installer uses Teams in Italian starts with Italian settings (changeable later).
  const lang: Lang = (context.activity.locale ?? '').toLowerCase().startsWith('it') ? 'it' : 'en';
  const personal = location.conversationType === 'personal';
  const setup = await deps.dutybot.ensureWorkspace(place.conversation, installer, lang, {
    mentionInstaller: !personal,
    // In a channel or group chat commands are typed after a mention of the bot; in a personal chat, alone.
    commandPrefix: personal ? '' : `@${context.activity.recipient?.name || 'dutybot'}`,
  });
  if (deps.ensured.size >= 10_000) deps.ensured.clear();
  deps.ensured.add(workspaceId);
  // Asked even when the setup welcome goes out, so that chat is never welcomed a second time.
  const own =
    personalInstall && personal ? await deps.dutybot.personalWelcome(place.conversation, installer, lang) : null;
  const welcome = setup ?? own;
  if (!welcome) return;
  try {
    await context.sendActivity(
      cardActivity(await deps.renderer.outbound(location.tenantId, { kind: 'welcome', view: welcome })),
    );
  } catch (error) {
    turnLogger(deps, context).warn('welcome post failed: the outbox will deliver it', { workspaceId, error });
    await deps.dutybot.redeliverWelcome(welcome, location.conversationId);
  }
}

/**
 * The name Teams shows for the workspace an activity belongs to: the team's (channelData, or the
 * team's details on install when the activity has none) or the group chat's topic. A personal chat
 * has no name of its own. `known` (null on install: always ask) saves a store write per activity.
 */
async function learnName(
  deps: HandlerDeps,
  context: TurnContext,
  known: Map<string, string> | null,
  lookUp: boolean,
): Promise<void> {
  try {
    const activity = context.activity;
    const location = locate(activity);
    if (location.conversationType === 'personal') return;
    // biome-ignore lint/suspicious/noExplicitAny: channelData is Teams-specific and untyped in botbuilder.
    const channelData = (activity.channelData ?? {}) as any;
    let name: string | undefined =
      location.conversationType === 'channel' ? channelData.team?.name : (activity.conversation?.name ?? undefined);
    if (!name && lookUp && location.teamId) {
      name = (await TeamsInfo.getTeamDetails(context, location.teamId).catch(() => null))?.name;
    }
    if (typeof name !== 'string' || !name.trim()) return;
    const workspaceId = ownWorkspaceId(location);
    if (known?.get(workspaceId) === name) return;
    const stored = await deps.dutybot.nameWorkspace(workspaceId, name);
    // Not remembered before the workspace exists (its first message creates it after this turn).
    if (known && (stored || (await deps.dutybot.workspace(workspaceId)))) {
      if (known.size >= 10_000) known.clear();
      known.set(workspaceId, name);
    }
  } catch (error) {
    // Not a Teams activity: the handlers answer it; it has no workspace to name.
    if (error instanceof NotATeamsActivity) return;
    // A name is a convenience for the operator: never a reason to drop the activity.
    turnLogger(deps, context).warn('could not record the workspace name', { error });
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
