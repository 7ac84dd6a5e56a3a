import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';

/**
 * Asked which one exactly of a thing the page speaks of, only a passage naming one answers: the
 * page says CoreTech checks the "public Black Lists", never which.
 */

const knowledge = loadKnowledge();
const ask = (question: string) => answer(question, knowledge);

describe('which one exactly', () => {
  it.each([
    'which blacklists exactly does CoreTech check the mail servers against?',
    'contro quali blacklist controllano di preciso i server di posta?',
    'che antivirus usano di preciso sui server di posta?',
  ])('abstains on "%s"', (question) => {
    const reply = ask(question);
    expect(reply.matches).toEqual([]);
    expect(reply.view.abstained).toBe(true);
  });

  it.each([
    ['which panel exactly do we check the VM backups in?', 'stellar.customer.check-vm-backup'],
    ['in quale paese di preciso sta il backup aggiuntivo di Sygma?', 'sygma.provider.offsite-backup'],
    // Without an interrogative before the thing, "exactly" asks for the duties themselves.
    ['what does CoreTech do exactly on the cloud servers?', 'stellar.provider.'],
    ['which blacklists does CoreTech check?', 'email.provider.blacklist-check'],
  ])('still answers "%s"', (question, id) => {
    expect(ask(question).matches[0]?.id.startsWith(id)).toBe(true);
  });
});
