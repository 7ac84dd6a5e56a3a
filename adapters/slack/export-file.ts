import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/views/types.js';
import { openDirectMessage } from './messenger.js';

type ExportReply = Extract<Reply, { kind: 'export' }>;

/**
 * Sends an export to the requesting admin as a file in their direct messages with the bot
 * (files upload v2). Never into a channel: the ledger can name people and evidence links.
 */
export async function deliverExport(client: webApi.WebClient, userId: string, reply: ExportReply): Promise<void> {
  const channel = await openDirectMessage(client, userId);
  await client.files.uploadV2({
    channel_id: channel,
    file: Buffer.from(reply.content, 'utf8'),
    filename: reply.filename,
    title: reply.filename,
    snippet_type: reply.format === 'csv' ? 'csv' : 'javascript',
  });
}
