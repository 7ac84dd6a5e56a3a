import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { expectAbstention } from './support/abstention.js';

/**
 * How long a piece of work takes is never on a page of duties: it states how often, by whom and how
 * long copies are kept. Asked in either language, with or without the page's own words, it abstains;
 * how long something is kept is still answered.
 */

const knowledge = loadKnowledge();
const ask = (question: string) => answer(question, knowledge);

describe('how long a piece of work takes', () => {
  it.each([
    'how long does a restore of the Stellar VM take?',
    'how long does coretech’s daily backup check on RocketWeb take, does it slow the site?',
    'roughly how long will the mail export take them?',
    'quanto ci mette CoreTech a esportare la posta su disco?',
    'quanto ci hanno messo l’ultima volta a disattivare il sito segnalato?',
    'quanto impiegano a controllare i backup di RocketWeb?',
  ])('abstains on "%s"', (question) => {
    expectAbstention(ask(question));
  });

  it.each([
    ['how long are RocketWeb backups kept?', 'rocketweb.provider.backup-control'],
    ['quanto tempo vengono conservati i backup della posta?', 'email.provider.backup-control'],
  ])('still answers how long copies are kept: "%s"', (question, id) => {
    expect(ask(question).matches[0]?.id).toBe(id);
  });
});
