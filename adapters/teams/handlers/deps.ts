import { type ConversationReference, type TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import type { AnswerOnce } from '../../../src/bot/answer-once.js';
import type { Actor, Conversation, Dutybot } from '../../../src/bot/types.js';
import type { Logger } from '../../../src/logging/logger.js';
import type { TeamsConfig } from '../config.js';
import { conversationFor, locate, type TeamsLocation, workspaceIdFor } from '../location.js';
import type { TeamsRenderer } from '../renderer.js';
import type { TeamsState } from '../state.js';

/** What every handler needs: the core facade and the adapter's own helpers. */
export interface HandlerDeps {
  config: TeamsConfig;
  dutybot: Dutybot;
  state: TeamsState;
  renderer: TeamsRenderer;
  /** The process's logger, bound to `component: 'teams'`. */
  logger: Logger;
  /** Workspaces this process has already ensured: the store stays the authority, this only saves a query. */
  ensured: Set<string>;
  /** Answers at-least-once, effects exactly-once (src/bot/answer-once.ts), keyed by `activityKey`. */
  answers: AnswerOnce;
}

/** Where a turn happens, in the core's terms. */
export interface TurnPlace {
  location: TeamsLocation;
  workspaceId: string;
  /** The team whose roster decides ownership (also for a personal chat mapped to a team). */
  teamId: string | null;
  conversation: Conversation;
}

/** The logger for one turn: every line carries the activity id Teams would show in its own logs. */
export function turnLogger(deps: HandlerDeps, context: TurnContext): Logger {
  return deps.logger.child({ activityId: context.activity.id, activityType: context.activity.type });
}

export async function resolve(deps: HandlerDeps, context: TurnContext): Promise<TurnPlace> {
  const location = locate(context.activity);
  const from = context.activity.from;
  const workspaceId = await workspaceIdFor(location, { id: from.id, aadObjectId: from.aadObjectId }, deps.state);
  const teamId = location.teamId ?? teamOf(workspaceId, location);
  return { location, workspaceId, teamId, conversation: conversationFor(workspaceId, location) };
}

/**
 * The key of one activity, for the "answered" mark and the ledger's idempotency key. Teams makes an
 * activity id unique only within its conversation, so the key carries tenant and conversation:
 * the same id in another tenant's (or another chat's) activity is another activity.
 */
export function activityKey(context: TurnContext): string | undefined {
  const id = context.activity.id;
  if (!id) return undefined;
  const { tenantId, conversationId } = locate(context.activity);
  return `teams:${tenantId}:${conversationId}:${id}`;
}

/** Who is acting, with the team-owner check done lazily (only admin commands need it). */
export function actorFor(deps: HandlerDeps, context: TurnContext, place: TurnPlace): Actor {
  const from = context.activity.from;
  const userId = from.aadObjectId ?? from.id;
  const { config } = deps;
  const listed = () => config.adminIds.includes(userId) || config.adminIds.includes(from.id);
  // One roster look-up per turn, shared by both facts, and only when a rule needs one.
  let roster: Promise<TeamsChannelAccount | null> | null = null;
  const member = () => {
    roster ??= place.teamId
      ? TeamsInfo.getTeamMember(context, place.teamId, from.id).catch((error: unknown) => {
          turnLogger(deps, context).warn('roster look-up failed', { tenantId: place.location.tenantId, error });
          return null;
        })
      : Promise.resolve(null);
    return roster;
  };
  const isExternal = async () => {
    // A personal or group chat has no roster to tell; the operator's own list is trusted.
    if (!place.teamId || listed()) return false;
    const found = await member();
    // Not on the team's roster (or Teams could not say): treated as an outsider, fail closed.
    if (!found) return true;
    return found.userRole === 'guest' || Boolean(found.tenantId && found.tenantId !== place.location.tenantId);
  };
  return {
    userId,
    isExternal,
    isPlatformAdmin: async () => {
      if (listed()) return true;
      if (!place.teamId || (await isExternal())) return false;
      // The roster's userRole says "owner" for team owners where Teams provides it.
      return (await member())?.userRole === 'owner';
    },
  };
}

/** Stores what a turn teaches us: the conversation reference, the user's name and team. */
export async function remember(deps: HandlerDeps, context: TurnContext, place: TurnPlace): Promise<void> {
  const { location, workspaceId } = place;
  const reference = TurnContext.getConversationReference(context.activity);
  const conversation = {
    ...reference.conversation,
    id: location.conversationId,
  } as ConversationReference['conversation'];
  await deps.state.saveConversation(workspaceId, { ...reference, conversation, activityId: undefined });
  const teamName = (context.activity.channelData as { team?: { name?: unknown } } | undefined)?.team?.name;
  if (location.teamId && typeof teamName === 'string' && teamName.trim() !== '') {
    await deps.state.saveTeamName(workspaceId, teamName.trim());
  }
  const from = context.activity.from;
  if (from?.id && from.id !== context.activity.recipient?.id) {
    await deps.state.rememberUser(location.tenantId, {
      id: from.id,
      aadObjectId: from.aadObjectId ?? null,
      name: from.name || null,
      ...(location.teamId ? { teamWorkspaceId: workspaceId } : {}),
    });
    // Writing to the bot in the personal chat means it is no longer blocked there.
    if (location.conversationType === 'personal') {
      const ids = [from.id, from.aadObjectId].filter((id): id is string => Boolean(id));
      const blocked = await Promise.all(ids.map((id) => deps.state.blockedSince(location.tenantId, id)));
      if (blocked.some(Boolean)) await deps.state.clearBlocked(location.tenantId, ids);
    }
  }
}

/** For a personal chat mapped to a team workspace, the team id (for roster look-ups). */
function teamOf(workspaceId: string, location: TeamsLocation): string | null {
  const prefix = `teams:${location.tenantId}:`;
  const rest = workspaceId.startsWith(prefix) ? workspaceId.slice(prefix.length) : '';
  return rest !== '' && rest !== location.conversationId && rest.startsWith('19:') ? rest : null;
}
