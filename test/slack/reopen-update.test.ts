import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../support/fake-slack-api.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, slashCommand, type Who } from './payloads.js';

/**
 * A reopened occurrence: the reminder that was edited to "done" is edited back to open, with its
 * Done / Snooze / Skip buttons, so the channel never keeps showing a closing the ledger withdrew.
 */

const DUTY = '1backup.customer.check-backup-results';
const channel = 'CCOMPLIANCE';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
let now = new Date('2026-11-30T07:00:00Z');

function blocksText(call: RecordedCall): string {
  return JSON.stringify(call.args.blocks ?? []);
}

describe('Slack: a reopened reminder', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length > 0, 'welcome');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is edited back to open after a reopen', async () => {
    now = new Date('2026-11-30T09:00:00Z');
    await h.dutybot.tick(now);
    const reminder = h.api
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === channel && blocksText(c).includes(`\\"dutyId\\":\\"${DUTY}\\"`));
    expect(reminder).toBeDefined();
    const ts = reminder?.answer?.ts as string;
    const updatesOf = () => h.api.callsTo('chat.update').filter((c) => c.args.ts === ts);

    await h.requester.command(slashCommand(admin, `done ${DUTY} all good`, h.api.responseUrl()));
    now = new Date('2026-11-30T09:05:00Z');
    await h.dutybot.tick(now);
    const closed = updatesOf().at(-1) as RecordedCall;
    expect(closed, 'the reminder edited to done').toBeDefined();
    expect(blocksText(closed)).not.toContain('duty_done');

    const reopened = await h.requester.command(
      slashCommand(admin, `reopen ${DUTY} for 2026-11-30 -- the restore test failed after all`, h.api.responseUrl()),
    );
    expect(JSON.stringify(reopened.json())).toContain('Reopened');
    now = new Date('2026-11-30T09:10:00Z');
    await h.dutybot.tick(now);
    expect(updatesOf()).toHaveLength(2);
    const open = updatesOf().at(-1) as RecordedCall;
    // Open again: its buttons are back, and nothing new was posted for it.
    expect(blocksText(open)).toContain('duty_done');
    expect(blocksText(open)).toContain('duty_skip');
    const reposts = h.api
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === channel && blocksText(c).includes(`\\"dutyId\\":\\"${DUTY}\\"`));
    expect(reposts).toHaveLength(1);
  });
});
