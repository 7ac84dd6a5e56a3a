import type { ConversationReference } from 'botbuilder';
import type { KeyValueStore } from '../../src/ports/key-value.js';
import type { ReminderView } from '../../src/views/types.js';

/**
 * What the Teams adapter remembers between turns, in the core's durable key-value store so it
 * survives restarts and is shared by replicas. Every key starts with the tenant (directly or via
 * the workspace id `teams:<tenant>:…`), so one tenant's data is never looked up for another.
 */

const CONVERSATIONS = 'teams-conversations';
const USERS = 'teams-users';
const CARDS = 'teams-cards';
const BLOCKED = 'teams-blocked';
const TEAM_NAMES = 'teams-team-names';

/** Reminder cards are kept long enough to confirm a quarterly duty late. */
const CARD_TTL_MS = 180 * 24 * 60 * 60 * 1000;

export interface KnownUser {
  /** The id Teams addresses the user by in this bot (29:…). */
  id: string;
  aadObjectId: string | null;
  name: string | null;
  /** Team workspace this user was last seen in (for personal chats), e.g. `teams:<tenant>:<team>`. */
  teamWorkspaceId: string | null;
}

export interface StoredCard {
  view: ReminderView;
  /** Conversation the card lives in (for in-place updates). */
  conversationId: string;
}

export class TeamsState {
  /**
   * What this process last wrote per key: most turns carry the same reference as the previous
   * one, and skipping those writes keeps a busy channel off the database. Another replica writing
   * meanwhile is harmless — both values address the same conversation.
   */
  private readonly lastWritten = new Map<string, string>();

  constructor(private readonly store: KeyValueStore) {}

  private async writeOnce(namespace: string, key: string, value: unknown): Promise<void> {
    const memoKey = `${namespace}|${key}`;
    const serialized = JSON.stringify(value);
    if (this.lastWritten.get(memoKey) === serialized) return;
    await this.store.kvSet(namespace, key, value);
    if (this.lastWritten.size >= 10_000) this.lastWritten.clear();
    this.lastWritten.set(memoKey, serialized);
  }

  // Conversation references --------------------------------------------------------------------

  /** Reference for posting into one conversation (channel, group chat or personal chat) of a workspace. */
  async saveConversation(workspaceId: string, reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    await this.writeOnce(CONVERSATIONS, `${workspaceId}|${id}`, reference);
    // The workspace's base reference lets the bot post into other channels of the same team,
    // which Teams allows once the app is installed in the team. Only the workspace's own
    // conversations set it: a member's personal chat acts on their team, but a channel cannot be
    // reached through it, so it must never replace the team's reference.
    if (isOwnConversation(workspaceId, reference)) await this.writeOnce(CONVERSATIONS, `${workspaceId}|*`, reference);
  }

  async conversation(workspaceId: string, conversationId: string): Promise<Partial<ConversationReference> | null> {
    const exact = await this.store.kvGet<Partial<ConversationReference>>(
      CONVERSATIONS,
      `${workspaceId}|${conversationId}`,
    );
    if (exact) return exact;
    const base = await this.store.kvGet<Partial<ConversationReference>>(CONVERSATIONS, `${workspaceId}|*`);
    if (!base?.conversation) return null;
    // Only channels of a team can be derived from its base reference; chats need their own.
    if (base.conversation.conversationType !== 'channel' || !conversationId.startsWith('19:')) return null;
    return { ...base, conversation: { ...base.conversation, id: conversationId } };
  }

  async baseConversation(workspaceId: string): Promise<Partial<ConversationReference> | null> {
    return (await this.store.kvGet<Partial<ConversationReference>>(CONVERSATIONS, `${workspaceId}|*`)) ?? null;
  }

  // Users ---------------------------------------------------------------------------------------

  /** Records a user under both of their ids, merging what is already known. */
  async rememberUser(tenantId: string, user: Partial<KnownUser> & { id: string }): Promise<void> {
    const previous = await this.user(tenantId, user.id);
    const merged: KnownUser = {
      id: user.id,
      aadObjectId: user.aadObjectId ?? previous?.aadObjectId ?? null,
      name: user.name ?? previous?.name ?? null,
      teamWorkspaceId: user.teamWorkspaceId ?? previous?.teamWorkspaceId ?? null,
    };
    const unchanged =
      previous &&
      previous.aadObjectId === merged.aadObjectId &&
      previous.name === merged.name &&
      previous.teamWorkspaceId === merged.teamWorkspaceId;
    if (unchanged) return;
    await this.store.kvSet(USERS, `${tenantId}:${merged.id}`, merged);
    if (merged.aadObjectId) await this.store.kvSet(USERS, `${tenantId}:${merged.aadObjectId}`, merged);
  }

  async user(tenantId: string, userId: string): Promise<KnownUser | null> {
    return (await this.store.kvGet<KnownUser>(USERS, `${tenantId}:${userId}`)) ?? null;
  }

  async names(tenantId: string, userIds: Iterable<string>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(userIds)) {
      const user = await this.user(tenantId, id);
      if (user?.name) names.set(id, user.name);
    }
    return names;
  }

  // Team names -----------------------------------------------------------------------------------

  /** The team's display name as Teams last sent it, for personal messages that must say where they come from. */
  async saveTeamName(workspaceId: string, name: string): Promise<void> {
    await this.writeOnce(TEAM_NAMES, workspaceId, name);
  }

  async teamName(workspaceId: string): Promise<string | null> {
    return (await this.store.kvGet<string>(TEAM_NAMES, workspaceId)) ?? null;
  }

  // Users who blocked the bot -------------------------------------------------------------------

  /** The user blocked the bot (403 `MessageWritesBlocked`): kept until they write to it again. */
  async markBlocked(tenantId: string, userId: string, at: Date): Promise<void> {
    await this.store.kvSet(BLOCKED, `${tenantId}:${userId}`, { at: at.toISOString() });
  }

  async blockedSince(tenantId: string, userId: string): Promise<string | null> {
    return (await this.store.kvGet<{ at: string }>(BLOCKED, `${tenantId}:${userId}`))?.at ?? null;
  }

  async clearBlocked(tenantId: string, userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) await this.store.kvDelete(BLOCKED, `${tenantId}:${userId}`);
  }

  // Reminder cards --------------------------------------------------------------------------------

  async saveCard(workspaceId: string, activityId: string, card: StoredCard): Promise<void> {
    await this.store.kvSet(CARDS, `${workspaceId}|${activityId}`, card, CARD_TTL_MS);
  }

  async card(workspaceId: string, activityId: string): Promise<StoredCard | null> {
    return (await this.store.kvGet<StoredCard>(CARDS, `${workspaceId}|${activityId}`)) ?? null;
  }
}

/** A channel of the workspace's team, or the chat that is the workspace itself (`teams:<tenant>:<chat id>`). */
function isOwnConversation(workspaceId: string, reference: Partial<ConversationReference>): boolean {
  const conversation = reference.conversation;
  if (!conversation) return false;
  return (
    conversation.conversationType === 'channel' || workspaceId === `teams:${tenantOf(workspaceId)}:${conversation.id}`
  );
}

/** `teams:<tenant>:…` → tenant. */
export function tenantOf(workspaceId: string): string {
  const [, tenant] = workspaceId.split(':');
  return tenant ?? '';
}
