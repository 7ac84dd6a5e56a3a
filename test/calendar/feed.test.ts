import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../adapters/server/start.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { DutybotCore } from '../../src/bot/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from '../../src/settings/schema.js';
import { userField } from '../../src/views/plain-text.js';
import { HOSTILE_STRINGS } from '../support/hostile-strings.js';

/**
 * The ICS feed through the real server, read back by an independent parser (ical.js, Mozilla's):
 * which events, at which local times across a DST change, with UIDs that survive a refetch and a
 * settings change, and hostile text that stays text.
 */

const WORKSPACE = 'T0CAL';
const PUBLIC_URL = 'https://duty.example.test';
/** Sunday 10 January 2027, 13:00 in Rome. Rome moves to summer time on Sunday 28 March 2027. */
const NOW = new Date('2027-01-10T12:00:00Z');
/** ICS text that would start a forged event if it were written unescaped. */
const ICS_BREAKERS = [
  'evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged@evil\r\nSUMMARY:forged',
  'a;b,c\\d:e',
  'line\nbreak',
];
const HOSTILE_OWNER = ICS_BREAKERS[0]!;

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string | null;
  tzid: string;
  localHour: number;
  localMinute: number;
  start: Date;
}

/** Parses a feed with ical.js, registering its VTIMEZONEs so times convert as a client would. */
function parseFeed(text: string): { name: string; events: ParsedEvent[] } {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      tzid: event.startDate.zone?.tzid ?? '',
      localHour: event.startDate.hour,
      localMinute: event.startDate.minute,
      start: event.startDate.toJSDate(),
    };
  });
  return { name: String(root.getFirstPropertyValue('x-wr-calname')), events };
}

