import type { App, BlockAction, ConversationsSelectAction, RespondFn, webApi } from '@slack/bolt';
import type { Conversation } from '../../../src/bot/types.js';
import type { WelcomeView } from '../../../src/views/types.js';
import { ACTION } from '../blocks/ids.js';
import { message, messageMrkdwn, section } from '../blocks/kit.js';
import { renderWelcome } from '../blocks/welcome.js';
import { labels } from '../labels.js';
import { openDirectMessage } from '../messenger.js';
import { SLASH_COMMAND } from '../scopes.js';
import { homeChannelCandidate, slackWorkspaceId } from '../workspace.js';
import { type HandlerDeps, subscribe, workspaceLang } from './deps.js';
import { refreshHome } from './home.js';

interface EventFields {
  type?: string;
  user?: string;
  channel?: string;
  inviter?: string;
  tokens?: { bot?: string[] };
}

/** Who and where, from any kind of Slack request (event, command, action, view). */
function contactOf(body: Record<string, unknown>): { userId: string | null; channelId: string | null } {
  const event = body.event as EventFields | undefined;
  const user = body.user as { id?: string } | undefined;
  const channel = body.channel as { id?: string } | undefined;
  // When the bot is added to a channel, the person who added it is the one to credit.
  const eventUser = event?.type === 'member_joined_channel' ? (event.inviter ?? event.user) : event?.user;
  return {
    userId: eventUser ?? (body.user_id as string | undefined) ?? user?.id ?? null,
    channelId: event?.channel ?? (body.channel_id as string | undefined) ?? channel?.id ?? null,
  };
}

/** Events after which the bot can no longer act in the workspace: they never mean "it is back". */
const GOODBYE_EVENTS = new Set(['app_uninstalled', 'tokens_revoked']);

/**
 * A channel the bot is certainly a member of: it was mentioned there (Slack only delivers
 * mentions from channels the bot is in). A slash command proves nothing: it works everywhere.
 */
function channelWithBot(body: Record<string, unknown>): string | null {
  const event = body.event as EventFields | undefined;
  return event?.type === 'app_mention' ? homeChannelCandidate(event.channel) : null;
}

/** The bot itself was added to the channel of this event: it is in it too. */
function channelBotJoined(body: Record<string, unknown>, botUserId: string | undefined): string | null {
  const event = body.event as EventFields | undefined;
  const joined = event?.type === 'member_joined_channel' && Boolean(botUserId) && event.user === botUserId;
  return joined ? homeChannelCandidate(event?.channel) : null;
}

/**
 * Runs before every listener. On the first request from a workspace it creates it in the core
 * (defaults, audit entry) and posts the welcome, so the first command already finds its workspace.
 * Until the workspace is settled (active, with a home channel) it also looks after its life: a
 * request from an uninstalled workspace means it was installed again, and the first channel the
 * bot is mentioned in becomes the home of its reminders. Settled workspaces cost no extra lookup.
 */
