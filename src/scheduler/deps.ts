import type { Knowledge } from '../knowledge/model.js';
import type { Logger } from '../logging/logger.js';
import type { Messenger } from '../ports/messenger.js';
import type { Platform, Store } from '../store/types.js';

export interface SchedulerDeps {
  store: Store;
  knowledge: Knowledge;
  /** The messenger delivering for a platform; undefined = none registered yet (deliveries wait). */
  messengerFor(platform: Platform): Messenger | undefined;
  /** Names this process in outbox leases (two replicas must differ). */
  workerId: string;
  /** Where operational problems are reported: the process's one logger (redaction included). */
  logger: Logger;
  /**
   * The current instant while a tick runs (lease checks right before a post), on the same time
   * base as the tick's `now`. Default: the tick's `now` plus the real time elapsed since the tick
   * started — the system clock in production, where ticks run at `new Date()`.
   */
  clock?: () => Date;
  /** Tuning; defaults suit production. */
  options?: Partial<SchedulerOptions>;
}

export interface SchedulerOptions {
  /** Workspaces read per `dueWorkspaces` page. */
  workspaceBatch: number;
  /** Deliveries leased per claim. */
  dispatchBatch: number;
  /** Workspaces delivered to at once (each workspace's messages always go out in order). */
  dispatchConcurrency: number;
  /** Claims per tick at most (a tick must end; what is left waits for the next one). */
  maxDispatchRounds: number;
  /** How long a claimed delivery stays leased to this worker before another may take it. */
  leaseMs: number;
  /** First retry delay and cap of the exponential backoff. */
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * Longest one platform call may take (the adapters' own timeouts and retries stay under it). A
   * post starts only while the lease has at least this long left, so a lease cannot run out while
   * the call is in flight and another worker post the same message.
   */
  sendBudgetMs: number;
  /** A delivery still failing this long after its first failure is given up and reported. */
  giveUpAfterMs: number;
  /** Source of randomness for jitter (tests pass a fixed one). */
  random: () => number;
}

export const DEFAULT_OPTIONS: SchedulerOptions = {
  workspaceBatch: 500,
  dispatchBatch: 50,
  dispatchConcurrency: 4,
  maxDispatchRounds: 20,
  leaseMs: 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
  sendBudgetMs: 25_000,
  giveUpAfterMs: 24 * 3_600_000,
  random: Math.random,
};

export function optionsOf(deps: SchedulerDeps): SchedulerOptions {
  return { ...DEFAULT_OPTIONS, ...deps.options };
}

/** The scheduler's logger: every line says it comes from the scheduler. */
export function loggerOf(deps: SchedulerDeps): Logger {
  return deps.logger.child({ component: 'scheduler' });
}

/** A warning as one sentence, for modules that report problems as text (the logger still redacts it). */
export function logOf(deps: SchedulerDeps): (message: string) => void {
  const logger = loggerOf(deps);
  return (message) => logger.warn(message);
}

export function clockOf(deps: SchedulerDeps, tickNow: Date): () => Date {
  if (deps.clock) return deps.clock;
  const started = performance.now();
  return () => new Date(tickNow.getTime() + (performance.now() - started));
}
