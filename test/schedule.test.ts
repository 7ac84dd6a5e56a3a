import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarOf,
  currentOccurrence,
  nextOccurrenceAfter,
  occurrenceAt,
  occurrenceByKey,
  occurrencesBetween,
  periodByKey,
  periodContaining,
  scheduleOf,
  whyNotScheduled,
} from '../src/occurrences/index.js';
import { defaultSettings, type WorkspaceSettings } from '../src/settings/schema.js';
import { periodLabel, scheduleLabel } from '../src/views/labels.js';
import { DUTY, dutyOf, testKnowledge } from './support/scheduler-knowledge.js';

const knowledge = testKnowledge();
const rome = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Rome' }).toJSDate();
const local = (d: Date | undefined, zone = 'Europe/Rome') => DateTime.fromJSDate(d as Date, { zone }).toISO();

function withOverride(dutyId: string, override: WorkspaceSettings['cadence']['overrides'][string], extra = {}) {
  return defaultSettings({
    ...extra,
    cadence: { ...defaultSettings().cadence, overrides: { [dutyId]: override } },
  });
}

describe('which duties are scheduled, and how often', () => {
  const settings = defaultSettings();

  it('resolves vague source cadences through settings, with defaults', () => {
    expect(scheduleOf(dutyOf(knowledge, DUTY.websiteBackup), settings)).toMatchObject({
      cadence: 'monthly',
      sourceCadence: 'at_least_monthly_bimonthly',
      review: false,
    });
    expect(scheduleOf(dutyOf(knowledge, DUTY.restoreTest), settings)?.cadence).toBe('quarterly');
    expect(scheduleOf(dutyOf(knowledge, DUTY.passwords), settings)).toMatchObject({
      cadence: 'quarterly',
      review: true,
    });
    expect(scheduleOf(dutyOf(knowledge, DUTY.configurePolicy), settings)?.cadence).toBe('weekly');
    expect(scheduleOf(dutyOf(knowledge, DUTY.checkResults), settings)?.cadence).toBe('daily');
    expect(scheduleOf(dutyOf(knowledge, DUTY.weeklyReview), settings)?.cadence).toBe('weekly');
  });

  it('follows the workspace choice for "at least monthly / bimonthly" and turns reviews off', () => {
    const custom = defaultSettings({
      cadence: { ...settings.cadence, at_least_monthly: 'bimonthly', ongoing_review: 'off' },
    });
    expect(scheduleOf(dutyOf(knowledge, DUTY.websiteBackup), custom)?.cadence).toBe('bimonthly');
    expect(scheduleOf(dutyOf(knowledge, DUTY.passwords), custom)).toBeNull();
    expect(whyNotScheduled(dutyOf(knowledge, DUTY.passwords), custom)).toBe('turned_off');
  });

  it('never schedules provider, event-driven duties or services not in use — even with an override', () => {
    expect(scheduleOf(dutyOf(knowledge, DUTY.providerControl), settings)).toBeNull();
    expect(whyNotScheduled(dutyOf(knowledge, DUTY.providerControl), settings)).toBe('provider_duty');
    const forced = withOverride(DUTY.reportIncident, { cadence: 'monthly' });
    expect(scheduleOf(dutyOf(knowledge, DUTY.reportIncident), forced)).toBeNull();
    expect(whyNotScheduled(dutyOf(knowledge, DUTY.reportIncident), forced)).toBe('not_periodic');
    const onlyBackup = defaultSettings({ services: ['1backup'] });
    expect(scheduleOf(dutyOf(knowledge, DUTY.websiteBackup), onlyBackup)).toBeNull();
    expect(whyNotScheduled(dutyOf(knowledge, DUTY.websiteBackup), onlyBackup)).toBe('service_not_used');
  });

  it('lets a per-duty override win (cadence, day of month, weekday, off)', () => {
    const duty = dutyOf(knowledge, DUTY.restoreTest);
    expect(scheduleOf(duty, withOverride(duty.id, { cadence: 'monthly', day_of_month: 31 }))).toMatchObject({
      cadence: 'monthly',
      dayOfMonth: 31,
    });
    expect(scheduleOf(duty, withOverride(duty.id, { cadence: 'weekly', weekday: 3 }))).toMatchObject({
      cadence: 'weekly',
      weekday: 3,
      dayOfMonth: null,
    });
    expect(scheduleOf(duty, withOverride(duty.id, { cadence: 'off' }))).toBeNull();
  });
});

