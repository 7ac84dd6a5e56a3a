import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_VERBS } from '../../adapters/teams/cards/reminder.js';
import { DeliveryError } from '../../src/ports/messenger.js';
import type { ReminderView } from '../../src/views/types.js';
import type { RecordedCall } from '../support/fake-connector.js';
import { findAll } from '../support/find-all.js';
import { cardProblems } from './card-validation.js';
import {
  cardAction,
  cardOf,
  cardsIn,
  installRocketwebTeam,
  LUCA,
  MARCO,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

const INSTALLED = new Date('2026-11-30T07:00:00Z'); // Monday 08:00 in Rome, before the 09:00 reminders
const MONDAY = new Date('2026-11-30T08:30:00Z'); // 09:30 in Rome
const NEXT_MONDAY = new Date('2026-12-07T08:05:00Z'); // 09:05 in Rome, after the 09:00 digest time
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;
/** Weekly, due on Monday 30 November: the duty the first tick reminds of. */
const WEEKLY = 'rocketweb.customer.resource-usage-check';

describe('Teams proactive reminders, digests and card actions, end to end with auth on', () => {
  let h: TeamsHarness;
  let now = MONDAY;
  // biome-ignore lint/suspicious/noExplicitAny: invoke response cards inspected by tests.
  const invokeCards: any[] = [];

  beforeEach(async () => {
    now = INSTALLED;
    invokeCards.length = 0;
    h = await startTeamsHarness({ clock: () => now });
    await installRocketwebTeam(h, [MARCO, LUCA]);
    now = MONDAY;
  });
  afterEach(async () => {
    for (const card of [...cardsIn(h.connector), ...invokeCards]) expect(cardProblems(card)).toEqual([]);
    await h.close();
  });

  /** Runs a tick and returns the reminder card posted for a duty (the website backup by default). */
  const tickForReminder = async (dutyId = WEEKLY) => {
    const report = await h.bot.tick(now);
    const delivery = report.deliveries.find((d) => d.dutyId === dutyId && d.kind === 'reminder');
    expect(delivery?.status).toBe('sent');
    const call = h.connector
      .messages()
      .find((c) => findAll(cardOf(c), (n) => n.type === 'Action.Execute' && n.data?.dutyId === dutyId).length > 0);
    if (!call || !delivery) throw new Error(`no reminder card for ${dutyId}`);
    return { call, delivery };
  };
  const tickForBackupReminder = async (): Promise<RecordedCall> => (await tickForReminder()).call;

  const act = async (verb: string, replyTo: RecordedCall, inputs: Record<string, unknown>, user = MARCO) => {
    const data = findAll(cardOf(replyTo), (n) => n.type === 'Action.Execute' && n.verb === verb)[0]?.data;
    const response = await h.post(
      cardAction(h.connector.serviceUrl, verb, { ...data, ...inputs }, replyTo.assignedId as string, user),
    );
    expect(response.status).toBe(200);
    expect(response.body.statusCode).toBe(200);
    if (response.body.type === 'application/vnd.microsoft.card.adaptive') invokeCards.push(response.body.value);
    return response.body;
  };

  it('posts a reminder proactively through the stored team reference, as a new channel message', async () => {
    const { call: reminder, delivery: sent } = await tickForReminder();
    expect(reminder.conversationId).toBe(TEAM);
    expect(reminder.activityId).toBeNull(); // a new post, not a reply to some activity
    expect(reminder.authorization).toBe(`Bearer ${h.connector.bearer}`);
    const card = cardOf(reminder);
    expect(JSON.stringify(card.body)).toContain('<at>Marco Bianchi</at>');
    expect(findAll(card, (n) => n.type === 'Action.Execute').map((a) => a.verb)).toEqual([
      REMINDER_VERBS.done,
      REMINDER_VERBS.snooze,
      REMINDER_VERBS.skip,
    ]);
    // The outbox remembers where the message landed, so it can be updated or threaded later.
    const delivery = await h.bot.store.getDelivery(sent.key);
    expect(delivery?.status).toBe('sent');
    expect(delivery?.messageId).toBe(reminder.assignedId);
  });

  it('posts the weekly digest proactively', async () => {
    // Installed on Monday at 08:00; at 09:30 this week's 09:00 digest is due (fixed instants, so
    // the outcome does not depend on the day the test runs).
    const report = await h.bot.tick(now);
    expect(report.deliveries.find((d) => d.kind === 'digest')?.status).toBe('sent');
    const digest = h.connector.messages().find((c) => /digest/i.test(JSON.stringify(cardOf(c)?.body?.[0])));
    expect(digest?.conversationId).toBe(TEAM);
    expect(JSON.stringify(cardOf(digest as RecordedCall).body)).toMatch(/Overdue/);
    // And once a week: next Monday brings next week's digest.
    now = NEXT_MONDAY;
    const nextWeek = await h.bot.tick(now);
    expect(nextWeek.deliveries.filter((d) => d.kind === 'digest').map((d) => [d.occurrence, d.status])).toEqual([
      ['2026-W50', 'sent'],
    ]);
  });

  it('Done on the card records a ledger entry, answers with the settled card and updates the message for everyone', async () => {
    const reminder = await tickForBackupReminder();
    h.connector.reset();
    const body = await act(REMINDER_VERBS.done, reminder, {
      note: 'All sites restored',
      evidenceUrl: 'https://x.example.com/r/9',
    });

    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const refreshed = body.value;
    const text = JSON.stringify(refreshed.body);
    expect(text).toContain('Done by <at>Marco Bianchi</at>');
    expect(text).toContain('All sites restored');
    expect(refreshed.actions).toBeUndefined();

    const ledger = await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ status: 'done', by: MARCO.aadObjectId, note: 'All sites restored' });

    const update = h.connector.calls.find((c) => c.method === 'PUT');
    expect(update?.activityId).toBe(reminder.assignedId);
    expect(JSON.stringify(cardOf(update as RecordedCall).body)).toContain('Done by <at>Marco Bianchi</at>');
  });

  it('refuses Skip without a reason: the card comes back with the error and nothing is recorded', async () => {
    const reminder = await tickForBackupReminder();
    h.connector.reset();
    const body = await act(REMINDER_VERBS.skip, reminder, { reason: '   ', note: 'kept text' });
    const card = body.value;
    expect(card.body[0].style).toBe('attention');
    expect(findAll(card, (n) => n.id === 'note')[0].value).toBe('kept text');
    expect(findAll(card, (n) => n.type === 'Action.Execute').length).toBe(3);
    expect(await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10)).toEqual([]);
    expect(h.connector.calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('refuses Done from someone who is neither owner nor admin, showing why', async () => {
    const reminder = await tickForBackupReminder();
    const body = await act(REMINDER_VERBS.done, reminder, { note: 'me too' }, LUCA);
    expect(body.value.body[0].style).toBe('attention');
    expect(await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10)).toEqual([]);
  });

  it('records a double-submitted card once', async () => {
    const reminder = await tickForBackupReminder();
    await act(REMINDER_VERBS.done, reminder, { note: 'twice' });
    await act(REMINDER_VERBS.done, reminder, { note: 'twice' });
    expect(await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10)).toHaveLength(1);
  });

  it('processes a redelivered invoke once', async () => {
    const reminder = await tickForBackupReminder();
    const data = findAll(cardOf(reminder), (n) => n.verb === REMINDER_VERBS.snooze)[0].data;
    const invoke = cardAction(
      h.connector.serviceUrl,
      REMINDER_VERBS.snooze,
      { ...data, snooze: 'tomorrow' },
      reminder.assignedId as string,
      MARCO,
    );
    const first = await h.post(invoke);
    const second = await h.post(invoke);
    expect([first.status, second.status]).toEqual([200, 200]);
    invokeCards.push(first.body.value, second.body.value);
    expect(await h.bot.store.history(TEAM_WORKSPACE, WEEKLY, 10)).toHaveLength(1);
  });

  it('keeps a reminder in the outbox when Teams keeps failing, and delivers it on a later tick', async () => {
    h.connector.failNext(100, 429, 0);
    const report = await h.bot.tick(now);
    expect(report.deliveries.length).toBeGreaterThan(0);
    expect(report.deliveries.every((d) => d.status === 'retry')).toBe(true);
    expect(h.connector.messages()).toEqual([]);

    h.connector.reset();
    now = new Date(MONDAY.getTime() + 60 * 60 * 1000);
    const later = await h.bot.tick(now);
    expect(later.deliveries.find((d) => d.dutyId === WEEKLY)?.status).toBe('sent');
    const reminders = h.connector.messages().filter((c) => JSON.stringify(cardOf(c)).includes(WEEKLY));
    expect(reminders).toHaveLength(1);
  });

  it('posts follow-ups in the reminder thread of the channel', async () => {
    const weekly = WEEKLY;
    const { call: reminder } = await tickForReminder(weekly);
    now = new Date('2026-12-01T08:30:00Z'); // one working day overdue
    h.connector.reset();
    const report = await h.bot.tick(now);
    const followup = report.deliveries.find((d) => d.kind === 'followup' && d.dutyId === weekly);
    expect(followup?.status).toBe('sent');
    const threaded = h.connector
      .messages()
      .filter((c) => c.conversationId === `${TEAM};messageid=${reminder.assignedId}`);
    expect(threaded).toHaveLength(1);
  });

  it('opens a personal chat to reach one user directly', async () => {
    const view = {
      lang: 'en' as const,
      workspaceId: TEAM_WORKSPACE,
      lines: ['Hello Marco', 'Your duties are waiting.'],
    };
    const ref = await h.messenger.sendToUser(TEAM_WORKSPACE, MARCO.aadObjectId, { kind: 'welcome', view }, 'dm-1');
    const create = h.connector.calls.find((c) => c.path === '/v3/conversations');
    expect(create?.body.members).toEqual([{ id: MARCO.id, name: MARCO.name }]);
    expect(create?.body.tenantId).toBe(TENANT);
    expect(ref.channel).toBe(`a:personal-${MARCO.id}`);
    const sent = h.connector.messages().find((c) => c.conversationId === ref.channel);
    expect(sent?.assignedId).toBe(ref.id);
  });

  it('updates a posted reminder in place when the scheduler asks', async () => {
    const { call: reminder } = await tickForReminder();
    h.connector.reset();
    const stored = await h.bot.store.kvGet<{ view: ReminderView }>(
      'teams-cards',
      `${TEAM_WORKSPACE}|${reminder.assignedId}`,
    );
    if (!stored) throw new Error('the posted reminder was not remembered');
    const closedBy = {
      dutyId: WEEKLY,
      occurrence: stored.view.occurrence.occurrence,
      status: 'done' as const,
      by: MARCO.aadObjectId,
      at: '2026-11-30T10:00:00Z',
      note: 'checked from the CLI',
      evidenceUrl: null,
      reason: null,
      snoozedUntil: null,
      seq: 9,
      hash: 'f'.repeat(64),
    };
    const ref = { channel: TEAM, id: reminder.assignedId as string };
    await h.messenger.update(TEAM_WORKSPACE, ref, { kind: 'reminder', view: { ...stored.view, closedBy } });
    const put = h.connector.calls.find((c) => c.method === 'PUT');
    expect(put?.conversationId).toBe(TEAM);
    expect(put?.activityId).toBe(reminder.assignedId);
    expect(JSON.stringify(cardOf(put as RecordedCall).body)).toContain('Done by <at>Marco Bianchi</at>');
    expect(cardOf(put as RecordedCall).actions).toBeUndefined();
  });

  it('reports delivery failures the outbox can act on', async () => {
    const view = { lang: 'en' as const, workspaceId: TEAM_WORKSPACE, lines: ['hi'] };
    const post = (channel: string, workspaceId = TEAM_WORKSPACE) =>
      h.messenger.post({
        workspaceId,
        channel,
        message: { kind: 'welcome', view },
        thread: null,
        deliveryKey: `k-${channel}`,
      });

    // A chat the bot was never added to: permanent.
    const unknown = await post('a:never-seen', `teams:${TENANT}:a:never-seen`).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(DeliveryError);
    expect((unknown as DeliveryError).retryable).toBe(false);

    // Another channel of an installed team is reachable through the team's reference.
    await post('19:other-channel@thread.tacv2');
    expect(h.connector.messages().some((c) => c.conversationId === '19:other-channel@thread.tacv2')).toBe(true);

    // Removed from the team (403): permanent. Throttled past the connector's own retries: retryable.
    h.connector.failNext(1, 403);
    const forbidden = await post(TEAM).catch((e: unknown) => e);
    expect((forbidden as DeliveryError).retryable).toBe(false);
    h.connector.failNext(100, 429, 7);
    const throttled = await post(TEAM).catch((e: unknown) => e);
    expect((throttled as DeliveryError).retryable).toBe(true);
  });
});
