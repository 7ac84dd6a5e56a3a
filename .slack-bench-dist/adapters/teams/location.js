export class NotATeamsActivity extends Error {
}
export function locate(activity) {
    // biome-ignore lint/suspicious/noExplicitAny: channelData is Teams-specific and untyped in botbuilder.
    const channelData = (activity.channelData ?? {});
    const tenantId = channelData.tenant?.id ?? activity.conversation?.tenantId;
    const rawConversationId = activity.conversation?.id;
    if (!tenantId || !rawConversationId) {
        throw new NotATeamsActivity('activity without a Teams tenant or conversation');
    }
    const conversationId = rawConversationId.split(';messageid=')[0];
    const teamId = channelData.team?.id ?? null;
    const declared = activity.conversation?.conversationType;
    const conversationType = declared === 'channel' || (teamId && declared !== 'personal' && declared !== 'groupChat')
        ? 'channel'
        : declared === 'groupChat'
            ? 'groupChat'
            : 'personal';
    return { tenantId, teamId: conversationType === 'channel' ? teamId : null, conversationType, conversationId };
}
export async function workspaceIdFor(location, userIds, state) {
    const { tenantId } = location;
    if (location.conversationType === 'channel' && location.teamId)
        return `teams:${tenantId}:${location.teamId}`;
    if (location.conversationType === 'personal') {
        const known = await state.user(tenantId, userIds.aadObjectId ?? userIds.id);
        // The stored team must belong to the same tenant: the key already includes it; check anyway.
        if (known?.teamWorkspaceId?.startsWith(`teams:${tenantId}:`))
            return known.teamWorkspaceId;
    }
    return `teams:${tenantId}:${location.conversationId}`;
}
export function conversationFor(workspaceId, location) {
    return { workspaceId, platform: 'teams', channelId: location.conversationId };
}
//# sourceMappingURL=location.js.map