import type { ChannelDirectory } from '../../src/ports/channel-directory.js';
import type { SlackClients } from './clients.js';

/** Web API errors that mean "no such channel here", as opposed to Slack being unreachable. */
const NOT_HERE = new Set(['channel_not_found', 'invalid_channel', 'not_in_channel_or_group']);

/**
 * Slack's answer to "is this a channel of the workspace?": conversations.info with the
 * workspace's own token finds its channels (and channels shared into it through Slack Connect)
 * and answers `channel_not_found` for anything else — another workspace's id, a name, a typo.
 */
export class SlackChannelDirectory implements ChannelDirectory {
  constructor(private readonly clients: SlackClients) {}

  async exists(workspaceId: string, channel: string): Promise<boolean> {
    const found = await this.info(workspaceId, channel);
    return Boolean(found?.id) && !found?.is_archived;
  }

  /**
   * conversations.info with the bot's token says `is_member` for the bot itself. dutybot has no
   * `chat:write.public` (and no `channels:join`): it can post only where it was invited.
   */
  async botIsIn(workspaceId: string, channel: string): Promise<boolean> {
    return (await this.info(workspaceId, channel))?.is_member === true;
  }

  private async info(workspaceId: string, channel: string) {
    const client = await this.clients.forWorkspace(workspaceId);
    try {
      return (await client.conversations.info({ channel })).channel ?? null;
    } catch (error) {
      const code = (error as { data?: { error?: string } } | null)?.data?.error;
      if (code && NOT_HERE.has(code)) return null;
      throw error;
    }
  }
}
