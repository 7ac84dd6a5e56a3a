import { openDirectMessage } from './messenger.js';
/**
 * Sends an export to the requesting admin as a file in their direct messages with the bot
 * (files upload v2). Never into a channel: the ledger can name people and evidence links.
 */
export async function deliverExport(client, userId, reply) {
    const channel = await openDirectMessage(client, userId);
    await client.files.uploadV2({
        channel_id: channel,
        file: Buffer.from(reply.content, 'utf8'),
        filename: reply.filename,
        title: reply.filename,
        snippet_type: reply.format === 'csv' ? 'csv' : 'javascript',
    });
}
//# sourceMappingURL=export-file.js.map