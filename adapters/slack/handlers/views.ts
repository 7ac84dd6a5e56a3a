import { createHash } from 'node:crypto';
import type { AckFn, App, ViewOutput, ViewResponseAction, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Actor } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import type { ConfirmationStatus, Reply } from '../../../src/views/types.js';
import { AdminCheckPending } from '../actor.js';
import { INPUT, type ModalMetadata, VIEW } from '../blocks/ids.js';
import { message, plain, type SlackMessage, section, truncate } from '../blocks/kit.js';
import { labels } from '../labels.js';
import { openDirectMessage } from '../messenger.js';
import { slackWorkspaceId } from '../workspace.js';
import { prepareReply } from './deliver.js';
import { conversationOf, type HandlerDeps, type TeamContext, workspaceLang } from './deps.js';
import { refreshHome } from './home.js';

function inputValue(view: ViewOutput, input: { block: string; action: string }): string | null {
  const value = view.state.values[input.block]?.[input.action]?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The core's refusal, shown on the field it concerns (Slack shows the text under the input). */
function fieldError(reply: Extract<Reply, { kind: 'error' }>, field: string) {
  const text = [reply.message, reply.hint].filter(Boolean).join(' ');
  return { response_action: 'errors' as const, errors: { [field]: truncate(plain(text), 300) } };
}

export function registerViews(app: App, deps: HandlerDeps): void {
  // Unsealed or edited metadata (see modal-seal.ts) reads as none: the submission is refused.
  const metadataOf = (body: ViewSubmitAction, context: TeamContext) =>
    deps.seal.open(body.view.private_metadata, slackWorkspaceId(context), body.user.id);

  app.view<ViewSubmitAction>(VIEW.done, async ({ ack, body, view, client, context }) => {
    const metadata = metadataOf(body, context);
    const note = inputValue(view, INPUT.note);
    const evidenceUrl = inputValue(view, INPUT.evidence);
    await submit(deps, { ack, body, view, client: client as webApi.WebClient, context }, metadata, 'done', {
      note,
      evidenceUrl,
      // Only the evidence link is validated; any other refusal (not the owner…) goes on the first field.
      fieldFor: (reply) => (reply.code === 'bad_value' && evidenceUrl ? INPUT.evidence.block : INPUT.note.block),
    });
  });

  app.view<ViewSubmitAction>(VIEW.skip, async ({ ack, body, view, client, context }) => {
    const metadata = metadataOf(body, context);
    await submit(deps, { ack, body, view, client: client as webApi.WebClient, context }, metadata, 'skipped', {
      reason: inputValue(view, INPUT.reason),
      fieldFor: () => INPUT.reason.block,
    });
  });
}

interface SubmitArgs {
  ack: AckFn<ViewResponseAction>;
  body: ViewSubmitAction;
  view: ViewOutput;
  client: webApi.WebClient;
  context: TeamContext;
}

async function submit(
  deps: HandlerDeps,
  { ack, body, view, client, context }: SubmitArgs,
  metadata: ModalMetadata | null,
  status: ConfirmationStatus,
  fields: {
    note?: string | null;
    evidenceUrl?: string | null;
    reason?: string | null;
    fieldFor: (reply: Extract<Reply, { kind: 'error' }>) => string;
  },
): Promise<void> {
  const user = body.user.id;
  const firstField = status === 'skipped' ? INPUT.reason.block : INPUT.note.block;
  if (!metadata) {
    const b = catalogue(await workspaceLang(deps, slackWorkspaceId(context))).binding;
    await ack({ response_action: 'errors', errors: { [firstField]: `${b.otherMessage} ${b.otherMessageHint}` } });
    return;
  }
  // A resubmission of the same form with the same values is the same confirmation.
  const digest = createHash('sha256')
    .update(JSON.stringify([fields.note ?? null, fields.evidenceUrl ?? null, fields.reason ?? null]))
    .digest('hex')
    .slice(0, 16);
  const workspaceId = slackWorkspaceId(context);
  // The submitter's own team: in an OAuth install the workspace is the one the modal was opened
  // in (app_installed_team_id), which need not be the submitter's.
  const hint = { teamId: body.user.team_id ?? body.team?.id ?? null };
  // The form confirms what the message it was opened from is about (a reminder dutybot posted).
  const boundTo = await deps.bindings.lookup(workspaceId, metadata.channel, metadata.messageTs);
  const confirmAs = (actor: Actor) =>
    deps.dutybot.confirm({
      actor,
      boundTo,
      conversation: conversationOf(context, metadata.channel),
      dutyId: metadata.dutyId,
      occurrence: metadata.occurrence,
      status,
      note: fields.note ?? null,
      evidenceUrl: fields.evidenceUrl ?? null,
      reason: fields.reason ?? null,
      idempotencyKey: `slack:view:${view.id}:${digest}`,
    });

  // Slack shows the user an error if the submission is not answered within 3 s. Everything that
  // needs no Web API call (the values, the ledger) happens before the answer; when the permission
  // check would have to ask Slack (users.info, not cached), the modal is closed first and the
  // outcome is posted back to the user afterwards.
  let reply: Reply | null = null;
  try {
    reply = await confirmAs(deps.actors.cachedActor(workspaceId, user, client, hint));
  } catch (error) {
    if (!(error instanceof AdminCheckPending)) {
      deps.logger.error('confirmation failed', { error });
      await ack({ response_action: 'errors', errors: { [firstField]: labels(metadata.lang).somethingWrong } });
      return;
    }
  }
  if (reply?.kind === 'error') {
    await ack(fieldError(reply, fields.fieldFor(reply)));
    return;
  }
  await ack();

  if (!reply) {
    try {
      reply = await confirmAs(deps.actors.strictActor(workspaceId, user, client, hint));
    } catch (error) {
      deps.logger.warn('confirmation after the admin check failed', { error });
      // Web API errors carry a `slack_…` code: then it was the role check, not dutybot, that failed.
      const fromSlack = String((error as { code?: unknown } | null)?.code ?? '').startsWith('slack_');
      const l = labels(metadata.lang);
      const text = fromSlack ? l.adminCheckFailed : l.somethingWrong;
      await tellUser(deps, { client, context, user, channel: metadata.channel }, message(text, [section(text)]), true);
      return;
    }
  }
  // Tell the person how it went where they clicked: privately in the channel, or on their Home tab.
  const rendered = await prepareReply(deps, reply, { userId: user, client });
  await tellUser(deps, { client, context, user, channel: metadata.channel }, rendered, reply.kind === 'error');
}

/** Privately in the channel where the button was; from the Home tab, the refreshed Home (and a DM if refused). */
async function tellUser(
  deps: HandlerDeps,
  where: { client: webApi.WebClient; context: TeamContext; user: string; channel: string | null },
  notice: SlackMessage,
  refused = false,
): Promise<void> {
  const { client, context, user, channel } = where;
  try {
    if (channel) {
      await client.chat.postEphemeral({ channel, user, text: notice.text, blocks: notice.blocks });
      return;
    }
    // Clicked on the Home tab: show the list without the duty just confirmed.
    await refreshHome(deps, context, user, client);
    if (refused) {
      const dm = await openDirectMessage(client, user);
      await client.chat.postMessage({ channel: dm, text: notice.text, blocks: notice.blocks });
    }
  } catch (error) {
    deps.logger.warn('confirmation notice failed', { error });
  }
}
