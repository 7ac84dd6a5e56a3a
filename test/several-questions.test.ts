import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';

/** People ask two things in one message; each is answered, and nothing else changes. */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const ids = (question: string) => answer(question, knowledge).matches.map((m) => m.id);

describe('a message asking two things of its own', () => {
  it('answers both, in the order asked, each with its own sentence and quotes', () => {
    const reply = answer('how long are rocketweb backups kept? and is the mail antivirus checked daily?', knowledge);
    expect(reply.view.abstained).toBe(false);
    expect(reply.matches.map((m) => m.id)).toEqual([
      'rocketweb.provider.backup-control',
      'email.provider.antivirus-check',
    ]);
    expect(reply.view.summary).toMatch(/RocketWeb.*35 days.*Email Service.*antivirus/s);
    expect(reply.view.items.map((item) => item.id)).toEqual([
      'rocketweb.provider.backup-control',
      'email.provider.antivirus-check',
    ]);
    expect(reply.view.question).toBe('how long are rocketweb backups kept? and is the mail antivirus checked daily?');
  });

  it('takes a last sentence with no mark as a question when it opens with a question word', () => {
    expect(ids('how long are rocketweb backups kept? and who checks the mail antivirus')).toEqual(
      expect.arrayContaining(['rocketweb.provider.backup-control', 'email.provider.antivirus-check']),
    );
    expect(ids('how long are rocketweb backups kept? and who checks the mail antivirus')[0]).toBe(
      'rocketweb.provider.backup-control',
    );
  });

  it('answers both in Italian, the first first', () => {
    const found = ids('chi è il titolare dei dati? e chi fa i test di ripristino sul server cloud?');
    expect(found[0]).toBe('coretech-as-controller');
    expect(found).toContain('stellar.customer.vm-restore-test');
    expect(answer('chi è il titolare dei dati? e chi fa i test di ripristino sul server cloud?', knowledge).lang).toBe(
      'it',
    );
  });

  it('says each item once when both questions reach it', () => {
    const reply = answer('who checks the rocketweb backups? and who makes the monthly website backup?', knowledge);
    // The first answer already holds the website backup the second asks about.
    expect(reply.view.items.map((item) => item.id)).toEqual([
      'rocketweb.provider.backup-control',
      'rocketweb.customer.website-backup',
    ]);
  });
});

describe('one sentence asking two things joined by "and" before a question word', () => {
  it('answers both clauses, in order', () => {
    expect(
      ids('How long are email backups kept, and who checks the antivirus on the mail servers?').slice(0, 2),
    ).toEqual(['email.provider.backup-control', 'email.provider.antivirus-check']);
    expect(
      ids(
        'Per quanto tempo sono conservati i backup della posta, e chi controlla l’antivirus sui server di posta?',
      ).slice(0, 2),
    ).toEqual(['email.provider.backup-control', 'email.provider.antivirus-check']);
    expect(ids('Who updates the RocketWeb servers, and how often must we back up our site ourselves?')).toEqual(
      expect.arrayContaining(['rocketweb.provider.keep-servers-updated', 'rocketweb.customer.website-backup']),
    );
    expect(ids('Who updates the RocketWeb servers, and how often must we back up our site ourselves?')[0]).toBe(
      'rocketweb.provider.keep-servers-updated',
    );
  });

  it('is one question when the second clause points back at the first', () => {
    expect(ids('who checks the rocketweb backups and how long are they kept?')).toEqual([
      'rocketweb.provider.backup-control',
    ]);
    expect(ids('chi controlla i backup di rocketweb e chi li conserva?')).toEqual([
      'rocketweb.provider.backup-control',
    ]);
  });
});

describe('a message that is one question in several sentences', () => {
  it('is answered whole when a sentence leans on the one before it', () => {
    expect(ids('who checks the rocketweb backups? how long are they kept?')).toEqual(
      ids('who checks the rocketweb backups how long are they kept'),
    );
  });

  it('still abstains when part of it is out of scope', () => {
    expect(answer('how much does rocketweb cost? who checks its backups?', knowledge).view.abstained).toBe(true);
    expect(answer('does aws keep our backups? who checks the rocketweb backups?', knowledge).view.abstained).toBe(true);
  });
});
