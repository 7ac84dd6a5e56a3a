import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../../../src/logging/logger.js';

/**
 * The Teams adapter's one error path, as Slack's handlers do it: the failure is logged once
 * (structured; the logger describes and redacts the error) and the user gets a short fixed
 * sentence, never the error itself.
 */
export function reportFailure(
  logger: Logger,
  what: string,
  error: unknown,
  fields: Record<string, unknown> = {},
): void {
  logger.error(`${what} failed`, { ...fields, error });
}

/** The sentence shown when our side fails, in the language Teams says the user reads. */
export function somethingWrong(context: TurnContext): string {
  const italian = (context.activity.locale ?? '').toLowerCase().startsWith('it');
  return italian
    ? 'Qualcosa è andato storto da parte nostra. Riprova tra poco; se succede ancora, avvisa chi gestisce dutybot.'
    : 'Something went wrong on our side. Please try again in a moment; if it keeps happening, tell whoever runs dutybot.';
}

export function somethingWrongMessage(context: TurnContext): Partial<Activity> {
  return { type: 'message', text: somethingWrong(context) };
}
