import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../support/fake-slack-api.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, slashCommand, type Who } from './payloads.js';

/** A snooze from the reminder's menu updates that reminder in place: who, until when, buttons kept. */

const WS = 'slack:T0001';
const DUTY = '1backup.customer.check-backup-results';
const channel = 'CSNOOZE';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel };
let now = new Date('2026-12-01T07:00:00Z'); // Tuesday, 08:00 in Rome

describe('Slack snooze updates the reminder in place', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length >= 2, 'welcome and help');
    await h.requester.command(slashCommand(admin, `assign ${DUTY} <@${owner.user}>`, h.api.responseUrl()));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows who snoozed it and until when, and keeps Done / Snooze / Skip', async () => {
    now = new Date('2026-12-01T08:00:00Z');
    await h.dutybot.tick(now);
    const reminder = h.api
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === channel && JSON.stringify(c.args.blocks).includes(DUTY)) as RecordedCall;
    expect(reminder).toBeDefined();
    const messageTs = reminder.answer?.ts as string;

    const value = JSON.stringify({ dutyId: DUTY, occurrence: '2026-12-01', snooze: 'tomorrow' });
    const responseUrl = h.api.responseUrl();
    await h.requester.interaction(
      blockAction(
        owner,
        {
          type: 'static_select',
          action_id: 'duty_snooze',
          selected_option: { text: { type: 'plain_text', text: 'Tomorrow' }, value },
        },
        { messageTs, responseUrl },
      ),
    );
    await h.api.waitFor(() => h.api.responsesTo(responseUrl)[0], 'snooze reply');
    const [snooze] = await h.dutybot.store.history(WS, DUTY, 1);
    expect(snooze).toMatchObject({ status: 'snoozed', by: owner.user });
    const until = Math.floor((snooze?.snoozedUntil?.getTime() ?? 0) / 1000);
    expect(until).toBeGreaterThan(now.getTime() / 1000);

    now = new Date('2026-12-01T08:01:00Z');
    await h.dutybot.tick(now);
    const update = await h.api.waitFor(
      () => h.api.callsTo('chat.update').find((c) => c.args.ts === messageTs),
      'chat.update of the reminder',
    );
    const blocks = JSON.stringify(update.args.blocks);
    expect(blocks).toContain(`Snoozed by <@${owner.user}> until <!date^${until}`);
    for (const control of ['duty_done', 'duty_snooze', 'duty_skip']) expect(blocks).toContain(control);
    // One update, not a new post.
    expect(
      h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.args.ts === messageTs),
    ).toEqual([]);
    expect(h.api.callsTo('chat.update').filter((c) => c.args.ts === messageTs)).toHaveLength(1);
  });
});
