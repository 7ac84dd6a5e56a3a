import type { App, InstallationStore, webApi } from '@slack/bolt';
import type { Actor, Conversation, Dutybot } from '../../../src/bot/types.js';
import type { Logger } from '../../../src/logging/logger.js';
import type { PublicLinks } from '../../../src/views/public-links.js';
import type { Lang } from '../../../src/views/types.js';
import type { SlackActors, UserHint } from '../actor.js';
import type { SlackMessageBindings } from '../message-bindings.js';
import type { ModalSeal } from '../modal-seal.js';
import type { SlackEvent } from '../scopes.js';
import { slackWorkspaceId } from '../workspace.js';

/** What every handler needs: the core facade and the adapter's own helpers. */
export interface HandlerDeps {
  dutybot: Dutybot;
  actors: SlackActors;
  /** What each posted reminder is about: a click is judged by its message, not its payload. */
  bindings: SlackMessageBindings;
  /** Seals modal metadata so an edited private_metadata is refused. */
  seal: ModalSeal;
  /** The process's logger, bound to `component: 'slack'`. */
  logger: Logger;
  /** OAuth installations (null with a single bot token): an uninstall deletes the workspace's at once. */
  installations: InstallationStore | null;
  /** Support and privacy pages, shown on the App Home (undefined: the server has no public URL). */
  publicLinks?: PublicLinks | undefined;
}

/** The part of Bolt's context that identifies the workspace. */
export interface TeamContext {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
}

export function conversationOf(context: TeamContext, channelId: string | null): Conversation {
  return { workspaceId: slackWorkspaceId(context), platform: 'slack', channelId };
}

/** `hint`: what the payload says about the user (interactions name the user's own team). */
export function actorOf(
  deps: HandlerDeps,
  context: TeamContext,
  userId: string,
  client: webApi.WebClient,
  hint: UserHint = {},
): Actor {
  return deps.actors.actor(slackWorkspaceId(context), userId, client, hint);
}

/** The workspace's language, for adapter chrome shown before the core has answered (modal titles). */
export async function workspaceLang(deps: HandlerDeps, workspaceId: string): Promise<Lang> {
  return (await deps.dutybot.workspace(workspaceId))?.lang ?? 'en';
}

/** Slack may deliver the same thing twice (retries, double clicks): true only the first time. */
export function firstTime(deps: HandlerDeps, key: string): Promise<boolean> {
  return deps.dutybot.firstSeen(key);
}

type EventListener = Parameters<App['event']>[1];

/**
 * The one place events are subscribed, named as in the manifest (`message.im`, not Bolt's
 * `message` + filter), so the manifest test can check both agree.
 */
export function subscribe(app: App, event: SlackEvent, listener: EventListener): void {
  if (event === 'message.im') {
    app.event('message', async (args) => {
      const message = args.event as { channel_type?: string };
      // Same listener arguments; only the event's static type differs (message vs. the union).
      if (message.channel_type === 'im') await listener(args as never);
    });
    return;
  }
  app.event(event, listener);
}
