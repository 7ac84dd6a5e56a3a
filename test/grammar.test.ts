import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/commands/grammar.js';
import { mention } from '../src/views/mentions.js';

describe('command grammar', () => {
  it('treats anything without a command word as a question', () => {
    expect(parseCommand('who handles backups on RocketWeb?')).toEqual({
      command: { name: 'ask', question: 'who handles backups on RocketWeb?' },
      lang: null,
    });
    expect(parseCommand('ask how long are email backups kept?')).toMatchObject({
      command: { name: 'ask', question: 'how long are email backups kept?' },
    });
  });

  it('reads done with a note after a separator and an evidence link anywhere', () => {
    expect(parseCommand('done restore test 1backup -- restored mailbox X https://wiki.example.com/r/42')).toEqual({
      command: {
        name: 'done',
        ref: 'restore test 1backup',
        note: 'restored mailbox X',
        evidenceUrl: 'https://wiki.example.com/r/42',
        occurrence: null,
      },
      lang: 'en',
    });
  });

  it('unwraps chat-client links <https://…|label>', () => {
    const parsed = parseCommand('done website backup <https://example.com/report|report>');
    expect(parsed).toMatchObject({ command: { evidenceUrl: 'https://example.com/report', ref: 'website backup' } });
  });

  it('keeps a trailing note in the reference when there is no separator (the resolver splits it)', () => {
    expect(parseCommand('done restore test 1backup all good')).toMatchObject({
      command: { name: 'done', ref: 'restore test 1backup all good', note: null },
    });
  });

  it('reads an explicit occurrence', () => {
    expect(parseCommand('done website backup for 2026-10')).toMatchObject({
      command: { name: 'done', ref: 'website backup', occurrence: '2026-10' },
    });
    expect(parseCommand('skip check backups --for 2026-w48 -- holiday')).toMatchObject({
      command: { name: 'skip', ref: 'check backups', reason: 'holiday', occurrence: '2026-W48' },
    });
  });

  it('understands Italian command words and reports the language', () => {
    expect(parseCommand('fatto test di ripristino 1backup')).toMatchObject({ command: { name: 'done' }, lang: 'it' });
    expect(parseCommand('salta backup sito -- migrazione')).toMatchObject({
      command: { name: 'skip', reason: 'migrazione' },
      lang: 'it',
    });
    expect(parseCommand('rimanda backup sito domani')).toMatchObject({
      command: { name: 'snooze', ref: 'backup sito', duration: 'domani' },
      lang: 'it',
    });
    expect(parseCommand('aiuto')).toEqual({ command: { name: 'help' }, lang: 'it' });
  });

  it('reads snooze durations at the end', () => {
    for (const d of ['1h', '3 hours', '2d', '1w', 'tomorrow', 'next-week', 'next week', '2026-12-01']) {
      expect(parseCommand(`snooze restore test 1backup ${d}`)).toMatchObject({
        command: { name: 'snooze', ref: 'restore test 1backup', duration: d },
      });
    }
  });

  it('reports what is missing instead of guessing', () => {
    expect(parseCommand('done')).toMatchObject({ error: 'usage', command: 'done', problem: 'missing_duty' });
    expect(parseCommand('snooze website backup')).toMatchObject({ error: 'usage', problem: 'missing_duration' });
    expect(parseCommand('assign rocketweb')).toMatchObject({ error: 'usage', problem: 'missing_users' });
    expect(parseCommand('history')).toMatchObject({ error: 'usage', problem: 'missing_duty' });
    expect(parseCommand('settings set timezone')).toMatchObject({ error: 'usage', problem: 'bad_settings' });
    expect(parseCommand('export pdf please')).toMatchObject({ error: 'usage', problem: 'bad_export' });
  });

  it('reads assignments with platform mentions, @names and "none"', () => {
    expect(parseCommand(`assign rocketweb ${mention('U1')} ${mention('U2')}`)).toEqual({
      command: { name: 'assign', target: 'rocketweb', users: ['U1', 'U2'], clear: false },
      lang: 'en',
    });
    expect(parseCommand('assign restore test 1backup to @marta')).toMatchObject({
      command: { target: 'restore test 1backup', users: ['marta'] },
    });
    expect(parseCommand('assegna email nessuno')).toMatchObject({
      command: { target: 'email', users: [], clear: true },
    });
  });

  it('reads settings subcommands and export ranges', () => {
    expect(parseCommand('settings')).toMatchObject({ command: { name: 'settings', action: 'show' } });
    expect(parseCommand('settings set timezone = Europe/Rome')).toMatchObject({
      command: { action: 'set', key: 'timezone', value: 'Europe/Rome' },
    });
    expect(parseCommand('settings import language: it\ntimezone: UTC')).toMatchObject({
      command: { action: 'import', yaml: 'language: it\ntimezone: UTC' },
    });
    expect(parseCommand('export json from 2026-01-01 to 2026-03-31')).toEqual({
      command: { name: 'export', format: 'json', from: '2026-01-01', to: '2026-03-31' },
      lang: 'en',
    });
  });
});
