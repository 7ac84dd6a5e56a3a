/**
 * Slack workspaces in dutybot: `slack:<team_id>`, or `slack:<enterprise_id>:<team_id>` on
 * Enterprise Grid, so two workspaces of one org keep separate duties, settings and ledgers.
 */
export interface SlackTeamRef {
  teamId: string | null;
  enterpriseId: string | null;
}

export function slackWorkspaceId(ref: { teamId?: string | null; enterpriseId?: string | null }): string {
  const team = ref.teamId || null;
  const enterprise = ref.enterpriseId || null;
  if (team && enterprise) return `slack:${enterprise}:${team}`;
  if (team) return `slack:${team}`;
  if (enterprise) return `slack:${enterprise}:`;
  throw new Error('Slack request without team or enterprise id');
}

export function parseSlackWorkspaceId(workspaceId: string): SlackTeamRef | null {
  const parts = workspaceId.split(':');
  if (parts[0] !== 'slack' || parts.length < 2 || parts.length > 3) return null;
  if (parts.length === 2) return parts[1] ? { enterpriseId: null, teamId: parts[1] } : null;
  return { enterpriseId: parts[1] || null, teamId: parts[2] || null };
}

/**
 * The channel to remember as the workspace's home: only real channels (C…, G…). A DM (D…) would
 * send the whole team's reminders into one person's private conversation. Only an id's own
 * characters: it is shown as a `<#C…>` link, which nothing else may slip into.
 */
export function homeChannelCandidate(channelId: string | null | undefined): string | null {
  return channelId && /^[CG][A-Z0-9]+$/.test(channelId) ? channelId : null;
}
