import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';

/** Role questions: the plain fact first, then the definition; one label; no unrelated section. */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});
const ask = (question: string): Answer => answer(question, knowledge);

const controller = {
  en: {
    q: 'who is the data controller?',
    plain:
      /^You are the controller of the personal data you host on CoreTech's services; CoreTech is their processor or sub-processor, and the controller only of your contact data/,
    definition: 'Data controller: natural or legal person',
  },
  it: {
    q: 'chi è il titolare del trattamento?',
    plain:
      /^Il titolare dei dati personali che ospitate sui servizi CoreTech siete voi; CoreTech ne è responsabile o sub-responsabile del trattamento, e titolare solo dei vostri dati di contatto/,
    definition: 'Titolare del trattamento: la persona fisica o giuridica',
  },
} as const;

describe('who is the data controller?', () => {
  it.each(['en', 'it'] as const)('says the plain fact first, then the definition (%s)', (lang) => {
    const { q, plain, definition } = controller[lang];
    const reply = ask(q);
    expect(reply.lang).toBe(lang);
    expect(reply.view.summary).toMatch(plain);
    const at = reply.view.summary.indexOf(definition);
    expect(at).toBeGreaterThan(0);
    // The statement is backed by the source: the roles section is quoted and cited, with its erratum.
    const roles = reply.view.items.find((item) => item.id === 'coretech-roles');
    expect(roles?.quote).toMatch(/^CoreTech acts as Administrator or Sub Responsible/);
    expect(roles?.errata).toHaveLength(1);
  });

  it.each(['en', 'it'] as const)('labels the definition once (%s)', (lang) => {
    const summary = ask(controller[lang].q).view.summary;
    expect(summary).not.toMatch(/Titolare del trattamento: Titolare del trattamento/i);
    expect(summary).not.toMatch(/Data controller: Responsible for data processing:/);
  });

  it.each(['en', 'it'] as const)('brings no "Document information" section (%s)', (lang) => {
    const reply = ask(controller[lang].q);
    expect(reply.matches.map((m) => m.id)).not.toContain('document-information');
    expect(reply.text).not.toMatch(/Document information|Informazioni sul documento/);
  });

  it.each([
    ['en', 'is CoreTech a processor or a controller?'],
    ['it', 'CoreTech è titolare o responsabile del trattamento?'],
  ] as const)('answers the role question plainly (%s)', (lang, q) => {
    expect(ask(q).view.summary).toMatch(controller[lang].plain);
  });
});

describe('questions about something else keep their own lead', () => {
  it.each([
    ['en', 'what is the GDPR?', /^What the GDPR is: /],
    ['en', 'how often must we test a restore?', /^On 1Backup/],
    ['en', 'what does CoreTech collect as a controller for billing?', /^(?!You are the controller)/],
  ] as const)('%s: %s', (_lang, q, lead) => {
    expect(ask(q).view.summary).toMatch(lead);
  });

  it('still answers the document question with the document section', () => {
    const reply = ask('what version is the document?');
    expect(reply.matches[0]?.id).toBe('document-information');
    expect(reply.view.summary).toContain('V.1');
  });
});

describe('who is the controller of the data we host?', () => {
  // The roles fact's topics name the hosted data, so the plain fact leads here too, not the
  // section on what the provider controls (its clients' contact data).
  it.each([
    ['en', 'who is the controller of the data we host at coretech?'],
    ['it', 'chi è il titolare dei dati ospitati su coretech?'],
  ] as const)('says the plain fact first (%s)', (lang, q) => {
    const reply = ask(q);
    expect(reply.lang).toBe(lang);
    expect(reply.view.summary).toMatch(controller[lang].plain);
    expect(reply.matches.map((m) => m.id)).toContain('coretech-roles');
  });
  // The section on what the provider controls mentions the hosted data only to leave it out: the
  // pack's rule (controller + hosted data → the roles) puts the roles section first among the items.
  it.each([
    ['en', 'who is the controller of our hosted data?'],
    ['en', 'is coretech the controller of our hosted data?'],
    ['it', 'chi è il titolare dei dati che ospitiamo su coretech?'],
  ] as const)('quotes the roles section first (%s: %s)', (lang, q) => {
    const reply = ask(q);
    expect(reply.lang).toBe(lang);
    expect(reply.matches[0]?.id).toBe('coretech-roles');
  });
});

describe('are we the controller, or is CoreTech?', () => {
  // Weighing the two parties on a role asks which is which: the pack's rule (controller, parties
  // weighed → the roles) puts the roles section first, and the plain fact leads.
  it.each([
    ['en', 'for the personal data on their servers, are we the controller or is CoreTech?'],
    ['it', 'i dati personali sui loro server: il titolare siamo noi o è CoreTech?'],
    // "È" typed with its accent is "is": not "noi E CoreTech", both parties together.
    ['it', 'il titolare siamo noi o è CoreTech?'],
  ] as const)('quotes the roles section first, the plain fact leading (%s: %s)', (lang, q) => {
    const reply = ask(q);
    expect(reply.lang).toBe(lang);
    expect(reply.matches[0]?.id).toBe('coretech-roles');
    expect(reply.view.summary).toMatch(controller[lang].plain);
  });

  it('keeps the section on what CoreTech controls for its clients’ contact data', () => {
    const reply = ask('is CoreTech the controller of our billing contacts, or are we?');
    expect(reply.matches[0]?.id).toBe('coretech-as-controller');
    expect(reply.view.summary).not.toMatch(controller.en.plain);
  });
});

describe('a role question about the personal data we host', () => {
  it.each([
    ['it', 'di chi è la titolarità dei dati personali che mettiamo da coretech?'],
    ['it', 'qual è il ruolo di coretech per i dati personali?'],
  ] as const)('leads with the plain fact, which names the personal data (%s: %s)', (lang, q) => {
    const reply = ask(q);
    expect(reply.view.summary).toMatch(controller[lang].plain);
    expect(reply.matches.map((m) => m.id)).toContain('coretech-roles');
  });
  it('does not answer a question only about the GDPR or personal data with the roles', () => {
    for (const q of ['what is the GDPR?', 'what does personal data mean under the GDPR?']) {
      expect(ask(q).view.summary).toMatch(/^What the GDPR is:/);
      expect(ask(q).matches.map((m) => m.id)).not.toContain('coretech-roles');
    }
  });
});