describe('periods and keys', () => {
  const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

  it('names each period by its key', () => {
    expect(periodContaining('daily', day('2026-11-27')).key).toBe('2026-11-27');
    expect(periodContaining('weekly', day('2026-11-27'))).toMatchObject({
      key: '2026-W48',
      start: '2026-11-23',
      end: '2026-11-29',
    });
    expect(periodContaining('monthly', day('2026-11-27'))).toMatchObject({ key: '2026-11', end: '2026-11-30' });
    expect(periodContaining('bimonthly', day('2026-11-27'))).toMatchObject({
      key: '2026-B6',
      start: '2026-11-01',
      end: '2026-12-31',
    });
    expect(periodContaining('bimonthly', day('2026-02-10'))).toMatchObject({
      key: '2026-B1',
      start: '2026-01-01',
      end: '2026-02-28',
    });
    expect(periodContaining('quarterly', day('2026-11-27'))).toMatchObject({ key: '2026-Q4', start: '2026-10-01' });
  });

  it('uses the ISO week-numbering year at year ends', () => {
    expect(periodContaining('weekly', day('2027-01-01')).key).toBe('2026-W53');
    expect(periodContaining('weekly', day('2024-12-30')).key).toBe('2025-W01');
    expect(periodByKey('weekly', '2026-W53')?.start).toBe('2026-12-28');
    expect(periodByKey('weekly', '2025-W53')).toBeNull();
  });

  it('rejects malformed or impossible keys', () => {
    expect(periodByKey('daily', '2026-02-30')).toBeNull();
    expect(periodByKey('monthly', '2026-13')).toBeNull();
    expect(periodByKey('bimonthly', '2026-B7')).toBeNull();
    expect(periodByKey('quarterly', 'Q4')).toBeNull();
    expect(periodByKey('daily', '2028-02-29')?.key).toBe('2028-02-29');
  });
});

