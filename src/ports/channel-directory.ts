/**
 * Which channels belong to a workspace, asked of the platform. Settings name channels the bot
 * will post into in the workspace's name (reminders, digests, escalations): one of another team,
 * another tenant, or a typo must be refused when it is set, not discovered when a digest lands
 * in the wrong place.
 */
export interface ChannelDirectory {
  /**
   * True when `channel` is a channel of this workspace; false when the platform says it is not
   * (unknown, another team's, another tenant's). Throws when the platform cannot be asked.
   */
  exists(workspaceId: string, channel: string): Promise<boolean>;
}
