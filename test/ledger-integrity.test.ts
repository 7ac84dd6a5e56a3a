import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderReply as renderSlackReply } from '../adapters/slack/blocks/reply.js';
import { RenderContext } from '../adapters/teams/cards/context.js';
import { renderReply as renderTeamsReply } from '../adapters/teams/cards/reply.js';
import type { Actor } from '../src/bot/types.js';
import { parseCommand } from '../src/commands/grammar.js';
import { replyText } from '../src/views/text.js';
import type { Reply } from '../src/views/types.js';
import { admin, alice, bob, useCommandBot } from './support/command-bot.js';

/**
 * Issue 10, "Ledger integrity", through the facade on a real SQLite file. The workspace is
 * installed on Tuesday 1 December 2026 at 10:00 in Rome: November (and every earlier period)
 * had ended by then; December's monthly occurrence and 1 December's daily one were open.
 */
const now = new Date('2026-12-01T09:00:00Z');
const { here, bot: current, ledgerSize } = useCommandBot('integrity', now);

async function run(text: string, actor: Actor = admin, extra: { idempotencyKey?: string; at?: Date } = {}) {
  return current().handle({
    text,
    actor,
    conversation: here,
    now: extra.at ?? now,
    idempotencyKey: extra.idempotencyKey,
  });
}

async function refused(text: string, code: string, actor: Actor = admin): Promise<Extract<Reply, { kind: 'error' }>> {
  const before = await ledgerSize();
  const reply = await run(text, actor);
  expect(reply.kind, JSON.stringify(reply)).toBe('error');
  if (reply.kind !== 'error') throw new Error('not refused');
  expect(reply.code).toBe(code);
  expect(await ledgerSize()).toBe(before);
  return reply;
}

describe('periods a confirmation may name', () => {
  it('refuses a period that ended before the workspace existed (seen: 2018-03-05 recorded)', async () => {
    const daily = await refused('done check backup integrity sygma for 2018-03-05 -- never happened', 'bad_value');
    expect(daily.message).toMatch(/2018-03-05 .*had already ended when dutybot was set up here/);
    expect(daily.hint).toMatch(/--backfill/);
    await refused('done website backup for 2026-11', 'bad_value');
  });

  it('refuses a future period and a malformed one, naming the formats of the cadence (seen: "for banana" ignored)', async () => {
    await refused('done website backup for 2027-01', 'not_due_yet');
    const banana = await refused('done website backup for banana', 'bad_value');
    expect(banana.message).toMatch(/"banana" is not a period of .*YYYY-MM, e\.g\. 2026-12/);
    expect(banana.hint).toMatch(/2026-11-30 .*2026-W49 .*2026-11 .*2026-B6 .*2026-Q4/);
    const withNote = await refused('done website backup for banana -- all good', 'bad_value');
    expect(withNote.message).toMatch(/"banana"/);
    const daily = await refused('skip check backup integrity sygma --for 2026-13-45 -- x', 'bad_value');
    expect(daily.message).toMatch(/YYYY-MM-DD/);
    const it = await refused('fatto backup sito per banana', 'bad_value');
    expect(it.message).toMatch(/non è un periodo di .*AAAA-MM/);
  });

  it('confirms the occurrences open at install as usual', async () => {
    const reply = await run('done check backup integrity sygma for 2026-12-01 -- checked');
    expect(reply).toMatchObject({ kind: 'confirmed', confirmation: { occurrence: '2026-12-01', status: 'done' } });
    if (reply.kind === 'confirmed') expect(reply.confirmation.backfill).toBeUndefined();
  });

  it('lets only an admin record a backfill, with a reason, marked as such', async () => {
    await refused('done website backup for 2026-10 --backfill', 'bad_usage');
    await refused('done website backup for 2026-10 --backfill -- from the paper log', 'forbidden', bob);
    await refused('done website backup for 2026-12 --backfill -- not needed', 'bad_value');
    const reply = await run('done website backup for 2026-10 --backfill -- from the paper log');
    expect(reply).toMatchObject({
      kind: 'confirmed',
      confirmation: { occurrence: '2026-10', status: 'done', backfill: true, reason: 'from the paper log' },
    });
    const entries = await current().store.ledgerEntries('integrity');
    expect(entries.at(-1)?.payload).toMatchObject({ backfill: true, occurrence: '2026-10' });

    // Every view marks it: text, Slack, Teams, and the export column.
    const history = await run('history website backup');
    if (history.kind !== 'history') throw new Error(JSON.stringify(history));
    const [entry] = history.entries;
    expect(entry).toMatchObject({ backfill: true });
    expect(replyText(history)).toMatch(/2026-10 done \(backfill\) by @admin/);
    expect(JSON.stringify(renderSlackReply(history).blocks)).toMatch(/done \(backfill\)/);
    const teams = renderTeamsReply(history, new RenderContext('en', new Map(), () => 'Website backup'));
    expect(JSON.stringify(teams.card)).toMatch(/done \(backfill\)/);
    const italian = renderTeamsReply(
      { ...history, lang: 'it' },
      new RenderContext('it', new Map(), () => 'Backup sito'),
    );
    expect(JSON.stringify(italian.card)).toMatch(/fatto \(recupero\)/);
    const csv = await run('export csv');
    if (csv.kind !== 'export') throw new Error(JSON.stringify(csv));
    const rows = parse(csv.content, { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.backfill === 'true').map((r) => r.occurrence)).toEqual(['2026-10']);
    const json = await run('export json');
    if (json.kind !== 'export') throw new Error(JSON.stringify(json));
    expect(json.content).toMatch(/"backfill":"true"/);
  });
});

