import type { App, webApi } from '@slack/bolt';
import { slackTextToCore } from '../inbound.js';
import { SLASH_COMMAND } from '../scopes.js';
import { prepareReply, type RenderedReply, somethingWrong } from './deliver.js';
import { actorOf, conversationOf, type HandlerDeps } from './deps.js';

/**
 * Slack drops a command not acknowledged within 3 s. Most replies are ready in milliseconds and go
 * back in the acknowledgement itself (one round trip); a slow one is acknowledged with a short
 * notice and delivered through the response URL when ready.
 */
const ACK_BUDGET_MS = 2_000;

/** `/duty <text>`: the core's whole grammar; a bare question is answered with a Share button. */
export function registerCommand(app: App, deps: HandlerDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context }) => {
    const conversation = conversationOf(context, command.channel_id);
    const actor = actorOf(deps, context, command.user_id, client as webApi.WebClient);
    const text = slackTextToCore(command.text ?? '', context.botUserId);

    const work: Promise<RenderedReply> = (async () => {
      const reply = await deps.dutybot.handle({
        text,
        actor,
        conversation,
        // Slack does not retry commands, but a trigger id identifies this one invocation.
        idempotencyKey: `slack:command:${command.trigger_id}`,
      });
      return prepareReply(
        deps,
        reply,
        { userId: command.user_id, client: client as webApi.WebClient },
        { shareable: true, commandPrefix: `${SLASH_COMMAND} ` },
      );
    })().catch((error: unknown) => {
      deps.logger.error('/duty failed', { error });
      return somethingWrong();
    });

    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
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

function body(reply: RenderedReply) {
  return {
    response_type: reply.ephemeral ? ('ephemeral' as const) : ('in_channel' as const),
    text: reply.text,
    blocks: reply.blocks,
  };
}
