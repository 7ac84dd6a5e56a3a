import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, slashCommand, viewSubmission, type Who } from './payloads.js';

/**
 * Issue 10, "Permissions and binding" on Slack, through the real Bolt server: people of another
 * organisation (Slack Connect) are never admins here and confirm only what is assigned to them by
 * name; owners are people, never broadcast mentions or user groups. Every refusal changes nothing.
 */

const WS = 'slack:T0001';
const OWNED = '1backup.customer.check-backup-results';
const UNOWNED = 'sygma.customer.backup-integrity-check';
const channel = 'CSHARED';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel };
/** An admin of another organisation, in a channel shared through Slack Connect. */
const partnerAdmin: Who = { team: 'T0001', user: 'UPARTNERADMIN', channel };
/** A partner member the workspace explicitly made owner of one duty. */
const partnerOwner: Who = { team: 'T0001', user: 'UPARTNEROWNER', channel };

const now = new Date('2026-11-30T09:00:00Z');

function bodyText(res: { json(): unknown }): string {
  return JSON.stringify(res.json());
}

describe('Slack: outsiders and owners', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    // users.info answers as Slack does for Slack Connect members: their own team, their own role there.
    h.api.admins.add(partnerAdmin.user);
    h.api.userTeams.set(partnerAdmin.user, 'TPARTNER');
    h.api.userTeams.set(partnerOwner.user, 'TPARTNER');
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    const assigned = await h.requester.command(
      slashCommand(admin, `assign ${OWNED} <@${owner.user}> <@${partnerOwner.user}>`, h.api.responseUrl()),
    );
    expect(bodyText(assigned)).toContain(partnerOwner.user);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an admin of another organisation cannot confirm a duty owned by someone else', async () => {
    const res = await h.requester.command(slashCommand(partnerAdmin, `done ${OWNED} looks fine`, h.api.responseUrl()));
    expect(res.json()).toMatchObject({ response_type: 'ephemeral' });
    expect(bodyText(res)).toMatch(/Only the owners/);
    expect(await h.dutybot.store.history(WS, OWNED, 10)).toEqual([]);
  });

  it('an outsider cannot confirm an unassigned duty either (the channel reminder is not for them)', async () => {
    const res = await h.requester.command(slashCommand(partnerAdmin, `done ${UNOWNED}`, h.api.responseUrl()));
    expect(bodyText(res)).toMatch(/Only the owners/);
    expect(await h.dutybot.store.history(WS, UNOWNED, 10)).toEqual([]);
    // A member of the workspace may: the reminder addressed the whole channel.
    const member = await h.requester.command(
      slashCommand({ ...owner, user: 'UMEMBER' }, `done ${UNOWNED}`, h.api.responseUrl()),
    );
    expect(bodyText(member)).toMatch(/Recorded/);
    expect(await h.dutybot.store.history(WS, UNOWNED, 10)).toHaveLength(1);
  });

  it('an outsider is no admin here: settings, assign, export are refused and change nothing', async () => {
    const before = await h.dutybot.store.getWorkspace(WS);
    const audit = (await h.dutybot.store.ledgerEntries(WS)).length;
    for (const text of ['settings set language it', `assign ${OWNED} <@${partnerAdmin.user}>`, 'export']) {
      const res = await h.requester.command(slashCommand(partnerAdmin, text, h.api.responseUrl()));
      expect(bodyText(res), text).toMatch(/Only workspace admins/);
    }
    expect((await h.dutybot.store.getWorkspace(WS))?.settings).toEqual(before?.settings);
    expect(await h.dutybot.store.ledgerEntries(WS)).toHaveLength(audit);
    expect(h.api.uploads).toEqual([]);
  });

  it('an outsider assigned by name confirms that duty', async () => {
    const res = await h.requester.command(slashCommand(partnerOwner, `done ${OWNED} checked`, h.api.responseUrl()));
    expect(bodyText(res)).toMatch(/Recorded/);
    expect(await h.dutybot.store.history(WS, OWNED, 10)).toMatchObject([{ by: partnerOwner.user, status: 'done' }]);
  });

  it('refuses broadcast mentions and user groups as owners, and changes nothing', async () => {
    const before = await h.dutybot.store.getWorkspace(WS);
    const audit = (await h.dutybot.store.ledgerEntries(WS)).length;
    for (const who of ['<!channel>', '<!here>', '<!everyone>', '<!subteam^S0123ABC|@backup-team>', '@marta']) {
      const res = await h.requester.command(slashCommand(admin, `assign rocketweb ${who}`, h.api.responseUrl()));
      const body = res.json() as { response_type: string; text: string };
      expect(body.response_type, who).toBe('ephemeral');
      expect(body.text, who).toMatch(/owners must be people/);
      expect(body.text, who).not.toMatch(/<!/);
    }
    // Mixed with a real person, the whole assignment is refused.
    const mixed = await h.requester.command(
      slashCommand(admin, `assign rocketweb <@${owner.user}> <!channel>`, h.api.responseUrl()),
    );
    expect(bodyText(mixed)).toMatch(/owners must be people/);
    expect((await h.dutybot.store.getWorkspace(WS))?.settings).toEqual(before?.settings);
    expect(await h.dutybot.store.ledgerEntries(WS)).toHaveLength(audit);
  });
});

