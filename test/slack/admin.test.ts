import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, homeOpened, slashCommand, viewSubmission, type Who } from './payloads.js';

/** Admin features and personal surfaces: export to DM, App Home, snooze from a reminder. */

const WS = 'slack:T0001';
const DUTY = '1backup.customer.check-backup-results';
const channel = 'COPS';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel };
let now = new Date('2026-12-01T07:00:00Z');

describe('Slack admin features, App Home and snooze', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.requester.command(slashCommand(admin, `assign ${DUTY} <@UOWNER>`, h.api.responseUrl()));
    now = new Date('2026-12-01T09:00:00Z');
    await h.requester.command(slashCommand(owner, `done ${DUTY} checked`, h.api.responseUrl()));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('delivers /duty export to the admin as a CSV file in their DM, never a channel', async () => {
    const res = await h.requester.command(slashCommand(admin, 'export', h.api.responseUrl()));
    const body = res.json() as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/direct message/);

    const open = h.api.callsTo('conversations.open').at(-1);
    expect(open?.args.users).toBe('UADMIN');
    const complete = h.api.callsTo('files.completeUploadExternal').at(-1);
    expect(complete?.args.channel_id).toBe('DADMIN');
    const upload = h.api.uploads.at(-1);
    expect(upload?.content).toContain(DUTY);
    expect(upload?.content).toContain('UOWNER');
    // Nothing about the export was posted into the channel.
    expect(
      h.api
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === channel && String(c.args.text).includes('.csv')),
    ).toEqual([]);
  });

  it('refuses /duty export to a non-admin, with nothing uploaded', async () => {
    const uploads = h.api.uploads.length;
    const res = await h.requester.command(slashCommand(owner, 'export', h.api.responseUrl()));
    const body = res.json() as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/admin/i);
    expect(h.api.uploads.length).toBe(uploads);
  });

  it('publishes the App Home with the user’s duties; admins also see the settings', async () => {
    await h.requester.event(homeOpened(owner));
    const ownerHome = await h.api.waitFor(
      () => h.api.callsTo('views.publish').find((c) => c.args.user_id === 'UOWNER'),
      'owner home',
    );
    const ownerView = ownerHome.args.view as { type: string; blocks: unknown[] };
    expect(ownerView.type).toBe('home');
    expect(JSON.stringify(ownerView.blocks)).not.toContain('Workspace settings');

    await h.requester.event(homeOpened(admin));
    const adminHome = await h.api.waitFor(
      () => h.api.callsTo('views.publish').find((c) => c.args.user_id === 'UADMIN'),
      'admin home',
    );
    const adminView = adminHome.args.view as { blocks: unknown[] };
    expect(JSON.stringify(adminView.blocks)).toContain('Workspace settings');
    expect(adminView.blocks.length).toBeLessThanOrEqual(100);
  });

  it('snoozes from the reminder menu, records it and answers privately', async () => {
    const duty = 'sygma.customer.backup-integrity-check';
    await h.requester.command(slashCommand(admin, `assign ${duty} <@UOWNER>`, h.api.responseUrl()));
    const value = JSON.stringify({ dutyId: duty, occurrence: '2026-12-01', snooze: 'tomorrow' });
    const responseUrl = h.api.responseUrl();
    const res = await h.requester.interaction(
      blockAction(
        owner,
        {
          type: 'static_select',
          action_id: 'duty_snooze',
          selected_option: { text: { type: 'plain_text', text: 'Tomorrow' }, value },
        },
        { messageTs: '1700000000.000500', responseUrl },
      ),
    );
    expect(res.status).toBe(200);
    const response = await h.api.waitFor(() => h.api.responsesTo(responseUrl)[0], 'snooze reply');
    expect(response.body.response_type).toBe('ephemeral');
    const history = await h.dutybot.store.history(WS, duty, 10);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'snoozed', by: 'UOWNER' });
    expect(history[0]?.snoozedUntil?.getTime()).toBeGreaterThan(now.getTime());
  });

  it('confirms from a Done button on the App Home and refreshes the Home tab', async () => {
    const duty = '1backup.customer.configure-backup-jobs';
    await h.requester.command(slashCommand(admin, `assign ${duty} <@UOWNER>`, h.api.responseUrl()));
    const click = blockAction(
      owner,
      { type: 'button', action_id: 'duty_done', value: JSON.stringify({ dutyId: duty, occurrence: '2026-W49' }) },
      { messageTs: '', responseUrl: '' },
    ) as Record<string, unknown>;
    // On the Home tab there is no channel, message or response URL: the container is the view.
    delete click.channel;
    delete click.message;
    delete click.response_url;
    click.container = { type: 'view', view_id: 'VHOME' };
    click.view = { id: 'VHOME', type: 'home', blocks: [] };
    await h.requester.interaction(click);
    const opened = await h.api.waitFor(
      () =>
        h.api
          .callsTo('views.open')
          .find((c) => String((c.args.view as { private_metadata: string }).private_metadata).includes(duty)),
      'modal from home',
    );
    const published = h.api.callsTo('views.publish').length;
    const res = await h.requester.interaction(viewSubmission(owner, opened.args.view as Record<string, unknown>, {}));
    expect(res.text).toBe('');
    expect(await h.dutybot.store.history(WS, duty, 10)).toHaveLength(1);
    const refreshed = await h.api.waitFor(
      () => h.api.callsTo('views.publish').length > published && h.api.callsTo('views.publish').at(-1),
      'home refreshed',
    );
    expect(refreshed.args.user_id).toBe('UOWNER');
  });
});
