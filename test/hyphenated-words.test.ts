import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { hyphenatedAsWords } from '../src/answer/hyphenated.js';
import { tokenize } from '../src/answer/text.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { expectAbstention } from './support/abstention.js';

/**
 * A hyphen joins two words into one ("e-mail"). A whole no one knows is read as its words: filler
 * typed with a hyphen ("on-call here") stays filler, and a whole naming a thing of its own
 * ("read-only", "pen-testing") is no licence to answer with what one of its words means.
 */

const knowledge = loadKnowledge();
const ask = (question: string) => answer(question, knowledge);
const firstId = (question: string) => ask(question).matches[0]?.id;
const noService = () => false;

describe('reading a hyphenated word', () => {
  it('keeps the parts as typed and reads them only when the whole is unknown', () => {
    const known = (word: string) => ['email', 'backup', 'vm', 'whole'].includes(word);
    const [email] = hyphenatedAsWords(tokenize('e-mail'), known, noService);
    expect(email?.word).toBe('email');
    expect(email?.compoundPart).toBeUndefined();
    const split = hyphenatedAsWords(tokenize('the whole-VM backup?'), known, noService);
    expect(split.map((t) => t.word)).toEqual(['the', 'whole', 'vm', 'backup']);
    expect(split.map((t) => t.compoundPart === true)).toEqual([false, true, true, false]);
    // "VM" keeps its capitals (an acronym, not a name); only the last word of the clause asks.
    expect(split[2]).toMatchObject({ acronym: true, asks: false });
    expect(split[3]?.asks).toBe(true);
  });

  it('reads a prefix of repetition as the word it is put before ("re-test"), not a service\'s name', () => {
    const known = (word: string) => ['test', 'vm', 'level'].includes(word);
    expect(hyphenatedAsWords(tokenize('re-test'), known, noService).map((t) => t.word)).toEqual(['test']);
    const vm = hyphenatedAsWords(tokenize('vm-level'), known, (word) => word === 'vm');
    expect(vm.map((t) => t.word)).toEqual(['vm', 'level']);
  });

  it('leaves a whole with a part that is no word as typed ("X-Qzv")', () => {
    const tokens = hyphenatedAsWords(tokenize('X-Qzv'), () => false, noService);
    expect(tokens.map((t) => t.word)).toEqual(['xqzv']);
  });
});

describe('answers with hyphenated words', () => {
  it.each([
    ['on-call here, sorry: who checks the backups of our VMs?', 'stellar.customer.check-backup-results'],
    ['users see strange sign-in alerts on webmail, do we tell coretech?', 'email.customer.report-anomalies'],
    ['who checks the e-mail anti-virus?', 'email.provider.antivirus-check'],
    ['how often should we re-test the VM restore?', 'stellar.customer.vm-restore-test'],
  ])('answers "%s"', (question, id) => {
    expect(firstId(question)).toBe(id);
  });

  it.each([
    'can we get a read-only account on the mail server?',
    'does coretech do pen-testing of our site?',
    'does coretech do load testing of our site?',
    'who does stress testing on the vps?',
  ])('abstains on "%s": what the whole names is not on the page', (question) => {
    expectAbstention(ask(question));
  });
});
