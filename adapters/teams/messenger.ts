import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import {
  DeliveryError,
  type MessageRef,
  type Messenger,
  type OutboundMessage,
  type PostRequest,
} from '../../src/ports/messenger.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import type { Lang } from '../../src/views/types.js';
import type { TeamsAdapterWithAuth } from './adapter.js';
import { type RenderedCard, subtle } from './cards/elements.js';
import { inertText } from './cards/inert.js';
import { cardActivity, type TeamsRenderer } from './renderer.js';
import { type TeamsState, tenantOf } from './state.js';

/**
 * Delivers the scheduler's messages into Teams through stored conversation references.
 * Connector calls do not retry inside the call and time out (see bounded-connector.ts, wired in
 * the adapter): a 429, 5xx or network failure becomes a retryable DeliveryError carrying the
 * Retry-After, so the outbox schedules it; a 4xx (bot removed, 403) is permanent.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: TeamsAdapterWithAuth,
    private readonly appId: string,
    private readonly state: TeamsState,
    private readonly renderer: TeamsRenderer,
    /** Scope of the Bot Framework connector (TEAMS_CHANNEL_OAUTH_SCOPE or the public cloud's). */
    private readonly audience: string,
  ) {}

  async post(request: PostRequest): Promise<MessageRef> {
    const reference = await this.state.conversation(request.workspaceId, request.channel);
    if (!reference) {
      throw new DeliveryError(
        `Teams: no conversation reference for ${request.channel} in ${request.workspaceId}; add the dutybot app to that team or chat first`,
        false,
      );
    }
    // In a channel a follow-up goes into the reminder's reply chain; chats have no threads.
    const threaded = request.thread !== null && reference.conversation?.conversationType === 'channel';
    const conversationId = threaded ? `${request.channel};messageid=${request.thread?.id}` : request.channel;
    const rendered = await this.renderer.outbound(tenantOf(request.workspaceId), request.message);
    const id = await this.send(reference, conversationId, async (connector, stamp) => {
      // A new top-level message (or a reply in the thread named by the conversation id), not a
      // reply to the synthetic activity continueConversation invents.
      const response = await connector.conversations.sendToConversation(conversationId, stamp(cardActivity(rendered)));
      return response.id ?? null;
    });
    if (!id) throw new DeliveryError('Teams: the connector accepted the message but returned no id', true);
    if (isReminder(request.message)) {
      await this.state.saveCard(request.workspaceId, id, { view: request.message.view, conversationId });
    }
    return { channel: conversationId, id };
  }

  async update(workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void> {
    const channel = ref.channel.split(';messageid=')[0] as string;
    const reference = await this.state.conversation(workspaceId, channel);
    if (!reference) throw new DeliveryError(`Teams: no conversation reference for ${ref.channel}`, false);
    const rendered = await this.renderer.outbound(tenantOf(workspaceId), message);
    await this.send(reference, ref.channel, async (connector, stamp) => {
      await connector.conversations.updateActivity(ref.channel, ref.id, stamp(cardActivity(rendered, ref.id)));
      return ref.id;
    });
    if (isReminder(message))
      await this.state.saveCard(workspaceId, ref.id, { view: message.view, conversationId: ref.channel });
  }

  async sendToUser(
    workspaceId: string,
    userId: string,
    message: OutboundMessage,
    _deliveryKey: string,
  ): Promise<MessageRef> {
    const tenantId = tenantOf(workspaceId);
    // Blocked is permanent for that user (Teams store rule): no call at all until they write again.
    const blockedAt = await this.state.blockedSince(tenantId, userId);
    if (blockedAt) {
      throw new DeliveryError(
        `Teams: ${userId} blocked dutybot (since ${blockedAt}); no personal message is sent until they write to it again`,
        false,
      );
    }
    const rendered = withOrigin(
      await this.renderer.outbound(tenantId, message),
      await this.state.teamName(workspaceId),
      message.view.lang,
    );
    const base = await this.state.baseConversation(workspaceId);
    if (!base?.serviceUrl) {
      throw new DeliveryError(`Teams: the app has not been installed in ${workspaceId} yet`, false);
    }
    const known = await this.state.user(tenantId, userId);
    let result: MessageRef | null = null;
    try {
      // Teams returns the existing 1:1 chat when one exists, so this is safe to repeat.
      await this.adapter.createConversationAsync(
        this.appId,
        'msteams',
        base.serviceUrl,
        this.audience,
        {
          isGroup: false,
          bot: base.bot as ConversationReference['bot'],
          members: [{ id: known?.id ?? userId, name: known?.name ?? '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        } as Parameters<TeamsAdapterWithAuth['createConversationAsync']>[4],
        async (context) => {
          const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
          const conversationId = context.activity.conversation.id;
          const activity = TurnContext.applyConversationReference(
            { ...cardActivity(rendered) },
            TurnContext.getConversationReference(context.activity),
          );
          delete activity.replyToId;
          const response = await connector.conversations.sendToConversation(conversationId, activity);
          result = { channel: conversationId, id: response.id ?? '' };
        },
      );
    } catch (error) {
      if (isMessageWritesBlocked(error)) {
        await this.state.markBlocked(tenantId, userId, new Date());
        const aliases = [known?.id, known?.aadObjectId].filter((id): id is string => Boolean(id) && id !== userId);
        for (const alias of aliases) await this.state.markBlocked(tenantId, alias, new Date());
      }
      throw toDeliveryError(error);
    }
    if (!result) throw new DeliveryError('Teams: could not open a personal chat', true);
    return result;
  }

  /** Runs `logic` with an authenticated connector client for the reference's service URL. */
  private async send(
    reference: Partial<ConversationReference>,
    conversationId: string,
    logic: (
      connector: ConnectorClient,
      stamp: (activity: Partial<Activity>) => Partial<Activity>,
    ) => Promise<string | null>,
  ): Promise<string | null> {
    let id: string | null = null;
    const target = {
      ...reference,
      conversation: { ...(reference.conversation as ConversationReference['conversation']), id: conversationId },
    };
    const stamp = (activity: Partial<Activity>) => {
      const stamped = TurnContext.applyConversationReference({ ...activity }, target);
      delete stamped.replyToId;
      return stamped;
    };
    try {
      await this.adapter.continueConversationAsync(this.appId, target, async (context) => {
        const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        id = await logic(connector, stamp);
      });
    } catch (error) {
      throw toDeliveryError(error);
    }
    return id;
  }
}

/**
 * A user's personal chat with the bot is one for the whole tenant: a personal message says which
 * team it comes from on its first line (the message itself names the channel it is about).
 */
function withOrigin(rendered: RenderedCard, teamName: string | null, lang: Lang): RenderedCard {
  if (!teamName) return rendered;
  const origin = catalogue(lang).storeRules.personalFrom(teamName);
  return {
    card: { ...rendered.card, body: [subtle(inertText(origin)), ...rendered.card.body] },
    text: `${origin}\n${rendered.text}`,
  };
}

function isReminder(
  message: OutboundMessage,
): message is Extract<OutboundMessage, { kind: 'reminder' | 'followup' | 'escalation' }> {
  return message.kind === 'reminder' || message.kind === 'followup' || message.kind === 'escalation';
}

/**
 * Teams answers 403 `MessageWritesBlocked` when the user blocked the bot: permanent for that user
 * (the store rule), unlike a 403 for a channel the bot was removed from, which a re-install fixes.
 */
export function isMessageWritesBlocked(error: unknown): boolean {
  // biome-ignore lint/suspicious/noExplicitAny: RestError from the Azure pipeline, matched structurally.
  const e = error as any;
  const status: number | undefined = e?.statusCode ?? e?.response?.status;
  if (status !== 403) return false;
  const codes = [e?.code, e?.body?.error?.code, e?.response?.parsedBody?.error?.code];
  const text = String(e?.response?.bodyAsText ?? e?.message ?? '');
  return codes.includes('MessageWritesBlocked') || text.includes('MessageWritesBlocked');
}

/**
 * Throttling, server errors and network failures are worth another try later (the outbox retries);
 * 4xx mean the bot was removed or the conversation is gone.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  // biome-ignore lint/suspicious/noExplicitAny: RestError from the Azure pipeline, matched structurally.
  const e = error as any;
  const status: number | undefined = e?.statusCode ?? e?.response?.status;
  const retryAfterHeader: string | undefined =
    e?.response?.headers?.get?.('retry-after') ?? e?.response?.headers?.['retry-after'];
  const retryAfterSeconds = retryAfterHeader ? Number(retryAfterHeader) : Number.NaN;
  const retryAfterMs = Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : null;
  const hint = isMessageWritesBlocked(error)
    ? ' — the user blocked dutybot: no more personal messages to them until they write to it again'
    : status === 403
      ? ' — the bot is not in this team or chat any more: add the dutybot app to it again'
      : '';
  const message = `Teams connector ${status ?? 'network'} error: ${e?.message ?? String(error)}${hint}`;
  if (status === undefined || status === 408 || status === 429 || status >= 500) {
    return new DeliveryError(message, true, retryAfterMs);
  }
  return new DeliveryError(message, false);
}
