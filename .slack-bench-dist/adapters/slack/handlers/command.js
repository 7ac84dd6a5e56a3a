import { slackTextToCore } from '../inbound.js';
import { SLASH_COMMAND } from '../scopes.js';
import { describe, prepareReply, somethingWrong } from './deliver.js';
import { actorOf, conversationOf } from './deps.js';
/**
 * Slack drops a command not acknowledged within 3 s. Most replies are ready in milliseconds and go
 * back in the acknowledgement itself (one round trip); a slow one is acknowledged with a short
 * notice and delivered through the response URL when ready.
 */
const ACK_BUDGET_MS = 2_000;
/** `/duty <text>`: the core's whole grammar; a bare question is answered with a Share button. */
export function registerCommand(app, deps) {
    app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context }) => {
        const conversation = conversationOf(context, command.channel_id);
        const actor = actorOf(deps, context, command.user_id, client);
        const text = slackTextToCore(command.text ?? '', context.botUserId);
        const work = (async () => {
            const reply = await deps.dutybot.handle({
                text,
                actor,
                conversation,
                // Slack does not retry commands, but a trigger id identifies this one invocation.
                idempotencyKey: `slack:command:${command.trigger_id}`,
            });
            return prepareReply(deps, reply, { userId: command.user_id, client: client }, { shareable: true });
        })().catch((error) => {
            deps.logger.error(`/duty failed: ${describe(error)}`);
            return somethingWrong();
        });
        let timer;
        const late = new Promise((resolve) => {
            timer = setTimeout(() => resolve('late'), ACK_BUDGET_MS);
        });
        const first = await Promise.race([work, late]);
        clearTimeout(timer);
        if (first !== 'late') {
            await ack(body(first));
            return;
        }
        await ack({ response_type: 'ephemeral', text: '⏳ Working on it… / Ci sto lavorando…' });
        await respond({ ...body(await work), replace_original: true });
    });
}
function body(reply) {
    return {
        response_type: reply.ephemeral ? 'ephemeral' : 'in_channel',
        text: reply.text,
        blocks: reply.blocks,
    };
}
//# sourceMappingURL=command.js.map