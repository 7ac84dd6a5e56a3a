import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';
import { scheduledDuties } from '../src/occurrences/index.js';
import { defaultSettings, type WorkspaceSettings } from '../src/settings/schema.js';
import { admin, useCommandBot } from './support/command-bot.js';

/** "What do I do each week / every month" agrees with the reminders the workspace's schedule will send, and says so. */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});
const ask = (question: string, settings?: WorkspaceSettings): Answer =>
  answer(question, knowledge, settings ? { settings } : {});

/** The duty ids the scheduler will remind at this period: the reference the answer must match. */
const reminded = (settings: WorkspaceSettings, cadence: string) =>
  scheduledDuties(knowledge, settings)
    .filter((s) => s.schedule.cadence === cadence)
    .map((s) => s.duty.id)
    .sort();

const questions = {
  weekly: { en: 'what do I do each week?', it: 'cosa devo fare ogni settimana?' },
  monthly: { en: 'what do we have to do every month?', it: 'cosa dobbiamo fare ogni mese?' },
} as const;

describe.each(['en', 'it'] as const)('the team’s recurring work (%s)', (lang) => {
  it.each(['weekly', 'monthly'] as const)('%s: lists exactly what the schedule reminds, and says so', (cadence) => {
    const settings = defaultSettings();
    const reply = ask(questions[cadence][lang], settings);
    expect(reply.lang).toBe(lang);
    expect(reply.matches.map((m) => m.id).sort()).toEqual(reminded(settings, cadence));
    expect(reply.matches.length).toBeGreaterThan(0);
    expect(reply.view.summary).toMatch(
      lang === 'en' ? /this workspace's reminders will ask for/ : /promemoria di questo workspace chiederanno/,
    );
  });

  it('follows the cadence settings: "at least monthly" scheduled every two months leaves the monthly list', () => {
    const settings = defaultSettings({
      cadence: { ...defaultSettings().cadence, at_least_monthly: 'bimonthly' },
    });
    const reply = ask(questions.monthly[lang], settings);
    const ids = reply.matches.map((m) => m.id);
    expect(ids).toEqual(reminded(settings, 'monthly'));
    expect(ids).toEqual(['rocketweb.customer.website-backup']);
    expect(reply.view.summary).toMatch(
      lang === 'en' ? /^Your team has 1 duty to do every month/ : /^Il vostro team ha 1 compito da svolgere ogni mese/,
    );
  });

  it('follows a per-duty override and the services in use', () => {
    const base = defaultSettings({ services: ['rocketweb', 'email'] });
    const settings = {
      ...base,
      cadence: { ...base.cadence, overrides: { 'email.customer.password-change-policy': { cadence: 'off' as const } } },
    };
    const ids = ask(questions.weekly[lang], settings).matches.map((m) => m.id);
    expect(ids.sort()).toEqual(reminded(settings, 'weekly'));
    expect(ids.every((id) => id.startsWith('rocketweb.') || id.startsWith('email.'))).toBe(true);
    expect(ids).not.toContain('email.customer.password-change-policy');
    expect(ask(questions.weekly[lang], base).matches.map((m) => m.id)).toContain(
      'email.customer.password-change-policy',
    );
  });

  it('says plainly when nothing is reminded at that period', () => {
    const settings = defaultSettings({ services: ['rocketbox'] });
    expect(reminded(settings, 'weekly')).toEqual([]);
    const reply = ask(questions.weekly[lang], settings);
    expect(reply.matches).toEqual([]);
    expect(reply.view.abstained).toBe(false);
    expect(reply.view.summary).toMatch(
      lang === 'en'
        ? /^This workspace sends no reminder every week/
        : /^Questo workspace non invia promemoria ogni settimana/,
    );
  });
});

describe('the provider’s recurring work is the source’s, not a reminder', () => {
  it('lists CoreTech’s daily duties with the usual headline', () => {
    const reply = ask('what does CoreTech do every day?');
    expect(reply.matches.every((m) => m.party === 'provider')).toBe(true);
    expect(reply.view.summary).not.toMatch(/reminders/);
  });
});

describe('through the facade, the workspace settings decide', () => {
  const scene = useCommandBot('answers-schedule', new Date('2026-11-16T10:00:00Z'));
  it('answers with the workspace’s cadence settings', async () => {
    const { here } = scene;
    const run = (text: string) => scene.bot().handle({ text, actor: admin, conversation: here });
    expect(await run('settings set cadence.at_least_monthly bimonthly')).toMatchObject({ kind: 'updated' });
    const view = await scene.bot().ask(questions.monthly.en, here);
    expect(view.items.map((item) => item.id)).toEqual(['rocketweb.customer.website-backup']);
    const bimonthly = await scene.bot().ask('what do we have to do every two months?', here);
    expect(bimonthly.items.map((item) => item.quote)).toContain(
      'Carry out a restore test at least monthly / bimonthly',
    );
    expect(bimonthly.summary).toMatch(/every two months: the ones this workspace's reminders will ask for/);
  });
});
