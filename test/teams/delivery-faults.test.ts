import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ANNA,
  botAddedToTeam,
  channelMessage,
  LUCA,
  MARCO,
  personalMessage,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Teams under delivery faults (issue 9), end to end through botbuilder with auth on: connector calls
 * do not wait out a throttle inside the call, a connector failing for a day is given up and
 * reported, and a 403 (bot removed) is reported once to the team, with the fix.
 */

const INSTALLED = new Date('2026-11-30T07:00:00Z');
const MONDAY = new Date('2026-11-30T08:30:00Z');
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;
const hours = (n: number) => new Date(MONDAY.getTime() + n * 3_600_000);

describe('Teams delivery faults', () => {
  let h: TeamsHarness;
  let now = INSTALLED;
  let warnings: string[];

  beforeEach(async () => {
    now = INSTALLED;
    h = await startTeamsHarness({ clock: () => now });
    // The harness gives the core and the adapter one recording logger, as production does.
    warnings = h.logs;
    h.connector.clock = () => now.getTime();
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
    ]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set services rocketweb', ANNA));
    h.connector.reset();
    now = MONDAY;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  const noticesIn = () =>
    h.connector.messages().filter((c) => JSON.stringify(c.body).includes('dutybot could not deliver'));

  it("answers Teams' request promptly when the reply is throttled with Retry-After: 20", async () => {
    await h.post(personalMessage(h.connector.serviceUrl, 'hello', LUCA)); // first contact: welcome
    h.connector.reset();
    h.connector.failNext(1, 429, 20);
    const started = performance.now();
    await h.post(personalMessage(h.connector.serviceUrl, 'help', LUCA));
    // Teams gives a bot about 15 s; the connector used to sleep the whole Retry-After in the call.
    expect(performance.now() - started).toBeLessThan(3_000);
    const attempts = h.connector.calls.filter((c) => c.body?.type === 'message');
    expect(attempts.map((c) => c.status)).toEqual([429]);
  });

  it('keeps retrying a connector that answers 500 with backoff, gives up after 24 h, logs once and tells the team', async () => {
    h.connector.inject({ kind: 'status', status: 500, untilMs: hours(26).getTime() });
    let firstKeys: string[] = [];
    for (const at of [0, 1, 3, 7, 15, 23.5]) {
      now = hours(at);
      const report = await h.bot.tick(now);
      if (at === 0) firstKeys = report.deliveries.map((d) => d.key);
      expect(report.deliveries.every((d) => d.status === 'retry')).toBe(true);
    }
    expect(firstKeys.length).toBeGreaterThan(0);
    // Backoff: a handful of attempts in a day, not one per tick of every 30 s.
    expect(h.connector.calls.filter((c) => c.status === 500).length).toBeLessThan(60);
    expect(h.connector.messages()).toEqual([]);
    expect(warnings.filter((w) => w.includes('failed permanently'))).toEqual([]);

    now = hours(25.5); // still failing, and the reminder's first failure was 25.5 h ago
    const report = await h.bot.tick(now);
    const givenUp = report.deliveries.filter((d) => firstKeys.includes(d.key));
    expect(givenUp.length).toBeGreaterThan(0);
    expect(givenUp.every((d) => d.status === 'failed')).toBe(true);
    const failed = await h.bot.deliveryFailures(TEAM_WORKSPACE);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.lastError?.startsWith('gave up after 2'))).toBe(true);
    for (const row of failed) {
      expect(warnings.filter((w) => w.includes(`"deliveryKey":${JSON.stringify(row.key)}`))).toHaveLength(1);
    }
    now = hours(26.5); // the connector is back: the notice goes out, once
    await h.bot.tick(now);
    now = hours(27.5);
    await h.bot.tick(now);
    expect(noticesIn()).toHaveLength(1);
  });

  it('reports a 403 (bot removed from the team) once, with the fix, and marks the reminder failed', async () => {
    h.connector.failNext(1, 403);
    const first = await h.bot.tick(now);
    expect(first.deliveries.filter((d) => d.status === 'failed')).toHaveLength(1);
    await h.bot.tick(hours(1));
    await h.bot.tick(hours(2));
    const notices = noticesIn();
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.body)).toContain('add the dutybot app to it again');
    expect(warnings.filter((w) => w.includes('"event":"delivery_failed"'))).toHaveLength(1);
  });
});