export function registerFirstContact(app: App, deps: HandlerDeps): void {
  const settled = new Set<string>();
  const created = new Set<string>();
  app.use(async (args) => {
    const { body, context, client, next } = args;
    const raw = body as Record<string, unknown>;
    const eventType = (raw.event as EventFields | undefined)?.type;
    // Said after the command's own reply, once the listeners are done.
    let afterReply: (() => Promise<unknown>) | null = null;
    if ((context.teamId || context.enterpriseId) && !GOODBYE_EVENTS.has(eventType ?? '')) {
      const workspaceId = slackWorkspaceId(context);
      const { userId, channelId } = contactOf(raw);
      if (!settled.has(workspaceId) && userId) {
        try {
          if (!created.has(workspaceId)) {
            const proven = channelWithBot(raw) ?? channelBotJoined(raw, context.botUserId);
            const candidate = homeChannelCandidate(channelId);
            const welcome = await welcomeIfNew(
              deps,
              { workspaceId, platform: 'slack', channelId: candidate, ...(proven ? { botIsMember: true } : {}) },
              userId,
              client as webApi.WebClient,
            );
            created.add(workspaceId);
            // A first `/duty` in a channel the bot is not in: that channel did not become the home;
            // the person who typed it learns there how to bring the bot in (the welcome went to
            // their DM, with the channel picker).
            const respond = (args as { respond?: RespondFn }).respond;
            if (welcome?.askForChannel && candidate && respond && typeof raw.command === 'string') {
              const text = labels(welcome.lang).inviteMeHere;
              afterReply = () => respond({ response_type: 'ephemeral', ...message(text, [section(text)]) });
            }
          }
          let workspace = await deps.dutybot.workspace(workspaceId);
          if (workspace && !workspace.active) await deps.dutybot.reactivateWorkspace(workspaceId, userId);
          const channel = channelWithBot(raw);
          if (workspace && !workspace.homeChannel && channel) {
            await deps.dutybot.adoptHomeChannel(
              { workspaceId, platform: 'slack', channelId: channel, botIsMember: true },
              userId,
            );
            workspace = await deps.dutybot.workspace(workspaceId);
          }
          // Reminders have somewhere to go: nothing left to look after on later requests.
          if (workspace?.reminderChannel) settled.add(workspaceId);
        } catch (error) {
          // The request itself may still be answerable; the next one tries again.
          deps.logger.warn('first contact failed', { error, workspaceId });
        }
      }
    }
    await next();
    await afterReply?.().catch((error: unknown) => deps.logger.warn('invitation hint failed', { error }));
  });

  // The bot was added to a channel: the first one becomes the home of the reminders.
  subscribe(app, 'member_joined_channel', async ({ event, client, context }) => {
    const joined = event as EventFields;
    const channel = homeChannelCandidate(joined.channel);
    if (!joined.user || joined.user !== context.botUserId || !channel) return;
    const workspaceId = slackWorkspaceId(context);
    const adopted = await deps.dutybot.adoptHomeChannel(
      { workspaceId, platform: 'slack', channelId: channel, botIsMember: true },
      joined.inviter ?? joined.user,
    );
    if (!adopted) return;
    const text = labels(await workspaceLang(deps, workspaceId)).channelAdopted;
    await (client as webApi.WebClient).chat
      .postMessage({ channel, ...message(text, [section(text)]) })
      .catch((error: unknown) => deps.logger.warn('home channel notice failed', { error }));
  });

  // Uninstalled, or the bot token revoked: its tokens are deleted at once (Slack's rule) and
  // scheduling stops; ledger and settings stay for the retention period.
  const goodbye =
    (kind: 'app_uninstalled' | 'tokens_revoked'): Parameters<typeof subscribe>[2] =>
    async ({ event, context }) => {
      const revoked = event as EventFields;
      // tokens_revoked also reports user tokens, which dutybot does not use.
      if (kind === 'tokens_revoked' && !revoked.tokens?.bot?.length) return;
      const workspaceId = slackWorkspaceId(context);
      settled.delete(workspaceId);
      // The core deletes the workspace's credentials with its status change; the installation is
      // deleted here too, because an org-wide one belongs to the org rather than to this workspace.
      await deps.installations?.deleteInstallation?.({
        teamId: context.teamId,
        enterpriseId: context.enterpriseId,
        isEnterpriseInstall: context.isEnterpriseInstall === true,
      });
      await deps.dutybot.deactivateWorkspace(workspaceId, 'slack', kind);
      deps.logger.info(`dutybot was removed from ${workspaceId} (${kind}): tokens deleted, scheduling stopped`);
    };
  subscribe(app, 'app_uninstalled', goodbye('app_uninstalled'));
  subscribe(app, 'tokens_revoked', goodbye('tokens_revoked'));

  // The channel picked in the welcome or the App Home (only while the workspace has none). The core
  // adopts it only if the bot is in it; otherwise the person is asked to invite the bot there, and
  // the invitation (member_joined_channel above) makes it the home.
  app.action<BlockAction<ConversationsSelectAction>>(
    ACTION.pickChannel,
    async ({ ack, body, action, client, context }) => {
      await ack();
      const web = client as webApi.WebClient;
      const workspaceId = slackWorkspaceId(context);
      const channel = homeChannelCandidate(action.selected_conversation);
      const lang = await workspaceLang(deps, workspaceId);
      try {
        if (channel) {
          await deps.dutybot.adoptHomeChannel({ workspaceId, platform: 'slack', channelId: channel }, body.user.id);
        }
        const home = (await deps.dutybot.workspace(workspaceId))?.reminderChannel;
        const l = labels(lang);
        if (home) {
          // Tell the channel; if the bot was removed from it since, ask the person to invite it.
          const posted = await web.chat
            .postMessage({ channel: home, ...message(l.channelAdopted, [section(l.channelAdopted)]) })
            .then(() => true)
            .catch(() => false);
          const text = posted ? l.channelPicked(`<#${home}>`) : l.inviteMe(`<#${home}>`);
          const dm = await openDirectMessage(web, body.user.id);
          await web.chat.postMessage({ channel: dm, ...messageMrkdwn(text, [section(text)]) });
        } else if (channel) {
          // Not adopted: the bot is not in the picked channel (or Slack could not say), and never
          // posts there uninvited.
          const text = l.inviteMe(`<#${channel}>`);
          const dm = await openDirectMessage(web, body.user.id);
          await web.chat.postMessage({ channel: dm, ...messageMrkdwn(text, [section(text)]) });
        }
        if (body.view?.type === 'home') await refreshHome(deps, context, body.user.id, web);
      } catch (error) {
        deps.logger.error('home channel pick failed', { error });
      }
    },
  );
}

