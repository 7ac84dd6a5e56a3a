/**
 * What the Teams adapter remembers between turns, in the core's durable key-value store so it
 * survives restarts and is shared by replicas. Every key starts with the tenant (directly or via
 * the workspace id `teams:<tenant>:…`), so one tenant's data is never looked up for another.
 */
const CONVERSATIONS = 'teams-conversations';
const USERS = 'teams-users';
const CARDS = 'teams-cards';
/** Reminder cards are kept long enough to confirm a quarterly duty late. */
const CARD_TTL_MS = 180 * 24 * 60 * 60 * 1000;
export class TeamsState {
    store;
    /**
     * What this process last wrote per key: most turns carry the same reference as the previous
     * one, and skipping those writes keeps a busy channel off the database. Another replica writing
     * meanwhile is harmless — both values address the same conversation.
     */
    lastWritten = new Map();
    constructor(store) {
        this.store = store;
    }
    async writeOnce(namespace, key, value) {
        const memoKey = `${namespace}|${key}`;
        const serialized = JSON.stringify(value);
        if (this.lastWritten.get(memoKey) === serialized)
            return;
        await this.store.kvSet(namespace, key, value);
        if (this.lastWritten.size >= 10_000)
            this.lastWritten.clear();
        this.lastWritten.set(memoKey, serialized);
    }
    // Conversation references --------------------------------------------------------------------
    /** Reference for posting into one conversation (channel, group chat or personal chat) of a workspace. */
    async saveConversation(workspaceId, reference) {
        const id = reference.conversation?.id;
        if (!id)
            return;
        await this.writeOnce(CONVERSATIONS, `${workspaceId}|${id}`, reference);
        // The workspace's base reference lets the bot post into other channels of the same team,
        // which Teams allows once the app is installed in the team.
        await this.writeOnce(CONVERSATIONS, `${workspaceId}|*`, reference);
    }
    async conversation(workspaceId, conversationId) {
        const exact = await this.store.kvGet(CONVERSATIONS, `${workspaceId}|${conversationId}`);
        if (exact)
            return exact;
        const base = await this.store.kvGet(CONVERSATIONS, `${workspaceId}|*`);
        if (!base?.conversation)
            return null;
        // Only channels of a team can be derived from its base reference; chats need their own.
        if (base.conversation.conversationType !== 'channel' || !conversationId.startsWith('19:'))
            return null;
        return { ...base, conversation: { ...base.conversation, id: conversationId } };
    }
    async baseConversation(workspaceId) {
        return (await this.store.kvGet(CONVERSATIONS, `${workspaceId}|*`)) ?? null;
    }
    // Users ---------------------------------------------------------------------------------------
    /** Records a user under both of their ids, merging what is already known. */
    async rememberUser(tenantId, user) {
        const previous = await this.user(tenantId, user.id);
        const merged = {
            id: user.id,
            aadObjectId: user.aadObjectId ?? previous?.aadObjectId ?? null,
            name: user.name ?? previous?.name ?? null,
            teamWorkspaceId: user.teamWorkspaceId ?? previous?.teamWorkspaceId ?? null,
        };
        const unchanged = previous &&
            previous.aadObjectId === merged.aadObjectId &&
            previous.name === merged.name &&
            previous.teamWorkspaceId === merged.teamWorkspaceId;
        if (unchanged)
            return;
        await this.store.kvSet(USERS, `${tenantId}:${merged.id}`, merged);
        if (merged.aadObjectId)
            await this.store.kvSet(USERS, `${tenantId}:${merged.aadObjectId}`, merged);
    }
    async user(tenantId, userId) {
        return (await this.store.kvGet(USERS, `${tenantId}:${userId}`)) ?? null;
    }
    async names(tenantId, userIds) {
        const names = new Map();
        for (const id of new Set(userIds)) {
            const user = await this.user(tenantId, id);
            if (user?.name)
                names.set(id, user.name);
        }
        return names;
    }
    // Reminder cards --------------------------------------------------------------------------------
    async saveCard(workspaceId, activityId, card) {
        await this.store.kvSet(CARDS, `${workspaceId}|${activityId}`, card, CARD_TTL_MS);
    }
    async card(workspaceId, activityId) {
        return (await this.store.kvGet(CARDS, `${workspaceId}|${activityId}`)) ?? null;
    }
}
/** `teams:<tenant>:…` → tenant. */
export function tenantOf(workspaceId) {
    const [, tenant] = workspaceId.split(':');
    return tenant ?? '';
}
//# sourceMappingURL=state.js.map