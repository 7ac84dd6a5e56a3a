import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { expectAbstention } from './support/abstention.js';

/**
 * Where inside one of the page's things (its panel, a service) is a menu or a screen the page never
 * describes: it abstains. Where to look, and where the data is, are still answered.
 */

const knowledge = loadKnowledge();
const ask = (question: string) => answer(question, knowledge);

describe('where inside the panel', () => {
  it.each([
    'where in the Sygma panel do I see the VM backup results?',
    'whereabouts in the panel is the snapshot schedule?',
    'dove nel pannello Sygma trovo gli esiti dei backup?',
    'in che punto del pannello si cambia la password di RocketBox?',
    'si può vedere da qualche parte nel pannello lo stato della blacklist?',
  ])('abstains on "%s"', (question) => {
    expectAbstention(ask(question));
  });

  it.each([
    ['where do we check the VM backups?', 'stellar.customer.check-vm-backup'],
    ['dove controlliamo i backup delle VM?', 'stellar.customer.check-vm-backup'],
    ['where in Italy are the data centres?', 'data-centre-italy'],
    // On a service, where is which of its things: the logs the duty names.
    ['where on the Stellar VM do we check the OS logs?', 'stellar.customer.check-system-logs'],
  ])('still answers "%s"', (question, id) => {
    expect(ask(question).matches[0]?.id).toBe(id);
  });
});
