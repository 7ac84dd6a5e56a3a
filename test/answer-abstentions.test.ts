import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { loadLexicon } from '../src/answer/lexicon.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';
import { expectAbstention } from './support/abstention.js';

/**
 * An abstention that helps: it names what the page does not cover, as the person typed it, and
 * offers examples about the services the question named, each of which the engine answers.
 */

const coretech = loadKnowledge();
const quokka = loadKnowledge(join(import.meta.dirname, 'fixtures', 'packs', 'quokka'));

describe('an abstention names what the page does not cover', () => {
  it('quotes the unknown thing as typed, and offers examples about the service named (en)', () => {
    const reply = answer('a colleague wiped a Folder on rocketbox last month, can coretech get it back?', coretech);
    expect(reply.view.abstained).toBe(true);
    expect(reply.view.summary).toContain("doesn't cover “Folder”");
    expect(reply.view.summary).toContain('On RocketBox - File Sharing I can tell you who does what');
    expect(reply.view.suggestions).toEqual([
      'What do we have to do for RocketBox - File Sharing?',
      'What does CoreTech do for RocketBox - File Sharing?',
    ]);
  });
  it('does the same in Italian', () => {
    const reply = answer('chi cambia la password del router sulle vps di stellar?', coretech);
    expect(reply.view.abstained).toBe(true);
    expect(reply.lang).toBe('it');
    expect(reply.view.summary).toContain('non tratta “router”');
    expect(reply.view.suggestions).toEqual([
      'Cosa dobbiamo fare per Stellar - Server Cloud?',
      'Cosa fa CoreTech per Stellar - Server Cloud?',
    ]);
  });
  it('offers examples about a service only hinted at, by its everyday name', () => {
    const reply = answer('who handles printers on mail archiving?', coretech);
    expect(reply.view.abstained).toBe(true);
    expect(reply.view.suggestions[0]).toBe('What do we have to do for MailArchive - Mail Archiving?');
  });
  it('names a rare word too, but no verb or greeting, and keeps the general examples with no service named', () => {
    const reply = answer('does coretech scrub ransomware off our laptops?', coretech);
    expect(reply.view.abstained).toBe(true);
    expect(reply.view.summary).toContain('“ransomware”');
    expect(reply.view.summary).toContain('“laptops”');
    expect(reply.view.summary).not.toContain('“scrub”');
    expect(reply.view.suggestions).toEqual(loadLexicon(coretech.lexiconFile).lexicon.suggestions.en);
  });
  it('names no greeting opening the message, but a heading the question points back at', () => {
    const greeted = answer('Salve, quanto fa 12 per 7', coretech);
    expect(greeted.view.abstained).toBe(true);
    expect(greeted.view.summary).not.toContain('Salve');
    const headed = answer('laptops, who backs them up?', coretech);
    expect(headed.view.abstained).toBe(true);
    expect(headed.view.summary).toContain('“laptops”');
  });
  it('names nothing when a word of questions the page never answers is asked, or another provider', () => {
    expect(answer('che tempo fa a milano domani?', coretech).view.summary).not.toContain('“');
    expect(answer('does aws keep our rocketbox files?', coretech).view.summary).not.toContain('“');
  });
  it('renders what it names back inert: letters and digits only, whatever was typed around them', () => {
    const hostile = 'does coretech back up our <!channel> *laptops* `x` \u001b[31m[link](https://evil.example)?';
    const summary = answer(hostile, coretech).view.summary;
    expect(summary).toContain('“laptops”');
    const named = [...summary.matchAll(/“([^”]*)”/g)].map((m) => m[1]);
    for (const word of named) expect(word).toMatch(/^[\p{L}\p{N}-]+$/u);
    expect(summary).not.toMatch(/[<>*`[\]]/);
    expect(summary).not.toContain('\u001b');
  });
  it('never names a word it did not read as typed, a name, a verb, chat shorthand, or an id', () => {
    const named = (q: string) => {
      const view = answer(q, coretech).view;
      expect(view.abstained, q).toBe(true);
      return [...view.summary.matchAll(/“([^”]*)”/g)].map((m) => m[1]);
    };
    // "routers" is read as the everyday slip "routes": better nothing than the wrong word.
    expect(named('who patches the routers on rocketweb?')).not.toContain('routes');
    expect(named('la cartella di mario rossi su rocketbox ha il backup?')).toEqual(['cartella']);
    expect(named('who rotates the tokens on stellar?')).toEqual(['tokens']);
    expect(named('can u help me with my printer on stellar thx')).not.toContain('thx');
    expect(named('who restores files in C0123ABC on rocketbox?')).toEqual([]);
    // The pack's description of Sygma Connect says "computers": the engine missed it, not the pack.
    expect(named('does sygma connect control our computers?')).toEqual([]);
  });
  it('names three things at most', () => {
    const summary = answer(
      'does coretech back up our laptops, tablets, smartwatches, drones and kiosks on stellar?',
      coretech,
    ).view.summary;
    expect([...summary.matchAll(/“/g)]).toHaveLength(3);
  });
});

describe('the examples offered are questions the engine answers, about that service', () => {
  const packs: [string, Knowledge][] = [
    ['CoreTech', coretech],
    ['Quokka', quokka],
  ];
  it.each(packs)('for every service of the %s pack, in both languages', (_name, knowledge) => {
    for (const service of knowledge.services) {
      for (const lang of ['en', 'it'] as const) {
        const filler = lang === 'en' ? 'can you fix our flux capacitor on' : 'ci riparate il flusso canalizzatore su';
        const reply = answer(`${filler} ${service.name}?`, knowledge);
        expect(reply.view.abstained, `${service.id} ${lang}`).toBe(true);
        expect(reply.view.suggestions, `${service.id} ${lang}`).toHaveLength(2);
        for (const example of reply.view.suggestions) {
          const answered = answer(example, knowledge);
          expect(answered.view.abstained, example).toBe(false);
          expect(answered.lang, example).toBe(lang);
          expect(answered.matches[0]?.id, example).toMatch(new RegExp(`^${service.id}\\.`));
        }
      }
    }
  });
});

describe('a service named beside a word its duties never say', () => {
  // Only vague words around a service ask for its duties; a word of its own is what is asked.
  it.each(['max recipients per RocketNews campaign?', "l'hosting supporta node?"])('abstains on "%s"', (q) => {
    expectAbstention(answer(q, coretech));
  });

  it.each([
    ['anything for RocketBox?', 'rocketbox.'],
    ["what is CoreTech's job on Sygma?", 'sygma.provider.'],
  ])('still lists the duties for "%s"', (q, prefix) => {
    const ids = answer(q, coretech).matches.map((m) => m.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.every((id) => id.startsWith(prefix))).toBe(true);
  });
});

describe('an everyday word of another gender than a service word', () => {
  // "Posto" (a place) and "posta" (the mail) share a stem: "tutto a posto" names no service.
  it.each(['tutto a posto, grazie', 'grazie mille, a posto così'])('matches nothing in "%s"', (q) => {
    expect(answer(q, coretech).matches).toEqual([]);
  });

  it('still reads the service word itself', () => {
    expect(answer("chi controlla l'antivirus della posta?", coretech).matches[0]?.id).toBe(
      'email.provider.antivirus-check',
    );
  });
});
