import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labels } from '../../adapters/slack/labels.js';
import type { RecordedCall } from '../support/fake-slack-api.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, directMessage, slashCommand, viewSubmission, type Who } from './payloads.js';

/**
 * Answers at-least-once, effects exactly-once, and modals answered within Slack's 3 s whatever
 * users.info does. Real Bolt over signed requests; the fake Web API fails or slows calls on demand.
 */

const WS = 'slack:T0001';
const DUTY = 'sygma.customer.backup-integrity-check';
const OTHER = '1backup.customer.check-backup-results';
const channel = 'CANSWERS';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel };
const boss: Who = { team: 'T0001', user: 'UBOSS', channel };
const sorry = labels('en').somethingWrong;
let now = new Date('2026-12-01T07:00:00Z');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postsTo(h: SlackHarness, to: string): RecordedCall[] {
  return h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === to);
}

async function openModal(h: SlackHarness, who: Who, action: 'duty_done' | 'duty_skip', dutyId: string) {
  const before = h.api.callsTo('views.open').length;
  const value = JSON.stringify({ dutyId, occurrence: '2026-12-01' });
  await h.requester.interaction(
    blockAction(
      who,
      { type: 'button', action_id: action, value },
      { messageTs: '1.1', responseUrl: h.api.responseUrl() },
    ),
  );
  const opened = await h.api.waitFor(() => h.api.callsTo('views.open')[before], 'views.open');
  return opened.args.view as Record<string, unknown>;
}

describe('Slack answers and modals under a failing or slow Web API', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    h.api.admins.add(boss.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.api.waitFor(() => postsTo(h, channel).length >= 2, 'welcome and help');
    await h.requester.command(slashCommand(admin, `assign ${DUTY} <@${owner.user}>`, h.api.responseUrl()));
    await h.requester.command(slashCommand(admin, `assign ${OTHER} <@${owner.user}>`, h.api.responseUrl()));
    now = new Date('2026-12-01T09:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a DM again when Slack redelivers it after the reply failed, without a second ledger entry', async () => {
    const dm = 'DOWNER';
    const envelope = directMessage(owner, `done ${DUTY} via dm`);
    h.api.failNext('chat.postMessage', 'internal_error');
    expect((await h.requester.event(envelope)).status).toBe(200);
    // The answer failed (the person saw an apology); the effect happened once.
    await h.api.waitFor(() => postsTo(h, dm).find((c) => c.ok && String(c.args.text) === sorry), 'apology');
    expect(postsTo(h, dm).filter((c) => !c.ok)).toHaveLength(1);
    expect(await h.dutybot.store.history(WS, DUTY, 10)).toHaveLength(1);

    // Slack redelivers: processed again, answered this time, and the ledger is unchanged.
    expect((await h.requester.event(envelope, { retryNum: 1 })).status).toBe(200);
    const answer = await h.api.waitFor(
      () => postsTo(h, dm).find((c) => c.ok && String(c.args.text) !== sorry),
      'the answer on redelivery',
    );
    const history = await h.dutybot.store.history(WS, DUTY, 10);
    // The answer names the entry recorded the first time.
    expect(JSON.stringify(answer.args.blocks)).toContain(`#${history[0]?.seq}`);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'done', by: owner.user, note: 'via dm' });

    // Answered now: a further redelivery is dropped.
    const posts = postsTo(h, dm).length;
    await h.requester.event(envelope, { retryNum: 2 });
    await sleep(200);
    expect(postsTo(h, dm)).toHaveLength(posts);
  });

  it('closes the modal before a slow users.info answers, then records and tells the admin', async () => {
    // The boss is a Slack admin, not the owner: confirming needs users.info, which takes 3.5 s.
    h.api.delays.set('users.info', 3_500);
    try {
      const view = await openModal(h, boss, 'duty_done', OTHER);
      const before = h.api.callsTo('chat.postEphemeral').length;
      const res = await h.requester.interaction(viewSubmission(boss, view, { note: 'checked by the boss' }));
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      // Acknowledged before users.info answered: the check is still running, nothing is recorded yet.
      const asked = await h.api.waitFor(
        () => h.api.callsTo('users.info').find((c) => c.args.user === boss.user),
        'users.info',
      );
      expect(asked.answer).toBeNull();
      expect(await h.dutybot.store.history(WS, OTHER, 10)).toEqual([]);

      const notice = await h.api.waitFor(
        () =>
          h.api
            .callsTo('chat.postEphemeral')
            .slice(before)
            .find((c) => c.args.user === boss.user),
        'confirmation notice',
        10_000,
      );
      expect(notice.args.channel).toBe(channel);
      const history = await h.dutybot.store.history(WS, OTHER, 10);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ status: 'done', by: boss.user, note: 'checked by the boss' });
    } finally {
      h.api.delays.delete('users.info');
    }
  }, 20_000);

  it('shows field errors before any Web API call, and a failing users.info is reported after the ack', async () => {
    const view = await openModal(h, { ...boss, user: 'UOTHERADMIN' }, 'duty_skip', DUTY);
    const usersInfo = h.api.callsTo('users.info').length;
    // Validation needs no Slack call: the error is on the field, in the acknowledgement itself.
    const empty = await h.requester.interaction(
      viewSubmission({ ...boss, user: 'UOTHERADMIN' }, view, { reason: ' ' }),
    );
    expect((empty.json() as { response_action: string }).response_action).toBe('errors');
    expect(h.api.callsTo('users.info')).toHaveLength(usersInfo);

    // users.info fails: the modal is still closed at once, nothing is recorded, the person is told.
    h.api.failNext('users.info', 'ratelimited');
    const before = h.api.callsTo('chat.postEphemeral').length;
    const res = await h.requester.interaction(
      viewSubmission({ ...boss, user: 'UOTHERADMIN' }, view, { reason: 'not used here' }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const told = await h.api.waitFor(
      () =>
        h.api
          .callsTo('chat.postEphemeral')
          .slice(before)
          .find((c) => c.args.user === 'UOTHERADMIN'),
      'notice',
    );
    expect(String(told.args.text)).toBe(labels('en').adminCheckFailed);
    expect((await h.dutybot.store.history(WS, DUTY, 10)).filter((c) => c.status === 'skipped')).toEqual([]);
  });
});
