import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { wordClasses } from '../src/answer/word-classes.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';

/**
 * The question mark nobody typed (src/answer/question-mark.ts): where a new sentence plainly opens
 * right after the question, the message reads as if "?" stood there. The trailing sentences below
 * are worded unlike every filler list, so they check the grammar, not a memorized phrase.
 */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const ids = (question: string) => answer(question, knowledge).matches.map((m) => m.id);
const abstains = (question: string) => answer(question, knowledge).view.abstained;
const readsAsTyped = (glued: string, question: string, after: string) =>
  expect(ids(`${question} ${after}`), glued).toEqual(ids(`${question}? ${after}`));

describe('a sentence glued to a question without its mark', () => {
  it('after chat shorthand or an interjection', () => {
    readsAsTyped('shorthand', "who's on the hook for rocketweb backups", 'sry for the wall of text');
    readsAsTyped('shorthand', 'does coretech back up rocketnews every day', 'lmk whenever');
    expect(ids('who is on the hook for rocketweb backups sry for the wall of text')[0]).toBe(
      'rocketweb.provider.backup-control',
    );
    // English thanks close Italian messages too.
    readsAsTyped('thanks', 'chi monitora il server di posta', 'thanks a lot, buona giornata');
    expect(ids('chi monitora il server di posta thanks a lot, buona giornata')[0]).toBe(
      'email.provider.mail-server-monitoring',
    );
  });

  it('after a verb with no subject, when the question has its own verb', () => {
    readsAsTyped('bare verb', 'does coretech monitor our mail server', 'need it by EOD if possible');
    expect(ids('does coretech monitor our mail server need it by EOD if possible')[0]).toBe(
      'email.provider.mail-server-monitoring',
    );
  });

  it('after an Italian verb of the speaker or the listeners', () => {
    readsAsTyped('devo', 'definizione di titolare del trattamento', 'devo scappare in riunione, leggo dopo');
    expect(ids('definizione di titolare del trattamento devo scappare in riunione, leggo dopo')[0]).toBe(
      'definition-controller',
    );
    expect(ids('chi custodisce le credenziali di plesk e ftp devo scappare in riunione, leggo dopo')[0]).toBe(
      'rocketweb.customer.guard-login-data',
    );
  });

  it('never drops what the question asks about', () => {
    // The thing the page does not cover is in the question itself: still no answer.
    expect(abstains('does coretech back up the laptops need it by EOD')).toBe(true);
    expect(abstains('chi fa il backup dei telefoni aziendali devo scappare')).toBe(true);
    // A verb agreeing with the noun before it goes on with the question ("the platform STAYS up"),
    // a participle describes it ("servers RUNNING linux").
    expect(abstains('does coretech back up our servers running linux')).toBe(true);
    // An auxiliary of the question is no shorthand, an interjection of English no Italian verb.
    expect(abstains('bentrovata Federica, sygma ha delle api rest per automatizzare')).toBe(true);
    // A question word opens the clause it asks in: what follows it is that clause.
    expect(abstains("we're trying to work out what counts as special category data")).toBe(true);
  });
});

describe('Italian verbs of the speaker or the listeners (word-classes.ts)', () => {
  it('are the first person singular and the second plural of the conjugation tables, with a pronoun joined', () => {
    for (const word of ['devo', 'leggo', 'vorrei', 'potete', 'chiedo', 'ditemi', 'faccio'])
      expect(wordClasses().speaksOrAddresses(word), word).toBe(true);
  });

  it('never a form another person, a noun or a participle shares', () => {
    for (const word of ['deve', 'controlla', 'sia', 'stato', 'cancellato', 'backup', 'sito', 'servono', 'canto'])
      expect(wordClasses().speaksOrAddresses(word), word).toBe(false);
  });
});
