import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../support/fake-slack-api.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { blockKitViolations } from './limits.js';
import { appMention, blockAction, slashCommand, viewSubmission, type Who } from './payloads.js';

/**
 * Duties on Slack end to end: assignment, `/duty done` by the owner and by someone else, the
 * reminder a scheduler tick posts, its Done and Skip modals, the in-place update, the digest.
 */

const WS = 'slack:T0001';
const DUTY = '1backup.customer.check-backup-results';
const SECOND_DUTY = 'sygma.customer.backup-integrity-check';
const channel = 'CCOMPLIANCE';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel };
const mallory: Who = { team: 'T0001', user: 'UMALLORY', channel };

// Monday 30 November 2026, 08:00 in Rome: before the 09:00 reminders and digest.
let now = new Date('2026-11-30T07:00:00Z');

function blocksText(call: RecordedCall | { blocks?: unknown }): string {
  const blocks = 'args' in call ? call.args.blocks : call.blocks;
  return JSON.stringify(blocks ?? []);
}

function reminderFor(h: SlackHarness, dutyId: string): RecordedCall | undefined {
  return h.api
    .callsTo('chat.postMessage')
    .find((c) => c.args.channel === channel && blocksText(c).includes(`\\"dutyId\\":\\"${dutyId}\\"`));
}

describe('Slack duties end to end', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    // First contact in the compliance channel: the workspace is created with it as home channel.
    const res = await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    expect(res.status).toBe(200);
    await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => String(c.args.text).includes('dutybot')),
      'welcome',
    );
    const assigned = await h.requester.command(
      slashCommand(admin, `assign ${DUTY} <@${owner.user}|owner>`, h.api.responseUrl()),
    );
    expect(assigned.status).toBe(200);
    expect(JSON.stringify(assigned.json())).toContain('UOWNER');
    await h.requester.command(slashCommand(admin, `assign ${SECOND_DUTY} <@${owner.user}>`, h.api.responseUrl()));
  });

  afterAll(async () => {
    await h?.close();
  });

  it('posts reminders with Done / Snooze / Skip and the digest on a scheduler tick', async () => {
    now = new Date('2026-11-30T09:00:00Z'); // 10:00 in Rome
    const report = await h.dutybot.tick(now);
    expect(report.deliveries.filter((d) => d.status !== 'sent')).toEqual([]);
    const reminder = reminderFor(h, DUTY);
    expect(reminder, 'reminder for the daily backup check').toBeDefined();
    const text = blocksText(reminder as RecordedCall);
    expect(text).toContain('<@UOWNER>');
    expect(text).toContain('duty_done');
    expect(text).toContain('duty_snooze');
    expect(text).toContain('duty_skip');
    expect(String(reminder?.args.text)).not.toBe('');

    // The digest is found through the outbox: the delivery records the ts Slack answered.
    const digestDelivery = report.deliveries.find((d) => d.kind === 'digest');
    expect(digestDelivery, 'digest delivered').toBeDefined();
    const row = await h.dutybot.store.getDelivery(digestDelivery?.key as string);
    const digest = h.api.callsTo('chat.postMessage').find((c) => c.answer?.ts === row?.messageId) as RecordedCall;
    expect(digest.args.channel).toBe(channel);
    expect(blockKitViolations(digest.args.blocks as unknown[], 50)).toEqual([]);
    expect(blocksText(digest)).toContain('Check backup results daily');
  });

  it('refuses /duty done from someone who is not the owner, with no ledger entry', async () => {
    const res = await h.requester.command(slashCommand(mallory, `done ${SECOND_DUTY} all good`, h.api.responseUrl()));
    expect(res.status).toBe(200);
    const body = res.json() as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/owner|admin/i);
    expect(JSON.stringify(body.blocks)).toContain('💡');
    expect(await h.dutybot.store.history(WS, SECOND_DUTY, 10)).toEqual([]);
  });

  it('records /duty done from the owner, with note and evidence, answered privately', async () => {
    const res = await h.requester.command(
      slashCommand(
        owner,
        `done ${SECOND_DUTY} integrity ok &lt;3 <https://reports.example.com/7>`,
        h.api.responseUrl(),
      ),
    );
    const body = res.json() as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    const history = await h.dutybot.store.history(WS, SECOND_DUTY, 10);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'done', by: 'UOWNER', evidenceUrl: 'https://reports.example.com/7' });
    expect(history[0]?.note).toContain('<3');
    // The audit chain got the same confirmation.
    const audit = await h.dutybot.store.ledgerEntries(WS);
    expect(audit.filter((e) => e.kind === 'confirmation' && e.actor === 'UOWNER')).toHaveLength(1);
  });

  it('Done button → modal → invalid link refused on the field → valid submission → ledger → chat.update', async () => {
    const reminder = reminderFor(h, DUTY) as RecordedCall;
    const messageTs = reminder.answer?.ts as string;
    const doneValue = JSON.stringify({ dutyId: DUTY, occurrence: '2026-11-30' });
    const click = await h.requester.interaction(
      blockAction(
        owner,
        { type: 'button', action_id: 'duty_done', value: doneValue },
        { messageTs, responseUrl: h.api.responseUrl() },
      ),
    );
    expect(click.status).toBe(200);
    const opened = await h.api.waitFor(() => h.api.callsTo('views.open').at(-1), 'views.open');
    const view = opened.args.view as Record<string, unknown>;
    expect(view.callback_id).toBe('duty_done_modal');

    const bad = await h.requester.interaction(viewSubmission(owner, view, { evidence: 'not a link', note: 'checked' }));
    expect(bad.status).toBe(200);
    const errors = bad.json() as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors)).toEqual(['evidence']);
    expect(await h.dutybot.store.history(WS, DUTY, 10)).toEqual([]);

    const good = await h.requester.interaction(
      viewSubmission(owner, view, { evidence: 'https://tickets.example.com/42', note: 'all jobs green' }),
    );
    expect(good.status).toBe(200);
    expect(good.text).toBe('');
    const history = await h.dutybot.store.history(WS, DUTY, 10);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'done', by: 'UOWNER', evidenceUrl: 'https://tickets.example.com/42' });

    now = new Date('2026-11-30T09:05:00Z');
    await h.dutybot.tick(now);
    const update = await h.api.waitFor(
      () => h.api.callsTo('chat.update').find((c) => c.args.ts === messageTs),
      'chat.update',
    );
    expect(update.args.channel).toBe(channel);
    const updated = blocksText(update);
    expect(updated).toContain('<@UOWNER>');
    expect(updated).not.toContain('duty_done');
    expect(updated).not.toContain('"actions"');
  });

  it('refuses a Skip without a reason on the reason field', async () => {
    const other = '1backup.customer.restore-test';
    const value = JSON.stringify({ dutyId: other, occurrence: '2026-11' });
    await h.requester.interaction(
      blockAction(
        admin,
        { type: 'button', action_id: 'duty_skip', value },
        { messageTs: '1.2', responseUrl: h.api.responseUrl() },
      ),
    );
    const opened = await h.api.waitFor(
      () =>
        h.api
          .callsTo('views.open')
          .find((c) => (c.args.view as { callback_id: string }).callback_id === 'duty_skip_modal'),
      'skip modal',
    );
    const res = await h.requester.interaction(
      viewSubmission(admin, opened.args.view as Record<string, unknown>, { reason: '   ' }),
    );
    const body = res.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['reason']);
    expect(await h.dutybot.store.history(WS, other, 10)).toEqual([]);
  });
});
