import { createHash } from 'node:crypto';
import { Application, type TurnState } from '@microsoft/teams-ai';
import { type Activity, type ConversationReference, TeamsInfo, TurnContext } from 'botbuilder';
import type { Actor, Dutybot } from '../../src/bot/types.js';
import type { ConfirmationStatus, Lang, Reply } from '../../src/views/types.js';
import type { TeamsAdapterWithAuth } from './adapter.js';
import { REMINDER_VERBS, type ReminderActionData, type ReminderInputs } from './cards/reminder.js';
import type { TeamsConfig } from './config.js';
import { conversationFor, locate, type TeamsLocation, workspaceIdFor } from './location.js';
import { cardActivity, type TeamsRenderer } from './renderer.js';
import type { TeamsState } from './state.js';
import { withTypingIndicator } from './typing.js';

/**
 * The Teams turn handlers: thin translations from activities to Dutybot calls and back to cards.
 * Business rules (grammar, permissions, validation) stay in the core.
 */

export interface TeamsAppDeps {
  adapter: TeamsAdapterWithAuth;
  config: TeamsConfig;
  dutybot: Dutybot;
  state: TeamsState;
  renderer: TeamsRenderer;
  log: (message: string) => void;
}

const VERB_STATUS: Record<string, ConfirmationStatus> = {
  [REMINDER_VERBS.done]: 'done',
  [REMINDER_VERBS.snooze]: 'snoozed',
  [REMINDER_VERBS.skip]: 'skipped',
};

