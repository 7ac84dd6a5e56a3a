import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logging/logger.js';

/**
 * Teams' store rule: a bot replies within 2 seconds or shows "dutybot is typing…" first. Most
 * replies are ready in milliseconds; any turn that is not ready after `TYPING_AFTER_MS` (a slow
 * store, an export, a digest, a question passed to a language model) shows the indicator, so the
 * person knows an answer is coming. The timer starts when the turn starts, so every slow step of
 * the turn (finding the workspace, the first-contact welcome, the command, rendering) is covered,
 * not only the core call.
 */
export const TYPING_AFTER_MS = 300;

/** The turn's indicator: `beforeReply()` cancels it, or waits until a started one has been sent. */
export interface TypingIndicator {
  beforeReply(): Promise<void>;
}

export function startTypingIndicator(context: TurnContext, logger: Logger): TypingIndicator {
  let sending: Promise<unknown> | null = null;
  const timer = setTimeout(() => {
    sending = context
      .sendActivity({ type: ActivityTypes.Typing })
      .catch((error: unknown) => logger.warn('typing indicator failed', { error }));
  }, TYPING_AFTER_MS);
  return {
    async beforeReply() {
      clearTimeout(timer);
      // The indicator must not arrive after the reply.
      await sending;
    },
  };
}
