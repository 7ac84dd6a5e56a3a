import { type ConversationReference, TeamsInfo } from 'botbuilder';
import type { ChannelDirectory } from '../../src/ports/channel-directory.js';
import type { TeamsAdapterWithAuth } from './adapter.js';
import type { TeamsState } from './state.js';

/**
 * Teams' answer to "is this a channel of the workspace?": the team's own channel list
 * (TeamsInfo.getTeamChannels through the stored team reference). A `19:` id of another team or
 * another tenant is not in it. A workspace that is a chat, not a team, has one conversation only.
 */
export class TeamsChannelDirectory implements ChannelDirectory {
  constructor(
    private readonly adapter: TeamsAdapterWithAuth,
    private readonly appId: string,
    private readonly state: TeamsState,
  ) {}

  async exists(workspaceId: string, channel: string): Promise<boolean> {
    const [, tenant] = workspaceId.split(':');
    const scope = workspaceId.slice(`teams:${tenant}:`.length);
    const base = await this.state.baseConversation(workspaceId);
    if (base?.conversation?.conversationType !== 'channel') return channel === scope;
    let ids: string[] = [];
    await this.adapter.continueConversationAsync(this.appId, base as ConversationReference, async (context) => {
      const channels = await TeamsInfo.getTeamChannels(context, scope);
      ids = channels.map((c) => c.id).filter((id): id is string => typeof id === 'string');
    });
    return ids.includes(channel);
  }
}
