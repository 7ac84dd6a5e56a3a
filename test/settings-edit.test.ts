import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { applySetting, importSettings } from '../src/settings/edit.js';
import { defaultSettings, usedServices } from '../src/settings/schema.js';

const known = {
  dutyIds: new Set(['1backup.customer.restore-test']),
  serviceIds: [...loadKnowledge().serviceById.keys()],
};

describe('settings editing', () => {
  it('starts from usable defaults', () => {
    const s = defaultSettings();
    // Every service of whichever pack is in use: the 9 of the CoreTech pack.
    expect(s.services).toBe('all');
    expect(usedServices(s, known.serviceIds)).toHaveLength(9);
    expect(s.timezone).toBe('Europe/Rome');
    expect(s.working_days).toEqual([1, 2, 3, 4, 5]);
    expect(s.reminder_time).toBe('09:00');
    expect(s.digest).toMatchObject({ enabled: true, weekday: 1, time: '09:00' });
    expect(s.escalation).toMatchObject({ follow_up_after_working_days: 1, escalate_after_working_days: 3 });
    expect(s.cadence).toMatchObject({
      at_least_monthly: 'monthly',
      periodic: 'quarterly',
      ongoing_review: 'quarterly',
    });
  });

  it('accepts friendly values and validates the whole result', () => {
    const s = defaultSettings();
    const services = applySetting(s, 'services', 'rocketweb, email', known);
    expect(services).toMatchObject({ ok: true });
    if (services.ok) expect(services.value.settings.services).toEqual(['rocketweb', 'email']);
    const days = applySetting(s, 'working_days', 'mon-sat', known);
    if (!days.ok) throw new Error(JSON.stringify(days.problem));
    expect(days.value.settings.working_days).toEqual([1, 2, 3, 4, 5, 6]);
    const digest = applySetting(s, 'digest.weekday', 'venerdì', known);
    if (!digest.ok) throw new Error(JSON.stringify(digest.problem));
    expect(digest.value.settings.digest.weekday).toBe(5);
    const channel = applySetting(s, 'channels.rocketweb', '<#C123|web-ops>', known);
    if (!channel.ok) throw new Error(JSON.stringify(channel.problem));
    expect(channel.value.settings.channels.rocketweb).toBe('C123');
    const override = applySetting(s, 'cadence.overrides.1backup.customer.restore-test.day_of_month', '31', known);
    if (!override.ok) throw new Error(JSON.stringify(override.problem));
    expect(override.value.settings.cadence.overrides['1backup.customer.restore-test']).toEqual({ day_of_month: 31 });
  });

  it('refuses bad values naming the setting and what is allowed', () => {
    const s = defaultSettings();
    expect(applySetting(s, 'timezone', 'Mars/Olympus', known)).toEqual({
      ok: false,
      problem: {
        kind: 'bad_value',
        key: 'timezone',
        detail: 'timezone: must be an IANA time zone such as Europe/Rome or UTC',
        help: {
          en: 'use an IANA time zone such as Europe/Rome or UTC.',
          it: 'usa un fuso orario IANA come Europe/Rome o UTC.',
        },
      },
    });
    const time = applySetting(s, 'reminder_time', '25:00', known);
    expect(time).toMatchObject({
      ok: false,
      problem: { key: 'reminder_time', detail: expect.stringContaining('HH:MM') },
    });
    const service = applySetting(s, 'services', 'rocketweb,aws', known);
    expect(service).toMatchObject({
      ok: false,
      problem: { detail: expect.stringMatching(/services\.1: .*expected one of/) },
    });
    expect(applySetting(s, 'colour', 'blue', known)).toEqual({
      ok: false,
      problem: { kind: 'unknown_key', key: 'colour' },
    });
    const duty = applySetting(s, 'cadence.overrides.nope.cadence', 'weekly', known);
    expect(duty.ok).toBe(false);
    const cadence = applySetting(s, 'cadence.periodic', 'hourly', known);
    expect(cadence.ok).toBe(false);
  });

  it('reads Italian weekday ranges with accents, loose times, on/off and Italian key names', () => {
    const s = defaultSettings();
    const days = applySetting(s, 'working_days', 'lunedì-venerdì', known);
    if (!days.ok) throw new Error(JSON.stringify(days.problem));
    expect(days.value.settings.working_days).toEqual([1, 2, 3, 4, 5]);
    const numbers = applySetting(s, 'working_days', '1-4', known);
    if (!numbers.ok) throw new Error(JSON.stringify(numbers.problem));
    expect(numbers.value.settings.working_days).toEqual([1, 2, 3, 4]);
    const time = applySetting(s, 'reminder_time', '8:30', known);
    expect(time).toMatchObject({ ok: true, value: { shown: '08:30' } });
    const off = applySetting(s, 'digest.enabled', 'off', known);
    if (!off.ok) throw new Error(JSON.stringify(off.problem));
    expect(off.value.settings.digest.enabled).toBe(false);
    const lingua = applySetting(s, 'lingua', 'it', known);
    expect(lingua).toMatchObject({ ok: true, value: { key: 'language' } });
    if (lingua.ok) expect(lingua.value.settings.language).toBe('it');
  });

  it('refuses impossible holidays and says what each setting accepts in both languages', () => {
    const s = defaultSettings();
    const holiday = applySetting(s, 'holidays', '2026-12-08,2026-02-30', known);
    expect(holiday).toMatchObject({
      ok: false,
      problem: {
        key: 'holidays',
        detail: '"2026-02-30" is not a real date',
        help: { it: expect.stringMatching(/date reali AAAA-MM-GG/) },
      },
    });
    const days = applySetting(s, 'working_days', 'lunedi,someday', known);
    expect(days).toMatchObject({ ok: false, problem: { help: { it: expect.stringMatching(/lun-ven/) } } });
  });

  it('imports a whole YAML document and refuses unknown keys', () => {
    const ok = importSettings('language: it\ntimezone: UTC\nservices: [email]\n', defaultSettings());
    expect(ok).toMatchObject({ ok: true });
    if (ok.ok)
      expect(ok.value.settings).toMatchObject({
        language: 'it',
        timezone: 'UTC',
        services: ['email'],
        reminder_time: '09:00',
      });
    const bad = importSettings('timezone: UTC\nflavour: vanilla\n', defaultSettings());
    expect(bad).toMatchObject({ ok: false, problem: { detail: expect.stringMatching(/flavour/) } });
    const broken = importSettings('timezone: [unclosed', defaultSettings());
    expect(broken).toMatchObject({ ok: false, problem: { detail: expect.stringMatching(/invalid YAML/) } });
  });
});