describe('Slack: channels in settings belong to the workspace', () => {
  let h: SlackHarness;
  const boss: Who = { team: 'T0001', user: 'UADMIN', channel: 'CHOME' };
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(boss.user);
    h.api.channels.set('CHOME', 'T0001');
    h.api.channels.set('CDIGEST', 'T0001');
    h.api.channels.set('COPS', 'T0001');
    h.api.channels.set('CELSEWHERE', 'T0002');
    await h.requester.event(appMention(boss, '<@UDUTYBOT> help'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses another workspace’s channel, an unknown id and a name, with a clear reply; nothing changes', async () => {
    const before = await h.dutybot.store.getWorkspace(WS);
    const audit = (await h.dutybot.store.ledgerEntries(WS)).length;
    for (const [text, shown] of [
      ['settings set default_channel <#CELSEWHERE|partners>', 'CELSEWHERE'],
      ['settings set digest.channel C0NOTHERE', 'C0NOTHERE'],
      ['settings set escalation.channel #random-name', 'random-name'],
      ['settings set channels.rocketweb <#CELSEWHERE>', 'CELSEWHERE'],
    ]) {
      const res = await h.requester.command(slashCommand(boss, text as string, h.api.responseUrl()));
      const body = res.json() as { response_type: string; text: string };
      expect(body.response_type, text).toBe('ephemeral');
      expect(body.text, text).toContain(`${shown} is not a channel of this workspace`);
    }
    const imported = await h.requester.command(
      slashCommand(boss, 'settings import default_channel: CELSEWHERE', h.api.responseUrl()),
    );
    expect(bodyText(imported)).toContain('CELSEWHERE is not a channel of this workspace');
    expect((await h.dutybot.store.getWorkspace(WS))?.settings).toEqual(before?.settings);
    expect(await h.dutybot.store.ledgerEntries(WS)).toHaveLength(audit);
    // Asked with this workspace's token, never another's.
    expect(h.api.callsTo('conversations.info').every((c) => c.token === 'xoxb-test1')).toBe(true);
  });

  it('accepts a channel of the workspace', async () => {
    const res = await h.requester.command(
      slashCommand(boss, 'settings set digest.channel <#CDIGEST|digest>', h.api.responseUrl()),
    );
    expect(bodyText(res)).toMatch(/is now/);
    expect((await h.dutybot.store.getWorkspace(WS))?.settings.digest.channel).toBe('CDIGEST');
  });

  it('changes nothing when Slack cannot be asked, and says so', async () => {
    h.api.failNext('conversations.info', 'internal_error');
    const res = await h.requester.command(
      slashCommand(boss, 'settings set default_channel <#COPS|ops>', h.api.responseUrl()),
    );
    expect(bodyText(res)).toMatch(/could not check COPS/);
    expect((await h.dutybot.store.getWorkspace(WS))?.settings.default_channel).toBeNull();
  });
});

