import type { Activity } from 'botbuilder';
import type { Conversation } from '../../src/bot/types.js';
import type { TeamsState } from './state.js';

/**
 * Where a Teams activity comes from, and which dutybot workspace it acts on.
 *
 * Rule: a team is one workspace (`teams:<tenant>:<team id>`), shared by all its channels. A
 * group chat is its own workspace (`teams:<tenant>:<conversation id>`). A personal chat acts on
 * the team its user was last seen in (a channel message, or the team roster when the app was
 * installed), so `pending` or `done` in a 1:1 chat reach the team's duties; a user the bot has
 * never seen in a team gets a personal workspace (`teams:<tenant>:<conversation id>`).
 */

export interface TeamsLocation {
  tenantId: string;
  /** The team's id (its General channel id) for channel conversations. */
  teamId: string | null;
  conversationType: 'personal' | 'groupChat' | 'channel';
  /** Conversation id without the `;messageid=` thread suffix. */
  conversationId: string;
}

export class NotATeamsActivity extends Error {}

export function locate(activity: Partial<Activity>): TeamsLocation {
  // biome-ignore lint/suspicious/noExplicitAny: channelData is Teams-specific and untyped in botbuilder.
  const channelData = (activity.channelData ?? {}) as any;
  const tenantId: string | undefined = channelData.tenant?.id ?? activity.conversation?.tenantId;
  const rawConversationId = activity.conversation?.id;
  if (!tenantId || !rawConversationId) {
    throw new NotATeamsActivity('activity without a Teams tenant or conversation');
  }
  const conversationId = rawConversationId.split(';messageid=')[0] as string;
  const teamId: string | null = channelData.team?.id ?? null;
  const declared = activity.conversation?.conversationType;
  const conversationType: TeamsLocation['conversationType'] =
    declared === 'channel' || (teamId && declared !== 'personal' && declared !== 'groupChat')
      ? 'channel'
      : declared === 'groupChat'
        ? 'groupChat'
        : 'personal';
  return { tenantId, teamId: conversationType === 'channel' ? teamId : null, conversationType, conversationId };
}

export async function workspaceIdFor(
  location: TeamsLocation,
  userIds: { id: string; aadObjectId?: string | undefined },
  state: TeamsState,
): Promise<string> {
  const { tenantId } = location;
  if (location.conversationType === 'channel' && location.teamId) return `teams:${tenantId}:${location.teamId}`;
  if (location.conversationType === 'personal') {
    const known = await state.user(tenantId, userIds.aadObjectId ?? userIds.id);
    // The stored team must belong to the same tenant: the key already includes it; check anyway.
    if (known?.teamWorkspaceId?.startsWith(`teams:${tenantId}:`)) return known.teamWorkspaceId;
  }
  return `teams:${tenantId}:${location.conversationId}`;
}

export function conversationFor(workspaceId: string, location: TeamsLocation): Conversation {
  return { workspaceId, platform: 'teams', channelId: location.conversationId };
}
