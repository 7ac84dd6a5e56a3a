import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, slashCommand, viewSubmission, type Who } from './payloads.js';

/**
 * Issue 10 through the real Bolt app with signed requests: a second submission of an open Done
 * modal, a Skip on a stale card, and buttons naming an ancient or bogus period are refused with
 * the core's sentence on the form, and the ledger keeps one closing.
 */

const WS = 'slack:T0001';
const DUTY = '1backup.customer.check-backup-results';
const channel = 'CLEDGER';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel };

// Monday 30 November 2026, 09:30 in Rome: the daily occurrence of the 30th fell due at 09:00.
const now = new Date('2026-11-30T08:30:00Z');

describe('Slack: one closing per occurrence, and only real periods', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => String(c.args.text).includes('dutybot')),
      'welcome',
    );
    await h.requester.command(slashCommand(admin, `assign ${DUTY} <@${owner.user}>`, h.api.responseUrl()));
  });

  afterAll(async () => {
    await h?.close();
  });

  async function openModal(who: Who, actionId: 'duty_done' | 'duty_skip', occurrence: string) {
    const before = h.api.callsTo('views.open').length;
    const click = await h.requester.interaction(
      blockAction(
        who,
        { type: 'button', action_id: actionId, value: JSON.stringify({ dutyId: DUTY, occurrence }) },
        { messageTs: '1700000000.000100', responseUrl: h.api.responseUrl() },
      ),
    );
    expect(click.status).toBe(200);
    const opened = await h.api.waitFor(() => h.api.callsTo('views.open')[before], 'views.open');
    return opened.args.view as Record<string, unknown>;
  }

  function formError(res: { json(): unknown }): string {
    const body = res.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    return Object.values(body.errors).join(' ');
  }

  it('refuses a second submission of an open Done modal and a Skip from a stale card, naming who closed it', async () => {
    const doneView = await openModal(owner, 'duty_done', '2026-11-30');
    const skipView = await openModal(admin, 'duty_skip', '2026-11-30');
    const first = await h.requester.interaction(viewSubmission(owner, doneView, { note: 'all jobs green' }));
    expect(first.status).toBe(200);
    expect(first.text).toBe('');

    const again = await h.requester.interaction(viewSubmission(owner, doneView, { note: 'second thoughts' }));
    expect(formError(again)).toMatch(/already done by .*UOWNER.*nothing was written/);
    const skip = await h.requester.interaction(viewSubmission(admin, skipView, { reason: 'never happened' }));
    expect(formError(skip)).toMatch(/already done by .*UOWNER/);

    const history = await h.dutybot.store.history(WS, DUTY, 10);
    expect(history.map((c) => [c.status, c.by, c.note])).toEqual([['done', 'UOWNER', 'all jobs green']]);
    expect((await h.dutybot.store.verifyLedger(WS)).ok).toBe(true);
  });

  it('refuses buttons naming an ancient or bogus period (seen: 2019-01-02 recorded)', async () => {
    const before = (await h.dutybot.store.ledgerEntries(WS)).length;
    const ancient = await openModal(owner, 'duty_done', '2019-01-02');
    expect(formError(await h.requester.interaction(viewSubmission(owner, ancient, { note: 'x' })))).toMatch(
      /2019-01-02 .*had already ended/,
    );
    const bogus = await openModal(owner, 'duty_done', 'banana');
    expect(formError(await h.requester.interaction(viewSubmission(owner, bogus, { note: 'x' })))).toMatch(
      /"banana" is not a period .*YYYY-MM-DD/,
    );
    expect((await h.dutybot.store.ledgerEntries(WS)).length).toBe(before);
  });
});
