import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import type { Actor, Conversation, DutybotCore } from '../src/bot/types.js';
import { parseCommand } from '../src/commands/grammar.js';
import {
  DeliveryError,
  type MessageRef,
  type Messenger,
  type OutboundMessage,
  type PostRequest,
} from '../src/ports/messenger.js';
import { catalogue } from '../src/views/catalogue/index.js';
import { STORE_BACKENDS, type StoreBackend } from './support/postgres.js';
import { recordingLogger } from './support/recording-logger.js';

/**
 * Personal messages can be turned off by the person who gets them (`stop reminders to me`, in
 * Italian too), per user per workspace, stored in the bot's store (SQLite and PostgreSQL), and
 * the scheduler's personal messages (admin notices) respect it.
 */

describe('the opt-out phrases', () => {
  it.each([
    ['stop reminders to me', false, 'en'],
    ['Stop  Reminders To Me', false, 'en'],
    ['stop sending messages to me.', false, 'en'],
    ['start reminders to me', true, 'en'],
    ['non mandarmi più promemoria', false, 'it'],
    ['non mandarmi promemoria', false, 'it'],
    ['mandami promemoria', true, 'it'],
    ['mandami di nuovo i promemoria', true, 'it'],
  ] as const)('`%s` → personal messages %s', (text, on, lang) => {
    expect(parseCommand(text)).toEqual({ command: { name: 'personal-messages', on }, lang });
  });

  it.each(['stop', 'stop reminders', 'stop reminders to marco', 'why do you stop reminders to me?'])(
    '`%s` is not the command (only the whole phrase is)',
    (text) => {
      expect(parseCommand(text)).not.toMatchObject({ command: { name: 'personal-messages' } });
    },
  );
});

/** Reminders to the channel fail for good (the bot was removed); everything else lands. */
class BrokenChannelMessenger implements Messenger {
  personal: { userId: string; message: OutboundMessage }[] = [];
  posts: PostRequest[] = [];
  blocked = new Set<string>();
  async post(request: PostRequest): Promise<MessageRef> {
    if (request.message.kind === 'reminder') throw new DeliveryError('the bot is not in this channel', false);
    this.posts.push(request);
    return { channel: request.channel, id: `p${this.posts.length}` };
  }
  async update(): Promise<void> {}
  async sendToUser(_workspaceId: string, userId: string, message: OutboundMessage): Promise<MessageRef> {
    if (this.blocked.has(userId)) throw new DeliveryError('the user blocked the bot', false);
    this.personal.push({ userId, message });
    return { channel: `dm-${userId}`, id: `d${this.personal.length}` };
  }
}

const INSTALLED = new Date('2026-11-20T08:00:00Z');
const REMINDERS = new Date('2026-12-01T08:05:00Z');
const NOTICES = new Date('2026-12-01T08:20:00Z'); // a notice waits 10 minutes

describe.each(STORE_BACKENDS)('personal messages off and on, on $name', ({ make }) => {
  let backend: StoreBackend;
  let bot: DutybotCore | undefined;
  let now = INSTALLED;
  const here: Conversation = { workspaceId: 'ws', platform: 'local', channelId: 'ops' };
  const other: Conversation = { workspaceId: 'ws-other', platform: 'local', channelId: 'ops' };
  const person = (userId: string): Actor => ({ userId, isPlatformAdmin: async () => userId === 'ada' });

  beforeAll(() => {
    backend = make();
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  const start = async (): Promise<{ bot: DutybotCore; messenger: BrokenChannelMessenger }> => {
    now = INSTALLED;
    // The failures provoked here are logged as warnings: kept out of the run's output.
    bot = await createDutybot({ databaseUrl: await backend.fresh(), clock: () => now, logger: recordingLogger() });
    const messenger = new BrokenChannelMessenger();
    bot.useMessenger('local', messenger);
    for (const conversation of [here, other]) {
      await bot.ensureWorkspace(conversation, 'ada');
      const set = await bot.handle({
        text: 'settings set admins @ada @bob @carol',
        actor: person('ada'),
        conversation,
        now,
      });
      expect(set.kind).toBe('updated');
    }
    return { bot, messenger };
  };

  const say = (b: DutybotCore, userId: string, text: string, conversation = here) =>
    b.handle({ text, actor: person(userId), conversation, now });

  it('anyone may turn their own personal messages off and on, in this workspace only', async () => {
    const { bot } = await start();
    const off = await say(bot, 'bob', 'stop reminders to me');
    expect(off).toEqual({ kind: 'updated', lang: 'en', message: catalogue('en').storeRules.personalOff });
    const offIt = await say(bot, 'carol', 'non mandarmi più promemoria');
    expect(offIt).toEqual({ kind: 'updated', lang: 'it', message: catalogue('it').storeRules.personalOff });
    expect(await bot.store.kvGet('personal-messages', 'ws|bob')).toMatchObject({ on: false });
    expect(await bot.store.kvGet('personal-messages', 'ws-other|bob')).toBeUndefined();
    const on = await say(bot, 'carol', 'mandami promemoria');
    expect(on).toEqual({ kind: 'updated', lang: 'it', message: catalogue('it').storeRules.personalOn });
    expect(await bot.store.kvGet('personal-messages', 'ws|carol')).toMatchObject({ on: true });
  });

  it('admin notices skip whoever turned personal messages off, and one blocked admin does not stop the rest', async () => {
    const { bot, messenger } = await start();
    await say(bot, 'bob', 'stop reminders to me');
    messenger.blocked.add('carol');
    now = REMINDERS;
    await bot.tick(now);
    now = NOTICES;
    const report = await bot.tick(now);
    const notices = report.deliveries.filter((d) => d.kind === 'notice');
    expect(notices.map((d) => d.status)).toContain('sent');
    const ws = messenger.personal.filter((p) => p.message.kind === 'welcome');
    // Both workspaces' notices: bob only in the other workspace (he turned them off here only).
    const recipients = ws.map((p) => p.userId);
    expect(recipients).toContain('ada');
    expect(recipients).not.toContain('carol');
    expect(recipients.filter((id) => id === 'bob')).toHaveLength(1);
    const notice = ws.find((p) => p.userId === 'bob')?.message;
    expect(notice?.kind === 'welcome' ? notice.view.workspaceId : null).toBe('ws-other');
  });

  it('with every admin opted out, the notice goes to the home channel instead', async () => {
    const { bot, messenger } = await start();
    for (const admin of ['ada', 'bob', 'carol']) await say(bot, admin, 'stop reminders to me');
    now = REMINDERS;
    await bot.tick(now);
    now = NOTICES;
    await bot.tick(now);
    expect(
      messenger.personal.filter((p) => p.message.kind === 'welcome' && p.message.view.workspaceId === 'ws'),
    ).toEqual([]);
    expect(messenger.posts.some((p) => p.workspaceId === 'ws' && p.channel === 'ops')).toBe(true);
  });
});
