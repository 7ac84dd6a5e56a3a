import { performance } from 'node:perf_hooks';
import { createDutybot } from '../src/bot/dutybot.js';
import { calendarEvents, renderIcs } from '../src/calendar/index.js';
import { silentLogger } from '../src/logging/logger.js';
import { loadSnapshot } from '../src/occurrences/index.js';

/**
 * ICS feed generation for a workspace with every service in use (all scheduled duties of the real
 * knowledge base, default cadences, Europe/Rome): the whole request path behind
 * `/calendar/<token>.ics` (token lookup, snapshot, events, ICS text) on SQLite, split into its
 * two in-process phases (each run renders afresh). The first request is shown apart: it fills the
 * occurrence memo and renders; later requests within the hour, with nothing changed, are served
 * from the feed cache (src/calendar/feed.ts).
 */

const RUNS = 30;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export async function benchCalendar(): Promise<string[]> {
  const now = new Date('2026-11-30T10:00:00Z');
  const bot = await createDutybot({ databaseUrl: 'sqlite::memory:', clock: () => now, logger: silentLogger });
  try {
    await bot.ensureWorkspace({ workspaceId: 'T0BENCH', platform: 'slack', channelId: 'C0' }, 'U0');
    const issued = await bot.createCalendarToken({ workspaceId: 'T0BENCH', userId: null, createdBy: 'U0' });
    const token = issued!.token;
    const publicUrl = 'https://duty.example.test';
    const [first, coldMs] = await timed(() => bot.calendarFeed(token, { publicUrl }));
    const whole: number[] = [];
    for (let i = 0; i < RUNS; i++) whole.push((await timed(() => bot.calendarFeed(token, { publicUrl })))[1]);
    const snapshot = (await loadSnapshot(bot.store, bot.knowledge, 'T0BENCH'))!;
    const eventsMs: number[] = [];
    const icsMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [events, e] = await timed(() => calendarEvents(snapshot, { userId: null }, now));
      eventsMs.push(e);
      const options = { name: 'bench', zone: 'Europe/Rome', lang: 'en' as const, publicUrl, now };
      icsMs.push((await timed(() => renderIcs(events, options)))[1]);
    }
    const line = (label: string, samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      return `${label}: p50 ${fmt(percentile(sorted, 50))} ms, p99 ${fmt(percentile(sorted, 99))} ms (${RUNS} runs)`;
    };
    return [
      `workspace with every service: ${first?.events} events over 12 months, ${fmt((first?.content.length ?? 0) / 1024)} KiB of ICS`,
      `first request (token, snapshot, events, ICS; cold occurrence memo): ${fmt(coldMs)} ms`,
      line('repeat request, cached (token, snapshot, cache hit)', whole),
      line('fresh render: events from src/occurrences', eventsMs),
      line('fresh render: ICS text (ical-generator)', icsMs),
    ];
  } finally {
    await bot.close();
  }
}
