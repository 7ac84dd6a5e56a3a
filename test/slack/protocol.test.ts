import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, slashCommand, viewSubmission, type Who } from './payloads.js';

/**
 * Issue 10, "Protocol edges" on Slack, through the real Bolt server: a request stamped in the
 * future is refused like a stale one; a button, form or shortcut this version no longer knows is
 * answered at once with a short notice (not a 404 after 3 s); a payload without user or team is a
 * bad request (400), not a crash (500).
 */

const WS = 'slack:T0001';
const DUTY = '1backup.customer.check-backup-results';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel: 'CPROTO' };
const now = new Date('2026-11-30T09:00:00Z');

describe('Slack protocol edges', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => String(c.args.text).includes('dutybot')),
      'welcome',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a correctly signed request stamped more than 5 minutes in the future: 401, nothing runs', async () => {
    const calls = h.api.calls.length;
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await h.requester.command(slashCommand(admin, `done ${DUTY} from the future`, h.api.responseUrl()), {
      timestamp: future,
    });
    expect(res.status).toBe(401);
    expect(await h.dutybot.store.history(WS, DUTY, 10)).toEqual([]);
    expect(h.api.calls.length).toBe(calls);
    // A little clock skew is still fine.
    const skewed = await h.requester.command(slashCommand(admin, 'help', h.api.responseUrl()), {
      timestamp: Math.floor(Date.now() / 1000) + 60,
    });
    expect(skewed.status).toBe(200);
  });

  it('answers an unknown button at once with a short notice, and records nothing', async () => {
    const responseUrl = h.api.responseUrl();
    const started = Date.now();
    const res = await h.requester.interaction(
      blockAction(
        admin,
        {
          type: 'button',
          action_id: 'duty_done_v0',
          value: JSON.stringify({ dutyId: DUTY, occurrence: '2026-11-30' }),
        },
        { messageTs: '1700000000.000100', responseUrl },
      ),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_500);
    const notice = await h.api.waitFor(() => h.api.responsesTo(responseUrl)[0], 'no-longer-supported notice');
    expect(notice.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice.body.text)).toMatch(/no longer supported/);
    expect(await h.dutybot.store.history(WS, DUTY, 10)).toEqual([]);
  });

  it('answers an unknown form submission with the notice in the form, and records nothing', async () => {
    const started = Date.now();
    const res = await h.requester.interaction(
      viewSubmission(
        admin,
        {
          callback_id: 'duty_done_modal_v0',
          private_metadata: JSON.stringify({ dutyId: DUTY, occurrence: '2026-11-30' }),
          blocks: [],
        },
        {},
      ),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_500);
    const body = res.json() as { response_action: string; view: { blocks: unknown[] } };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view.blocks)).toMatch(/no longer supported/);
    expect(await h.dutybot.store.history(WS, DUTY, 10)).toEqual([]);
  });

  it('answers an unknown shortcut at once with the notice', async () => {
    const started = Date.now();
    const res = await h.requester.interaction({
      type: 'shortcut',
      callback_id: 'old_shortcut',
      trigger_id: '123.456',
      user: { id: admin.user, team_id: admin.team },
      team: { id: admin.team },
      token: 'legacy-verification-token',
      action_ts: '1700000000.1',
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_500);
    const opened = await h.api.waitFor(
      () => h.api.callsTo('views.open').find((c) => c.args.trigger_id === '123.456'),
      'notice modal',
    );
    expect(JSON.stringify(opened.args.view)).toMatch(/no longer supported/);
  });

  it('answers 400 to a signed interaction without user or team, never 500', async () => {
    const click = blockAction(
      admin,
      { type: 'button', action_id: 'duty_done', value: JSON.stringify({ dutyId: DUTY, occurrence: '2026-11-30' }) },
      { messageTs: '1700000000.000200', responseUrl: h.api.responseUrl() },
    ) as Record<string, unknown>;
    for (const strip of [['user'], ['team', 'enterprise', 'user']]) {
      const payload = { ...click };
      for (const field of strip) delete payload[field];
      const res = await h.requester.interaction(payload);
      expect(res.status, strip.join()).toBe(400);
    }
    const noTeam = { ...click, team: null, enterprise: null, user: { id: admin.user } };
    expect((await h.requester.interaction(noTeam)).status).toBe(400);
    const command = slashCommand(admin, 'pending', h.api.responseUrl());
    delete (command as Record<string, string | undefined>).user_id;
    expect((await h.requester.command(command)).status).toBe(400);
    expect(h.api.callsTo('views.open').filter((c) => JSON.stringify(c.args).includes('1700000000.000200'))).toEqual([]);
    // Unsigned, the same body is still a 401: the shape is judged only after the signature.
    const unsigned = await h.requester.interaction(noTeam, { signature: 'v0=forged' });
    expect(unsigned.status).toBe(401);
  });
});
