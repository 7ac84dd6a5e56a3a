import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseSnooze } from '../src/commands/values.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { applySetting } from '../src/settings/edit.js';
import { defaultSettings } from '../src/settings/schema.js';
import { replyText } from '../src/views/text.js';
import { admin, useCommandBot } from './support/command-bot.js';

/** Settings that do what they say: imports merge and show the diff, values read as typed. */

const now = new Date('2026-11-30T09:00:00Z');
const { here, bot } = useCommandBot('settingsfix', now);
const known = { dutyIds: new Set<string>(), serviceIds: [...loadKnowledge().serviceById.keys()] };

async function importYaml(yaml: string, replace = false) {
  const reply = await bot().run(
    { command: { name: 'settings', action: 'import', yaml, replace }, lang: 'en' },
    { actor: admin, conversation: here, now },
  );
  return { reply, text: replyText(reply) };
}

describe('settings import', () => {
  it('merges by default and replies with what changed', async () => {
    expect((await bot().handle({ text: 'assign fallback @alice', actor: admin, conversation: here, now })).kind).toBe(
      'updated',
    );
    const { reply, text } = await importYaml('reminder_time: "08:30"\n');
    expect(reply.kind).toBe('updated');
    expect(text).toBe('Settings imported.\nChanged:\n  reminder_time: 09:00 → 08:30');
    const settings = (await bot().store.getWorkspace('settingsfix'))?.settings;
    expect(settings?.owners.fallback).toEqual(['alice']);
    expect(settings?.reminder_time).toBe('08:30');
  });

  it('with replace, sets everything the file leaves out back to its default and says so', async () => {
    const { text } = await importYaml('language: en\n', true);
    expect(text).toBe('Settings imported.\nReset to defaults:\n  owners.fallback\n  reminder_time');
    const settings = (await bot().store.getWorkspace('settingsfix'))?.settings;
    expect(settings?.owners.fallback).toEqual([]);
    expect(settings?.reminder_time).toBe('09:00');
  });
});

describe('settings set', () => {
  it('shows values as people write them, not JSON', () => {
    const result = applySetting(defaultSettings(), 'services', 'rocketweb, email', known);
    expect(result).toMatchObject({ ok: true, value: { shown: 'rocketweb, email' } });
  });

  it('stores a time zone as the IANA database spells it', () => {
    const result = applySetting(defaultSettings({}), 'timezone', 'europe/rome', known);
    expect(result.ok && result.value.settings.timezone).toBe('Europe/Rome');
    const utc = applySetting(defaultSettings(), 'timezone', 'utc', known);
    expect(utc.ok && utc.value.settings.timezone).toBe('UTC');
  });

  it('refuses an escalation that would come before the follow-up', () => {
    const result = applySetting(defaultSettings(), 'escalation.follow_up_after_working_days', '5', known);
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'bad_value', detail: expect.stringMatching(/escalation cannot come before the follow-up/) },
    });
  });
});

describe('snooze', () => {
  it('accepts an ISO date-time with an offset, as help offers', () => {
    const calendar = { zone: 'Europe/Rome', reminderTime: '09:00', isWorkingDay: (d: DateTime) => d.weekday <= 5 };
    const result = parseSnooze('2026-12-24T10:00:00+01:00', now, calendar);
    expect(result).toEqual({ ok: true, value: new Date('2026-12-24T09:00:00Z') });
    expect(parseSnooze('until 2026-12-24T10:00:00Z', now, calendar)).toEqual({
      ok: true,
      value: new Date('2026-12-24T10:00:00Z'),
    });
  });
});

describe('the workspace language', () => {
  const italian = useCommandBot('italianws', now);
  const say = (text: string) => italian.bot().handle({ text, actor: admin, conversation: italian.here, now });

  it('governs replies to commands typed with the documented (English) words; a question keeps its own', async () => {
    expect((await say('settings set language it')).lang).toBe('en');
    const help = await say('help');
    expect(help.lang).toBe('it');
    const pending = await say('pending all');
    expect(pending.lang).toBe('it');
    expect(replyText(pending)).toMatch(/^Doveri in sospeso in questo workspace/);
    // Italian words still get Italian; an English question gets an English answer.
    expect((await say('pendenti')).lang).toBe('it');
    const answer = await say('who keeps the Sygma platform software updated?');
    expect(answer.lang).toBe('en');
  });
});
