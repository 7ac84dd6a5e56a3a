import { slackWorkspaceId } from '../workspace.js';
export function conversationOf(context, channelId) {
    return { workspaceId: slackWorkspaceId(context), platform: 'slack', channelId };
}
export function actorOf(deps, context, userId, client) {
    return deps.actors.actor(slackWorkspaceId(context), userId, client);
}
/** The workspace's language, for adapter chrome shown before the core has answered (modal titles). */
export async function workspaceLang(deps, workspaceId) {
    const workspace = await deps.dutybot.store.getWorkspace(workspaceId);
    return workspace?.settings.language ?? 'en';
}
/** Slack may deliver the same thing twice (retries, double clicks): true only the first time. */
export function firstTime(deps, key) {
    return deps.dutybot.firstSeen(key);
}
/**
 * The one place events are subscribed, named as in the manifest (`message.im`, not Bolt's
 * `message` + filter), so the manifest test can check both agree.
 */
export function subscribe(app, event, listener) {
    if (event === 'message.im') {
        app.event('message', async (args) => {
            const message = args.event;
            if (message.channel_type === 'im')
                await listener(args);
        });
        return;
    }
    app.event(event, listener);
}
//# sourceMappingURL=deps.js.map