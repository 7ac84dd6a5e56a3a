import { AnswerOnce } from '../../../src/bot/answer-once.js';
import type { HandlerDeps } from './deps.js';

/**
 * Slack events follow the core's "answers at-least-once, effects exactly-once" rule
 * (src/bot/answer-once.ts), keyed by Slack's event id, which is unique per workspace install.
 */
const ANSWERED_NAMESPACE = 'slack-answered';
/** Slack redelivers for minutes (1 min, 5 min, 30 min): a day covers it with room to spare. */
const ANSWERED_TTL_MS = 24 * 60 * 60 * 1000;

/** One AnswerOnce per set of handler deps (one Bolt app), so its in-flight queue is shared by its listeners. */
const perApp = new WeakMap<HandlerDeps, AnswerOnce>();

/** Runs `answer` unless the event was answered already; `answer` resolves true once its reply is posted. */
export function answerOnce(
  deps: HandlerDeps,
  eventId: string | undefined,
  answer: () => Promise<boolean>,
): Promise<void> {
  let answers = perApp.get(deps);
  if (!answers) {
    answers = new AnswerOnce(deps.dutybot.keyValue, deps.logger, {
      namespace: ANSWERED_NAMESPACE,
      ttlMs: ANSWERED_TTL_MS,
    });
    perApp.set(deps, answers);
  }
  return answers.run(eventId, answer);
}
