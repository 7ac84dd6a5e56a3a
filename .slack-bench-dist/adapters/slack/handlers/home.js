import { renderHome } from '../blocks/home.js';
import { describe } from './deliver.js';
import { actorOf, conversationOf, firstTime, subscribe } from './deps.js';
/** Publishes the user's App Home: their own duties; admins also see the settings summary. */
export async function refreshHome(deps, context, userId, client) {
    const view = await deps.dutybot.home(conversationOf(context, null), actorOf(deps, context, userId, client));
    await client.views.publish({ user_id: userId, view: renderHome(view) });
}
export function registerHome(app, deps) {
    subscribe(app, 'app_home_opened', async ({ event, body, client, context }) => {
        const opened = event;
        if (opened.tab !== 'home')
            return;
        const eventId = body.event_id;
        if (eventId && !(await firstTime(deps, `slack:${eventId}`)))
            return;
        try {
            await refreshHome(deps, context, opened.user, client);
        }
        catch (error) {
            deps.logger.error(`app home failed: ${describe(error)}`);
        }
    });
}
//# sourceMappingURL=home.js.map