describe('calendar feeds', () => {
  let running: Awaited<ReturnType<typeof startServer>>;
  let bot: DutybotCore;
  let base: string;
  const now = NOW;
  let monthlyDuty = '';
  let weeklyDuty = '';

  async function saveSettings(change: (s: WorkspaceSettings) => Partial<WorkspaceSettings>) {
    const current = (await bot.store.getWorkspace(WORKSPACE))!.settings;
    const next = WorkspaceSettingsSchema.parse({ ...structuredClone(current), ...change(structuredClone(current)) });
    await bot.store.saveSettings(WORKSPACE, next, {
      kind: 'settings.changed',
      actor: 'U0ADMIN',
      at: now,
      payload: { test: true },
    });
  }

  async function feed(token: string) {
    const response = await fetch(`${base}/calendar/${token}.ics`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  beforeAll(async () => {
    bot = await createDutybot({ databaseUrl: 'sqlite::memory:', clock: () => now, logger: silentLogger });
    running = await startServer(
      { DUTYBOT_PUBLIC_URL: PUBLIC_URL },
      { bot, port: 0, host: '127.0.0.1', scheduler: false, logger: silentLogger },
    );
    base = `http://127.0.0.1:${running.port}`;
    await bot.ensureWorkspace({ workspaceId: WORKSPACE, platform: 'slack', channelId: 'C0HOME' }, 'U0ADMIN');
    // One service; of its scheduled duties one is monthly (the 15th), one weekly (Wednesday), the rest off.
    const stellar = bot.knowledge.duties.filter((d) => d.service === 'stellar' && d.party === 'customer');
    monthlyDuty = stellar[0]!.id;
    weeklyDuty = stellar[1]!.id;
    await saveSettings((s) => ({
      services: ['stellar'],
      timezone: 'Europe/Rome',
      reminder_time: '09:00',
      cadence: {
        ...s.cadence,
        overrides: Object.fromEntries(
          stellar.map((d) => [
            d.id,
            d.id === monthlyDuty
              ? { cadence: 'monthly', day_of_month: 15 }
              : d.id === weeklyDuty
                ? { cadence: 'weekly', weekday: 3 }
                : { cadence: 'off' },
          ]),
        ),
      },
      owners: {
        by_duty: { [monthlyDuty]: ['U0ANNA', HOSTILE_OWNER, ...ICS_BREAKERS.slice(1)] },
        by_service: {},
        fallback: ['U0BOB'],
      },
    }));
  });
  afterAll(async () => {
    await running?.stop();
    await bot?.close();
  });

  it('holds the next twelve months of occurrences plus the open ones, at 09:00 Rome time across the DST change', async () => {
    const issued = await bot.createCalendarToken({ workspaceId: WORKSPACE, userId: null, createdBy: 'U0ADMIN' });
    const response = await feed(issued!.token);
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/calendar; charset=utf-8');
    const { events } = parseFeed(response.text);

    // Wednesdays 13 Jan 2027 … 5 Jan 2028 (52), plus the week of 6 Jan, still open.
    const weekly = events.filter((e) => e.summary === bot.dutyTitle(weeklyDuty, 'en'));
    // The 15th of each month Jan … Dec 2027 (12), plus December 2026, still open.
    const monthly = events.filter((e) => e.summary === bot.dutyTitle(monthlyDuty, 'en'));
    expect(weekly).toHaveLength(53);
    expect(monthly).toHaveLength(13);
    expect(events).toHaveLength(66);

    for (const event of events) {
      expect(event.tzid).toBe('Europe/Rome');
      expect([event.localHour, event.localMinute]).toEqual([9, 0]);
    }
    const wednesday = (iso: string) => weekly.find((e) => e.start.toISOString().startsWith(iso));
    // Winter: 09:00 CET = 08:00 UTC; summer: 09:00 CEST = 07:00 UTC.
    expect(wednesday('2027-03-24')?.start.toISOString()).toBe('2027-03-24T08:00:00.000Z');
    expect(wednesday('2027-03-31')?.start.toISOString()).toBe('2027-03-31T07:00:00.000Z');
    // Back to winter time on 31 October.
    expect(wednesday('2027-10-27')?.start.toISOString()).toBe('2027-10-27T07:00:00.000Z');
    expect(wednesday('2027-11-03')?.start.toISOString()).toBe('2027-11-03T08:00:00.000Z');
    // May 15 2027 is a Saturday: the occurrence moves to Monday 17, still at 09:00 local.
    expect(monthly.some((e) => e.start.toISOString() === '2027-05-17T07:00:00.000Z')).toBe(true);
    expect(monthly[0]?.start.toISOString()).toBe('2026-12-15T08:00:00.000Z');
    expect(monthly[0]?.description).toContain('State: due');
    expect(monthly[1]?.description).toContain('State: upcoming');

    const first = weekly[1]!;
    expect(first.url).toBe(`${PUBLIC_URL}/dashboard/duty/${encodeURIComponent(weeklyDuty)}`);
    expect(first.description).toContain(`Service: ${bot.knowledge.dutyById.get(weeklyDuty)!.serviceName}`);
    expect(first.description).toContain('Owners: U0BOB');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('keeps every UID between two fetches and across a change of reminder time', async () => {
    const issued = await bot.createCalendarToken({ workspaceId: WORKSPACE, userId: null, createdBy: 'U0ADMIN' });
    const before = parseFeed((await feed(issued!.token)).text).events;
    const again = parseFeed((await feed(issued!.token)).text).events;
    expect(again.map((e) => e.uid)).toEqual(before.map((e) => e.uid));

    await saveSettings(() => ({ reminder_time: '10:30' }));
    try {
      const moved = parseFeed((await feed(issued!.token)).text).events;
      expect(moved.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
      expect(moved.every((e) => e.localHour === 10 && e.localMinute === 30)).toBe(true);
    } finally {
      await saveSettings(() => ({ reminder_time: '09:00' }));
    }
  });

  it('drops the open occurrence once it is confirmed (a cached feed follows the ledger)', async () => {
    const issued = await bot.createCalendarToken({ workspaceId: WORKSPACE, userId: 'U0ANNA', createdBy: 'U0ANNA' });
    const before = parseFeed((await feed(issued!.token)).text).events;
    expect(before).toHaveLength(13);
    await bot.store.appendConfirmation({
      workspaceId: WORKSPACE,
      dutyId: monthlyDuty,
      occurrence: '2026-12',
      status: 'done',
      by: 'U0ANNA',
      at: now,
      note: null,
      evidenceUrl: null,
      reason: null,
      snoozedUntil: null,
      idempotencyKey: 'feed-done',
    });
    const after = parseFeed((await feed(issued!.token)).text).events;
    expect(after.map((e) => e.uid)).toEqual(before.slice(1).map((e) => e.uid));
  });

  it('gives a person only the duties they own, in the workspace language', async () => {
    await saveSettings(() => ({ language: 'it' }));
    try {
      const issued = await bot.createCalendarToken({ workspaceId: WORKSPACE, userId: 'U0BOB', createdBy: 'U0BOB' });
      const { name, events } = parseFeed((await feed(issued!.token)).text);
      expect(name).toBe(`Adempimenti GDPR di U0BOB — ${WORKSPACE}`);
      expect(events).toHaveLength(53);
      expect(new Set(events.map((e) => e.summary))).toEqual(new Set([bot.dutyTitle(weeklyDuty, 'it')]));
      expect(events[0]?.description).toContain('Responsabili: U0BOB');
    } finally {
      await saveSettings(() => ({ language: 'en' }));
    }
  });

  it('answers 404 for a revoked, unknown or malformed token, and issues none for an unknown workspace', async () => {
    const issued = await bot.createCalendarToken({ workspaceId: WORKSPACE, userId: null, createdBy: 'U0ADMIN' });
    expect((await feed(issued!.token)).status).toBe(200);
    expect(await bot.revokeCalendarToken(issued!.row.id, 'T0OTHER')).toBe(false);
    expect((await feed(issued!.token)).status).toBe(200);
    expect(await bot.revokeCalendarToken(issued!.row.id)).toBe(true);
    expect(await bot.revokeCalendarToken(issued!.row.id)).toBe(false);
    const revoked = await feed(issued!.token);
    expect(revoked.status).toBe(404);
    expect(revoked.text).not.toContain('BEGIN:VCALENDAR');
    expect((await feed('A'.repeat(32))).status).toBe(404);
    expect((await feed('not-a-token')).status).toBe(404);
    expect((await fetch(`${base}/calendar/${issued!.token}`)).status).toBe(404);
    expect(await bot.createCalendarToken({ workspaceId: 'T0NOWHERE', userId: null, createdBy: 'U0' })).toBeNull();
  });

  it('keeps hostile owner names and person ids inert: escaped text, never a forged property or event', async () => {
    const everyone = [...HOSTILE_STRINGS, ...ICS_BREAKERS];
    await saveSettings((s) => ({ owners: { ...s.owners, by_duty: { [monthlyDuty]: everyone } } }));
    const issued = await bot.createCalendarToken({ workspaceId: WORKSPACE, userId: HOSTILE_OWNER, createdBy: 'U0' });
    const { text } = await feed(issued!.token);
    const { name, events } = parseFeed(text);
    // Twelve months of the monthly duty (its open December occurrence was confirmed above).
    expect(events).toHaveLength(12);
    expect(events.some((e) => e.uid === 'forged@evil' || e.summary === 'forged')).toBe(false);
    expect(text.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(12);
    expect(text).not.toMatch(/^UID:forged/m);
    // RFC 5545 TEXT has no control characters: only the CRLF line ends remain.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
    // The feed's own name is one line of text, the person id shown inert.
    expect(name).toBe(`GDPR duties of ${userField(HOSTILE_OWNER)} — ${WORKSPACE}`);
    expect(name).not.toMatch(/[\r\n]/);
    // Each owner comes back as its one-line inert form, escaping undone by the parser.
    const description = events[0]!.description;
    for (const hostile of everyone) expect(description).toContain(userField(hostile));
    expect(description).toContain('a;b,c\\d:e');
    expect(description.split('\n').filter((line) => line.startsWith('Duty page: '))).toHaveLength(1);
  });

  it('folds every line within 75 octets without cutting a multibyte character (RFC 5545 section 3.1)', async () => {
    // Long owner ids of two-, three- and four-byte UTF-8 characters put fold points inside them.
    const wide = ['Ünïcödé-àèìòù-'.repeat(8), '日本語の担当者'.repeat(10), '📅🔒✅'.repeat(12), `x${'é'.repeat(80)}`];
    await saveSettings((s) => ({ owners: { ...s.owners, by_duty: { [monthlyDuty]: wide } } }));
    const issued = await bot.createCalendarToken({ workspaceId: WORKSPACE, userId: null, createdBy: 'U0ADMIN' });
    const { text } = await feed(issued!.token);
    const lines = text.split('\r\n');
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(100);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // A fold inside a character would reach the client as U+FFFD and the name would not come back whole.
    const monthly = parseFeed(text).events.filter((e) => e.description.includes(userField(wide[0]!)));
    expect(monthly).toHaveLength(12);
    for (const event of monthly) for (const owner of wide) expect(event.description).toContain(userField(owner));
    expect(text).not.toContain('\uFFFD');
  });
});
