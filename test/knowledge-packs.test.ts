import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { createDutybot } from '../src/bot/dutybot.js';
import type { Conversation, DutybotCore } from '../src/bot/types.js';
import { lintKnowledge } from '../src/knowledge/lint.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { scheduledDuties } from '../src/occurrences/resolve.js';
import { applySetting } from '../src/settings/edit.js';
import { defaultSettings } from '../src/settings/schema.js';
import { renderAnswerText } from '../src/views/answer-text.js';
import { RecordingMessenger } from './support/scheduler-messenger.js';

/**
 * A second knowledge pack, for an invented provider (test/fixtures/packs/quokka): the same engine
 * answers it in both languages, abstains outside it, schedules its duties and lints it, with no
 * TypeScript written for it. Neither pack's words answer the other's questions.
 */
const QUOKKA = join(import.meta.dirname, 'fixtures', 'packs', 'quokka');
const quokka = loadKnowledge(QUOKKA);
const coretech = loadKnowledge();
const ids = (question: string, knowledge = quokka) => answer(question, knowledge).matches.map((m) => m.id);
const abstains = (question: string, knowledge = quokka) => answer(question, knowledge).matches.length === 0;

describe('a second pack answers with the same engine', () => {
  it('loads from its folder, with its own lexicon beside the document file', () => {
    expect(quokka.document.provider).toBe('Quokka');
    expect(quokka.services.map((s) => s.id)).toEqual(['qdrive', 'qmail', 'qdesk']);
    expect(quokka.lexiconFile).toBe(join(QUOKKA, 'lexicon.yaml'));
    expect(new Set(quokka.duties.map((d) => d.party))).toEqual(new Set(['provider', 'customer']));
  });

  it('answers English questions: who, how often, how long, where', () => {
    expect(ids('who checks the quarantine on QMail?')[0]).toBe('qmail.customer.quarantine-check');
    expect(ids('how often do we review the shared links?')[0]).toBe('qdrive.customer.shared-links-review');
    expect(ids('how long are deleted files kept?')[0]).toBe('qdrive.provider.recycle-retention');
    expect(ids('where are the data centres?')[0]).toBe('data-location');
    expect(ids('does Quokka scan our mail for malware?')[0]).toBe('qmail.provider.malware-scan');
    expect(ids('is Quokka the data controller or the processor?')[0]).toBe('quokka-role');
  });

  it('answers the same questions in Italian', () => {
    expect(ids('chi controlla la quarantena di QMail?')[0]).toBe('qmail.customer.quarantine-check');
    expect(ids('ogni quanto dobbiamo rivedere i link condivisi?')[0]).toBe('qdrive.customer.shared-links-review');
    expect(ids('per quanto tempo restano i file cancellati?')[0]).toBe('qdrive.provider.recycle-retention');
    expect(ids('dove si trovano i data centre?')[0]).toBe('data-location');
  });

  it("finds the provider's and the customer's side of the pack's own subjects", () => {
    expect(ids('we got a phishing message, what now?')[0]).toBe('qmail.customer.forward-phishing');
    expect(ids('can Quokka export our tickets?')[0]).toBe('qdesk.provider.history-export');
    expect(ids('who exports the ticket history on QDesk?')[0]).toBe('qdesk.provider.history-export');
  });

  it("renders the provider's name, its service names and its erratum in the reply language", () => {
    const english = renderAnswerText(answer('who exports the ticket history on QDesk?', quokka).view);
    expect(english).toContain('Quokka');
    expect(english).toContain('QDesk - Helpdesk');
    expect(english).toContain('mailbox history');
    const italian = renderAnswerText(answer('chi esporta lo storico dei ticket di QDesk?', quokka).view);
    expect(italian).toContain('Esportare lo storico dei ticket su richiesta del cliente');
  });

  it("reads the pack's parts of a service as a hint at it, and as a subject of their own beside another service", () => {
    // "Subfolder" and "macro" are no words of the document: its lexicon lists them as parts.
    expect(ids('how long is a deleted subfolder kept?')[0]).toBe('qdrive.provider.recycle-retention');
    expect(ids('per quanto tempo resta una sottocartella cancellata?')[0]).toBe('qdrive.provider.recycle-retention');
    expect(ids('chi decide quali agenti vedono le macro?')[0]).toBe('qdesk.customer.agent-access');
    expect(abstains('how long is a deleted subfolder kept on QMail?')).toBe(true);
    expect(abstains('macros?')).toBe(true);
    expect(abstains('what is a subfolder?')).toBe(true);
  });

  it('abstains outside its document, in both languages', () => {
    for (const question of [
      'what is the weather in Lisbon?',
      'how much does QDrive cost?',
      'che tempo fa a Lisbona?',
      'do you support AWS S3 buckets?',
      'how do I install the QMail app on my phone?',
    ])
      expect(abstains(question), question).toBe(true);
  });

  it("does not answer from the other pack's words, and the other pack does not answer its", () => {
    for (const question of [
      'who handles backups on RocketWeb?',
      'chi fa il backup su RocketWeb?',
      'is CoreTech a CISPE member?',
      'what must we do for Sygma Connect?',
    ])
      expect(abstains(question), `Quokka pack: ${question}`).toBe(true);
    for (const question of [
      'who checks the quarantine on QMail?',
      'chi controlla la quarantena di QMail?',
      'what must we do on QDesk?',
    ])
      expect(abstains(question, coretech), `CoreTech pack: ${question}`).toBe(true);
  });
});

