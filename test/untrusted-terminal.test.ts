import { describe, expect, it } from 'vitest';
import { inertPlain } from '../src/views/text.js';
import { useCli } from './support/cli.js';
import {
  HOSTILE_EVIDENCE,
  HOSTILE_STRINGS,
  hostileLine,
  hostileText,
  terminalLive,
} from './support/hostile-strings.js';

/**
 * Untrusted text in the terminal, through the built CLI and the terminal chat: the hostile corpus
 * stored as a note and a skip reason, then replayed by `history`, `digest`, `pending`, `export`,
 * the scheduler's printed reminders and the chat — no escape sequence, control character or bidi
 * override may reach the admin's terminal, and the text must still be there, visibly.
 */

const { run: cli } = useCli('untrusted.sqlite');
const AT = '2026-12-01T10:00:00+01:00';

function printed(run: { stdout: string; stderr: string }): string {
  return `${run.stdout}\n${run.stderr}`;
}

describe('untrusted text in the terminal', () => {
  it('shows every control sequence of a stored note and reason as a visible symbol', () => {
    expect(cli(['tick', '--at', '2026-12-01T09:00:00+01:00', '--commit']).code).toBe(0);
    const done = cli([
      'done',
      'website',
      'backup',
      '--note',
      hostileText('\n'),
      '--evidence',
      HOSTILE_EVIDENCE,
      '--at',
      AT,
    ]);
    expect(done.code, done.stderr).toBe(0);
    expect(terminalLive(printed(done))).toEqual([]);
    expect(done.stdout).toContain('\u241b[2J\u241b[31mred');
    expect(done.stdout).toContain('invoice<U+202E>fdp.exe');

    const skip = cli(['skip', '1backup.customer.restore-test', '--reason', hostileText('\n'), '--at', AT]);
    expect(skip.code, skip.stderr).toBe(0);
    expect(terminalLive(printed(skip))).toEqual([]);

    const json = cli(['done', 'website', 'backup', '--note', hostileText(' '), '--at', AT, '--json']);
    expect(terminalLive(printed(json))).toEqual([]);

    for (const args of [
      ['history', 'website', 'backup'],
      ['history', '1backup.customer.restore-test'],
      ['digest'],
      ['pending', 'all'],
      ['export', '--format', 'csv'],
      ['export', '--format', 'json'],
      ['tick', '--at', '2026-12-01T11:00:00+01:00'],
    ]) {
      const run = cli(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(terminalLive(printed(run)), args.join(' ')).toEqual([]);
    }
    // The note is still readable where it is shown: the history line and the JSON export.
    const history = cli(['history', 'website', 'backup']).stdout;
    expect(history).toContain('\u241b]8;;https://evil.example/osc\u2407click me');
    expect(history).toContain('ok \u2424 ');
    const exported = JSON.parse(cli(['export', '--format', 'json']).stdout) as { entries: { note?: string }[] };
    expect(JSON.stringify(exported)).toContain(JSON.stringify(hostileText('\n')).slice(1, -1));
  });

  it('keeps the terminal chat inert, echoes of typed duty names included', () => {
    const lines = [
      'history website backup',
      'digest',
      'pending all',
      `done ${hostileLine()}`,
      `who checks backups? ${hostileLine()}`,
    ];
    const chat = cli(['chat'], { input: `${lines.join('\n')}\n` });
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('pwned title');
    expect(terminalLive(printed(chat))).toEqual([]);
  });

  it('neutralises each hostile string on its own with the plain-text rule', () => {
    for (const hostile of HOSTILE_STRINGS) {
      expect(terminalLive(inertPlain(hostile)), JSON.stringify(hostile)).toEqual([]);
    }
  });
});
