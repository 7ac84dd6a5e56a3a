import type { App, webApi } from '@slack/bolt';
import type { Conversation } from '../../../src/bot/types.js';
import type { WelcomeView } from '../../../src/views/types.js';
import { renderWelcome } from '../blocks/welcome.js';
import { openDirectMessage } from '../messenger.js';
import { homeChannelCandidate, slackWorkspaceId } from '../workspace.js';
import type { HandlerDeps } from './deps.js';

/** Who and where, from any kind of Slack request (event, command, action, view). */
function contactOf(body: Record<string, unknown>): { userId: string | null; channelId: string | null } {
  const event = body.event as { user?: string; channel?: string } | undefined;
  const user = body.user as { id?: string } | undefined;
  const channel = body.channel as { id?: string } | undefined;
  return {
    userId: event?.user ?? (body.user_id as string | undefined) ?? user?.id ?? null,
    channelId: event?.channel ?? (body.channel_id as string | undefined) ?? channel?.id ?? null,
  };
}

/**
 * On the first request from a workspace, creates it in the core (defaults, audit entry) and posts
 * the welcome. Runs before every listener, so the first command already finds its workspace; the
 * set of known workspaces keeps later requests free of the extra lookup.
 */
export function registerFirstContact(app: App, deps: HandlerDeps): void {
  const known = new Set<string>();
  app.use(async ({ body, context, client, next }) => {
    if (context.teamId || context.enterpriseId) {
      const workspaceId = slackWorkspaceId(context);
      if (!known.has(workspaceId)) {
        const { userId, channelId } = contactOf(body as Record<string, unknown>);
        if (userId) {
          await welcomeIfNew(
            deps,
            { workspaceId, platform: 'slack', channelId: homeChannelCandidate(channelId) },
            userId,
            client as webApi.WebClient,
          );
          known.add(workspaceId);
        }
      }
    }
    await next();
  });
}

/** Creates the workspace if new and posts its welcome where the contact happened (or to the user's DM). */
export async function welcomeIfNew(
  deps: HandlerDeps,
  conversation: Conversation,
  userId: string,
  client: webApi.WebClient,
): Promise<WelcomeView | null> {
  const welcome = await deps.dutybot.ensureWorkspace(conversation, userId);
  if (!welcome) return null;
  const { text, blocks } = renderWelcome(welcome);
  // Do not hold up the request that triggered it; a failed welcome is not worth failing it for.
  void (async () => {
    try {
      if (conversation.channelId) {
        try {
          await client.chat.postMessage({ channel: conversation.channelId, text, blocks, unfurl_links: false });
          return;
        } catch {
          // Typically a slash command in a channel the bot has not joined: welcome the user privately.
        }
      }
      const channel = await openDirectMessage(client, userId);
      await client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
    } catch (error) {
      deps.logger.warn('welcome message failed', { error });
    }
  })();
  return welcome;
}
