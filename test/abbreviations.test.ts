import { beforeAll, describe, expect, it } from 'vitest';
import { expandAbbreviation } from '../src/answer/abbreviations.js';
import { answer } from '../src/answer/answer.js';
import { indexFor, type KnowledgeIndex } from '../src/answer/knowledge-index.js';
import { type CompiledLexicon, loadLexicon } from '../src/answer/lexicon.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';

/**
 * Chat shorthand (src/answer/abbreviations.ts) is expanded by its shape against the words people
 * ask with, only when it points at one meaning; everyday words and acronyms the page never
 * mentions stay as typed, so questions about them still abstain.
 */

let knowledge: Knowledge;
let lexicon: CompiledLexicon;
let index: KnowledgeIndex;
beforeAll(() => {
  knowledge = loadKnowledge();
  lexicon = loadLexicon(knowledge.lexiconFile);
  index = indexFor(knowledge, lexicon);
});

describe('chat shorthand', () => {
  it('expands a consonant skeleton or a long beginning that points at one word', () => {
    expect(expandAbbreviation('pw', index, lexicon)).toBe('password');
    expect(expandAbbreviation('pwd', index, lexicon)).toBe('password');
    expect(expandAbbreviation('bkp', index, lexicon)).toBe('backup');
    expect(expandAbbreviation('creds', index, lexicon)).toMatch(/^credential/);
    expect(expandAbbreviation('cfg', index, lexicon)).toMatch(/^configur/);
    // A name opening with digits: the letters are the shorthand, the digits must match.
    expect(expandAbbreviation('1bkp', index, lexicon)).toBe('1backup');
    expect(expandAbbreviation('2bkp', index, lexicon)).toBeNull();
  });

  it('leaves everyday words, short beginnings, ambiguous shapes and unknown acronyms alone', () => {
    // "sw": software, switch or show.
    for (const word of ['doc', 'pass', 'nas', 'dns', 'vpn', 'sla', 'dpo', 'ssh', 'sw', 'ip']) {
      expect(expandAbbreviation(word, index, lexicon), word).toBeNull();
    }
  });

  it('never expands to a word heard only in another provider’s product name: "wp" is WordPress, not Workspace', () => {
    expect(expandAbbreviation('wp', index, lexicon)).toBe('wordpress');
  });

  it("never expands to another provider's product: 'prox' is 'prossima', not Proxmox", () => {
    expect(expandAbbreviation('prox', index, lexicon)).toBeNull();
    expect(
      answer("settimana prox c'è l'audit: quanti giorni di backup tiene coretech sulla posta?", knowledge).view
        .abstained,
    ).toBe(false);
  });

  it('answers questions typed with it, and still abstains on an acronym the page never mentions', () => {
    expect(answer('chi controlla i bkp di 1backup ogni giorno', knowledge).matches[0]?.id).toBe(
      '1backup.customer.check-backup-results',
    );
    expect(answer('who keeps the vps creds safe', knowledge).matches[0]?.id).toBe('stellar.customer.guard-access-data');
    // Opening the message, shorthand for a word of the page is its subject, not chat.
    expect(answer('pw per plesk chi la mette?', knowledge).matches[0]?.id).toBe('rocketweb.customer.panel-passwords');
    expect(answer('who manages the DNS records of rocketweb', knowledge).view.abstained).toBe(true);
  });

  it('reads shorthand in the language of the message: "plz" in English is no Italian "pubblicazione"', () => {
    // With no language known, the skeleton P-L-Z fits one word people ask with: the Italian one.
    expect(expandAbbreviation('plz', index, lexicon)).toBe('pubblicazione');
    expect(expandAbbreviation('plz', index, lexicon, 'en')).toBeNull();
    // A word both languages have a form of keeps its meaning in either.
    expect(expandAbbreviation('creds', index, lexicon, 'it')).toMatch(/^credenzial/);
    expect(expandAbbreviation('creds', index, lexicon, 'en')).toMatch(/^credential/);
    const ids = (question: string) => answer(question, knowledge).matches.map((m) => m.id);
    // A duty list, not the document's publication date.
    expect(ids('what does coretech do for rocketnews plz')).not.toContain('document-information');
    expect(ids('what does coretech do for rocketnews plz')[0]).toMatch(/^rocketnews\.provider\./);
    expect(ids('le creds del server chi le custodisce')[0]).toBe('stellar.customer.guard-access-data');
    expect(ids('bkp del sito ogni quanto?')[0]).toBe('rocketweb.customer.website-backup');
  });
});
