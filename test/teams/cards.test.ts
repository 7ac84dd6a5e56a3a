import { describe, expect, it } from 'vitest';
import { RenderContext } from '../../adapters/teams/cards/context.js';
import { renderDigest } from '../../adapters/teams/cards/digest.js';
import type { AdaptiveCardJson } from '../../adapters/teams/cards/elements.js';
import { REMINDER_VERBS, renderReminder } from '../../adapters/teams/cards/reminder.js';
import { renderReply, renderWelcome } from '../../adapters/teams/cards/reply.js';
import type { Lang } from '../../src/views/types.js';
import { findAll } from '../support/find-all.js';
import { cardProblems, mentionProblems } from './card-validation.js';
import { confirmation, digest, everyReply, NAMES, reminderView, USER_ANNA, welcome } from './view-fixtures.js';

const ctx = (lang: Lang = 'en') =>
  new RenderContext(lang, NAMES, (id) => (id === confirmation.dutyId ? 'Website backup' : null));

function expectValid(card: AdaptiveCardJson) {
  expect(cardProblems(card)).toEqual([]);
  expect(mentionProblems(card)).toEqual([]);
  expect(card.fallbackText.length).toBeGreaterThan(0);
}

describe('Teams Adaptive Cards', () => {
  it.each(everyReply().map((reply, i) => [`${i}:${reply.kind}:${reply.lang}`, reply] as const))(
    'renders a valid card for reply %s',
    (_name, reply) => {
      const rendered = renderReply(reply, ctx(reply.lang));
      expectValid(rendered.card);
    },
  );

  it.each([
    ['open en', reminderView('en'), {}],
    ['open it', reminderView('it'), {}],
    ['done', reminderView('en', confirmation), {}],
    ['skipped it', reminderView('it', { ...confirmation, status: 'skipped' as const, reason: 'Sito dismesso' }), {}],
    [
      'snoozed',
      reminderView('en', { ...confirmation, status: 'snoozed' as const, snoozedUntil: '2026-11-29T08:00:00Z' }),
      {},
    ],
    [
      'refused with inputs kept',
      reminderView('en'),
      {
        error: { message: 'A reason is needed to skip.', hint: 'Write why in the box.' },
        inputs: { note: 'n', evidenceUrl: 'https://x.example/1', snooze: 'tomorrow', reason: null },
      },
    ],
  ])('renders a valid reminder card (%s)', (_name, view, state) => {
    expectValid(renderReminder(view, ctx(view.lang), state).card);
  });

  it('renders valid digest and welcome cards', () => {
    expectValid(renderDigest(digest, ctx()).card);
    expectValid(renderWelcome(welcome, ctx()).card);
  });

  it('offers Done, Snooze and Skip as Universal Actions carrying the occurrence', () => {
    const card = renderReminder(reminderView('en'), ctx()).card;
    const executes = findAll(card, (n) => n.type === 'Action.Execute');
    expect(executes.map((a) => a.verb)).toEqual([REMINDER_VERBS.done, REMINDER_VERBS.snooze, REMINDER_VERBS.skip]);
    for (const action of executes) {
      expect(action.data).toEqual({ dutyId: 'rocketweb.customer.website-backup', occurrence: '2026-11' });
    }
    const inputs = findAll(card, (n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual(['note', 'evidenceUrl', 'snooze', 'reason']);
    expect(inputs.find((i) => i.id === 'reason').isRequired).toBe(true);
    expect(inputs.find((i) => i.id === 'snooze').choices.map((c: { value: string }) => c.value)).toEqual([
      '1h',
      'tomorrow',
      'next-week',
    ]);
  });

  it('mentions known users with entities and shows unknown ids as plain text', () => {
    const card = renderReminder(reminderView('en'), ctx()).card;
    expect(card.msteams.entities).toEqual([
      { type: 'mention', text: '<at>Anna Rossi</at>', mentioned: { id: USER_ANNA, name: 'Anna Rossi' } },
    ]);
    const text = JSON.stringify(card.body);
    expect(text).toContain('<at>Anna Rossi</at>');
    expect(text).toContain('aad-unknown');
    expect(card.fallbackText).toContain('Reminder for Anna Rossi');
    expect(card.fallbackText).not.toContain('<at>');
  });

  it('shows who confirmed and when, without buttons, once done', () => {
    const card = renderReminder(reminderView('en', confirmation), ctx()).card;
    expect(card.actions).toBeUndefined();
    const text = JSON.stringify(card.body);
    expect(text).toContain('Done by <at>Anna Rossi</at>');
    expect(text).toContain('{{DATE(2026-11-28T10:15:30Z, SHORT)}}');
    expect(text).toContain('https://tickets.example.com/T-42');
    expect(card.fallbackText).toContain('Done by Anna Rossi on 2026-11-28 10:15 UTC');
  });

  it('keeps Done and Skip on a snoozed reminder', () => {
    const view = reminderView('en', { ...confirmation, status: 'snoozed', snoozedUntil: '2026-11-29T08:00:00Z' });
    const verbs = findAll(renderReminder(view, ctx()).card, (n) => n.type === 'Action.Execute').map((a) => a.verb);
    expect(verbs).toContain(REMINDER_VERBS.done);
    expect(verbs).toContain(REMINDER_VERBS.skip);
  });

  it('re-renders a refused card with the error on top and the typed values kept', () => {
    const card = renderReminder(reminderView('en'), ctx(), {
      error: { message: 'The evidence link is not a valid URL.', hint: 'Use https://…' },
      inputs: { note: 'restored fine', evidenceUrl: 'not a url', snooze: 'tomorrow', reason: null },
    }).card;
    expect(card.body[0]?.style).toBe('attention');
    expect(JSON.stringify(card.body[0])).toContain('The evidence link is not a valid URL.');
    const inputs = findAll(card, (n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
    expect(inputs.find((i) => i.id === 'note').value).toBe('restored fine');
    expect(inputs.find((i) => i.id === 'evidenceUrl').value).toBe('not a url');
    expect(inputs.find((i) => i.id === 'snooze').value).toBe('tomorrow');
  });

  it('labels the card chrome in Italian for Italian views', () => {
    const card = renderReminder(reminderView('it'), ctx('it')).card;
    expect(findAll(card, (n) => n.type === 'Action.ShowCard').map((a) => a.title)).toEqual([
      'Fatto',
      'Rimanda',
      'Salta',
    ]);
    expect(JSON.stringify(card.body)).toContain('Fare un backup del sito');
  });

  it('truncates a long export with a pointer to the full file', () => {
    const reply = everyReply().find((r) => r.kind === 'export');
    if (!reply) throw new Error('fixture missing');
    for (const content of [
      'x'.repeat(50_000),
      `seq,duty,status,by,at\n${'12,rocketweb.customer.website-backup,done,aad-anna,2026-11-28T10:15:30Z\n'.repeat(2_000)}`,
    ]) {
      const card = renderReply({ ...reply, content }, ctx()).card;
      expect(JSON.stringify(card).length).toBeLessThan(20_000);
      expect(JSON.stringify(card.body)).toContain('dutybot export');
    }
    // A short export is shown whole, header included, without the pointer.
    const small = renderReply({ ...reply, content: 'seq,duty\n1,a\n' }, ctx()).card;
    expect(JSON.stringify(small.body)).toContain('seq,duty');
    expect(JSON.stringify(small.body)).not.toContain('dutybot export');
  });
});

describe('the card validator itself', () => {
  it('catches unknown types, bad enum values, duplicate ids and wrong versions', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.2',
      body: [
        { type: 'Bogus' },
        { type: 'TextBlock', text: 'x', size: 'Gigantic' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
      ],
      actions: [{ type: 'Action.Teleport', title: 'x' }],
    };
    const problems = cardProblems(bad).join('\n');
    expect(problems).toMatch(/Bogus/);
    expect(problems).toMatch(/Gigantic/);
    expect(problems).toMatch(/Duplicate id|duplicate/i);
    expect(problems).toMatch(/Teleport/);
    expect(problems).toMatch(/version must be 1.5/);
  });
});
