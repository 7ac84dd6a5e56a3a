import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../support/fake-slack-api.js';
import {
  HOSTILE_EVIDENCE,
  hostileLine,
  hostileText,
  slackLiveMarkup,
  slackMrkdwnTexts,
  slackTyped,
} from '../support/hostile-strings.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, homeOpened, slashCommand, viewSubmission, type Who } from './payloads.js';

/**
 * Untrusted text on Slack, through the real Bolt app with signed requests: the hostile corpus
 * typed as a skip reason, a Done note, an evidence link, a duty name and a question, and every
 * `text` Slack parses as mrkdwn that reached the fake Web API, a response URL or an HTTP answer —
 * blocks and the message-level notification text — checked for live markup.
 */

const WS = 'slack:T0001';
const SKIPPED = '1backup.customer.check-backup-results';
const DONE = 'sygma.customer.backup-integrity-check';
const channel = 'CUNTRUSTED';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel };
const PEOPLE = ['UADMIN', 'UOWNER'];
/** The tokens Slack itself writes when someone uses autocomplete (@channel, a user, a link). */
const REAL_TOKENS =
  '<!channel> <!here|here> <@U0CEO|ceo> <#C0SECRET|secret> <https://evil.example/login|Click to verify>';

let now = new Date('2026-11-30T07:00:00Z');

