import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import type { Conversation, DutybotCore } from '../src/bot/types.js';
import type { MessageRef, Messenger, OutboundMessage, PostRequest } from '../src/ports/messenger.js';

/** A server confirms and the reminder is updated in place at once, not at the next tick. */
class RecordingMessenger implements Messenger {
  posts: PostRequest[] = [];
  updates: { ref: MessageRef; message: OutboundMessage }[] = [];
  async post(request: PostRequest): Promise<MessageRef> {
    this.posts.push(request);
    return { channel: request.channel, id: String(this.posts.length) };
  }
  async update(_workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void> {
    this.updates.push({ ref, message });
  }
  async sendToUser(_w: string, userId: string): Promise<MessageRef> {
    return { channel: userId, id: 'dm' };
  }
}

const here: Conversation = { workspaceId: 'local', platform: 'local', channelId: 'ops' };
let dir: string;
let bot: DutybotCore | undefined;

afterEach(async () => {
  await bot?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dispatch after confirmation', () => {
  it('updates the reminder right after the confirmation when the option is on', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutybot-dispatch-'));
    const created = new Date('2026-11-20T08:00:00Z');
    let now = created;
    bot = await createDutybot({
      databaseUrl: `sqlite:${join(dir, 's.sqlite')}`,
      clock: () => now,
      dispatchAfterConfirm: true,
    });
    const messenger = new RecordingMessenger();
    bot.useMessenger('local', messenger);
    await bot.ensureWorkspace(here, 'admin');

    now = new Date('2026-12-01T08:05:00Z');
    await bot.tick(now);
    const reminder = messenger.posts.find((p) => p.deliveryKey.includes('rocketweb.customer.website-backup'));
    expect(reminder?.message.kind).toBe('reminder');

    const reply = await bot.handle({
      text: 'done website backup',
      actor: { userId: 'admin' },
      conversation: here,
      now,
    });
    expect(reply.kind).toBe('confirmed');
    await bot.close(); // waits for the delivery started by the confirmation
    bot = undefined;
    const update = messenger.updates.find(
      (u) => u.message.kind === 'reminder' && u.message.view.occurrence.duty.id === 'rocketweb.customer.website-backup',
    );
    expect(update?.ref.id).toBe(String(messenger.posts.indexOf(reminder!) + 1));
    if (update?.message.kind === 'reminder')
      expect(update.message.view.closedBy).toMatchObject({ status: 'done', by: 'admin' });
  });
});
