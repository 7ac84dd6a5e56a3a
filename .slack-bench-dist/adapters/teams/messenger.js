import { TurnContext } from 'botbuilder';
import { DeliveryError } from '../../src/ports/messenger.js';
import { cardActivity } from './renderer.js';
import { tenantOf } from './state.js';
/** Scope of the Bot Framework connector (public cloud); the credentials factory maps it to a token. */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';
/**
 * Delivers the scheduler's messages into Teams through stored conversation references.
 * The connector client already retries 429 and 5xx with backoff (Azure core pipeline, honouring
 * Retry-After); what still fails is turned into a DeliveryError so the outbox keeps or drops it.
 */
export class TeamsMessenger {
    adapter;
    appId;
    state;
    renderer;
    constructor(adapter, appId, state, renderer) {
        this.adapter = adapter;
        this.appId = appId;
        this.state = state;
        this.renderer = renderer;
    }
    async post(request) {
        const reference = await this.state.conversation(request.workspaceId, request.channel);
        if (!reference) {
            throw new DeliveryError(`Teams: no conversation reference for ${request.channel} in ${request.workspaceId}; add the dutybot app to that team or chat first`, false);
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
        if (!id)
            throw new DeliveryError('Teams: the connector accepted the message but returned no id', true);
        if (isReminder(request.message)) {
            await this.state.saveCard(request.workspaceId, id, { view: request.message.view, conversationId });
        }
        return { channel: conversationId, id };
    }
    async update(workspaceId, ref, message) {
        const channel = ref.channel.split(';messageid=')[0];
        const reference = await this.state.conversation(workspaceId, channel);
        if (!reference)
            throw new DeliveryError(`Teams: no conversation reference for ${ref.channel}`, false);
        const rendered = await this.renderer.outbound(tenantOf(workspaceId), message);
        await this.send(reference, ref.channel, async (connector, stamp) => {
            await connector.conversations.updateActivity(ref.channel, ref.id, stamp(cardActivity(rendered, ref.id)));
            return ref.id;
        });
        if (isReminder(message))
            await this.state.saveCard(workspaceId, ref.id, { view: message.view, conversationId: ref.channel });
    }
    async sendToUser(workspaceId, userId, message, _deliveryKey) {
        const tenantId = tenantOf(workspaceId);
        const rendered = await this.renderer.outbound(tenantId, message);
        const base = await this.state.baseConversation(workspaceId);
        if (!base?.serviceUrl) {
            throw new DeliveryError(`Teams: the app has not been installed in ${workspaceId} yet`, false);
        }
        const known = await this.state.user(tenantId, userId);
        let result = null;
        try {
            // Teams returns the existing 1:1 chat when one exists, so this is safe to repeat.
            await this.adapter.createConversationAsync(this.appId, 'msteams', base.serviceUrl, CONNECTOR_AUDIENCE, {
                isGroup: false,
                bot: base.bot,
                members: [{ id: known?.id ?? userId, name: known?.name ?? '' }],
                tenantId,
                channelData: { tenant: { id: tenantId } },
            }, async (context) => {
                const connector = context.turnState.get(context.adapter.ConnectorClientKey);
                const conversationId = context.activity.conversation.id;
                const activity = TurnContext.applyConversationReference({ ...cardActivity(rendered) }, TurnContext.getConversationReference(context.activity));
                delete activity.replyToId;
                const response = await connector.conversations.sendToConversation(conversationId, activity);
                result = { channel: conversationId, id: response.id ?? '' };
            });
        }
        catch (error) {
            throw toDeliveryError(error);
        }
        if (!result)
            throw new DeliveryError('Teams: could not open a personal chat', true);
        return result;
    }
    /** Runs `logic` with an authenticated connector client for the reference's service URL. */
    async send(reference, conversationId, logic) {
        let id = null;
        const target = {
            ...reference,
            conversation: { ...reference.conversation, id: conversationId },
        };
        const stamp = (activity) => {
            const stamped = TurnContext.applyConversationReference({ ...activity }, target);
            delete stamped.replyToId;
            return stamped;
        };
        try {
            await this.adapter.continueConversationAsync(this.appId, target, async (context) => {
                const connector = context.turnState.get(context.adapter.ConnectorClientKey);
                id = await logic(connector, stamp);
            });
        }
        catch (error) {
            throw toDeliveryError(error);
        }
        return id;
    }
}
function isReminder(message) {
    return message.kind === 'reminder' || message.kind === 'followup' || message.kind === 'escalation';
}
/**
 * Throttling, server errors and network failures are worth another try later (the connector has
 * already retried a few times); 4xx mean the bot was removed or the conversation is gone.
 */
export function toDeliveryError(error) {
    if (error instanceof DeliveryError)
        return error;
    // biome-ignore lint/suspicious/noExplicitAny: RestError from the Azure pipeline, matched structurally.
    const e = error;
    const status = e?.statusCode ?? e?.response?.status;
    const retryAfterHeader = e?.response?.headers?.get?.('retry-after') ?? e?.response?.headers?.['retry-after'];
    const retryAfterSeconds = retryAfterHeader ? Number(retryAfterHeader) : Number.NaN;
    const retryAfterMs = Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : null;
    const message = `Teams connector ${status ?? 'network'} error: ${e?.message ?? String(error)}`;
    if (status === undefined || status === 408 || status === 429 || status >= 500) {
        return new DeliveryError(message, true, retryAfterMs);
    }
    return new DeliveryError(message, false);
}
//# sourceMappingURL=messenger.js.map