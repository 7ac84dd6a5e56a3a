import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logging/logger.js';

/**
 * Most replies are ready in milliseconds; one that waits (a question passed to a language model)
 * shows "dutybot is typing…" first, so the person knows an answer is coming. The wait is bounded
 * by the model's timeout (at most 10 s), within the turn Teams gives a bot.
 */
export const TYPING_AFTER_MS = 300;

export async function withTypingIndicator<T>(context: TurnContext, work: Promise<T>, logger: Logger): Promise<T> {
  let sending: Promise<unknown> | null = null;
  const timer = setTimeout(() => {
    sending = context
      .sendActivity({ type: ActivityTypes.Typing })
      .catch((error: unknown) => logger.warn('typing indicator failed', { error }));
  }, TYPING_AFTER_MS);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    // The indicator must not arrive after the reply.
    await sending;
  }
}
