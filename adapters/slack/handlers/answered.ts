import type { HandlerDeps } from './deps.js';

/**
 * Answers are at-least-once, effects exactly-once. An event is marked answered only after its
 * reply was posted, so Slack's redelivery of an event whose reply failed (or whose process died
 * half-way) is processed again; the ledger effect it carries is not repeated, because the core
 * records it under the event's idempotency key. A redelivery of an answered event is dropped.
 */
const ANSWERED_NAMESPACE = 'slack-answered';
/** Slack redelivers for minutes (1 min, 5 min, 30 min): a day covers it with room to spare. */
const ANSWERED_TTL_MS = 24 * 60 * 60 * 1000;

/** Deliveries of one event being answered in this process, so a redelivery waits for the first. */
const inFlight = new WeakMap<HandlerDeps, Map<string, Promise<void>>>();

/**
 * Runs `answer` unless the event was answered already; `answer` resolves true once its reply is
 * posted. Redeliveries arriving while the first delivery is still being answered (in this process)
 * wait for it, then look again, so a quick retry neither answers twice nor gets lost.
 */
export async function answerOnce(
  deps: HandlerDeps,
  eventId: string | undefined,
  answer: () => Promise<boolean>,
): Promise<void> {
  if (!eventId) {
    await answer();
    return;
  }
  let running = inFlight.get(deps);
  if (!running) {
    running = new Map();
    inFlight.set(deps, running);
  }
  const previous = running.get(eventId) ?? Promise.resolve();
  // Registered before any await: two deliveries of one event queue up here, never side by side.
  const mine = previous
    .catch(() => undefined)
    .then(async () => {
      if (await answeredBefore(deps, eventId)) return;
      if (await answer()) await markAnswered(deps, eventId);
    });
  running.set(eventId, mine);
  try {
    await mine;
  } finally {
    if (running.get(eventId) === mine) running.delete(eventId);
  }
}

async function answeredBefore(deps: HandlerDeps, eventId: string): Promise<boolean> {
  return (await deps.dutybot.keyValue.kvGet<boolean>(ANSWERED_NAMESPACE, eventId)) === true;
}

async function markAnswered(deps: HandlerDeps, eventId: string): Promise<void> {
  try {
    await deps.dutybot.keyValue.kvSet(ANSWERED_NAMESPACE, eventId, true, ANSWERED_TTL_MS);
  } catch (error) {
    // The answer is out; at worst a redelivery answers once more (the ledger is protected anyway).
    deps.logger.warn(`could not record event ${eventId} as answered: ${(error as Error).message}`);
  }
}
