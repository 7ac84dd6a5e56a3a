import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';
import { defaultSettings } from '../src/settings/schema.js';
import { admin, useCommandBot } from './support/command-bot.js';

/** Answers shaped for the workspace asking: the services it uses lead, a section the pack questions never does. */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});
const ask = (question: string, context?: Parameters<typeof answer>[2]): Answer => answer(question, knowledge, context);
const restoreTest = { en: 'how often must we test a restore?', it: 'ogni quanto dobbiamo fare un test di ripristino?' };

describe('a question that names no service', () => {
  it.each(['en', 'it'] as const)('never leads with the section the pack flags as copied (%s)', (lang) => {
    const reply = ask(restoreTest[lang]);
    expect(reply.lang).toBe(lang);
    expect(reply.matches[0]?.service).toBe('1backup');
    expect(reply.view.summary).toMatch(lang === 'en' ? /^On 1Backup - Cloud Backup/ : /^Su 1Backup - Cloud Backup/);
    expect(reply.view.items[0]?.serviceName).toMatch(/^1Backup/);
  });

  it.each(['en', 'it'] as const)('leads with a service the workspace uses (%s)', (lang) => {
    const settings = defaultSettings({ services: ['mailarchive', 'email'] });
    const reply = ask(restoreTest[lang], { settings });
    expect(reply.matches[0]?.service).toBe('mailarchive');
    expect(reply.view.summary).toMatch(lang === 'en' ? /^On MailArchive - Mail Archiving/ : /^Su MailArchive/);
  });

  it('leaves the order alone when the question names the service', () => {
    const settings = defaultSettings({ services: ['mailarchive'] });
    const reply = ask('how often must we test a restore on Sygma Connect?', { settings });
    expect(reply.matches[0]?.service).toBe('sygma-connect');
  });
});

describe('through the facade, the workspace settings decide', () => {
  const scene = useCommandBot('answers-workspace', new Date('2026-11-16T10:00:00Z'));
  it('answers with the services set in the workspace', async () => {
    const { here } = scene;
    const set = await scene
      .bot()
      .handle({ text: 'settings set services stellar,mailarchive', actor: admin, conversation: here });
    expect(set).toMatchObject({ kind: 'updated' });
    const view = await scene.bot().ask(restoreTest.it, here);
    expect(view.lang).toBe('it');
    expect(view.summary).toMatch(/^Su MailArchive - Mail Archiving/);
    const en = await scene.bot().ask(restoreTest.en, here);
    expect(en.summary).toMatch(/^On MailArchive - Mail Archiving/);
  });
});

describe('the same duty on several services', () => {
  it.each(['en', 'it'] as const)('is one item naming the services, quoted once (%s)', (lang) => {
    const reply = ask(restoreTest[lang]);
    const quote = 'Carry out a restore test at least monthly / bimonthly';
    const items = reply.view.items.filter((item) => item.quote === quote);
    expect(items).toHaveLength(1);
    const and = lang === 'en' ? 'and' : 'e';
    const names = `1Backup - Cloud Backup, MailArchive - Mail Archiving ${and} Sygma Connect - Remote Control`;
    expect(items[0]?.serviceName).toBe(names);
    expect(items[0]?.source.label).toContain(names);
    expect(reply.view.summary).toContain(names);
    expect(reply.text.split(quote)).toHaveLength(2);
    // The note on the copied section still reaches the reader.
    expect(items[0]?.errata.join(' ')).toMatch(/Sygma Connect/);
  });

  it('names the owners of every service it stands for', () => {
    const settings = defaultSettings({
      owners: { by_duty: {}, by_service: { '1backup': ['U1'], mailarchive: ['U2'] }, fallback: [] },
    });
    const reply = ask(restoreTest.en, { settings });
    expect(reply.view.items[0]?.performer?.ownerIds).toEqual(['U1', 'U2']);
  });

  it('keeps duties apart when their words differ', () => {
    const reply = ask('what do we have to do every month?');
    const quotes = reply.view.items.map((item) => item.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(quotes).toContain('Export data at least monthly / bimonthly');
    expect(quotes).toContain('Carry out a restore test at least monthly / bimonthly');
  });
});

describe('one duty the page repeats in every service', () => {
  const breach = 'we think we were breached, who do we tell?';
  it('names its services in the order the page lists them, whatever small differences ranking saw', () => {
    const reply = ask(breach);
    const order = knowledge.services.map((s) => s.id);
    const services = reply.matches.filter((m) => m.id.endsWith('.customer.report-anomalies')).map((m) => m.service!);
    expect(services.length).toBeGreaterThan(2);
    expect([...services].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(services);
    expect(reply.view.summary).toMatch(/^On Stellar - Server Cloud, RocketWeb - Web Hosting/);
  });
  it('still leads with the services the workspace uses', () => {
    const settings = defaultSettings({ services: ['rocketbox', 'mailarchive'] });
    const reply = ask(breach, { settings });
    expect(reply.matches.slice(0, 2).map((m) => m.service)).toEqual(['mailarchive', 'rocketbox']);
  });
});
