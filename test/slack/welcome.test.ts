import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/views/catalogue/index.js';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { slashCommand, type Who } from './payloads.js';

/** Slack's welcome: the setup walk-through, naming who brought the bot in, and never lost to a failed post. */

const en = catalogue('en');
const who: Who = { team: 'T0001', user: 'U0ADMIN', channel: 'C0HOME' };
let now = new Date('2026-11-29T10:00:00Z');

function welcomes(h: SlackHarness, channel: string) {
  return h.api
    .callsTo('chat.postMessage')
    .filter((c) => c.ok && c.args.channel === channel && String(c.args.text).includes("I'm dutybot"));
}

describe('Slack welcome', () => {
  let h: SlackHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('walks the first user through the setup, in the channel they used', async () => {
    h = await startSlackHarness({ clock: () => now });
    // A channel the bot was invited to (conversations.info says is_member): it becomes the home.
    h.api.channels.set(who.channel, who.team);
    await h.requester.command(slashCommand(who, 'help', h.api.responseUrl()));
    const [welcome] = await h.api.waitFor(
      () => welcomes(h as SlackHarness, who.channel).length > 0 && welcomes(h as SlackHarness, who.channel),
      'welcome',
    );
    const text = String(welcome?.args.text);
    expect(text).toContain(en.setup.addedBy('<@U0ADMIN>'));
    expect(text).toContain('⬜ Services: all 9 CoreTech services until you choose yours: `/duty settings set services');
    expect(text).toContain('⬜ Owners: nobody yet');
    expect(text).toContain(
      '✅ Reminders channel: this one (another: `/duty settings set default_channel &lt;channel&gt;`)',
    );
  });

  it('hands a welcome whose posts fail (channel and DM) to the outbox, which delivers it once to the DM', async () => {
    now = new Date('2026-11-29T10:00:00Z');
    h = await startSlackHarness({ clock: () => now });
    h.api.inject({
      method: 'chat.postMessage',
      channel: who.channel,
      count: 1,
      kind: 'error',
      error: 'not_in_channel',
    });
    h.api.inject({ method: 'chat.postMessage', channel: 'D0ADMIN', count: 1, kind: 'error', error: 'internal_error' });
    await h.requester.command(slashCommand(who, 'help', h.api.responseUrl()));
    const workspace = 'slack:T0001';
    await h.api.waitFor(() => h?.logs.some((line) => line.includes('welcome post failed')), 'the failed welcome');
    let pending = 0;
    for (let i = 0; i < 100 && pending === 0; i++) {
      pending = (await h.dutybot.store.workspaceActivity(workspace)).pendingDeliveries;
      if (pending === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(pending).toBe(1);
    expect(welcomes(h, who.channel)).toHaveLength(0);

    // Redelivered to the person's DM with the app, which needs no invitation to the channel.
    now = new Date('2026-11-29T10:02:00Z');
    await h.dutybot.tick(now);
    expect(welcomes(h, who.user)).toHaveLength(1);
    now = new Date('2026-11-29T10:10:00Z');
    await h.dutybot.tick(now);
    expect(welcomes(h, who.user)).toHaveLength(1);
    expect(welcomes(h, who.channel)).toHaveLength(0);
  });
});
