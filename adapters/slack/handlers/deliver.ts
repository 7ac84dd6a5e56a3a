import type { webApi } from '@slack/bolt';
import type { Reply } from '../../../src/views/types.js';
import type { AnswerRenderOptions } from '../blocks/answer.js';
import { message, type SlackMessage, section } from '../blocks/kit.js';
import { renderReply } from '../blocks/reply.js';
import { deliverExport } from '../export-file.js';
import { labels } from '../labels.js';
import type { HandlerDeps } from './deps.js';

export interface RenderedReply extends SlackMessage {
  /** Only the requester should see it (errors, personal lists, confirmations). */
  ephemeral: boolean;
}

/**
 * Turns a core Reply into what Slack shows, doing the side effect some replies need first: an
 * export is uploaded to the requester's DM, and the reply becomes the notice that it was sent.
 */
export async function prepareReply(
  deps: HandlerDeps,
  reply: Reply,
  requester: { userId: string; client: webApi.WebClient },
  options: AnswerRenderOptions & { channelReply?: boolean } = {},
): Promise<RenderedReply> {
  if (reply.kind === 'export') {
    try {
      await deliverExport(requester.client, requester.userId, reply);
    } catch (error) {
      deps.logger.error('export upload failed', { error });
      const text = labels(reply.lang).exportFailed;
      return { ...message(text, [section(`⚠️ ${text}`)]), ephemeral: true };
    }
  }
  const rendered = renderReply(reply, options);
  // Answers and digests are meant for the channel when asked in the channel; everything else
  // (errors, confirmations, lists, settings, export notices) only concerns the requester.
  const publicKinds: Reply['kind'][] = options.channelReply ? ['answer', 'digest', 'help'] : ['digest'];
  return { ...rendered, ephemeral: !publicKinds.includes(reply.kind) };
}

/**
 * The adapter's one answer when our side fails: a short fixed sentence, never the error itself.
 * The failure is logged once by the handler (`deps.logger.error('<what> failed', { error })`),
 * where the logger describes and redacts the error.
 */
export function somethingWrong(lang: 'en' | 'it' = 'en'): RenderedReply {
  const text = labels(lang).somethingWrong;
  return { ...message(text, [section(`⚠️ ${text}`)]), ephemeral: true };
}
