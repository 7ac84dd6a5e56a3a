import type { App, webApi } from '@slack/bolt';
import { slackTextToCore } from '../inbound.js';
import { answerOnce } from './answered.js';
import { prepareReply, somethingWrong } from './deliver.js';
import { actorOf, conversationOf, type HandlerDeps, subscribe } from './deps.js';

interface ChatEvent {
  user?: string;
  text?: string;
  channel: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}

/**
 * Mentions in channels are answered in a thread; direct messages in the DM. An event counts as
 * answered only once its reply is posted (see answered.ts): a failed reply is not a lost answer.
 */
export function registerMessages(app: App, deps: HandlerDeps): void {
  subscribe(app, 'app_mention', async ({ event, body, client, context }) => {
    const mention = event as ChatEvent;
    const eventId = (body as { event_id?: string }).event_id;
    if (!mention.user || mention.bot_id) return;
    // A mention inside a DM also arrives as message.im, which answers it: do not answer twice.
    if (mention.channel.startsWith('D')) return;
    const thread = mention.thread_ts ?? mention.ts;
    const web = client as webApi.WebClient;
    const user = mention.user;
    const conversation = conversationOf(context, mention.channel);
    await answerOnce(deps, eventId, async () => {
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
        } else {
          await web.chat.postMessage({
            channel: mention.channel,
            thread_ts: thread,
            text: rendered.text,
            blocks: rendered.blocks,
            unfurl_links: false,
          });
        }
        return true;
      } catch (error) {
        // Not answered: Slack's redelivery is processed again (its ledger effect is not repeated).
        deps.logger.error('app_mention failed', { error });
        const sorry = somethingWrong();
        await web.chat
          .postEphemeral({ channel: mention.channel, user, thread_ts: thread, text: sorry.text, blocks: sorry.blocks })
          .catch(() => undefined);
        return false;
      }
    });
  });

  subscribe(app, 'message.im', async ({ event, body, client, context }) => {
    const dm = event as ChatEvent;
    // Edits, joins, the bot's own messages…: only what a person typed is a question or command.
    if (dm.subtype || dm.bot_id || !dm.user || dm.user === context.botUserId) return;
    const eventId = (body as { event_id?: string }).event_id;
    const web = client as webApi.WebClient;
    const user = dm.user;
    await answerOnce(deps, eventId, async () => {
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
        return true;
      } catch (error) {
        deps.logger.error('message.im failed', { error });
        const sorry = somethingWrong();
        await web.chat
          .postMessage({ channel: dm.channel, text: sorry.text, blocks: sorry.blocks })
          .catch(() => undefined);
        return false;
      }
    });
  });
}
