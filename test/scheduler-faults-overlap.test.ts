import { describe, expect, it } from 'vitest';
import { type FaultPlan, type Outcome, PLANS, runWeek } from './support/scheduler-faults.js';
import type { Dialect } from './support/scheduler-setup.js';

/**
 * The same faults with ticks started on a timer without waiting for the previous one (replicas, or
 * a server whose tick outlives its interval): the conditions under which the outbox used to post
 * messages 2–4 times. Fake time runs 100× real time here (a 30 s tick every 300 ms), and the
 * schedulers check leases on that fake clock. The Web API client is bounded the way production
 * bounds it, scaled to this clock: production allows one call at most ~21 s (10 s timeout, one
 * retry) against a 25 s send budget and a 60 s lease; here one 200 ms attempt is 20 s of fake time.
 * (Before the fix, the client's default policy — 10 retries over ~30 minutes, no timeout — made
 * every faulty call outlive the lease: 12–18 duplicates and stale open posts in this very run.)
 */

function tally(reference: Outcome, run: Outcome) {
  const missing = [...reference.sent.keys()].filter((key) => !run.sent.has(key));
  const reportedTwice = [...run.sent.values()].filter((n) => n > 1).length;
  const duplicates = run.channelPosts.length - run.sent.size + reportedTwice;
  return { duplicates, missing: missing.length, stale: run.staleOpen.length, nudges: run.nudgesAfterClose.length };
}

// The strongest case only (two replicas on PostgreSQL), to keep the wall time reasonable; the
// sequential runs in scheduler-faults.test.ts cover SQLite and one scheduler.
const cases: [Dialect, number][] = [['postgres', 2]];

describe.each(cases)('overlapping ticks, production retry policy, %s with %i scheduler(s)', (dialect, workers) => {
  let reference: Outcome;
  it('reference', async () => {
    reference = await runWeek(dialect, workers, null);
    expect(reference.failures).toEqual([]);
  });

  it.each(['rateLimit70', 'serverErrors100s', 'hang', 'refused'] as const)(
    '%s: exactly once, nothing stale',
    async (name) => {
      const plan = PLANS[name] as FaultPlan;
      const run = await runWeek(dialect, workers, plan, {
        overlapRealMs: 300,
        retryConfig: { retries: 0, factor: 1 },
        callTimeoutMs: 200,
        fakeSchedulerClock: true,
      });
      const result = tally(reference, run);
      if (process.env.FAULT_TABLE)
        console.log(`OVERLAP ${plan.name} (${dialect}, ${workers}): ${JSON.stringify(result)}`);
      expect(result).toEqual({ duplicates: 0, missing: 0, stale: 0, nudges: 0 });
      expect(run.ledgerHead).toEqual(reference.ledgerHead);
    },
  );
});
