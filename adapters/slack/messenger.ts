import type { webApi } from '@slack/bolt';
import {
  type AdminNotice,
  DeliveryError,
  type MessageRef,
  type Messenger,
  type OutboundMessage,
  type PostRequest,
} from '../../src/ports/messenger.js';
import { renderDigest } from './blocks/digest.js';
import type { SlackMessage } from './blocks/kit.js';
import { renderReminder } from './blocks/reminder.js';
import { renderWelcome } from './blocks/welcome.js';
import type { SlackClients } from './clients.js';
import { toDeliveryError } from './delivery-errors.js';

export function renderOutbound(message: OutboundMessage): SlackMessage {
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
export class SlackMessenger implements Messenger {
  constructor(private readonly clients: SlackClients) {}

  async post(request: PostRequest): Promise<MessageRef> {
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
    } catch (error) {
      throw toDeliveryError(error, `posting ${request.message.kind} to ${request.channel}`);
    }
  }

  async update(workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void> {
    const client = await this.client(workspaceId);
    const body = renderOutbound(message);
    try {
      await client.chat.update({ channel: ref.channel, ts: ref.id, text: body.text, blocks: body.blocks });
    } catch (error) {
      throw toDeliveryError(error, `updating ${message.kind} ${ref.channel}/${ref.id}`);
    }
  }

  async sendToUser(
    workspaceId: string,
    userId: string,
    message: OutboundMessage,
    deliveryKey: string,
  ): Promise<MessageRef> {
    const client = await this.client(workspaceId);
    try {
      const channel = await openDirectMessage(client, userId);
      return await this.post({ workspaceId, channel, message, thread: null, deliveryKey });
    } catch (error) {
      throw toDeliveryError(error, `sending ${message.kind} to ${userId}`);
    }
  }

  /**
   * A DM to each admin the core knows plus the deployment's SLACK_ADMIN_IDS (except those who
   * switched personal messages off); the home channel when there is none. One DM that landed is enough: retrying would DM the others twice.
   */
  async notifyAdmins(notice: AdminNotice): Promise<MessageRef> {
    const admins = [...new Set([...notice.userIds, ...this.clients.adminIds])].filter(
      (userId) => !notice.declined.includes(userId),
    );
    let first: MessageRef | null = null;
    let failure: unknown = null;
    for (const userId of admins) {
      try {
        const ref = await this.sendToUser(notice.workspaceId, userId, notice.message, notice.deliveryKey);
        first ??= ref;
      } catch (error) {
        failure ??= error;
      }
    }
    if (first) return first;
    if (failure) throw failure;
    if (!notice.fallbackChannel) throw new DeliveryError('no admin and no home channel to tell', false);
    return this.post({
      workspaceId: notice.workspaceId,
      channel: notice.fallbackChannel,
      message: notice.message,
      thread: null,
      deliveryKey: notice.deliveryKey,
    });
  }

  private async client(workspaceId: string): Promise<webApi.WebClient> {
    try {
      return await this.clients.forWorkspace(workspaceId);
    } catch (error) {
      // No installation (uninstalled workspace): retrying will not make a token appear.
      throw new DeliveryError(error instanceof Error ? error.message : String(error), false);
    }
  }
}

/** The bot's DM channel with a user (conversations.open is idempotent). */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string> {
  const result = await client.conversations.open({ users: userId });
  return required(result.channel?.id, 'conversations.open channel id');
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new DeliveryError(`Slack answered without ${what}`, true);
  return value;
}