describe('a second pack is scheduled by the same rules', () => {
  it("schedules the customer's duties on every service by default ('all'), ongoing ones as a quarterly review", () => {
    const planned = scheduledDuties(quokka, defaultSettings()).map((s) => [s.duty.id, s.schedule.cadence]);
    expect(planned).toEqual([
      ['qdrive.customer.shared-links-review', 'monthly'],
      ['qdrive.customer.two-step-login', 'quarterly'],
      ['qmail.customer.quarantine-check', 'weekly'],
      ['qdesk.customer.ticket-data-cleanup', 'quarterly'],
      ['qdesk.customer.agent-access', 'quarterly'],
    ]);
    const onlyMail = scheduledDuties(quokka, defaultSettings({ services: ['qmail'] })).map((s) => s.duty.id);
    expect(onlyMail).toEqual(['qmail.customer.quarantine-check']);
  });

  it("checks the services setting against this pack's services", () => {
    const known = { dutyIds: new Set(quokka.dutyById.keys()), serviceIds: [...quokka.serviceById.keys()] };
    const ok = applySetting(defaultSettings(), 'services', 'qmail', known);
    expect(ok.ok && ok.value.settings.services).toEqual(['qmail']);
    const refused = applySetting(defaultSettings(), 'services', 'qmail,rocketweb', known);
    expect(refused).toMatchObject({
      ok: false,
      problem: { detail: 'services.1: "rocketweb" is not a service: expected one of "qdrive"|"qmail"|"qdesk"' },
    });
  });

  describe('through the facade, on a real store', () => {
    const here: Conversation = { workspaceId: 'quokka-ws', platform: 'local', channelId: 'terminal' };
    const messenger = new RecordingMessenger();
    let dir = '';
    let bot: DutybotCore;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dutybot-quokka-'));
      // Installed on a Monday: the weekly quarantine check falls due at the next reminder time.
      const installed = new Date('2026-09-07T06:00:00Z');
      bot = await createDutybot({
        databaseUrl: `sqlite:${join(dir, 'store.sqlite')}`,
        knowledgePath: QUOKKA,
        clock: () => installed,
      });
      bot.useMessenger('local', messenger);
      await bot.ensureWorkspace(here, 'admin');
    });
    afterAll(async () => {
      await bot?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("reminds the pack's own duties and answers from its own pack", async () => {
      const report = await bot.tick(new Date('2026-09-14T07:05:00Z'));
      const reminded = report.deliveries.filter((d) => d.kind === 'reminder').map((d) => d.dutyId);
      expect(reminded).toContain('qmail.customer.quarantine-check');
      expect(reminded.every((id) => id !== null && quokka.dutyById.has(id))).toBe(true);
      const sent = messenger.posts.map((p) => JSON.stringify(p.message));
      expect(sent.some((message) => message.includes('Quarantine check'))).toBe(true);
      expect(sent.join('\n')).not.toMatch(/CoreTech|RocketWeb/);
    });
  });
});

