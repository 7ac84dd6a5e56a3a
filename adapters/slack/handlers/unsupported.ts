import type { App, types, webApi } from '@slack/bolt';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { ACTION, VIEW } from '../blocks/ids.js';
import { plain, section, truncate } from '../blocks/kit.js';
import { SLASH_COMMAND } from '../scopes.js';
import { slackWorkspaceId } from '../workspace.js';
import { type HandlerDeps, type TeamContext, workspaceLang } from './deps.js';

/** Matches any id except these (Bolt runs every listener whose constraints match). */
function noneOf(ids: readonly string[]): RegExp {
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?!(?:${escaped.join('|')})$)`);
}

async function notice(deps: HandlerDeps, context: TeamContext): Promise<string> {
  const lang = await workspaceLang(deps, slackWorkspaceId(context)).catch(() => 'en' as const);
  return catalogue(lang).binding.noLongerSupported(`${SLASH_COMMAND} `);
}

function noticeView(text: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'dutybot' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: [section(truncate(plain(text), 3000))],
  };
}

/**
 * Buttons, forms and shortcuts this version does not know (an old message, a renamed id, an app
 * configuration that went ahead of the code): acknowledged at once with a short notice, where
 * Bolt alone would leave Slack waiting and answer 404 after 3 s. Nothing else happens.
 */
export function registerUnsupported(app: App, deps: HandlerDeps): void {
  app.action(
    { type: 'block_actions', action_id: noneOf(Object.values(ACTION)) },
    async ({ ack, body, respond, client, context }) => {
      await ack();
      await tell(deps, { body: body as unknown as Interaction, respond, client, context });
    },
  );
  app.view({ type: 'view_submission', callback_id: noneOf(Object.values(VIEW)) }, async ({ ack, context }) => {
    await ack({ response_action: 'update', view: noticeView(await notice(deps, context)) });
  });
  // dutybot asks for no close notifications: any that arrives is acknowledged and ignored.
  app.view({ type: 'view_closed', callback_id: /.*/ }, async ({ ack }) => {
    await ack();
  });
  // dutybot declares no shortcuts: every shortcut is one it no longer supports.
  app.shortcut(/.*/, async ({ ack, body, respond, client, context }) => {
    await ack();
    await tell(deps, { body: body as unknown as Interaction, respond, client, context });
  });
  app.options(/.*/, async ({ ack }) => {
    await ack({ options: [] });
  });
}

interface Interaction {
  response_url?: string;
  trigger_id?: string;
}

async function tell(
  deps: HandlerDeps,
  args: {
    body: Interaction;
    respond:
      | ((message: { response_type: 'ephemeral'; replace_original: false; text: string }) => Promise<unknown>)
      | undefined;
    client: webApi.WebClient;
    context: TeamContext;
  },
): Promise<void> {
  const { body, respond, client, context } = args;
  const text = await notice(deps, context);
  try {
    if (body.response_url && respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
    else if (body.trigger_id) await client.views.open({ trigger_id: body.trigger_id, view: noticeView(text) });
  } catch (error) {
    deps.logger.warn('could not tell the user an interaction is no longer supported', { error });
  }
}