export function createTeamsApp(deps: TeamsAppDeps): Application<TurnState> {
  const { adapter, config, dutybot, state, renderer } = deps;
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.appId,
    // teams-ai keeps one typing timer per Application, which concurrent turns would share.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  /** Who is acting, with the team-owner check done lazily (only admin commands need it). */
  const actorFor = (context: TurnContext, location: TeamsLocation, teamId: string | null): Actor => {
    const from = context.activity.from;
    const userId = from.aadObjectId ?? from.id;
    return {
      userId,
      isPlatformAdmin: async () => {
        if (config.adminIds.includes(userId) || config.adminIds.includes(from.id)) return true;
        if (!teamId) return false;
        try {
          // The roster's userRole says "owner" for team owners where Teams provides it.
          const member = await TeamsInfo.getTeamMember(context, teamId, from.id);
          return member.userRole === 'owner';
        } catch (error) {
          deps.log(`teams: roster look-up failed in ${location.tenantId}: ${describe(error)}`);
          return false;
        }
      },
    };
  };

  /** Stores what a turn teaches us: the conversation reference, the user's name and team. */
  const remember = async (context: TurnContext, location: TeamsLocation, workspaceId: string) => {
    const reference = TurnContext.getConversationReference(context.activity);
    const conversation = {
      ...reference.conversation,
      id: location.conversationId,
    } as ConversationReference['conversation'];
    await state.saveConversation(workspaceId, { ...reference, conversation, activityId: undefined });
    const from = context.activity.from;
    if (from?.id && from.id !== context.activity.recipient?.id) {
      await state.rememberUser(location.tenantId, {
        id: from.id,
        aadObjectId: from.aadObjectId ?? null,
        name: from.name || null,
        ...(location.teamId ? { teamWorkspaceId: workspaceId } : {}),
      });
    }
  };

  const resolve = async (context: TurnContext) => {
    const location = locate(context.activity);
    const from = context.activity.from;
    const workspaceId = await workspaceIdFor(location, { id: from.id, aadObjectId: from.aadObjectId }, state);
    const teamId = location.teamId ?? teamOf(workspaceId, location);
    return { location, workspaceId, teamId, conversation: conversationFor(workspaceId, location) };
  };

  /** Workspaces this process has already ensured: the store stays the authority, this only saves a query. */
  const ensured = new Set<string>();

  /** First contact with a workspace: create it and post the welcome card once. */
  const welcomeIfNew = async (
    context: TurnContext,
    workspaceId: string,
    location: TeamsLocation,
    installer: string,
  ) => {
    if (ensured.has(workspaceId)) return;
    // A team whose installer uses Teams in Italian starts with Italian settings (changeable later).
    const lang: Lang = (context.activity.locale ?? '').toLowerCase().startsWith('it') ? 'it' : 'en';
    const welcome = await dutybot.ensureWorkspace(conversationFor(workspaceId, location), installer, lang);
    if (ensured.size >= 10_000) ensured.clear();
    ensured.add(workspaceId);
    if (welcome) {
      await context.sendActivity(
        cardActivity(await renderer.outbound(location.tenantId, { kind: 'welcome', view: welcome })),
      );
    }
  };

  /** On install, learn the team roster (names for mentions, team of each member for personal chats). */
  const learnRoster = async (context: TurnContext, location: TeamsLocation, workspaceId: string) => {
    if (!location.teamId) return;
    try {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, location.teamId, 500, token);
        for (const member of page.members) {
          await state.rememberUser(location.tenantId, {
            id: member.id,
            aadObjectId: member.aadObjectId ?? null,
            name: member.name || null,
            teamWorkspaceId: workspaceId,
          });
        }
        token = page.continuationToken || undefined;
      } while (token);
    } catch (error) {
      // Not fatal: names are learnt from messages too.
      deps.log(`teams: could not read the roster of a team in ${location.tenantId}: ${describe(error)}`);
    }
  };

  const onInstalled = async (context: TurnContext) => {
    const { location, workspaceId } = await resolve(context);
    await remember(context, location, workspaceId);
    await learnRoster(context, location, workspaceId);
    const installer = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'teams';
    await welcomeIfNew(context, workspaceId, location, installer);
  };

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id === botId)) {
      await onInstalled(context);
      return;
    }
    // New people in a team: remember them so their personal chat acts on this team.
    const { location, workspaceId } = await resolve(context);
    if (!location.teamId) return;
    for (const member of added) {
      await state.rememberUser(location.tenantId, {
        id: member.id,
        aadObjectId: member.aadObjectId ?? null,
        name: member.name || null,
        teamWorkspaceId: workspaceId,
      });
    }
  });

  app.activity('installationUpdate', async (context) => {
    if (context.activity.action === 'add' || context.activity.action === 'add-upgrade') await onInstalled(context);
  });

  app.message(
    async (context) => context.activity.type === 'message' && typeof context.activity.text === 'string',
    async (context) => {
      if (!(await firstTime(context))) return;
      const { location, workspaceId, teamId, conversation } = await resolve(context);
      await remember(context, location, workspaceId);
      const actor = actorFor(context, location, teamId);
      await welcomeIfNew(context, workspaceId, location, actor.userId);
      const text = await commandText(context, location);
      let reply: Reply;
      try {
        reply = await withTypingIndicator(
          context,
          dutybot.handle({
            text: text === '' ? 'help' : text,
            actor,
            conversation,
            idempotencyKey: `teams:${context.activity.id}`,
          }),
          deps.log,
        );
      } catch (error) {
        deps.log(`teams: command failed in ${workspaceId}: ${describe(error)}`);
        await context.sendActivity(failureMessage(context));
        return;
      }
      await context.sendActivity(cardActivity(await renderer.reply(location.tenantId, reply)));
    },
  );

  app.adaptiveCards.actionExecute<ReminderActionData>(Object.values(REMINDER_VERBS), async (context, _state, data) => {
    const verb = String(context.activity.value?.action?.verb ?? '');
    const { location, workspaceId, teamId, conversation } = await resolve(context);
    const cardId = context.activity.replyToId ?? null;
    const stored = cardId ? await state.card(workspaceId, cardId) : null;
    const inputs: ReminderInputs = {
      note: clean(data.note),
      evidenceUrl: clean(data.evidenceUrl),
      snooze: clean(data.snooze),
      reason: clean(data.reason),
    };
    // A redelivered invoke: the first delivery did the work; show the card as it now stands.
    if (!(await firstTime(context))) {
      return stored ? (await renderer.reminder(location.tenantId, stored.view)).card : 'OK';
    }
    await remember(context, location, workspaceId);
    const actor = actorFor(context, location, teamId);
    const status = VERB_STATUS[verb];
    if (!status || typeof data.dutyId !== 'string' || typeof data.occurrence !== 'string') return 'Unknown action';

    const reply = await dutybot.confirm({
      actor,
      conversation,
      dutyId: data.dutyId,
      occurrence: data.occurrence,
      status,
      note: inputs.note,
      evidenceUrl: inputs.evidenceUrl,
      reason: inputs.reason,
      snooze: status === 'snoozed' ? inputs.snooze : null,
      // A double-clicked button (new activity id, same card, same values) records one entry.
      idempotencyKey: submissionKey(workspaceId, cardId, verb, actor.userId, data, inputs),
    });

    if (reply.kind !== 'confirmed') {
      // Refused (missing reason, bad link, not an owner…): only the person who clicked sees the
      // card again, with the message on top and what they typed still in the inputs.
      if (!stored || reply.kind !== 'error') return (await renderer.reply(location.tenantId, reply)).card;
      return (
        await renderer.reminder(location.tenantId, stored.view, {
          error: { message: reply.message, hint: reply.hint },
          inputs,
        })
      ).card;
    }
    if (!stored || !cardId) return (await renderer.reply(location.tenantId, reply)).card;

    const view = { ...stored.view, closedBy: reply.confirmation };
    const rendered = await renderer.reminder(location.tenantId, view);
    await state.saveCard(workspaceId, cardId, { ...stored, view });
    try {
      // Everyone in the conversation sees the settled card, not only the person who clicked.
      await context.updateActivity(cardActivity(rendered, cardId));
    } catch (error) {
      deps.log(`teams: could not update a reminder card in ${workspaceId}: ${describe(error)}`);
    }
    return rendered.card;
  });

  /** Durable dedupe: Teams redelivers an activity it thinks we were too slow to take. */
  const firstTime = (context: TurnContext) =>
    context.activity.id ? dutybot.firstSeen(`teams:${context.activity.id}`) : Promise.resolve(true);

  /**
   * The message text as the core's grammar expects it: the bot's own mention is already gone
   * (teams-ai removes it); other people's mentions become `{{user:ID}}` tokens.
   */
  const commandText = async (context: TurnContext, location: TeamsLocation): Promise<string> => {
    let text = context.activity.text ?? '';
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
      const userId = await stableUserId(context, location, mentioned.id, mentioned.name ?? null);
      text = text.split(markup).join(` {{user:${userId}}} `);
    }
    return decodeEntities(text.replace(/<[^>]+>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim();
  };

  /** Mentions carry the 29:… id; dutybot keys people by AAD object id when Teams gives one. */
  const stableUserId = async (context: TurnContext, location: TeamsLocation, id: string, name: string | null) => {
    const known = await state.user(location.tenantId, id);
    if (known?.aadObjectId) return known.aadObjectId;
    try {
      const member = await TeamsInfo.getMember(context, id);
      await state.rememberUser(location.tenantId, {
        id,
        aadObjectId: member.aadObjectId ?? null,
        name: member.name || name,
      });
      return member.aadObjectId ?? id;
    } catch {
      if (name) await state.rememberUser(location.tenantId, { id, name });
      return id;
    }
  };

  return app;
}

/** For a personal chat mapped to a team workspace, the team id (for roster look-ups). */
function teamOf(workspaceId: string, location: TeamsLocation): string | null {
  const prefix = `teams:${location.tenantId}:`;
  const rest = workspaceId.startsWith(prefix) ? workspaceId.slice(prefix.length) : '';
  return rest !== '' && rest !== location.conversationId && rest.startsWith('19:') ? rest : null;
}

function submissionKey(
  workspaceId: string,
  cardId: string | null,
  verb: string,
  userId: string,
  data: ReminderActionData,
  inputs: ReminderInputs,
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([workspaceId, cardId, verb, userId, data.dutyId, data.occurrence, inputs]))
    .digest('hex')
    .slice(0, 32);
  return `teams:card:${digest}`;
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
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

function failureMessage(context: TurnContext): Partial<Activity> {
  const italian = (context.activity.locale ?? '').toLowerCase().startsWith('it');
  return {
    type: 'message',
    text: italian
      ? 'Qualcosa è andato storto da parte nostra. Riprova tra poco; se succede ancora, avvisa chi gestisce dutybot.'
      : 'Something went wrong on our side. Please try again in a moment; if it keeps happening, tell whoever runs dutybot.',
  };
}

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