describe('knowledge lint on any pack', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dutybot-pack-lint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes both packs, given by folder', () => {
    for (const folder of [QUOKKA, join(import.meta.dirname, '..', 'knowledge')]) {
      const result = lintKnowledge(folder);
      expect(result.lines.join('\n'), folder).toMatch(/Lexicon: .*lexicon\.yaml: valid/);
      expect(result.ok, result.lines.join('\n')).toBe(true);
    }
  });

  it("names the lexicon's file, YAML path, line and column for each problem", () => {
    const pack = join(dir, 'broken');
    cpSync(QUOKKA, pack, { recursive: true });
    const lexicon = join(pack, 'lexicon.yaml');
    const text = readFileSync(lexicon, 'utf8')
      .replace('  retention: retention\n', '  retention: retension\n')
      .replace('    topics: [replication]\n', '    topics: [replication]\n    wieght: 2\n');
    writeFileSync(lexicon, text);
    const result = lintKnowledge(pack);
    expect(result.ok).toBe(false);
    const report = result.lines.join('\n');
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(report).toContain(
      `lexicon.yaml: concept_rules.retention: unknown concept retension (line ${line('retention: retension')}, column 14)`,
    );
    expect(report).toMatch(
      // The entry holding the stray key: its first line, under "replication:".
      new RegExp(
        `lexicon\\.yaml: concepts\\.replication: Unrecognized key: "wieght" \\(line ${line('replication:') + 1}, column 5\\)`,
      ),
    );
  });

  it('refuses lexicon words for a service the pack does not have, a part that is already a name, and a folder that is not a pack', () => {
    const pack = join(dir, 'stray-brand');
    cpSync(QUOKKA, pack, { recursive: true });
    const lexicon = join(pack, 'lexicon.yaml');
    writeFileSync(lexicon, readFileSync(lexicon, 'utf8').replace('brands:\n', 'brands:\n  rocketweb: [rocketweb]\n'));
    expect(lintKnowledge(pack).lines).toContain(
      'error: test-temp: brands.rocketweb: not a service of the pack'.replace('test-temp', join(pack, 'lexicon.yaml')),
    );
    const parts = join(pack, '..', 'stray-part');
    cpSync(QUOKKA, parts, { recursive: true });
    const partsLexicon = join(parts, 'lexicon.yaml');
    const text = readFileSync(partsLexicon, 'utf8')
      .replace('[macro, macros]', '[helpdesk, macro, macros]')
      .replace('[subfolder, subfolders]', '[subfolder, sub folders]');
    writeFileSync(
      partsLexicon,
      text.replace('service_aliases: {}', 'service_aliases:\n  qdesk: {en: [helpdesk], it: []}'),
    );
    const written = readFileSync(partsLexicon, 'utf8').split('\n');
    const row = (needle: string) => written.findIndex((l) => l.includes(needle)) + 1;
    const report = lintKnowledge(parts).lines;
    expect(report).toContain(
      `error: ${partsLexicon}: service_parts.qdesk.en[0]: "helpdesk" is already an alias of qdesk (line ${row('[helpdesk, macro')}, column 10)`,
    );
    expect(report).toContain(
      `error: ${partsLexicon}: service_parts.qdrive.en[1]: a part is one word of letters and digits (line ${row('sub folders')}, column 21)`,
    );
    const empty = join(dir, 'empty');
    cpSync(join(QUOKKA, 'sources'), join(empty, 'sources'), { recursive: true });
    const none = lintKnowledge(empty);
    expect(none.ok).toBe(false);
    expect(none.lines.join('\n')).toContain('not a knowledge pack: no document file');
  });
});
