import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { mention, stripMarks } from '../../../src/views/mentions.js';
import type { Reply } from '../../../src/views/types.js';
import type { TeamsLocation } from '../location.js';
import { cardActivity } from '../renderer.js';
import { withTypingIndicator } from '../typing.js';
import { activityKey, actorFor, type HandlerDeps, remember, resolve, turnLogger } from './deps.js';
import { reportFailure, somethingWrongMessage } from './failure.js';
import { welcomeIfNew } from './install.js';

/**
 * A message to the bot (personal chat, or a channel/group chat mention): the core's whole grammar.
 * It counts as answered only once its reply is posted: when posting fails the route answers 500,
 * so Teams delivers the message again and it is processed again (its ledger effect is not
 * repeated: the core keys it by the same activity key).
 */
export function registerMessage(app: Application<TurnState>, deps: HandlerDeps): void {
  app.message(
    async (context) => context.activity.type === 'message' && typeof context.activity.text === 'string',
    async (context) => {
      const key = activityKey(context);
      await deps.answers.run(key, async () => {
        const place = await resolve(deps, context);
        const { location, workspaceId, conversation } = place;
        let reply: Reply;
        try {
          await remember(deps, context, place);
          const actor = actorFor(deps, context, place);
          await welcomeIfNew(deps, context, place, actor.userId);
          const text = await commandText(deps, context, location);
          reply = await withTypingIndicator(
            context,
            deps.dutybot.handle({
              text: text === '' ? 'help' : text,
              actor,
              conversation,
              ...(key ? { idempotencyKey: key } : {}),
            }),
            turnLogger(deps, context),
          );
        } catch (error) {
          // Not answered: a redelivery is processed again.
          reportFailure(turnLogger(deps, context), 'command', error, { workspaceId });
          await context.sendActivity(somethingWrongMessage(context));
          return false;
        }
        reply = keepPrivate(reply, location);
        // A failed post throws out of here: not marked answered, and the route answers 500.
        await context.sendActivity(cardActivity(await deps.renderer.reply(location.tenantId, reply)));
        return true;
      });
    },
  );
}

/**
 * A dashboard sign-in link signs in whoever opens it, and every member of a channel or group chat
 * would see a reply posted there: outside a personal chat the link is withheld (it expires unused)
 * and the person is told to ask in a personal chat.
 */
function keepPrivate(reply: Reply, location: TeamsLocation): Reply {
  if (reply.kind !== 'dashboard' || reply.url === null || location.conversationType === 'personal') return reply;
  return { ...reply, url: null, message: catalogue(reply.lang).dashboard.askInPersonalChat };
}

/**
 * The message text as the core's grammar expects it: the bot's own mention is already gone
 * (teams-ai removes it); other people's mention entities become mention marks (typed text never can: marks are stripped first).
 */
async function commandText(deps: HandlerDeps, context: TurnContext, location: TeamsLocation): Promise<string> {
  let text = stripMarks(context.activity.text ?? '');
  const botId = context.activity.recipient?.id;
  for (const entity of context.activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mentioned = entity.mentioned as { id?: string; name?: string } | undefined;
    const markup = typeof entity.text === 'string' ? entity.text : null;
    if (!mentioned?.id || !markup) continue;
    if (mentioned.id === botId) {
      text = text.split(markup).join(' ');
      continue;
    }
    const userId = await stableUserId(deps, context, location, mentioned.id, mentioned.name ?? null);
    text = text.split(markup).join(` ${mention(userId)} `);
  }
  return decodeEntities(text.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Mentions carry the 29:… id; dutybot keys people by AAD object id when Teams gives one. */
async function stableUserId(
  deps: HandlerDeps,
  context: TurnContext,
  location: TeamsLocation,
  id: string,
  name: string | null,
): Promise<string> {
  const known = await deps.state.user(location.tenantId, id);
  if (known?.aadObjectId) return known.aadObjectId;
  try {
    const member = await TeamsInfo.getMember(context, id);
    await deps.state.rememberUser(location.tenantId, {
      id,
      aadObjectId: member.aadObjectId ?? null,
      name: member.name || name,
    });
    return member.aadObjectId ?? id;
  } catch {
    if (name) await deps.state.rememberUser(location.tenantId, { id, name });
    return id;
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
