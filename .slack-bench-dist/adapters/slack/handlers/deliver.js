import { message, section } from '../blocks/kit.js';
import { renderReply } from '../blocks/reply.js';
import { deliverExport } from '../export-file.js';
import { labels } from '../labels.js';
/**
 * Turns a core Reply into what Slack shows, doing the side effect some replies need first: an
 * export is uploaded to the requester's DM, and the reply becomes the notice that it was sent.
 */
export async function prepareReply(deps, reply, requester, options = {}) {
    if (reply.kind === 'export') {
        try {
            await deliverExport(requester.client, requester.userId, reply);
        }
        catch (error) {
            deps.logger.error(`export upload failed: ${describe(error)}`);
            const text = labels(reply.lang).exportFailed;
            return { ...message(text, [section(`⚠️ ${text}`)]), ephemeral: true };
        }
    }
    const rendered = renderReply(reply, options);
    // Answers and digests are meant for the channel when asked in the channel; everything else
    // (errors, confirmations, lists, settings, export notices) only concerns the requester.
    const publicKinds = options.channelReply ? ['answer', 'digest', 'help'] : ['digest'];
    return { ...rendered, ephemeral: !publicKinds.includes(reply.kind) };
}
export function somethingWrong(lang = 'en') {
    const text = labels(lang).somethingWrong;
    return { ...message(text, [section(`⚠️ ${text}`)]), ephemeral: true };
}
/** Error text for logs: never the request or a token, only what failed. */
export function describe(error) {
    if (error && typeof error === 'object' && 'code' in error) {
        const coded = error;
        return `${coded.code}${coded.data?.error ? ` (${coded.data.error})` : ''}`;
    }
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=deliver.js.map