/**
 * After an OAuth install: a new workspace is created and the installer welcomed in a DM (asked
 * to pick the reminders' channel); a workspace that was uninstalled resumes, and the reminders that
 * failed while it was gone are sent again.
 */
export async function welcomeInstaller(
  deps: HandlerDeps,
  conversation: Conversation,
  userId: string,
  client: webApi.WebClient,
): Promise<void> {
  const welcome = await welcomeIfNew(deps, conversation, userId, client);
  if (welcome) return;
  const requeued = await deps.dutybot.reactivateWorkspace(conversation.workspaceId, userId);
  if (requeued > 0)
    deps.logger.info(`re-sending ${requeued} reminders of ${conversation.workspaceId} after re-install`);
}

/** Creates the workspace if new and posts its welcome where the contact happened (or to the user's DM). */
export async function welcomeIfNew(
  deps: HandlerDeps,
  conversation: Conversation,
  userId: string,
  client: webApi.WebClient,
): Promise<WelcomeView | null> {
  const welcome = await deps.dutybot.ensureWorkspace(conversation, userId, undefined, { commandPrefix: SLASH_COMMAND });
  if (!welcome) return null;
  const { text, blocks } = renderWelcome(welcome);
  // The core makes the first channel the home only when the bot is in it: a welcome that still asks
  // for a channel was not invited where it was used, and never tries to post there.
  const inChannel = conversation.channelId && !welcome.askForChannel ? conversation.channelId : null;
  // Do not hold up the request that triggered it; a failed welcome is not worth failing it for.
  void (async () => {
    try {
      if (inChannel) {
        try {
          await client.chat.postMessage({ channel: inChannel, text, blocks, unfurl_links: false });
          return;
        } catch {
          // Removed from the channel since: welcome the user privately.
        }
      }
      const channel = await openDirectMessage(client, userId);
      await client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
    } catch (error) {
      // Not lost: the outbox delivers it with its retries, to the person's DM with the app (a user
      // id as channel), which needs no invitation, unlike the channel that may just have refused it.
      deps.logger.warn('welcome post failed: the outbox will deliver it', { error });
      await deps.dutybot
        .redeliverWelcome(welcome, userId)
        .catch((failure: unknown) => deps.logger.error('welcome could not be queued', { error: failure }));
    }
  })();
  return welcome;
}
