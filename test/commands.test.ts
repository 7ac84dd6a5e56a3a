import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/bot/types.js';
import type { Reply } from '../src/views/types.js';
import { admin, alice, bob, useCommandBot } from './support/command-bot.js';

/**
 * The command layer end to end through the facade, on a real SQLite file: every bad input gets
 * a helpful reply and changes nothing; confirmations are recorded once.
 */

// Tuesday 1 December 2026, 10:00 in Rome: December's monthly duties fell due at 09:00.
const now = new Date('2026-12-01T09:00:00Z');
const { here, bot: current, ledgerSize } = useCommandBot('local', now);

async function run(text: string, actor: Actor = admin, extra: { idempotencyKey?: string; at?: Date } = {}) {
  return current().handle({
    text,
    actor,
    conversation: here,
    now: extra.at ?? now,
    idempotencyKey: extra.idempotencyKey,
  });
}

function expectError(reply: Reply, code: string) {
  expect(reply.kind).toBe('error');
  if (reply.kind !== 'error') return reply as never;
  expect(reply.code).toBe(code);
  expect(reply.message.length).toBeGreaterThan(10);
  return reply;
}

describe('confirmations', () => {
  it('records a done with note and evidence, once per idempotency key', async () => {
    const text = 'done website backup -- full backup to NAS https://nas.example.com/report/1';
    const first = await run(text, admin, { idempotencyKey: 'k-1' });
    expect(first).toMatchObject({
      kind: 'confirmed',
      duplicate: false,
      confirmation: {
        dutyId: 'rocketweb.customer.website-backup',
        occurrence: '2026-12',
        status: 'done',
        by: 'admin',
        note: 'full backup to NAS',
        evidenceUrl: 'https://nas.example.com/report/1',
      },
    });
    const size = await ledgerSize();
    const again = await run(text, admin, { idempotencyKey: 'k-1' });

    expect(again).toMatchObject({ kind: 'confirmed', duplicate: true });
    expect(await ledgerSize()).toBe(size);
    // Typed again without a platform id: the period is closed, and the reply says by whom.
    const closed = expectError(await run('done website backup'), 'not_due_yet');
    expect(closed.message).toMatch(/already done .*\{\{user:admin\}\}/);
    expect(await ledgerSize()).toBe(size);
    const history = await run('history rocketweb.website-backup');
    expect(history.kind).toBe('history');
    if (history.kind === 'history') expect(history.entries).toHaveLength(1);
  });

  it('splits a trailing note from the duty words without a separator', async () => {
    const reply = await run('done restore test 1backup all mailboxes restored');
    expect(reply).toMatchObject({
      kind: 'confirmed',
      confirmation: { dutyId: '1backup.customer.restore-test', note: 'all mailboxes restored' },
    });
  });

  it('requires a reason to skip', async () => {
    const before = await ledgerSize();
    expectError(await run('skip restore test mailarchive'), 'bad_usage');
    expect(await ledgerSize()).toBe(before);
    const ok = await run('skip restore test mailarchive -- archive migration this month');
    expect(ok).toMatchObject({
      kind: 'confirmed',
      confirmation: { status: 'skipped', reason: 'archive migration this month' },
    });
  });

  it('snoozes until a moment it can explain, and refuses nonsense durations', async () => {
    const reply = await run('snooze data export sygma tomorrow');
    expect(reply).toMatchObject({
      kind: 'confirmed',
      confirmation: { status: 'snoozed', snoozedUntil: '2026-12-02T08:00:00.000Z' },
    });
    expectError(await run('snooze data export sygma 400d'), 'bad_value');
  });

  it('refuses an unknown duty with suggestions, and changes nothing', async () => {
    const before = await ledgerSize();
    const reply = expectError(await run('done quantum flux capacitor'), 'unknown_duty');
    expect(reply.hint).toMatch(/pending/);
    expect(await ledgerSize()).toBe(before);
  });

  it('lists candidates for an ambiguous reference and changes nothing', async () => {
    const before = await ledgerSize();
    const reply = expectError(await run('done restore test'), 'ambiguous_duty');
    expect(reply.candidates.map((c) => c.id)).toEqual(
      expect.arrayContaining(['1backup.customer.restore-test', 'mailarchive.customer.restore-test']),
    );
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses a bad evidence link', async () => {
    const before = await ledgerSize();
    expectError(await run('done check backup results 1backup --evidence ftp://files/report'), 'bad_value');
    const button = await current().confirm({
      actor: admin,
      conversation: here,
      dutyId: '1backup.customer.check-backup-results',
      occurrence: '2026-12-01',
      status: 'done',
      evidenceUrl: 'javascript:alert(1)',
      idempotencyKey: 'button-1',
      now,
    });
    expectError(button, 'bad_value');
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses an occurrence that is not due yet, explaining when it is due', async () => {
    const reply = expectError(await run('done website backup for 2027-01'), 'not_due_yet');
    expect(reply.message).toMatch(/2027/);
  });

  it('refuses duties that are not scheduled (CoreTech duties, on-event duties)', async () => {
    const reply = await current().confirm({
      actor: admin,
      conversation: here,
      dutyId: 'rocketweb.customer.report-anomalies',
      occurrence: '2026-12',
      status: 'done',
      idempotencyKey: 'x',
      now,
    });
    expectError(reply, 'not_scheduled');
  });
});

