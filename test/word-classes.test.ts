import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { wordClasses } from '../src/answer/word-classes.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';

/**
 * Part-of-speech evidence (src/answer/word-classes.ts, used by filler.ts): an unknown everyday word
 * blocks an answer only when it names a thing the page does not speak of. The words below are
 * judged by the general lexicons (Brill's English lexicon, Morph-it!), never listed by this project.
 */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

describe('word classes from the general lexicons', () => {
  it('tells nouns (things) from verbs, adjectives and adverbs, in English and Italian', () => {
    const classes = wordClasses();
    for (const noun of ['laptop', 'printer', 'refund', 'rete', 'telefono', 'ufficio']) {
      expect(classes.namesAThing(noun), noun).toBe(true);
    }
    for (const other of ['healthy', 'weird', 'saw', 'somewhere', 'farlo', 'escono', 'doveva']) {
      expect(classes.namesAThing(other), other).toBe(false);
    }
    // Superlatives ask for a judgement, names and languages are things.
    expect(classes.namesAThing('best')).toBe(true);
    expect(classes.namesAThing('spanish')).toBe(true);
    // People (WordNet: only person or group senses) are who asks or acts; things that may be people are things.
    for (const people of ['designer', 'accountant', 'consultant', 'designers'])
      expect(classes.namesPeople(people), people).toBe(true);
    for (const thing of ['printer', 'calendar', 'laptop', 'swiss'])
      expect(classes.namesPeople(thing), thing).toBe(false);
    // A word neither lexicon holds stays undecided (the engine keeps it as a subject).
    expect(classes.namesAThing('zqxw')).toBeUndefined();
  });
});

describe('answers read through words that name no thing', () => {
  const first = (question: string) => answer(question, knowledge).matches[0]?.id ?? 'abstained';

  it('answers when an everyday verb or adjective sits beside two of the page subjects', () => {
    expect(first('does coretech check that the 1backup storage is healthy')).toMatch(/^1backup\.provider\./);
    expect(first('is the mailarchive storage status verified every day or is it weird to ask')).toMatch(
      /^mailarchive\.provider\./,
    );
    expect(first('se la chiave di cifratura di 1backup va persa, chi doveva conservarla?')).toBe(
      '1backup.customer.store-encryption-password',
    );
  });

  it('still abstains when the unknown word names a thing, asks a measure or a judgement', () => {
    expect(answer('does coretech back up our office laptops?', knowledge).view.abstained).toBe(true);
    expect(answer('how fast is the 1backup restore?', knowledge).view.abstained).toBe(true);
    expect(answer('qual è il miglior backup per la posta?', knowledge).view.abstained).toBe(true);
    expect(answer('il GDPR vale anche per le aziende americane?', knowledge).view.abstained).toBe(true);
  });

  it('with a single subject of the page, the unknown word may be the question: it abstains', () => {
    expect(answer('my password was rejected, why?', knowledge).view.abstained).toBe(true);
  });
});
