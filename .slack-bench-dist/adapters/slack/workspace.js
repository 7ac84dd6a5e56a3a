export function slackWorkspaceId(ref) {
    const team = ref.teamId || null;
    const enterprise = ref.enterpriseId || null;
    if (team && enterprise)
        return `slack:${enterprise}:${team}`;
    if (team)
        return `slack:${team}`;
    if (enterprise)
        return `slack:${enterprise}:`;
    throw new Error('Slack request without team or enterprise id');
}
export function parseSlackWorkspaceId(workspaceId) {
    const parts = workspaceId.split(':');
    if (parts[0] !== 'slack' || parts.length < 2 || parts.length > 3)
        return null;
    if (parts.length === 2)
        return parts[1] ? { enterpriseId: null, teamId: parts[1] } : null;
    return { enterpriseId: parts[1] || null, teamId: parts[2] || null };
}
/**
 * The channel to remember as the workspace's home: only real channels (C…, G…). A DM (D…) would
 * send the whole team's reminders into one person's private conversation.
 */
export function homeChannelCandidate(channelId) {
    return channelId && /^[CG]/.test(channelId) ? channelId : null;
}
//# sourceMappingURL=workspace.js.map