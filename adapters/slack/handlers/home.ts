import type { App, webApi } from '@slack/bolt';
import { renderHome } from '../blocks/home.js';
import { answerOnce } from './answered.js';
import { actorOf, conversationOf, type HandlerDeps, subscribe, type TeamContext } from './deps.js';

/** Publishes the user's App Home: their own duties; admins also see the settings summary. */
export async function refreshHome(
  deps: HandlerDeps,
  context: TeamContext,
  userId: string,
  client: webApi.WebClient,
): Promise<void> {
  const view = await deps.dutybot.home(conversationOf(context, null), actorOf(deps, context, userId, client));
  await client.views.publish({ user_id: userId, view: renderHome(view, deps.publicLinks) });
}

export function registerHome(app: App, deps: HandlerDeps): void {
  subscribe(app, 'app_home_opened', async ({ event, body, client, context }) => {
    const opened = event as { user: string; tab?: string };
    if (opened.tab !== 'home') return;
    const eventId = (body as { event_id?: string }).event_id;
    await answerOnce(deps, eventId, async () => {
      try {
        await refreshHome(deps, context, opened.user, client as webApi.WebClient);
        return true;
      } catch (error) {
        deps.logger.error('app home failed', { error });
        return false;
      }
    });
  });
}
