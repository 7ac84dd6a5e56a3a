import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type Answer, answer, answerWith, toJsonContract } from '../src/answer/answer.js';
import { compileLexicon, LexiconError, loadLexicon } from '../src/answer/lexicon.js';
import { loadQuestionSet, percent, scoreQuestionSet } from '../src/answer/question-set.js';
import { editDistance, stem } from '../src/answer/text.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';
import { defaultSettings } from '../src/settings/schema.js';
import { renderAnswerText } from '../src/views/answer-text.js';
import { mention } from '../src/views/mentions.js';

let knowledge: Knowledge;
const ask = (question: string, context?: Parameters<typeof answer>[2]): Answer => answer(question, knowledge, context);
const ids = (a: Answer) => a.matches.map((m) => m.id);

beforeAll(() => {
  knowledge = loadKnowledge();
});

describe('question set (test/questions/questions.yaml)', () => {
  it('meets the targets: ≥ 95% English, ≥ 90% Italian, every out-of-scope question abstained', () => {
    const questions = loadQuestionSet();
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const score = scoreQuestionSet(questions, (q) => ask(q));
    const report = [
      `answer engine on ${questions.length} questions:`,
      `  English       ${percent(score.en)}% (${score.en.correct}/${score.en.total})`,
      `  Italian       ${percent(score.it)}% (${score.it.correct}/${score.it.total})`,
      `  out of scope  ${percent(score.abstain)}% abstained (${score.abstain.correct}/${score.abstain.total})`,
      ...score.failures.map((f) => `  ✗ [${f.question.lang}] ${f.question.q} — ${f.problem}`),
    ];
    console.log(report.join('\n'));
    expect(score.en.total).toBeGreaterThanOrEqual(60);
    expect(score.it.total).toBeGreaterThanOrEqual(50);
    expect(score.abstain.total).toBeGreaterThanOrEqual(25);
    expect(percent(score.en)).toBeGreaterThanOrEqual(95);
    expect(percent(score.it)).toBeGreaterThanOrEqual(90);
    expect(score.abstain.correct).toBe(score.abstain.total);
  });

  it('has out-of-scope questions in both languages', () => {
    const outOfScope = loadQuestionSet().filter((q) => q.expect === 'abstain');
    expect(outOfScope.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(10);
    expect(outOfScope.filter((q) => q.lang === 'it').length).toBeGreaterThanOrEqual(10);
  });
});

describe('public examples', () => {
  it('who handles backups on RocketWeb? → both parties on top', () => {
    const a = ask('who handles backups on RocketWeb?');
    expect(new Set(ids(a).slice(0, 2))).toEqual(
      new Set(['rocketweb.provider.backup-control', 'rocketweb.customer.website-backup']),
    );
    expect(a.view.summary).toContain('CoreTech');
    expect(a.view.summary).toContain('your team');
    const provider = a.view.items.find((i) => i.id === 'rocketweb.provider.backup-control')!;
    expect(provider.retentionDays).toBe(35);
    expect(a.matches[0]!.score).toBeGreaterThan(0);
  });

  it('how long are email backups kept? → CoreTech, 60 days', () => {
    const a = ask('how long are email backups kept?');
    expect(ids(a)[0]).toBe('email.provider.backup-control');
    expect(a.view.summary).toMatch(/60 days/);
    expect(a.view.items[0]!.performer?.label).toBe('CoreTech');
  });

  it('chi deve fare il test di ripristino su MailArchive? → the customer, in Italian', () => {
    const a = ask('chi deve fare il test di ripristino su MailArchive?');
    expect(a.lang).toBe('it');
    expect(ids(a)[0]).toBe('mailarchive.customer.restore-test');
    expect(a.view.summary).toContain('vostro team');
    expect(a.view.items[0]!.cadenceLabel).toBe('almeno ogni mese / ogni due mesi');
  });

  it('who keeps the Sygma platform software updated? → CoreTech', () => {
    const a = ask('who keeps the Sygma platform software updated?');
    expect(ids(a)[0]).toBe('sygma.provider.keep-systems-updated');
    expect(a.matches[0]!.party).toBe('provider');
  });

  it('what do we have to do for RocketBox? → every customer duty of RocketBox, in source order', () => {
    const a = ask('what do we have to do for RocketBox?');
    const expected = knowledge.duties
      .filter((d) => d.service === 'rocketbox' && d.party === 'customer')
      .map((d) => d.id);
    expect(ids(a)).toEqual(expected);
    expect(a.view.summary).toMatch(/Your team has 5 duties on RocketBox/);
  });

  it('is CoreTech a controller or a processor? → the roles facts', () => {
    const a = ask('is CoreTech a controller or a processor?');
    expect(['coretech-roles', 'coretech-as-sub-processor', 'coretech-as-controller']).toContain(ids(a)[0]);
    expect(a.matches[0]).toMatchObject({ kind: 'fact', service: null, party: null, cadence: null });
  });

  it("what's the capital of France? → no match, an honest I don't know with suggestions", () => {
    const a = ask("what's the capital of France?");
    expect(a.matches).toEqual([]);
    expect(a.view.abstained).toBe(true);
    expect(a.view.summary).toMatch(/^I don't know that/);
    expect(a.view.suggestions.length).toBeGreaterThan(2);
  });
});

describe('understanding', () => {
  it.each([
    ['chi fa il backup?', 'it'],
    ['backup RocketWeb?', 'en'],
    ['ogni quanto?', 'it'],
    ['RocketWeb backup giornaliero?', 'it'],
    ['password email?', 'en'],
    ['cosa dobbiamo fare per 1Backup?', 'it'],
  ] as const)('detects the language of %j as %s', (question, lang) => {
    expect(ask(question).lang).toBe(lang);
  });

  it.each([
    'who handles backups on Rocketweb?',
    'who handles backups on rocket web?',
    'who handles backups on rocketwb?',
    'who handles bakups on RocketWeb?',
    'who handles backups on the website?',
  ])('forgives spelling and spacing: %j', (question) => {
    expect(ids(ask(question)).slice(0, 2).sort()).toEqual([
      'rocketweb.customer.website-backup',
      'rocketweb.provider.backup-control',
    ]);
  });

  it('understands Italian inflections and typos ("ripristno", "verifiche")', () => {
    expect(ids(ask('ogni quanto il ripristno su 1backup?'))[0]).toBe('1backup.customer.restore-test');
    expect(ids(ask('verifiche giornaliere dei backup su Stellar'))[0]).toBe('stellar.customer.check-backup-results');
  });

  it('reads aliases: posta, VM, newsletter, condivisione file, controllo remoto', () => {
    expect(ask('backup della posta per quanto tempo?').matches[0]?.service).toBe('email');
    expect(ask('who runs the VM restore tests?').matches[0]?.id).toBe('stellar.customer.vm-restore-test');
    expect(ask('password del pannello newsletter').matches[0]?.service).toBe('rocketnews');
    expect(ask('cosa dobbiamo fare per la condivisione file?').matches.every((m) => m.service === 'rocketbox')).toBe(
      true,
    );
    expect(ask('cosa dobbiamo fare per il controllo remoto?').matches.every((m) => m.service === 'sygma-connect')).toBe(
      true,
    );
  });

  it('answers a cadence question without a service across services, for the right party', () => {
    const daily = ask('what must we verify every day?');
    expect(daily.matches.length).toBeGreaterThanOrEqual(3);
    expect(daily.matches.every((m) => m.party === 'customer' && m.cadence === 'daily')).toBe(true);
    const coretech = ask('cosa deve fare CoreTech ogni giorno?');
    expect(coretech.lang).toBe('it');
    expect(coretech.matches.every((m) => m.party === 'provider' && m.cadence === 'daily')).toBe(true);
    expect(coretech.matches.length).toBeGreaterThan(5);
  });

  it('lists CoreTech duties for a service ("list CoreTech duties for email")', () => {
    const a = ask('list CoreTech duties for email');
    const expected = knowledge.duties.filter((d) => d.service === 'email' && d.party === 'provider').map((d) => d.id);
    expect(new Set(ids(a))).toEqual(new Set(expected));
  });

  it('returns the few best duties for a specific question, not the whole service', () => {
    expect(ask('who checks the antivirus on the web hosting?').matches.length).toBeLessThanOrEqual(5);
  });

  it('answers general facts: data centres, CISPE, infrastructure security', () => {
    expect(ids(ask('dove sono i data center?'))[0]).toBe('data-centre-italy');
    expect(ids(ask('is CoreTech CISPE member?'))[0]).toBe('cispe-member');
    expect(ids(ask('what security measures does CoreTech take for its infrastructure?'))[0]).toBe(
      'infrastructure-security',
    );
  });

  it.each([
    "what's the weather?",
    'who handles backups on AWS S3?',
    'how do I configure nginx?',
    'chi ha vinto il campionato?',
    'does Dropbox keep file versions?',
    'how much does a Stellar server cost?',
    '',
    '   ',
    '???',
  ])('abstains on %j with no matches', (question) => {
    const a = ask(question);
    expect(a.matches).toEqual([]);
    expect(a.view.abstained).toBe(true);
    expect(a.view.items).toEqual([]);
  });

  it('says plainly when the page has no such duty, without matching anything', () => {
    const a = ask('what does CoreTech do weekly?');
    expect(a.matches).toEqual([]);
    expect(a.view.abstained).toBe(false);
    expect(a.view.summary).toBe('The CoreTech GDPR V.1, 16/04/2020 page gives CoreTech no duty to do every week.');
    expect(ask('cosa fa CoreTech ogni settimana su RocketWeb?').view.summary).toMatch(
      /non assegna a CoreTech nessun compito/,
    );
  });

  it('invites a question when given none', () => {
    expect(ask('  ').view.summary).toMatch(/^Ask me about the GDPR duties/);
    expect(ask('', { lang: 'it' }).view.summary).toMatch(/^Fammi una domanda/);
  });

  it('names the unknown provider when it abstains on one', () => {
    expect(ask('who handles backups on AWS S3?').view.summary).toMatch(
      /nothing about s3\. It names aws only in passing/,
    );
    // The page names AWS and Aruba among the CISPE members: it does not "say nothing" about them.
    expect(ask('does aruba keep backups for 35 days?').view.summary).toMatch(/names aruba only in passing/);
    expect(ask('aws tiene i backup 35 giorni?').view.summary).toMatch(/cita aws solo di passaggio/);
    expect(ask('does google keep backups for 35 days?').view.summary).toMatch(/nothing about google/);
    expect(ask('chi gestisce i backup su AWS?').view.summary).toMatch(/^Non lo so/);
  });

  it('keeps the CISPE question answerable although it names AWS and OVH', () => {
    expect(ids(ask('are AWS and OVH CISPE members too?'))[0]).toBe('cispe-member');
  });
});

describe('generalization rules (scope and ranking)', () => {
  it('abstains on requests for step-by-step procedures, even about our services, but not on checks', () => {
    expect(ask('how do I migrate my WordPress site to RocketWeb?').matches).toEqual([]);
    expect(ask('come migro il mio sito su rocketweb?').matches).toEqual([]);
    expect(ask('how do I restore a single file from 1Backup?').matches).toEqual([]);
    // Checking is itself a duty, and "who" keeps a procedure-shaped question ours.
    expect(ids(ask('how can we make sure backups are fine on 1Backup?'))[0]).toBe(
      '1backup.customer.check-backup-results',
    );
    expect(ask('how do I know who handles backups on RocketWeb?').matches.length).toBeGreaterThan(0);
  });

  it('abstains on "how long" questions about anything the retention duties do not speak of', () => {
    expect(ask('how long do I have to keep invoices?').matches).toEqual([]);
    expect(ask('per quanto tempo devo conservare le fatture?').matches).toEqual([]);
    expect(ids(ask('how long are email backups kept?'))[0]).toBe('email.provider.backup-control');
  });

  it('abstains on GDPR subjects the page does not cover, while a longer domain phrase still wins', () => {
    for (const question of [
      'what is a DPIA?',
      "cos'è il registro dei trattamenti?",
      'serve il consenso per inviare le newsletter?',
    ])
      expect(ask(question).matches).toEqual([]);
    expect(ids(ask('who checks the operating system logs on our server?'))[0]).toBe(
      'stellar.customer.check-system-logs',
    );
  });

  it('treats "the newsletter service" as a service name, so the question lists the duties', () => {
    const a = ask('what do we need to do for the newsletter service?');
    expect(a.view.items.map((i) => i.id).sort()).toEqual(
      knowledge.duties
        .filter((d) => d.service === 'rocketnews' && d.party === 'customer')
        .map((d) => d.id)
        .sort(),
    );
  });

  it('does not read "my mail archive" as a typo of MailArchive, nor "change provider" as CoreTech acting', () => {
    expect(['email.provider.mail-export-on-request', 'email.customer.mail-archive-backup']).toContain(
      ids(ask('can CoreTech export my mail archive if we change provider?'))[0],
    );
  });

  it('asks about both parties on "nostro o di CoreTech?"', () => {
    expect(new Set(ids(ask('i backup della posta sono compito nostro o di CoreTech?')).slice(0, 2))).toEqual(
      new Set(['email.provider.backup-control', 'email.customer.mail-archive-backup']),
    );
  });

  it('lets a subject only another service has override an everyday service word ("servers in blacklists")', () => {
    expect(ids(ask('what does CoreTech do about servers in public blacklists?'))[0]).toBe(
      'email.provider.blacklist-check',
    );
  });

  it('answers "what if we notice something suspicious" with informing CoreTech', () => {
    expect(ids(ask('what should we do if we notice something suspicious on our mailbox?'))[0]).toBe(
      'email.customer.report-anomalies',
    );
  });
});

describe('the reply', () => {
  it('says who (owners as mention tokens), how often, quotes and cites the source', () => {
    const owners = defaultSettings({
      owners: {
        by_duty: { '1backup.customer.restore-test': ['U1'] },
        by_service: { '1backup': ['U2'] },
        fallback: ['U9'],
      },
    }).owners;
    const a = ask('how often do we test restores on 1Backup?', { owners });
    const item = a.view.items[0]!;
    expect(item.id).toBe('1backup.customer.restore-test');
    expect(item.performer).toEqual({ party: 'customer', label: 'your team', ownerIds: ['U1'] });
    expect(a.view.summary).toContain(`${mention('U1')}`);
    expect(a.text).toContain('@U1');
    expect(a.text).not.toMatch(/\{\{user:|[\uFDD0-\uFDEF]/);
    expect(item.cadenceLabel).toBe('at least monthly / bimonthly');
    expect(item.quote).toBe('Carry out a restore test at least monthly / bimonthly');
    expect(item.translation).toBeNull();
    expect(item.source.label).toBe('CoreTech GDPR V.1, 16/04/2020 — 1Backup - Cloud Backup, Customer');
    // by_service and fallback apply in that order when no duty-level owner is set.
    const other = ask('who checks the 1Backup backup results?', { owners }).view.items[0]!;
    expect(other.performer?.ownerIds).toEqual(['U2']);
    const elsewhere = ask('who sets the Plesk password?', { owners }).view.items[0]!;
    expect(elsewhere.performer?.ownerIds).toEqual(['U9']);
  });

  it('never names owners for CoreTech duties', () => {
    const owners = defaultSettings({ owners: { by_duty: {}, by_service: {}, fallback: ['U9'] } }).owners;
    const a = ask('who keeps the Sygma platform software updated?', { owners });
    expect(a.view.items[0]!.performer).toEqual({ party: 'provider', label: 'CoreTech', ownerIds: [] });
    expect(a.view.summary).not.toMatch(/\{\{user:|[\uFDD0-\uFDEF]/);
  });

  it('answers an Italian question in Italian, with the Italian rendering and an Italian citation', () => {
    const a = ask('chi fa il backup del sito?');
    expect(a.lang).toBe('it');
    const item = a.view.items.find((i) => i.id === 'rocketweb.customer.website-backup')!;
    expect(item.quote).toBe('Make a personal backup of your website at least once a month');
    expect(item.translation).toBe(knowledge.dutyById.get('rocketweb.customer.website-backup')!.text_it);
    expect(item.source.label).toBe('CoreTech GDPR V.1 del 16/04/2020 — RocketWeb - Web Hosting, Cliente');
    expect(item.performer?.label).toBe('il vostro team');
    expect(a.text).toContain('In italiano: “');
    expect(a.text).toContain('Fonte: CoreTech GDPR V.1 del 16/04/2020');
  });

  it('obeys a forced language', () => {
    const a = ask('who handles backups on RocketWeb?', { lang: 'it' });
    expect(a.lang).toBe('it');
    expect(a.view.lang).toBe('it');
    expect(a.view.items[0]!.translation).not.toBeNull();
  });

  it('mentions the errata of the duties it quotes', () => {
    const a = ask('what do we have to do for RocketBox?');
    // The note on the duty stated twice is said once, under the first of the two.
    const first = a.view.items.find((i) => i.id === 'rocketbox.customer.guard-access-data')!;
    const repeated = a.view.items.find((i) => i.id === 'rocketbox.customer.guard-access-data-2')!;
    expect(first.errata.some((note) => note.includes('twice'))).toBe(true);
    expect(repeated.errata.some((note) => note.includes('twice'))).toBe(false);
    expect(a.text).toContain('Note:');
    const it = ask('cosa dobbiamo fare per il controllo remoto?');
    expect(it.view.items.some((i) => i.errata.some((note) => note.includes('MailArchive')))).toBe(true);
  });

  it('matches carry the verbatim text and the normalized cadence; facts have no service or party', () => {
    const a = ask('who checks the antivirus on the web hosting?');
    const duty = knowledge.dutyById.get(a.matches[0]!.id)!;
    expect(a.matches[0]).toMatchObject({
      kind: 'duty',
      service: duty.service,
      party: duty.party,
      text: duty.text,
      cadence: duty.cadence,
    });
    const fact = ask('dove sono i data center?').matches[0]!;
    const record = knowledge.facts.find((f) => f.id === fact.id)!;
    expect(fact.text).toBe(record.text.join(' '));
  });

  it('text is the plain rendering of the view', () => {
    const a = ask('how long are email backups kept?');
    expect(a.text).toBe(renderAnswerText(a.view));
    expect(a.text.split('\n')[0]).toBe(a.view.summary);
  });

  it('toJsonContract gives the CLI shape', () => {
    const a = ask('who handles backups on RocketWeb?');
    const json = toJsonContract(a);
    expect(Object.keys(json).sort()).toEqual(['abstained', 'answer', 'lang', 'matches', 'question']);
    expect(json.abstained).toBe(false);
    expect(json.answer).toBe(a.text);
    expect(json.matches[0]).toEqual({
      id: 'rocketweb.provider.backup-control',
      service: 'rocketweb',
      party: 'provider',
      text: 'Daily Backup Control. Backup retention is 35 days (5 weeks)',
      cadence: 'daily',
    });
    expect(toJsonContract(ask('what is the weather?')).matches).toEqual([]);
    expect(toJsonContract(ask('what is the weather?')).abstained).toBe(true);
  });

  it('is a pure function of its inputs', () => {
    const first = ask('chi controlla ogni giorno i backup di Sygma?');
    const second = ask('chi controlla ogni giorno i backup di Sygma?');
    expect(second).toEqual(first);
  });

  it('ignores mentions and links inside the question', () => {
    const plain = ask('what must we verify every day?');
    expect(ids(ask('{{user:U123}} what must we verify every day?'))).toEqual(ids(plain));
    expect(ids(ask('<@U0ABC> what must we verify every day? https://example.com/x'))).toEqual(ids(plain));
    expect(ids(ask('<at>Dutybot</at> what must we verify every day?'))).toEqual(ids(plain));
  });

  it('cuts absurdly long questions instead of choking on them', () => {
    const a = ask(`${'backup '.repeat(400)} RocketWeb`);
    expect(a.question.length).toBeLessThanOrEqual(500);
  });
});

describe('text primitives and lexicon', () => {
  it('stems English and Italian inflections together', () => {
    expect(stem('backups')).toBe(stem('backup'));
    expect(stem('verifiche')).toBe(stem('verificare'));
    expect(stem('ripristino')).toBe(stem('ripristinare'));
    expect(stem('websites')).toBe(stem('website'));
    expect(stem('mailings')).toBe(stem('mailing'));
    expect(stem('testo')).not.toBe(stem('test'));
  });

  it('measures typos with transpositions', () => {
    expect(editDistance('bakup', 'backup', 2)).toBe(1);
    expect(editDistance('passowrd', 'password', 2)).toBe(1);
    expect(editDistance('weather', 'whether', 1)).toBe(2);
  });

  it('rejects a broken lexicon file with a message naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutybot-lexicon-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'lexicon.yaml');
    writeFileSync(file, 'version: 1\nstop_words: {en: [the], it: [il]}\nconcepts: {Bad-Id: {en: [x]}}\n');
    expect(() => loadLexicon(file)).toThrow(LexiconError);
    try {
      loadLexicon(file);
    } catch (error) {
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/concepts/);
      expect((error as Error).message).not.toMatch(/\n\s+at /);
    }
    writeFileSync(file, 'version: [1\n');
    expect(() => loadLexicon(file)).toThrow(/lexicon\.yaml/);
  });

  it('the vocabulary drives scope: a word declared out of scope makes the engine abstain (answerWith)', () => {
    const base = loadLexicon().lexicon;
    const question = 'who checks the antivirus on RocketWeb?';
    expect(answerWith(loadLexicon(), question, knowledge).matches[0]?.id).toBe('rocketweb.provider.antivirus-check');
    const stricter = compileLexicon({
      ...base,
      out_of_scope_words: { en: [...base.out_of_scope_words.en, 'antivirus'], it: base.out_of_scope_words.it },
    });
    expect(answerWith(stricter, question, knowledge).matches).toEqual([]);
  });
});

describe('grounding: the answer must cover what the question asks', () => {
  it('abstains when a subject word is one the page never says, next to the page’s own words', () => {
    for (const question of [
      'does CoreTech offer protection against ransomware?',
      'is RocketBox end-to-end encrypted?',
      'does Sygma run on Linux or Windows?',
      'il mio sito è lento, cosa posso fare?',
      'quanto è affidabile il data center in Olanda?',
      'il GDPR si applica anche alle aziende americane?',
    ]) {
      const a = ask(question);
      expect(a.matches, question).toEqual([]);
      expect(a.view.abstained, question).toBe(true);
    }
  });

  it('abstains when the best answer is not the kind of statement asked for', () => {
    // "how long" wants a stated period, "where" a place, "why" about our own problem a cause.
    expect(ids(ask('how long does a Stellar restore take?'))).toEqual([]);
    expect(ids(ask('dove si trova la sede di CoreTech?'))).toEqual([]);
    expect(ids(ask('where is the Stellar control panel login page?'))).toEqual([]);
    expect(ids(ask('perché le mie email finiscono nello spam dei clienti?'))).toEqual([]);
    // …while the page's own periods and places still answer.
    expect(ids(ask('how long are email backups kept?'))[0]).toBe('email.provider.backup-control');
    expect(ids(ask('where does Sygma keep the additional backup?'))[0]).toBe('sygma.provider.offsite-backup');
    expect(ids(ask('dove conservare la password di cifratura di 1Backup?'))[0]).toBe(
      '1backup.customer.store-encryption-password',
    );
  });

  it('abstains when a general section is close but does not say the subject asked about', () => {
    expect(ids(ask("what's the bandwidth limit on RocketWeb?"))).toEqual([]);
  });

  it('keeps paraphrases whose extra words are everyday verbs or fillers', () => {
    expect(ids(ask('what happens if our server starts sending spam?'))[0]).toBe(
      'stellar.provider.deactivation-on-report',
    );
    expect(ids(ask('cosa succede se una casella viene hackerata e manda spam?'))[0]).toBe(
      'email.provider.hacked-account-response',
    );
    expect(ids(ask('who decides how often email passwords get changed?'))[0]).toBe(
      'email.customer.password-change-policy',
    );
  });

  it('restores one dropped letter in short words instead of treating them as unknown', () => {
    expect(ids(ask('hw often do we chek the VM backups in the sygma panel'))[0]).toBe(
      'stellar.customer.check-vm-backup',
    );
    expect(ids(ask('wat do we need to do for rocketbox'))).toContain('rocketbox.customer.panel-password');
    // A short acronym the page never mentions stays unknown.
    expect(ids(ask('do I need a DPO under the GDPR?'))).toEqual([]);
  });
});
