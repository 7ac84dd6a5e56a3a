import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answer, answerWith } from '../src/answer/answer.js';
import { compileLexicon, loadLexicon } from '../src/answer/lexicon.js';
import { LexiconSchema } from '../src/knowledge/lexicon-schema.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';
import { defaultSettings } from '../src/settings/schema.js';

/** Incident questions include the customer's duty to inform CoreTech; "what services…" lists the services. */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});
const ask = (question: string, context?: Parameters<typeof answer>[2]): Answer => answer(question, knowledge, context);
const informCoreTech = 'Promptly inform CoreTech in case of anomalies that could determine a data security problem';

describe('incident questions', () => {
  it.each([
    ['en', 'we got hacked, what now?', 'Who: your team'],
    ['en', 'our server was compromised, what should happen?', 'Who: your team'],
    ['it', 'data breach chi deve avvisare?', 'Chi: il vostro team'],
    ['it', 'ci hanno bucato il sito, cosa facciamo?', 'Chi: il vostro team'],
  ] as const)('%s: "%s" includes the duty to inform CoreTech promptly', (lang, q, who) => {
    const reply = ask(q);
    expect(reply.lang).toBe(lang);
    expect(reply.view.abstained).toBe(false);
    const items = reply.view.items.filter((item) => item.quote === informCoreTech);
    expect(items).toHaveLength(1);
    expect(items[0]?.performer?.party).toBe('customer');
    expect(reply.text).toContain(who);
    if (lang === 'it') expect(items[0]?.translation).toMatch(/^Informare tempestivamente CoreTech/);
  });

  it('names the services the workspace uses first', () => {
    const settings = defaultSettings({ services: ['email', 'rocketweb'] });
    const item = ask('we got hacked, what now?', { settings }).view.items.find((i) => i.quote === informCoreTech);
    expect(item?.serviceName).toMatch(/^RocketWeb - Web Hosting, Email Service, /);
  });

  it('keeps to the service a question names', () => {
    const reply = ask('our RocketWeb site got hacked, what now?');
    const item = reply.view.items.find((i) => i.quote === informCoreTech);
    expect(item?.serviceName).toBe('RocketWeb - Web Hosting');
  });

  it('leaves a question about what CoreTech does to CoreTech', () => {
    const reply = ask('what does CoreTech do when an email account is hacked?');
    expect(reply.matches[0]?.party).toBe('provider');
    expect(reply.view.items.map((i) => i.quote)).not.toContain(informCoreTech);
  });

  // CoreTech named only as the one told: whoever tells it is the customer, so the customer's duty
  // answers, though the clause names no one who acts. "Spetta a CoreTech" still asks whose duty.
  it.each([
    [
      'it',
      "c'è traffico anomalo dalla nostra macchina virtuale, va segnalato a CoreTech?",
      'stellar.customer.report-anomalies',
    ],
    [
      'it',
      'abbiamo notato un consumo anomalo di risorse sulla VM: va comunicato a CoreTech?',
      'stellar.customer.report-anomalies',
    ],
    ['it', 'spetta a CoreTech controllare le anomalie nei log di Stellar?', 'stellar.provider.security-anomaly-check'],
    ['it', 'tocca a CoreTech controllare i log di sicurezza di Stellar?', 'stellar.provider.security-anomaly-check'],
    // Asked whether it is CoreTech's duty, the answer is whoever's duty it is.
    ['it', 'spetta a CoreTech aggiornare il sito?', 'rocketweb.customer.security-updates'],
    ['en', 'is it up to CoreTech to pay for the mail export?', 'email.provider.mail-export-on-request'],
  ] as const)('%s: "%s" leads with %s', (lang, q, id) => {
    const reply = ask(q);
    expect(reply.lang).toBe(lang);
    expect(reply.matches[0]?.id).toBe(id);
  });
  it('refuses a companion naming a concept the lexicon does not have', () => {
    const raw = {
      ...loadLexicon().lexicon,
      companions: [{ when: ['hacked'], add: 'no_such_concept', party: 'customer' }],
    };
    const parsed = LexiconSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('unknown concept no_such_concept');
    expect(parsed.error?.issues[0]?.path).toEqual(['companions', 0, 'add']);
  });

  it('adds nothing when the lexicon lists no companion', () => {
    const base = loadLexicon().lexicon;
    // The pack's implication ("hacked" implies telling CoreTech) would rank that duty on its own.
    const implications = base.concept_rules.implications.filter((rule) => !rule.when.includes('hacked'));
    const lexicon = compileLexicon({
      ...base,
      companions: [],
      concept_rules: { ...base.concept_rules, implications },
    });
    const quotes = answerWith(lexicon, 'we got hacked, what now?', knowledge).view.items.map((i) => i.quote);
    expect(quotes).not.toContain(informCoreTech);
  });
});

describe('what services does CoreTech offer?', () => {
  it.each([
    [
      'en',
      'what services does CoreTech offer',
      /^CoreTech's page covers 9 services: Stellar - Server Cloud, RocketWeb - Web Hosting, .* and Sygma Connect - Remote Control\.$/,
    ],
    [
      'it',
      'quali servizi offre CoreTech?',
      /^La pagina di CoreTech tratta 9 servizi: Stellar - Server Cloud, .* e Sygma Connect - Remote Control\.$/,
    ],
    ['it', 'che servizi ha coretech?', /^La pagina di CoreTech tratta 9 servizi: /],
  ] as const)('%s: "%s" lists the services', (lang, q, summary) => {
    const reply = ask(q);
    expect(reply.lang).toBe(lang);
    expect(reply.view.abstained).toBe(false);
    expect(reply.view.summary).toMatch(summary);
    for (const service of knowledge.services) expect(reply.view.summary).toContain(service.name);
  });

  it.each([
    'what services does AWS offer?',
    'CoreTech ha una pagina di stato dei servizi?',
    'does the email service support IMAP?',
  ])('still abstains on "%s"', (q) => {
    expect(ask(q).view.abstained).toBe(true);
  });
});