describe('one closing per occurrence, and reopen', () => {
  it('tells a second closing who closed the occurrence and when, and writes nothing (seen: closed twice)', async () => {
    const first = await run('done restore test 1backup -- restored', alice, { idempotencyKey: 'modal-1' });
    expect(first).toMatchObject({ kind: 'confirmed', duplicate: false });
    // A stale card / second modal naming the same period explicitly.
    const stale = await refused('skip restore test 1backup for 2026-12 -- never happened', 'already_closed', bob);
    expect(stale.message).toMatch(/already done by \{\{user:alice\}\} on .*nothing was written/);
    expect(stale.hint).toMatch(/reopen <duty> for 2026-12 -- <reason>/);
  });

  it('reopens (owner or admin only, with a reason), then accepts the next confirmation', async () => {
    const duty = 'stellar.check-vm-backup';
    const first = await run(`done ${duty} -- ok`, alice);
    if (first.kind !== 'confirmed') throw new Error(JSON.stringify(first));
    const period = first.confirmation.occurrence;
    await refused(`reopen ${duty} for ${period} -- wrong`, 'forbidden', bob);
    await refused(`reopen ${duty} -- wrong`, 'bad_usage');
    await refused(`reopen ${duty} for ${period}`, 'bad_usage');
    await refused(`reopen 1backup.restore-test for 2026-11 -- nothing there`, 'bad_value');
    const before = await ledgerSize();
    const reopened = await run(`reopen ${duty} for ${period} -- recorded by mistake`);
    expect(reopened).toMatchObject({
      kind: 'confirmed',
      confirmation: { status: 'reopened', reason: 'recorded by mistake', by: 'admin' },
    });
    expect(await ledgerSize()).toBe(before + 1);
    expect((await current().store.ledgerEntries('integrity')).at(-1)?.kind).toBe('reopen');
    const redo = await run(`skip ${duty} -- server retired`, alice);
    expect(redo).toMatchObject({ kind: 'confirmed', confirmation: { status: 'skipped', occurrence: period } });
    const it = await run(`riapri ${duty} per ${period} -- errore`);
    expect(it).toMatchObject({ kind: 'confirmed', lang: 'it', confirmation: { status: 'reopened' } });
    const history = await run(`history ${duty}`);
    expect(history.kind).toBe('history');
    if (history.kind === 'history')
      expect(history.entries.map((e) => e.status)).toEqual(['reopened', 'skipped', 'reopened', 'done']);
    expect((await current().store.verifyLedger('integrity')).ok).toBe(true);
  });
});

