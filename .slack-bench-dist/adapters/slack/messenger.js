import { DeliveryError, } from '../../src/ports/messenger.js';
import { renderDigest } from './blocks/digest.js';
import { renderReminder } from './blocks/reminder.js';
import { renderWelcome } from './blocks/welcome.js';
import { toDeliveryError } from './delivery-errors.js';
export function renderOutbound(message) {
    switch (message.kind) {
        case 'reminder':
        case 'followup':
        case 'escalation':
            return renderReminder(message.view);
        case 'digest':
            return renderDigest(message.view);
        case 'welcome':
            return renderWelcome(message.view);
    }
}
/**
 * Delivers the scheduler's messages to Slack. Failures become DeliveryErrors so the outbox keeps
 * retryable ones (rate limits, outages) and records permanent ones (bot not in channel) as failed.
 */
export class SlackMessenger {
    clients;
    constructor(clients) {
        this.clients = clients;
    }
    async post(request) {
        const client = await this.client(request.workspaceId);
        const body = renderOutbound(request.message);
        try {
            const result = await client.chat.postMessage({
                channel: request.channel,
                text: body.text,
                blocks: body.blocks,
                unfurl_links: false,
                unfurl_media: false,
                ...(request.thread ? { thread_ts: request.thread.id } : {}),
            });
            return { channel: result.channel ?? request.channel, id: required(result.ts, 'chat.postMessage ts') };
        }
        catch (error) {
            throw toDeliveryError(error, `posting ${request.message.kind} to ${request.channel}`);
        }
    }
    async update(workspaceId, ref, message) {
        const client = await this.client(workspaceId);
        const body = renderOutbound(message);
        try {
            await client.chat.update({ channel: ref.channel, ts: ref.id, text: body.text, blocks: body.blocks });
        }
        catch (error) {
            throw toDeliveryError(error, `updating ${message.kind} ${ref.channel}/${ref.id}`);
        }
    }
    async sendToUser(workspaceId, userId, message, deliveryKey) {
        const client = await this.client(workspaceId);
        try {
            const channel = await openDirectMessage(client, userId);
            return await this.post({ workspaceId, channel, message, thread: null, deliveryKey });
        }
        catch (error) {
            throw toDeliveryError(error, `sending ${message.kind} to ${userId}`);
        }
    }
    async client(workspaceId) {
        try {
            return await this.clients.forWorkspace(workspaceId);
        }
        catch (error) {
            // No installation (uninstalled workspace): retrying will not make a token appear.
            throw new DeliveryError(error instanceof Error ? error.message : String(error), false);
        }
    }
}
/** The bot's DM channel with a user (conversations.open is idempotent). */
export async function openDirectMessage(client, userId) {
    const result = await client.conversations.open({ users: userId });
    return required(result.channel?.id, 'conversations.open channel id');
}
function required(value, what) {
    if (value === undefined || value === null)
        throw new DeliveryError(`Slack answered without ${what}`, true);
    return value;
}
//# sourceMappingURL=messenger.js.map