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

  /**
   * True when the bot is in `channel` (invited, or added with the app) and may post there. The
   * store rules: dutybot never posts into a channel it was not invited to, so a channel it is not
   * in is refused when it is set, with "add me to it first". Optional: where installing the app in
   * a team reaches every channel of the team (Teams), being a channel of the workspace is enough.
   *
   * Nothing here ever returns a channel's NAME: dutybot shows channels by id (Slack renders
   * `<#C…>` itself, as "private channel" to someone who is not in it), so it never names a
   * private channel to a non-member and needs no `groups:read` to decide who may see a name.
   */
  botIsIn?(workspaceId: string, channel: string): Promise<boolean>;
}
