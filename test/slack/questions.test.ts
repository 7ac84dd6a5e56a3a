import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, blockAction, directMessage, slashCommand, type Who } from './payloads.js';

/** Questions on Slack end to end: DM, channel mention (threaded), `/duty <question>` with Share. */

const alice: Who = { team: 'T0001', user: 'UALICE', channel: 'CCOMPLIANCE' };
const QUESTION = 'who does the backup on RocketWeb?';

function isWelcome(text: unknown): boolean {
  return String(text).startsWith('Hi!');
}

describe('Slack questions end to end', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a direct message in the DM with who, how often, the quote and the source', async () => {
    const res = await h.requester.event(directMessage(alice, QUESTION));
    expect(res.status).toBe(200);
    const post = await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').find((c) => c.args.channel === 'DALICE' && !isWelcome(c.args.text)),
      'DM answer',
    );
    expect(post.token).toBe('xoxb-test1');
    expect(post.args.thread_ts).toBeUndefined();
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain('*Who*');
    expect(blocks).toContain('*How often*');
    expect(blocks).toContain('> Make a personal backup of your website at least once a month');
    expect(blocks).toContain('📄 Source: CoreTech GDPR');
    expect(String(post.args.text)).toMatch(/RocketWeb/);
  });

  it('answers a channel mention in a thread under the question, without the bot mention in the question', async () => {
    const envelope = appMention(alice, `<@UDUTYBOT> ${QUESTION}`);
    const res = await h.requester.event(envelope);
    expect(res.status).toBe(200);
    const post = await h.api.waitFor(
      () =>
        h.api
          .callsTo('chat.postMessage')
          .find((c) => c.args.channel === 'CCOMPLIANCE' && c.args.thread_ts === envelope.event.ts),
      'threaded answer',
    );
    expect(JSON.stringify(post.args.blocks)).toContain('RocketWeb');
  });

  it('answers /duty <question> privately with a Share button that posts it in the channel', async () => {
    const responseUrl = h.api.responseUrl();
    const res = await h.requester.command(slashCommand(alice, QUESTION, responseUrl));
    expect(res.status).toBe(200);
    const body = res.json() as {
      response_type: string;
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
    };
    expect(body.response_type).toBe('ephemeral');
    const share = body.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'answer_share');
    expect(share).toBeDefined();

    const clickUrl = h.api.responseUrl();
    const click = await h.requester.interaction(
      blockAction(
        alice,
        { type: 'button', action_id: 'answer_share', value: share?.value },
        { messageTs: '1.1', responseUrl: clickUrl },
      ),
    );
    expect(click.status).toBe(200);
    const responses = await h.api.waitFor(() => {
      const r = h.api.responsesTo(clickUrl);
      return r.length >= 2 && r;
    }, 'share responses');
    expect(responses[0]?.body.response_type).toBe('in_channel');
    expect(JSON.stringify(responses[0]?.body.blocks)).toContain('<@UALICE>');
    expect(responses[1]?.body.delete_original).toBe(true);
  });

  it('answers /duty ask <question> the same way, and an Italian question in Italian', async () => {
    const res = await h.requester.command(
      slashCommand(alice, 'ask who does the backup on RocketWeb?', h.api.responseUrl()),
    );
    expect(JSON.stringify(res.json())).toContain('RocketWeb');
    const it = await h.requester.command(slashCommand(alice, 'chi fa il backup su RocketWeb?', h.api.responseUrl()));
    const body = JSON.stringify(it.json());
    expect(body).toMatch(/Chi|Ogni quanto/);
  });

  it('ignores bot messages and edits in DMs', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    const fromBot = directMessage(alice, 'echo');
    (fromBot.event as Record<string, unknown>).bot_id = 'B0001';
    const edit = directMessage(alice, 'edited');
    (edit.event as Record<string, unknown>).subtype = 'message_changed';
    expect((await h.requester.event(fromBot)).status).toBe(200);
    expect((await h.requester.event(edit)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.callsTo('chat.postMessage').length).toBe(before);
  });
});