describe('the head leaves the database', () => {
  it('states the current head hash and entry count in every digest, on every surface', async () => {
    const head = await current().store.ledgerHead('integrity');
    const reply = await run('digest');
    if (reply.kind !== 'digest') throw new Error(JSON.stringify(reply));
    const line = `Ledger head: ${head!.seq} entries, #${head!.seq} ${head!.hash}`;
    expect(reply.digest.ledgerHead).toBe(line);
    expect(replyText(reply)).toContain(line);
    expect(JSON.stringify(renderSlackReply(reply).blocks)).toContain(line);
    const teams = renderTeamsReply(reply, new RenderContext('en', new Map(), () => 'Website backup'));
    expect(JSON.stringify(teams.card)).toContain(head!.hash);
  });

  it('audit states the head; --against a head noted earlier passes while the ledger extends it', async () => {
    const before = await current().store.ledgerHead('integrity');
    const head = await run('audit head');
    expect(head).toMatchObject({
      kind: 'audit',
      ok: true,
      message: `Ledger head: ${before!.seq} entries, #${before!.seq} ${before!.hash}`,
    });
    await run('done stellar.check-backup-results -- checked');
    const against = await run(`audit verify --against ${before!.seq}:${before!.hash}`);
    expect(against).toMatchObject({ kind: 'audit', ok: true });
    if (against.kind === 'audit') expect(against.message).toMatch(/still extends the head you noted/);
    const wrong = await run(`audit verify --against ${before!.seq}:${'0'.repeat(64)}`);
    expect(wrong).toMatchObject({ kind: 'audit', ok: false });
    if (wrong.kind === 'audit') expect(wrong.message).toMatch(/now has a different hash/);
    const italian = await run(`verifica contro ${before!.seq + 100}:${before!.hash}`);
    expect(italian).toMatchObject({ kind: 'audit', ok: false, lang: 'it' });
    if (italian.kind === 'audit') expect(italian.message).toMatch(/non esiste più/);
    expect((await run('audit head', bob)).kind).toBe('error');
  });
});

describe('length limits in the core', () => {
  it('refuses an overlong note, reason or evidence link with a clear error', async () => {
    const note = await refused(`done stellar.check-backup-results -- ${'n'.repeat(1001)}`, 'bad_value');
    expect(note.message).toMatch(/The note is too long \(1001 characters; at most 1000\)/);
    const reason = await refused(`skip stellar.check-backup-results -- ${'r'.repeat(501)}`, 'bad_value');
    expect(reason.message).toMatch(/The reason is too long \(501 characters; at most 500\)/);
    const url = await refused(
      `done stellar.check-backup-results --evidence https://e.example.com/${'u'.repeat(2000)}`,
      'bad_value',
    );
    expect(url.message).toMatch(/The evidence link is too long/);
    const reopen = await refused(`reopen stellar.check-backup-results for 2026-12 -- ${'r'.repeat(501)}`, 'bad_value');
    expect(reopen.message).toMatch(/too long/);
  });
});

describe('grammar', () => {
  it('reads reopen, riapri and --backfill', () => {
    expect(parseCommand('reopen website backup for 2026-11 -- recorded by mistake')).toEqual({
      command: { name: 'reopen', ref: 'website backup', occurrence: '2026-11', reason: 'recorded by mistake' },
      lang: 'en',
    });
    expect(parseCommand('riapri backup sito per 2026-Q4 -- errore')).toMatchObject({
      command: { name: 'reopen', occurrence: '2026-Q4' },
      lang: 'it',
    });
    expect(parseCommand('done website backup for 2026-10 --backfill -- paper log')).toMatchObject({
      command: { name: 'done', ref: 'website backup', occurrence: '2026-10', backfill: true, note: 'paper log' },
    });
    expect(parseCommand('done website backup for banana')).toMatchObject({
      command: { name: 'done', ref: 'website backup', occurrence: 'banana' },
    });
  });
});