describe('occurrences in the workspace time zone', () => {
  const settings = defaultSettings(); // Europe/Rome, Mon–Fri, 09:00
  const daily = dutyOf(knowledge, DUTY.checkResults);
  const weekly = dutyOf(knowledge, DUTY.weeklyReview);
  const monthly = dutyOf(knowledge, DUTY.websiteBackup);

  it('keeps 09:00 local on both sides of the March DST change (last Sunday of March)', () => {
    const friday = occurrenceByKey(daily, settings, '2026-03-27');
    const monday = occurrenceByKey(daily, settings, '2026-03-30');
    expect(friday?.dueAt.toISOString()).toBe('2026-03-27T08:00:00.000Z'); // CET, UTC+1
    expect(monday?.dueAt.toISOString()).toBe('2026-03-30T07:00:00.000Z'); // CEST, UTC+2
    expect(local(friday?.dueAt)).toContain('T09:00:00.000+01:00');
    expect(local(monday?.dueAt)).toContain('T09:00:00.000+02:00');
    expect(addWorkingDays(calendarOf(settings), friday!.dueAt, 1).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('keeps 09:00 local on both sides of the October DST change (last Sunday of October)', () => {
    expect(occurrenceByKey(weekly, settings, '2026-W43')?.dueAt.toISOString()).toBe('2026-10-19T07:00:00.000Z');
    expect(occurrenceByKey(weekly, settings, '2026-W44')?.dueAt.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    // The daily deadline on the short Sunday night is still the end of the local day.
    const everyDay = defaultSettings({ working_days: [1, 2, 3, 4, 5, 6, 7] });
    expect(occurrenceByKey(daily, everyDay, '2026-10-25')?.deadline.toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('moves a reminder time that does not exist (spring-forward gap) forward like clocks do', () => {
    const settingsGap = defaultSettings({ working_days: [1, 2, 3, 4, 5, 6, 7], reminder_time: '02:30' });
    const sunday = occurrenceByKey(daily, settingsGap, '2026-03-29');
    expect(local(sunday?.dueAt)).toBe('2026-03-29T03:30:00.000+02:00');
  });

  it('is due on the first working day of the month and ends on its last working day', () => {
    const november = occurrenceByKey(monthly, settings, '2026-11');
    expect(local(november?.dueAt)).toBe('2026-11-02T09:00:00.000+01:00'); // Nov 1 is a Sunday
    expect(november?.deadline.toISOString()).toBe('2026-11-30T22:59:59.999Z');
    const october = occurrenceByKey(monthly, settings, '2026-10'); // Oct 31 is a Saturday
    expect(local(october?.deadline)).toBe('2026-10-30T23:59:59.999+01:00');
  });

  it('honours holidays for due dates and deadlines', () => {
    const holidays = defaultSettings({ holidays: ['2026-11-02', '2026-11-30', '2026-12-25'] });
    const november = occurrenceByKey(monthly, holidays, '2026-11');
    expect(local(november?.dueAt)).toBe('2026-11-03T09:00:00.000+01:00');
    expect(local(november?.deadline)).toBe('2026-11-27T23:59:59.999+01:00');
    expect(occurrenceByKey(daily, holidays, '2026-12-25')).toBeNull();
    expect(occurrenceAt(daily, holidays, rome('2026-12-25T10:00'))).toBeNull();
    expect(currentOccurrence(daily, holidays, rome('2026-12-25T10:00'))?.key).toBe('2026-12-24');
    expect(currentOccurrence(daily, holidays, rome('2026-12-28T08:59'))?.key).toBe('2026-12-24');
    expect(currentOccurrence(daily, holidays, rome('2026-12-28T09:00'))?.key).toBe('2026-12-28');
  });

  it('has no occurrence in a period without working days', () => {
    const wholeWeekOff = defaultSettings({
      holidays: ['2026-08-10', '2026-08-11', '2026-08-12', '2026-08-13', '2026-08-14'],
    });
    expect(occurrenceByKey(weekly, wholeWeekOff, '2026-W33')).toBeNull();
    expect(currentOccurrence(weekly, wholeWeekOff, rome('2026-08-12T12:00'))?.key).toBe('2026-W32');
    expect(nextOccurrenceAfter(weekly, wholeWeekOff, rome('2026-08-05T12:00'))?.key).toBe('2026-W34');
  });

  it('clamps "monthly on the 31st" to the month end, in leap and non-leap years', () => {
    const on31 = withOverride(monthly.id, { cadence: 'monthly', day_of_month: 31 });
    // Feb 2028 (leap): the 29th is a Tuesday.
    expect(local(occurrenceByKey(monthly, on31, '2028-02')?.dueAt)).toBe('2028-02-29T09:00:00.000+01:00');
    // Feb 2024 (leap): the 29th is a Thursday.
    expect(local(occurrenceByKey(monthly, on31, '2024-02')?.dueAt)).toBe('2024-02-29T09:00:00.000+01:00');
    // Feb 2027 (non-leap): the 28th is a Sunday → the last working day before it, inside February.
    expect(local(occurrenceByKey(monthly, on31, '2027-02')?.dueAt)).toBe('2027-02-26T09:00:00.000+01:00');
    // April has 30 days (a Thursday in 2026).
    expect(local(occurrenceByKey(monthly, on31, '2026-04')?.dueAt)).toBe('2026-04-30T09:00:00.000+02:00');
    // Jan 31 2026 is a Saturday: no working day left after it in January → Friday the 30th.
    expect(local(occurrenceByKey(monthly, on31, '2026-01')?.dueAt)).toBe('2026-01-30T09:00:00.000+01:00');
  });

  it('places weekly occurrences on the chosen weekday and quarterly ones on the chosen day', () => {
    const wednesday = withOverride(weekly.id, { weekday: 3 });
    expect(local(occurrenceByKey(weekly, wednesday, '2026-W48')?.dueAt)).toBe('2026-11-25T09:00:00.000+01:00');
    const restore = dutyOf(knowledge, DUTY.restoreTest);
    const on15 = withOverride(restore.id, { day_of_month: 15 });
    expect(local(occurrenceByKey(restore, on15, '2026-Q4')?.dueAt)).toBe('2026-10-15T09:00:00.000+02:00');
    expect(local(occurrenceByKey(restore, on15, '2026-Q4')?.deadline)).toBe('2026-12-31T23:59:59.999+01:00');
  });

  it('lists occurrences between two instants and finds the next one', () => {
    const week = occurrencesBetween(daily, settings, rome('2026-11-23T00:00'), rome('2026-11-30T00:00'));
    expect(week.map((o) => o.key)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(nextOccurrenceAfter(daily, settings, rome('2026-11-27T09:00'))?.key).toBe('2026-11-30');
    expect(nextOccurrenceAfter(monthly, settings, rome('2026-11-02T08:59'))?.key).toBe('2026-11');
    expect(nextOccurrenceAfter(monthly, settings, rome('2026-11-02T09:00'))?.key).toBe('2026-12');
  });

  it('works in other zones (New York reminder at 08:30 across its own DST change)', () => {
    const ny = defaultSettings({ timezone: 'America/New_York', reminder_time: '08:30' });
    expect(local(occurrenceByKey(daily, ny, '2026-03-06')?.dueAt, 'America/New_York')).toBe(
      '2026-03-06T08:30:00.000-05:00',
    );
    expect(local(occurrenceByKey(daily, ny, '2026-03-09')?.dueAt, 'America/New_York')).toBe(
      '2026-03-09T08:30:00.000-04:00',
    );
  });
});

describe('working days', () => {
  const calendar = calendarOf(defaultSettings({ holidays: ['2026-11-30'] }));

  it('adds working days at the same local time, skipping weekends and holidays', () => {
    expect(local(addWorkingDays(calendar, rome('2026-11-27T09:00'), 1))).toBe('2026-12-01T09:00:00.000+01:00');
    expect(local(addWorkingDays(calendar, rome('2026-11-25T14:15'), 3))).toBe('2026-12-01T14:15:00.000+01:00');
    expect(local(addWorkingDays(calendar, rome('2026-11-28T10:00'), 1))).toBe('2026-12-01T10:00:00.000+01:00');
  });
});

describe('labels', () => {
  it('labels periods and schedules in English and Italian', () => {
    const period = periodByKey('monthly', '2026-11')!;
    expect(periodLabel(period, 'en')).toBe('November 2026');
    expect(periodLabel(period, 'it')).toBe('novembre 2026');
    expect(periodLabel(periodByKey('weekly', '2026-W48')!, 'en')).toBe('week 48, 2026');
    expect(periodLabel(periodByKey('weekly', '2026-W48')!, 'it')).toBe('settimana 48, 2026');
    expect(periodLabel(periodByKey('bimonthly', '2026-B6')!, 'en')).toBe('November–December 2026');
    expect(periodLabel(periodByKey('quarterly', '2026-Q4')!, 'en')).toBe('Q4 2026 (October–December)');
    const settings = defaultSettings();
    const backup = scheduleOf(dutyOf(knowledge, DUTY.websiteBackup), settings)!;
    expect(scheduleLabel(backup, 'en')).toBe('every month (source: at least monthly / bimonthly)');
    expect(scheduleLabel(backup, 'it')).toBe('ogni mese (fonte: almeno ogni mese / ogni due mesi)');
    expect(scheduleLabel(scheduleOf(dutyOf(knowledge, DUTY.checkResults), settings)!, 'it')).toBe(
      'ogni giorno lavorativo',
    );
    expect(scheduleLabel(scheduleOf(dutyOf(knowledge, DUTY.passwords), settings)!, 'en')).toBe('quarterly review');
  });
});