describe('untrusted text on Slack', () => {
  let h: SlackHarness;
  const answers: unknown[] = [];

  const command = async (who: Who, text: string) => {
    const res = await h.requester.command(slashCommand(who, text, h.api.responseUrl()));
    expect(res.status).toBe(200);
    const body = res.text ? res.json() : null;
    answers.push(body);
    return body as { text: string; blocks: unknown[] };
  };
  const reminderFor = (dutyId: string): RecordedCall =>
    h.api
      .callsTo('chat.postMessage')
      .find((c) => JSON.stringify(c.args.blocks ?? []).includes(`\\"dutyId\\":\\"${dutyId}\\"`)) as RecordedCall;

  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').at(0), 'welcome');
    await command(admin, `assign ${SKIPPED} <@UOWNER>`);
    await command(admin, `assign ${DONE} <@UOWNER>`);
    now = new Date('2026-11-30T09:00:00Z');
    await h.dutybot.tick(now);
    expect(reminderFor(SKIPPED), 'open reminder').toBeDefined();
    expect(reminderFor(DONE), 'open reminder').toBeDefined();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps a typed &lt;!channel&gt; as text and never makes a mention of a typed {{user:…}}', async () => {
    const reply = await command(owner, `skip ${SKIPPED} -- ${slackTyped(hostileLine())} ${REAL_TOKENS}`);
    expect(reply.text).toBeTruthy();
    const [entry] = await h.dutybot.store.history(WS, SKIPPED, 1);
    expect(entry?.status).toBe('skipped');
    const reason = entry?.reason ?? '';
    // Typed entities are decoded once, into text; Slack's own tokens lose their markup.
    expect(reason).toContain('<!channel> all hands');
    expect(reason).toContain('&lt;!channel&gt;');
    expect(reason).toContain('{{user:U0CEO}}');
    expect(reason).toContain('@channel');
    // A real mention inside a reason is kept as text: the reason never notifies anyone.
    expect(reason).toContain('@U0CEO');
    expect(reason).not.toMatch(/[\uFDD0-\uFDEF]/);
  });

  it('posts the closed reminder (skip reason in the notification text) with nothing live', async () => {
    const reminder = reminderFor(SKIPPED);
    now = new Date('2026-11-30T09:05:00Z');
    await h.dutybot.tick(now);
    const update = await h.api.waitFor(
      () => h.api.callsTo('chat.update').find((c) => c.args.ts === reminder.answer?.ts),
      'closed reminder',
    );
    const text = String(update.args.text);
    // The reason is there, in the notification text, as inert text.
    expect(text).toContain('&lt;!channel&gt; all hands');
    expect(text).toContain('&lt;https://evil.example/login|Click to verify&gt;');
    expect(text).toContain('{{user:U0CEO}}');
    expect(text).toContain('<@UOWNER>');
    expect(text).toContain('\u200B*\u200Bbold\u200B*\u200B');
    expect(slackLiveMarkup(text, PEOPLE)).toEqual([]);
    for (const t of slackMrkdwnTexts(update.args.blocks)) expect(slackLiveMarkup(t, PEOPLE)).toEqual([]);
  });

  it('shows a hostile Done note and evidence link inert, the link labelled with its host', async () => {
    const reminder = reminderFor(DONE);
    await h.requester.interaction(
      blockAction(
        owner,
        { type: 'button', action_id: 'duty_done', value: JSON.stringify({ dutyId: DONE, occurrence: '2026-11-30' }) },
        { messageTs: reminder.answer?.ts as string, responseUrl: h.api.responseUrl() },
      ),
    );
    const opened = await h.api.waitFor(() => h.api.callsTo('views.open').at(-1), 'done modal');
    const submitted = await h.requester.interaction(
      viewSubmission(owner, opened.args.view as Record<string, unknown>, {
        note: hostileText('\n'),
        evidence: HOSTILE_EVIDENCE,
      }),
    );
    expect(submitted.status).toBe(200);
    const [entry] = await h.dutybot.store.history(WS, DONE, 1);
    expect(entry).toMatchObject({ status: 'done', evidenceUrl: new URL(HOSTILE_EVIDENCE).href });

    now = new Date('2026-11-30T09:10:00Z');
    await h.dutybot.tick(now);
    const update = await h.api.waitFor(
      () => h.api.callsTo('chat.update').find((c) => c.args.ts === reminder.answer?.ts),
      'closed reminder',
    );
    const shown = JSON.stringify(update.args.blocks);
    // One link, to evidence.example.com, labelled with that host: the rest of the URL is its path.
    expect(shown).toContain(
      '<https://evidence.example.com/x)[Open%20the%20signed%20report](https://evil.example/phish|evidence.example.com>',
    );
    expect(shown).toContain('&lt;@U0CEO&gt; approve this');
    for (const t of [String(update.args.text), ...slackMrkdwnTexts(update.args.blocks)]) {
      expect(slackLiveMarkup(t, PEOPLE)).toEqual([]);
    }
  });

  it('keeps history, digest, pending, App Home, refusals and answers inert', async () => {
    const history = await command(owner, `history ${DONE}`);
    expect(JSON.stringify(history)).toContain('approve this');
    const digest = await command(admin, 'digest');
    expect(JSON.stringify(digest)).toContain('approve this');
    await command(admin, 'pending all');
    await command(admin, 'settings show');
    // A refusal echoes what was typed as the duty's name.
    const refused = await command(owner, `done ${slackTyped(hostileLine())} ${REAL_TOKENS}`);
    expect(JSON.stringify(refused)).toMatch(/all hands/);
    await command(owner, `who checks backups? ${slackTyped(hostileLine())} ${REAL_TOKENS}`);
    await h.requester.event(appMention(owner, `<@UDUTYBOT> ${slackTyped(hostileLine())} ${REAL_TOKENS}`));
    await h.requester.event(homeOpened(owner));
    await h.requester.event(homeOpened(admin));
    await h.api.waitFor(() => h.api.callsTo('views.publish').find((c) => c.args.user_id === 'UADMIN'), 'home');
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length > 3 && true, 'mention answer');
  });

  it('sent nothing live anywhere: Web API calls, response URLs and HTTP answers', async () => {
    const surfaces: unknown[] = [...h.api.calls.map((c) => c.args), ...h.api.responses.map((r) => r.body), ...answers];
    const texts = surfaces.flatMap((surface) => slackMrkdwnTexts(surface));
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.some((t) => t.includes('all hands'))).toBe(true);
    const live = texts.flatMap((t) => slackLiveMarkup(t, PEOPLE).map((problem) => `${problem} in ${t.slice(0, 120)}`));
    expect(live).toEqual([]);
    // Plain-text fields too never show a mark delimiter.
    expect(JSON.stringify(surfaces)).not.toMatch(/[\uFDD0-\uFDEF]/);
  });
});