describe('Slack OAuth: a form submitted from another team', () => {
  let h: SlackHarness;
  const acme: Who = { team: 'TACME', user: 'UACMEADMIN', channel: 'CACME' };
  const intruder: Who = { team: 'TGLOBEX', user: 'UGLOBEXADMIN', channel: 'CACME' };
  beforeAll(async () => {
    h = await startSlackHarness({ oauth: true, clock: () => now });
    for (const [code, who, token] of [
      ['code-acme', acme, 'xoxb-acme'],
      ['code-globex', intruder, 'xoxb-globex'],
    ] as const) {
      h.api.grant(code, { teamId: who.team, installerId: who.user, botToken: token });
      const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
      const state = new URL(start.headers.get('location') as string).searchParams.get('state') as string;
      const cookie = (start.headers.get('set-cookie') as string).split(';')[0] as string;
      const done = await fetch(`${h.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
        headers: { cookie },
        redirect: 'manual',
      });
      // A completed install redirects to the public "you're set" page.
      expect(done.status).toBe(302);
      expect(done.headers.get('location')).toBe(`/installed?team=${who.team}&app=A0001`);
    }
    h.api.admins.add(acme.user);
    h.api.admins.add(intruder.user);
    await h.requester.event(appMention(acme, '<@UDUTYBOT> help'));
    await h.requester.command(slashCommand(acme, `assign ${OWNED} <@UACMEOWNER>`, h.api.responseUrl()));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a Globex admin submitting a Done form installed in Acme writes nothing into Acme’s ledger', async () => {
    await h.requester.interaction(
      blockAction(
        acme,
        { type: 'button', action_id: 'duty_done', value: JSON.stringify({ dutyId: OWNED, occurrence: '2026-11-30' }) },
        { messageTs: '1700000000.000900', responseUrl: h.api.responseUrl() },
      ),
    );
    const opened = await h.api.waitFor(() => h.api.callsTo('views.open').at(-1), 'modal');
    const submission = viewSubmission(intruder, opened.args.view as Record<string, unknown>, { note: 'mine now' });
    // The form belongs to Acme's installation; the submitter is a Globex user.
    (submission.view as Record<string, unknown>).app_installed_team_id = acme.team;
    (submission.view as Record<string, unknown>).team_id = acme.team;
    const res = await h.requester.interaction(submission);
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await h.dutybot.store.history('slack:TACME', OWNED, 10)).toEqual([]);
    expect(await h.dutybot.store.history('slack:TGLOBEX', OWNED, 10)).toEqual([]);
  });
});

describe('Slack: a click is bound to the message it came from', () => {
  let h: SlackHarness;
  const A = OWNED;
  const B = UNOWNED;
  const ch = 'CBOUND';
  const boss: Who = { team: 'T0001', user: 'UADMIN', channel: ch };
  const own: Who = { team: 'T0001', user: 'UOWNER', channel: ch };
  let reminderTs = '';
  let clock = new Date('2026-11-30T07:00:00Z');

  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => clock });
    h.api.admins.add(boss.user);
    await h.requester.event(appMention(boss, '<@UDUTYBOT> help'));
    await h.requester.command(slashCommand(boss, `assign ${A} <@${own.user}>`, h.api.responseUrl()));
    await h.requester.command(slashCommand(boss, `assign ${B} <@${own.user}>`, h.api.responseUrl()));
    clock = new Date('2026-11-30T09:00:00Z');
    await h.dutybot.tick(clock);
    const reminder = h.api
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === ch && JSON.stringify(c.args.blocks ?? []).includes(`\\"dutyId\\":\\"${A}\\"`));
    expect(reminder, 'reminder for A').toBeDefined();
    reminderTs = reminder?.answer?.ts as string;
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openModal(who: Who, value: { dutyId: string; occurrence: string }, ts: string) {
    const before = h.api.callsTo('views.open').length;
    await h.requester.interaction(
      blockAction(
        who,
        { type: 'button', action_id: 'duty_done', value: JSON.stringify(value) },
        { messageTs: ts, responseUrl: h.api.responseUrl() },
      ),
    );
    const opened = await h.api.waitFor(() => h.api.callsTo('views.open')[before], 'modal');
    return opened.args.view as Record<string, unknown>;
  }

  it('a Done whose value names another duty than its reminder records nothing', async () => {
    const view = await openModal(own, { dutyId: B, occurrence: '2026-11-30' }, reminderTs);
    const res = await h.requester.interaction(viewSubmission(own, view, { note: 'redirected' }));
    const body = res.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors).join()).toMatch(/does not match the message/);
    expect(await h.dutybot.store.history(WS, A, 10)).toEqual([]);
    expect(await h.dutybot.store.history(WS, B, 10)).toEqual([]);
    expect(h.api.callsTo('chat.update')).toEqual([]);
  });

  it('a snooze naming another occurrence than its reminder records nothing', async () => {
    const responseUrl = h.api.responseUrl();
    const value = JSON.stringify({ dutyId: A, occurrence: '2026-11-27', snooze: 'tomorrow' });
    await h.requester.interaction(
      blockAction(
        own,
        {
          type: 'static_select',
          action_id: 'duty_snooze',
          selected_option: { text: { type: 'plain_text', text: 'x' }, value },
        },
        { messageTs: reminderTs, responseUrl },
      ),
    );
    const reply = await h.api.waitFor(() => h.api.responsesTo(responseUrl)[0], 'snooze reply');
    expect(String(reply.body.text)).toMatch(/does not match the message/);
    expect(await h.dutybot.store.history(WS, A, 10)).toEqual([]);
  });

  it('an edited private_metadata cannot redirect the notice to another channel: refused, nothing written', async () => {
    const view = await openModal(own, { dutyId: A, occurrence: '2026-11-30' }, reminderTs);
    const sealed = JSON.parse(String(view.private_metadata)) as Record<string, unknown>;
    for (const edit of [{ channel: 'CEVIL' }, { dutyId: B }, { messageTs: null }]) {
      const res = await h.requester.interaction(
        viewSubmission(own, { ...view, private_metadata: JSON.stringify({ ...sealed, ...edit }) }, { note: 'x' }),
      );
      expect((res.json() as { response_action: string }).response_action, JSON.stringify(edit)).toBe('errors');
    }
    // The same form submitted by another member of the workspace is not theirs either.
    const other = await h.requester.interaction(viewSubmission({ ...own, user: 'UOTHER' }, view, { note: 'x' }));
    expect((other.json() as { response_action: string }).response_action).toBe('errors');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.callsTo('chat.postEphemeral').filter((c) => c.args.channel === 'CEVIL')).toEqual([]);
    expect(await h.dutybot.store.history(WS, A, 10)).toEqual([]);
    expect(await h.dutybot.store.history(WS, B, 10)).toEqual([]);

    // Untouched, the form records the reminder's own duty and tells the owner where they clicked.
    const good = await h.requester.interaction(viewSubmission(own, view, { note: 'all green' }));
    expect(good.text).toBe('');
    expect(await h.dutybot.store.history(WS, A, 10)).toMatchObject([{ by: own.user, occurrence: '2026-11-30' }]);
    const notice = await h.api.waitFor(() => h.api.callsTo('chat.postEphemeral').at(-1), 'notice');
    expect(notice.args.channel).toBe(ch);
  });
});
