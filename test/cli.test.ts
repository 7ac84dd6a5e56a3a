import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCli } from './support/cli.js';

/** The `dutybot` CLI as users and scripts run it: the built binary in a child process. */

const { run: cli, dir } = useCli();

describe('dutybot ask', () => {
  it('prints a plain answer that says who, how often and cites the source', () => {
    const { code, stdout } = cli(['ask', 'how long are email backups kept?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/CoreTech/);
    expect(stdout).toMatch(/60/);
    expect(stdout).toMatch(/V\.1/);
  });

  it('prints one JSON object with the contract fields', () => {
    const { code, stdout } = cli(['ask', '--json', 'chi deve fare il test di ripristino su MailArchive?']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ question: 'chi deve fare il test di ripristino su MailArchive?', lang: 'it' });
    expect(answer.matches[0]).toMatchObject({
      id: 'mailarchive.customer.restore-test',
      service: 'mailarchive',
      party: 'customer',
      text: 'Carry out a restore test at least monthly / bimonthly',
    });
    expect(typeof answer.answer).toBe('string');
  });

  it('answers one question per stdin line, in order, in batch mode', () => {
    const questions = [
      'who keeps the Sygma platform software updated?',
      "what's the capital of France?",
      'dove sono i data center di CoreTech?',
    ];
    const { code, stdout } = cli(['ask', '--json'], { input: `${questions.join('\n')}\n` });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines[0].matches[0]).toMatchObject({ service: 'sygma', party: 'provider' });
    expect(lines[1].matches).toEqual([]);
    expect(lines[2].lang).toBe('it');
  });
});

describe('dutybot knowledge commands', () => {
  it('lists services and duties', () => {
    const services = JSON.parse(cli(['services', '--json']).stdout);
    expect(services.map((s: { id: string }) => s.id)).toEqual([
      'stellar',
      'rocketweb',
      'email',
      '1backup',
      'mailarchive',
      'rocketbox',
      'rocketnews',
      'sygma',
      'sygma-connect',
    ]);
    const duties = JSON.parse(cli(['duties', '--service', 'rocketweb', '--party', 'customer', '--json']).stdout);
    expect(duties.length).toBe(8);
    expect(
      duties.every((d: { party: string; service: string }) => d.party === 'customer' && d.service === 'rocketweb'),
    ).toBe(true);
  });

  it('lints the knowledge base and reports errata', () => {
    const { code, stdout } = cli(['knowledge', 'lint']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/errat/i);
  });

  it('names the file and the field of a broken knowledge file, without a stack trace', () => {
    const broken = join(dir(), 'broken.yaml');
    writeFileSync(broken, 'document:\n  provider: CoreTech\nservices: []\nfacts: []\nerrata: []\n');
    const { code, stdout, stderr } = cli(['knowledge', 'lint', '--file', broken]);
    expect(code).toBe(1);
    const out = stdout + stderr;
    expect(out).toContain('broken.yaml');
    expect(out).toMatch(/document\.title|services/);
    expect(out).not.toMatch(/\n\s+at .*\.js:\d+/);
  });
});

describe('bad usage', () => {
  it('exits 2 with one line on stderr', () => {
    for (const args of [
      ['frobnicate'],
      ['duties', '--service', 'aws'],
      ['ask'],
      ['tick', '--at', 'next tuesday'],
      ['duties', '--colour'],
    ]) {
      const { code, stderr } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^dutybot: /);
    }
  });

  it('has --help on every command', () => {
    for (const command of [
      'ask',
      'duties',
      'services',
      'knowledge',
      'tick',
      'pending',
      'done',
      'skip',
      'snooze',
      'export',
      'audit',
      'settings',
      'history',
      'assign',
      'digest',
      'start',
      'chat',
      'workspaces',
      'status',
    ]) {
      const { code, stdout } = cli([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout).toMatch(/^dutybot /);
      expect(stdout).toMatch(/Usage:/);
    }
    expect(cli(['--help']).stdout).toMatch(/tick/);
  });
});

// The terminal's workspace is created when the first command runs, at the real time: a tick at an
// instant before it finds nothing due yet. So the instants here stay ahead of the real clock.
const YEAR = new Date().getUTCFullYear() + 1;

describe('schedule, ledger and audit from the CLI', () => {
  it('ticks, confirms, exports and verifies', () => {
    const tick = cli(['tick', '--at', `${YEAR}-12-01T09:00:00+01:00`, '--commit', '--json']);
    expect(tick.code).toBe(0);
    const deliveries = tick.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries[0]).toMatchObject({ workspace: 'local' });
    expect(
      deliveries.some(
        (d) => d.kind === 'reminder' && d.duty === 'rocketweb.customer.website-backup' && d.occurrence === `${YEAR}-12`,
      ),
    ).toBe(true);
    // The same instant again delivers nothing new.
    const again = cli(['tick', '--at', `${YEAR}-12-01T09:00:00+01:00`, '--commit', '--json']);
    expect(again.stdout.trim()).toBe('');

    const done = cli([
      'done',
      'website',
      'backup',
      '--note',
      'to NAS',
      '--evidence',
      'https://nas.example.com/1',
      '--at',
      `${YEAR}-12-01T10:00:00+01:00`,
      '--json',
    ]);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({
      kind: 'confirmed',
      confirmation: { note: 'to NAS', by: 'tester' },
    });

    const bad = cli(['done', 'website', 'backup', '--evidence', 'not-a-link', '--at', `${YEAR}-12-01T10:00:00+01:00`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a valid evidence link/);

    const csv = cli(['export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('rocketweb.customer.website-backup');
    expect(cli(['audit', 'verify']).code).toBe(0);
  });

  it('audit verify fails and names the entry when a ledger row is edited behind its back', () => {
    const tamperDb = `sqlite:${join(dir(), 'tamper.sqlite')}`;
    const env = { DATABASE_URL: tamperDb };
    expect(
      cli(['done', 'website', 'backup', '--note', 'ok', '--at', `${YEAR}-12-01T10:00:00+01:00`], { env }).code,
    ).toBe(0);
    expect(cli(['done', 'restore', 'test', '1backup', '--at', `${YEAR}-12-01T10:00:00+01:00`], { env }).code).toBe(0);
    expect(cli(['audit', 'verify'], { env }).code).toBe(0);
    const db = new Database(join(dir(), 'tamper.sqlite'));
    const row = db
      .prepare("select seq, payload from audit_log where kind = 'confirmation' order by seq limit 1")
      .get() as {
      seq: number;
      payload: string;
    };
    db.prepare('update audit_log set payload = ? where seq = ?').run(
      row.payload.replace('"ok"', '"nothing to see"'),
      row.seq,
    );
    db.close();
    const verify = cli(['audit', 'verify'], { env });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(new RegExp(`#${row.seq}\\b`));
    expect(verify.stderr).toMatch(/edited|hash/);
  });

  it('the terminal chat answers one line at a time when stdin is not a TTY', () => {
    const { code, stdout } = cli(['start'], { input: 'help\nwho keeps the Sygma platform software updated?\nexit\n' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/done <duty>/);
    expect(stdout).toMatch(/CoreTech/);
  });
});
