import type { Knowledge } from '../knowledge/model.js';
import type { Messenger } from '../ports/messenger.js';
import type { Platform, Store } from '../store/types.js';

export interface SchedulerDeps {
  store: Store;
  knowledge: Knowledge;
  /** The messenger delivering for a platform; undefined = none registered yet (deliveries wait). */
  messengerFor(platform: Platform): Messenger | undefined;
  /** Names this process in outbox leases (two replicas must differ). */
  workerId: string;
  /** Where operational problems are reported (default console.warn). Never given tokens. */
  log?: (message: string) => void;
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

export function logOf(deps: SchedulerDeps): (message: string) => void {
  return deps.log ?? ((message) => console.warn(`[dutybot scheduler] ${message}`));
}

export function clockOf(deps: SchedulerDeps, tickNow: Date): () => Date {
  if (deps.clock) return deps.clock;
  const started = performance.now();
  return () => new Date(tickNow.getTime() + (performance.now() - started));
}
