import type { App, BlockAction, ButtonAction, StaticSelectAction, webApi } from '@slack/bolt';
import { renderAnswer } from '../blocks/answer.js';
import {
  ACTION,
  DutyButtonValueSchema,
  type ModalMetadata,
  parseJson,
  ShareValueSchema,
  SnoozeValueSchema,
} from '../blocks/ids.js';
import { doneModal, skipModal } from '../blocks/modals.js';
import { slackWorkspaceId } from '../workspace.js';
import { prepareReply, somethingWrong } from './deliver.js';
import { actorOf, conversationOf, firstTime, type HandlerDeps, workspaceLang } from './deps.js';
import { refreshHome } from './home.js';

/** Where a click happened: a message in a channel/DM, or the App Home. */
function origin(body: BlockAction) {
  return {
    channel: body.channel?.id ?? null,
    messageTs: body.message?.ts ?? (body.container as { message_ts?: string } | undefined)?.message_ts ?? null,
    fromHome: body.view?.type === 'home',
  };
}

/** One click is one effect, even if Slack delivers it twice. */
function clickKey(body: BlockAction, actionTs: string): string {
  return `slack:action:${body.user.id}:${actionTs}`;
}

export function registerActions(app: App, deps: HandlerDeps): void {
  // Done and Skip open a modal; the submission (handlers/views.ts) records the confirmation.
  for (const [actionId, modal] of [
    [ACTION.done, doneModal],
    [ACTION.skip, skipModal],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, context, respond }) => {
      await ack();
      if (!(await firstTime(deps, clickKey(body, action.action_ts)))) return;
      const value = parseJson(DutyButtonValueSchema, action.value);
      const lang = await workspaceLang(deps, slackWorkspaceId(context));
      if (!value) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...somethingWrong(lang) });
        return;
      }
      const title = deps.dutybot.dutyTitle(value.dutyId, lang) ?? value.dutyId;
      const { channel, messageTs } = origin(body);
      const metadata: ModalMetadata = { ...value, channel, messageTs, lang };
      await (client as webApi.WebClient).views.open({ trigger_id: body.trigger_id, view: modal(metadata, title) });
    });
  }

  app.action<BlockAction<StaticSelectAction>>(
    ACTION.snooze,
    async ({ ack, body, action, client, context, respond }) => {
      await ack();
      if (!(await firstTime(deps, clickKey(body, action.action_ts)))) return;
      const web = client as webApi.WebClient;
      const value = parseJson(SnoozeValueSchema, action.selected_option?.value);
      const { channel, messageTs, fromHome } = origin(body);
      try {
        if (!value) throw new Error('snooze option without a valid value');
        const reply = await deps.dutybot.confirm({
          actor: actorOf(deps, context, body.user.id, web),
          conversation: conversationOf(context, channel),
          dutyId: value.dutyId,
          occurrence: value.occurrence,
          status: 'snoozed',
          snooze: value.snooze,
          idempotencyKey: `slack:snooze:${messageTs ?? 'home'}:${value.dutyId}:${value.occurrence}:${body.user.id}:${value.snooze}`,
        });
        const rendered = await prepareReply(deps, reply, { userId: body.user.id, client: web });
        if (fromHome) await refreshHome(deps, context, body.user.id, web);
        else
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: rendered.text,
            blocks: rendered.blocks,
          });
      } catch (error) {
        deps.logger.error('snooze failed', { error });
        await respond({ response_type: 'ephemeral', replace_original: false, ...somethingWrong() }).catch(
          () => undefined,
        );
      }
    },
  );

  // The ephemeral answer to `/duty <question>` can be shared: a fresh answer is posted in the
  // channel (as the app, through the response URL, so the bot need not be a member) and the
  // private copy is removed.
  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, action, context, respond }) => {
    await ack();
    if (!(await firstTime(deps, clickKey(body, action.action_ts)))) return;
    const value = parseJson(ShareValueSchema, action.value);
    if (!value) return;
    try {
      const answer = await deps.dutybot.ask(value.question, conversationOf(context, body.channel?.id ?? null));
      const shared = renderAnswer(answer, { sharedBy: body.user.id });
      await respond({ response_type: 'in_channel', replace_original: false, text: shared.text, blocks: shared.blocks });
      await respond({ delete_original: true });
    } catch (error) {
      deps.logger.error('share failed', { error });
    }
  });
}
