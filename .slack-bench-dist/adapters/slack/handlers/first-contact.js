import { renderWelcome } from '../blocks/welcome.js';
import { openDirectMessage } from '../messenger.js';
import { homeChannelCandidate, slackWorkspaceId } from '../workspace.js';
import { describe } from './deliver.js';
/** Who and where, from any kind of Slack request (event, command, action, view). */
function contactOf(body) {
    const event = body.event;
    const user = body.user;
    const channel = body.channel;
    return {
        userId: event?.user ?? body.user_id ?? user?.id ?? null,
        channelId: event?.channel ?? body.channel_id ?? channel?.id ?? null,
    };
}
/**
 * On the first request from a workspace, creates it in the core (defaults, audit entry) and posts
 * the welcome. Runs before every listener, so the first command already finds its workspace; the
 * set of known workspaces keeps later requests free of the extra lookup.
 */
export function registerFirstContact(app, deps) {
    const known = new Set();
    app.use(async ({ body, context, client, next }) => {
        if (context.teamId || context.enterpriseId) {
            const workspaceId = slackWorkspaceId(context);
            if (!known.has(workspaceId)) {
                const { userId, channelId } = contactOf(body);
                if (userId) {
                    await welcomeIfNew(deps, { workspaceId, platform: 'slack', channelId: homeChannelCandidate(channelId) }, userId, client);
                    known.add(workspaceId);
                }
            }
        }
        await next();
    });
}
/** Creates the workspace if new and posts its welcome where the contact happened (or to the user's DM). */
export async function welcomeIfNew(deps, conversation, userId, client) {
    const welcome = await deps.dutybot.ensureWorkspace(conversation, userId);
    if (!welcome)
        return null;
    const { text, blocks } = renderWelcome(welcome);
    // Do not hold up the request that triggered it; a failed welcome is not worth failing it for.
    void (async () => {
        try {
            if (conversation.channelId) {
                try {
                    await client.chat.postMessage({ channel: conversation.channelId, text, blocks, unfurl_links: false });
                    return;
                }
                catch {
                    // Typically a slash command in a channel the bot has not joined: welcome the user privately.
                }
            }
            const channel = await openDirectMessage(client, userId);
            await client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
        }
        catch (error) {
            deps.logger.warn(`welcome message failed: ${describe(error)}`);
        }
    })();
    return welcome;
}
//# sourceMappingURL=first-contact.js.map