describe('permissions and assignments', () => {
  it('only admins assign; owners and admins confirm; assignments feed the answers', async () => {
    const before = await ledgerSize();
    expectError(await run('assign rocketweb {{user:bob}}', bob), 'forbidden');
    expect(await ledgerSize()).toBe(before);

    expect(await run('assign rocketweb {{user:alice}}')).toMatchObject({ kind: 'updated' });
    expectError(await run('done resource usage check', bob), 'forbidden');
    expect(await run('done resource usage check', alice)).toMatchObject({
      kind: 'confirmed',
      confirmation: { by: 'alice' },
    });

    const answer = await run('who handles backups on RocketWeb?', bob);
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') {
      const customer = answer.answer.items.find((i) => i.performer?.party === 'customer');
      expect(customer?.performer?.ownerIds).toEqual(['alice']);
    }
  });

  it('keeps settings, export and audit for admins', async () => {
    expectError(await run('settings set timezone UTC', bob), 'forbidden');
    expectError(await run('export csv', bob), 'forbidden');
    expectError(await run('audit', bob), 'forbidden');
  });
});

describe('settings', () => {
  it('refuses a bad time zone naming the setting, and keeps the old value', async () => {
    const reply = expectError(await run('settings set timezone Mars/Olympus_Mons'), 'bad_value');
    expect(reply.message).toMatch(/timezone/);
    expect(reply.message).toMatch(/IANA/);
    expect((await current().store.getWorkspace('local'))?.settings.timezone).toBe('Europe/Rome');
  });

  it('changes a setting and records it in the ledger', async () => {
    expect(await run('settings set reminder_time 08:30')).toMatchObject({ kind: 'updated' });
    expect((await current().store.getWorkspace('local'))?.settings.reminder_time).toBe('08:30');
    const entries = await current().store.ledgerEntries('local');
    expect(entries.at(-1)).toMatchObject({ kind: 'settings.changed', actor: 'admin' });
  });

  it('answers help and settings show in the language of the command word', async () => {
    expect(await run('aiuto')).toMatchObject({ kind: 'help', lang: 'it' });
    expect(await run('settings show', bob)).toMatchObject({ kind: 'settings', lang: 'en' });
  });
});

describe('exports and audit', () => {
  it('refuses a bad date', async () => {
    const reply = expectError(await run('export csv from 2026-13-40'), 'bad_value');
    expect(reply.message).toMatch(/2026-13-40/);
  });

  it('exports the ledger with chain hashes and verifies it', async () => {
    const csv = await run('export csv');
    expect(csv.kind).toBe('export');
    if (csv.kind === 'export') {
      expect(csv.entries).toBeGreaterThan(3);
      expect(csv.content.split('\n')[0]).toMatch(/hash/);
      expect(csv.content).toContain('rocketweb.customer.website-backup');
    }
    expect(await run('audit')).toMatchObject({ kind: 'audit', ok: true });
  });
});

describe('unknown commands and usage', () => {
  it('explains usage when a command is incomplete', async () => {
    const reply = expectError(await run('snooze website backup'), 'bad_usage');
    expect(reply.hint).toMatch(/snooze <duty> <duration>/);
  });
});

describe('command values built by a surface (Dutybot.run)', () => {
  it('records a note and a skip reason exactly as given, for the current occurrence', async () => {
    const text = 'checked for 2026-11 -- see https://x.example/a | all good';
    const input = { actor: admin, conversation: here, now };
    const done = await current().run(
      {
        command: { name: 'done', ref: 'stellar.check-backup-results', note: text, evidenceUrl: null, occurrence: null },
        lang: null,
      },
      input,
    );
    expect(done).toMatchObject({
      kind: 'confirmed',
      confirmation: {
        dutyId: 'stellar.customer.check-backup-results',
        occurrence: '2026-12-01',
        note: text,
        evidenceUrl: null,
      },
    });
    const skipped = await current().run(
      { command: { name: 'skip', ref: 'stellar.check-vm-backup', reason: text, occurrence: null }, lang: null },
      input,
    );
    expect(skipped).toMatchObject({
      kind: 'confirmed',
      confirmation: { dutyId: 'stellar.customer.check-vm-backup', status: 'skipped', reason: text },
    });
  });

  it('answers a usage error like a typed command', async () => {
    const before = await ledgerSize();
    const reply = await current().run(
      { error: 'usage', command: 'snooze', lang: null, problem: 'missing_duration' },
      { actor: admin, conversation: here, now },
    );
    expect(expectError(reply, 'bad_usage').hint).toMatch(/^Usage: snooze <duty> <duration>/);
    expect(await ledgerSize()).toBe(before);
  });
});
