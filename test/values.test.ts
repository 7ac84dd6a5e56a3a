import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDateOrInstant, parseEvidenceUrl, parseSnooze, type SnoozeCalendar } from '../src/commands/values.js';

const calendar: SnoozeCalendar = {
  zone: 'Europe/Rome',
  reminderTime: '09:00',
  isWorkingDay: (day) => day.weekday <= 5 && day.toISODate() !== '2026-12-08',
};
const local = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Rome' }).toJSDate();

describe('evidence links', () => {
  it('accepts http and https links only', () => {
    expect(parseEvidenceUrl('https://wiki.example.com/backup?id=1')).toEqual({
      ok: true,
      value: 'https://wiki.example.com/backup?id=1',
    });
    expect(parseEvidenceUrl('<http://intranet/report>')).toEqual({ ok: true, value: 'http://intranet/report' });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x/y', 'not a url', 'https://', '']) {
      expect(parseEvidenceUrl(bad)).toEqual({ ok: false, problem: 'not_a_web_link' });
    }
  });
});

describe('dates', () => {
  it('reads days in the workspace zone and ISO instants, refuses the rest', () => {
    const day = parseDateOrInstant('2026-03-29', 'Europe/Rome');
    expect(day.ok && day.value.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    const end = parseDateOrInstant('2026-03-31', 'Europe/Rome', true);
    expect(end.ok && end.value.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(parseDateOrInstant('2026-13-45', 'UTC')).toEqual({ ok: false, problem: 'not_a_date' });
    expect(parseDateOrInstant('yesterday', 'UTC')).toEqual({ ok: false, problem: 'not_a_date' });
    expect(parseDateOrInstant('2026-02-30', 'UTC')).toEqual({ ok: false, problem: 'not_a_date' });
  });
});

describe('snooze durations', () => {
  const friday = local('2026-12-04T15:30');
  it('adds plain durations', () => {
    expect(parseSnooze('1h', friday, calendar)).toEqual({ ok: true, value: local('2026-12-04T16:30') });
    expect(parseSnooze('2 giorni', friday, calendar)).toEqual({ ok: true, value: local('2026-12-06T15:30') });
  });
  it('"tomorrow" is the next working day at the reminder time, skipping holidays', () => {
    expect(parseSnooze('tomorrow', friday, calendar)).toEqual({ ok: true, value: local('2026-12-07T09:00') });
    const monday = local('2026-12-07T10:00');
    // 8 December is a holiday in this calendar.
    expect(parseSnooze('domani', monday, calendar)).toEqual({ ok: true, value: local('2026-12-09T09:00') });
  });
  it('"next week" is the first working day of next week', () => {
    expect(parseSnooze('next-week', friday, calendar)).toEqual({ ok: true, value: local('2026-12-07T09:00') });
  });
  it('refuses nonsense, the past and very long snoozes', () => {
    expect(parseSnooze('a while', friday, calendar)).toEqual({ ok: false, problem: 'bad' });
    expect(parseSnooze('2026-01-01', friday, calendar)).toEqual({ ok: false, problem: 'past' });
    expect(parseSnooze('200d', friday, calendar)).toEqual({ ok: false, problem: 'too_long' });
  });
});
