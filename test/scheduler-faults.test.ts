import { afterAll, describe, expect, it } from 'vitest';
import { type FaultPlan, type Outcome, PLANS, runWeek } from './support/scheduler-faults.js';
import type { Dialect } from './support/scheduler-setup.js';

/**
 * Exactly-once delivery when Slack is slow, failing or refusing the bot (issue 9), through the real
 * SlackMessenger and Web API client against the fake Slack API, on a fake clock. Each run is
 * compared with a reference run of the same week without faults: every message the reference
 * posted is posted exactly once, nothing is posted open after it was closed, the closed occurrence
 * gets no follow-up, admins hear once per broken channel, and the ledger is identical.
 */

const rows: string[] = [];
afterAll(() => {
  if (process.env.FAULT_TABLE)
    console.log(['scenario | dup | stale | missing | notices | recovery', ...rows].join('\n'));
});

function summarize(label: string, reference: Outcome, run: Outcome): { duplicates: number; missing: string[] } {
  const expected = [...reference.sent.keys()];
  const missing = expected.filter((key) => !run.sent.has(key));
  const reportedTwice = [...run.sent.values()].filter((n) => n > 1).length;
  const duplicates = run.channelPosts.length - run.sent.size + reportedTwice;
  rows.push(
    `${label} | ${duplicates} | ${run.staleOpen.length} | ${missing.length} | ${run.notices.length} | ${
      run.recoveryMs === null ? '-' : `${Math.round(run.recoveryMs / 1000)} s`
    }`,
  );
  return { duplicates, missing };
}

const transient: (keyof typeof PLANS)[] = ['rateLimit70', 'rateLimitOneChannel', 'serverErrors100s', 'hang', 'refused'];
const cases: [Dialect, number][] = [
  ['sqlite', 1],
  ['postgres', 2],
];

describe.each(cases)('Slack faults on %s with %i scheduler(s)', (dialect, workers) => {
  let reference: Outcome;

  it('reference week without faults', async () => {
    reference = await runWeek(dialect, workers, null);
    expect(reference.sent.size).toBeGreaterThanOrEqual(6);
    expect(reference.channelPosts).toHaveLength(reference.sent.size);
    expect(reference.notices).toEqual([]);
    expect(reference.failures).toEqual([]);
  });

  it.each(transient)('%s: every due message posted exactly once after recovery, nothing stale', async (name) => {
    const plan = PLANS[name] as FaultPlan;
    const run = await runWeek(dialect, workers, plan);
    const { duplicates, missing } = summarize(`${plan.name} (${dialect}, ${workers})`, reference, run);
    expect(missing).toEqual([]);
    expect(duplicates).toBe(0);
    expect([...run.sent.keys()].sort()).toEqual([...reference.sent.keys()].sort());
    expect(run.staleOpen).toEqual([]);
    expect(run.nudgesAfterClose).toEqual([]);
    expect(run.notices).toEqual([]);
    expect(run.failures).toEqual([]);
    expect(run.ledgerHead).toEqual(reference.ledgerHead);
    expect(run.recoveryMs).not.toBeNull();
  });
});

const permanent: { plan: keyof typeof PLANS; channel: string | null; hint: string }[] = [
  { plan: 'notInChannel', channel: 'C-BACKUP', hint: '/invite @dutybot' },
  { plan: 'channelNotFound', channel: 'C-OPS', hint: 'does not exist' },
  { plan: 'invalidAuth', channel: null, hint: 'reinstall the app' },
];

describe.each(cases)('permanent Slack failures on %s with %i scheduler(s)', (dialect, workers) => {
  let reference: Outcome;

  it('reference week without faults', async () => {
    reference = await runWeek(dialect, workers, null);
    expect(reference.failures).toEqual([]);
  });

  it.each(permanent)(
    '$plan: the rest is delivered once, admins are told once per channel and day, logged once',
    async ({ plan: name, channel, hint }) => {
      const plan = PLANS[name] as FaultPlan;
      const run = await runWeek(dialect, workers, plan);
      const { duplicates } = summarize(`${plan.name} (${dialect}, ${workers})`, reference, run);
      expect(duplicates).toBe(0);
      expect(run.staleOpen).toEqual([]);
      expect(run.nudgesAfterClose).toEqual([]);
      expect(run.ledgerHead).toEqual(reference.ledgerHead);
      const failedKeys = run.failures.map((f) => f.slice(0, f.indexOf(': ')));
      // Each failure is logged once, structured, with its key.
      for (const key of failedKeys.filter((k) => !k.includes('|notice|'))) {
        const lines = run.logs.filter((l) => l.includes(`"deliveryKey":${JSON.stringify(key)}`));
        expect(lines, key).toHaveLength(1);
        expect(lines[0]).toContain('"event":"delivery_failed"');
      }
      if (channel === null) {
        // Token revoked: nothing gets through, not even the notices, and nothing loops.
        expect(run.channelPosts).toEqual([]);
        expect(run.notices).toEqual([]);
        expect(run.failures.every((f) => f.includes(hint))).toBe(true);
        return;
      }
      // Everything the reference posted elsewhere went out exactly once, on time or later.
      const elsewhere = [...reference.sent.keys()].filter((key) => !failedKeys.includes(key));
      for (const key of elsewhere) expect(run.sent.get(key), key).toBe(1);
      expect(failedKeys.length).toBeGreaterThan(0);
      expect(run.failures.every((f) => f.includes(channel) && f.includes(hint))).toBe(true);
      // The duties of the broken channel are still escalated where it works.
      if (channel === 'C-BACKUP')
        expect(run.sent.has('slack:T1|escalation|1backup.customer.configure-policy|2026-W45')).toBe(true);
      // Admins: one DM per broken channel per day, naming the channel and the fix.
      const days = new Set(run.notices.map((n) => new Date(n.at).toISOString().slice(0, 10)));
      expect(days.size).toBeGreaterThan(0);
      expect(run.notices).toHaveLength(days.size);
      expect(run.notices.every((n) => n.args.channel === 'DADMIN')).toBe(true);
      for (const notice of run.notices) {
        expect(String(notice.args.text)).toContain(channel);
        expect(String(notice.args.text)).toContain(hint);
      }
    },
  );
});
