import { slackTextToCore } from '../inbound.js';
import { describe, prepareReply, somethingWrong } from './deliver.js';
import { actorOf, conversationOf, firstTime, subscribe } from './deps.js';
/** Mentions in channels are answered in a thread; direct messages in the DM. */
export function registerMessages(app, deps) {
    subscribe(app, 'app_mention', async ({ event, body, client, context }) => {
        const mention = event;
        const eventId = body.event_id;
        if (!mention.user || mention.bot_id)
            return;
        if (eventId && !(await firstTime(deps, `slack:${eventId}`)))
            return;
        const thread = mention.thread_ts ?? mention.ts;
        const web = client;
        const user = mention.user;
        const conversation = conversationOf(context, mention.channel);
        try {
            const reply = await deps.dutybot.handle({
                text: slackTextToCore(mention.text ?? '', context.botUserId),
                actor: actorOf(deps, context, user, web),
                conversation,
                ...(eventId ? { idempotencyKey: `slack:${eventId}` } : {}),
            });
            const rendered = await prepareReply(deps, reply, { userId: user, client: web }, { channelReply: true });
            if (rendered.ephemeral) {
                await web.chat.postEphemeral({
                    channel: mention.channel,
                    user,
                    thread_ts: thread,
                    text: rendered.text,
                    blocks: rendered.blocks,
                });
            }
            else {
                await web.chat.postMessage({
                    channel: mention.channel,
                    thread_ts: thread,
                    text: rendered.text,
                    blocks: rendered.blocks,
                    unfurl_links: false,
                });
            }
        }
        catch (error) {
            deps.logger.error(`app_mention failed: ${describe(error)}`);
            const sorry = somethingWrong();
            await web.chat
                .postEphemeral({ channel: mention.channel, user, thread_ts: thread, text: sorry.text, blocks: sorry.blocks })
                .catch(() => undefined);
        }
    });
    subscribe(app, 'message.im', async ({ event, body, client, context }) => {
        const dm = event;
        // Edits, joins, the bot's own messages…: only what a person typed is a question or command.
        if (dm.subtype || dm.bot_id || !dm.user || dm.user === context.botUserId)
            return;
        const eventId = body.event_id;
        if (eventId && !(await firstTime(deps, `slack:${eventId}`)))
            return;
        const web = client;
        const user = dm.user;
        try {
            const reply = await deps.dutybot.handle({
                text: slackTextToCore(dm.text ?? '', context.botUserId),
                actor: actorOf(deps, context, user, web),
                conversation: conversationOf(context, dm.channel),
                ...(eventId ? { idempotencyKey: `slack:${eventId}` } : {}),
            });
            // A DM is already private: every reply is a normal message there.
            const rendered = await prepareReply(deps, reply, { userId: user, client: web });
            await web.chat.postMessage({
                channel: dm.channel,
                text: rendered.text,
                blocks: rendered.blocks,
                unfurl_links: false,
            });
        }
        catch (error) {
            deps.logger.error(`message.im failed: ${describe(error)}`);
            const sorry = somethingWrong();
            await web.chat
                .postMessage({ channel: dm.channel, text: sorry.text, blocks: sorry.blocks })
                .catch(() => undefined);
        }
    });
}
//# sourceMappingURL=messages.js.map