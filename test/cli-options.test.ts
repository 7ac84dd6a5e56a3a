import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedEarlier, useCli } from './support/cli.js';

/**
 * How the CLI reads its arguments: duty words are chat words, option values are taken as typed
 * (never re-read as grammar), and usage mistakes are explained in CLI syntax.
 */

const { run: cli, dir } = useCli('options.sqlite');

describe('`--` separates the note, it does not swallow the options after it', () => {
  it('records as --by, at --at, with only the note as note', () => {
    installedEarlier(cli, join(dir(), 'options.sqlite'));
    const { code, stdout } = cli([
      'done',
      'check',
      'backup',
      'results',
      '1backup',
      // The day it closes, named: the test does not depend on the day it runs.
      'for',
      '2026-11-30',
      '--',
      'checked',
      '--at',
      '2026-11-30T10:00:00+01:00',
      '--by',
      'bob',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Recorded: "Check backup results daily" (Monday 30 November 2026) is done.');
    // Shown in the workspace's time zone (Europe/Rome by default).
    expect(stdout).toContain('2026-11-30 10:00 2026-11-30 done by @bob · note: checked ·');
    expect(stdout).not.toContain('--at');
  });

  it('passes a negative number to the setting, which refuses it with what is allowed', () => {
    const { code, stderr } = cli(['settings', 'set', 'escalation.follow_up_after_working_days', '-1']);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Setting "escalation.follow_up_after_working_days" was not changed: use a whole number of working days from 1 to 30.',
    );
    expect(stderr).not.toContain('Unknown option');
  });
});

describe('export --out', () => {
  it('says plainly when the file cannot be written', () => {
    const { code, stderr } = cli(['export', '--out', join(dir(), 'missing-dir', 'ledger.csv')]);
    expect(code).toBe(1);
    expect(stderr).toBe(`dutybot: cannot write ${join(dir(), 'missing-dir', 'ledger.csv')}: ENOENT\n`);
  });
});

describe('option values are kept as typed', () => {
  const note = 'restored for 2026-11 see https://x.example/a';

  it('keeps a --note verbatim and records the current occurrence', () => {
    const { code, stdout } = cli([
      'done',
      'restore',
      'test',
      '1backup',
      '--note',
      note,
      '--at',
      '2026-12-01T10:00:00+01:00',
      '--json',
    ]);
    expect(code).toBe(0);
    const reply = JSON.parse(stdout);
    expect(reply.confirmation).toMatchObject({
      dutyId: '1backup.customer.restore-test',
      occurrence: '2026-12',
      status: 'done',
      note,
      evidenceUrl: null,
    });
  });

  it('keeps a --reason verbatim and records the current occurrence', () => {
    const { code, stdout } = cli([
      'skip',
      'website',
      'backup',
      '--reason',
      note,
      '--at',
      '2026-12-01T10:00:00+01:00',
      '--json',
    ]);
    expect(code).toBe(0);
    const reply = JSON.parse(stdout);
    expect(reply.confirmation).toMatchObject({
      dutyId: 'rocketweb.customer.website-backup',
      occurrence: '2026-12',
      status: 'skipped',
      reason: note,
    });
  });
});

describe('usage mistakes are explained in CLI syntax', () => {
  it('a skip without --reason shows the --reason option, not the chat separator', () => {
    const { code, stderr } = cli([
      'skip',
      'check',
      'backup',
      'results',
      '1backup',
      '--at',
      '2026-12-02T10:00:00+01:00',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('A skip needs a reason, so the ledger explains it.');
    expect(stderr).toContain('Usage: dutybot skip <duty> --reason "…"');
    expect(stderr).not.toContain(' -- ');
  });

  it('a done without a duty shows the --note option', () => {
    const { code, stderr } = cli(['done', '--note', 'all good']);
    expect(code).toBe(1);
    expect(stderr).toContain('Which duty?');
    expect(stderr).toContain('Usage: dutybot done <duty words or id> [--note "…"]');
    expect(stderr).not.toContain('e.g. done restore test 1backup --');
  });
});
