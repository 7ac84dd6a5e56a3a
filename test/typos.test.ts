import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { indexFor, type KnowledgeIndex } from '../src/answer/knowledge-index.js';
import { type CompiledLexicon, loadLexicon } from '../src/answer/lexicon.js';
import { correctTypo, everydaySlip } from '../src/answer/typos.js';
import { loadKnowledge } from '../src/knowledge/load.js';

/** Typo correction (src/answer/typos.ts) on the shipped pack. */
let index: KnowledgeIndex;
let lexicon: CompiledLexicon;
beforeAll(() => {
  const knowledge = loadKnowledge();
  lexicon = loadLexicon(knowledge.lexiconFile);
  index = indexFor(knowledge, lexicon);
});

describe('a short word with two neighbouring letters swapped', () => {
  it('is the question word or function word meant', () => {
    expect(correctTypo('hwo', index, lexicon)).toBe('who');
    expect(correctTypo('waht', index, lexicon)).toBe('what');
    expect(correctTypo('teh', index, lexicon)).toBe('the');
  });

  it('is left alone when a dictionary holds it as typed', () => {
    expect(correctTypo('fro', index, lexicon)).toBe('fro');
    expect(correctTypo('form', index, lexicon)).toBe('form');
  });

  it('is left alone when no swap makes a function word', () => {
    expect(correctTypo('nsa', index, lexicon)).toBe('nsa');
  });
});

describe('a negation typed without its apostrophe', () => {
  it('is read as the word before the apostrophe, as "isn\'t" is', () => {
    expect(correctTypo('isnt', index, lexicon)).toBe('isn');
    expect(correctTypo('arent', index, lexicon)).toBe('aren'); // not "agent"
    expect(correctTypo('cant', index, lexicon)).toBe('can');
  });

  it('no longer reads the provider as reporting something', () => {
    const lead = answer('isnt coretech supposed to watch the rocketbox webserver??', loadKnowledge()).matches[0]?.id;
    expect(lead).toBe('rocketbox.provider.webserver-monitoring');
  });
});

describe('an everyday word typed with one slip', () => {
  it('is read as that word', () => {
    expect(everydaySlip('setence', index, lexicon)).toBe('sentence');
    expect(everydaySlip('contorllano', index, lexicon)).toBe('controllano');
  });

  it('is never a word of the page, a dictionary word or a name', () => {
    expect(everydaySlip('vackup', index, lexicon)).toBeNull(); // "backup" is the page's: correctTypo's call
    expect(everydaySlip('gmail', index, lexicon)).toBeNull(); // another provider's product
    expect(everydaySlip('docker', index, lexicon)).toBeNull();
    expect(everydaySlip('kubernetes', index, lexicon)).toBeNull();
  });

  it('no longer makes a question about the page abstain', () => {
    const knowledge = loadKnowledge();
    expect(answer('what is the GDPR, in a setence', knowledge).matches[0]?.id).toBe('gdpr-definition');
    expect(answer('does coretech back up our kubernets cluster?', knowledge).view.abstained).toBe(true);
  });
});

describe('a function word typed without its vowels', () => {
  it('is the one function word those consonants spell, from its first letter', () => {
    expect(correctTypo('nn', index, lexicon)).toBe('non'); // not "anyone"
    expect(correctTypo('qnd', index, lexicon)).toBe('quando');
    expect(correctTypo('whn', index, lexicon)).toBe('when');
  });

  it('is left alone when the consonants spell several', () => {
    expect(correctTypo('cn', index, lexicon)).toBe('cn'); // can, con
    expect(correctTypo('dv', index, lexicon)).toBe('dv'); // dove, devo
    expect(correctTypo('dns', index, lexicon)).toBe('dns');
  });

  it('lets the question be read', () => {
    const lead = answer('coretech controlla che i dati di mailarchive nn si corrompano?', loadKnowledge()).matches[0]
      ?.id;
    expect(lead).toBe('mailarchive.provider.backup-integrity-check');
  });
});

describe('a verb form sharing a long root with a noun of the page', () => {
  it('is not that noun: "controlled" is not "controller"', () => {
    expect(correctTypo('controlled', index, lexicon)).not.toBe('controller');
    expect(answer('how is physical access to the datacenter controlled?', loadKnowledge()).matches[0]?.id).toBe(
      'infrastructure-security',
    );
  });
});
