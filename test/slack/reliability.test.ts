import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, directMessage, slashCommand, type Who } from './payloads.js';

/** Security, redelivery and rate limits on Slack, end to end on loopback. */

const WS = 'slack:T0001';
const DUTY = 'sygma.customer.backup-integrity-check';
const admin: Who = { team: 'T0001', user: 'UADMIN', channel: 'CRELIABILITY' };
const owner: Who = { team: 'T0001', user: 'UOWNER', channel: 'CRELIABILITY' };
let now = new Date('2026-12-01T07:00:00Z'); // Tuesday, 08:00 in Rome

describe('Slack security, redelivery and rate limits', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now });
    h.api.admins.add(admin.user);
    await h.requester.event(appMention(admin, '<@UDUTYBOT> help'));
    await h.requester.command(slashCommand(admin, `assign ${DUTY} <@UOWNER>`, h.api.responseUrl()));
    now = new Date('2026-12-01T09:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers url_verification only when signed', async () => {
    const challenge = { type: 'url_verification', token: 't', challenge: 'c-123' };
    const ok = await h.requester.event(challenge);
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ challenge: 'c-123' });
    const forged = await h.requester.event(challenge, { signature: 'v0=deadbeef' });
    expect(forged.status).toBe(401);
  });

  it('rejects a forged signature and a stale timestamp with 401 and no effect', async () => {
    const callsBefore = h.api.calls.length;
    const command = slashCommand(owner, `done ${DUTY} forged`, h.api.responseUrl());
    const forged = await h.requester.command(command, { signature: `v0=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    const stale = await h.requester.command(command, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    const wrongSecret = await new (await import('../support/slack-signing.js')).SlackRequester(
      h.requester.url,
      'not-the-secret',
    ).command(command);
    expect(wrongSecret.status).toBe(401);
    expect(h.api.calls.length).toBe(callsBefore);
    expect(await h.dutybot.store.history(WS, DUTY, 10)).toEqual([]);
  });

  it('processes an event redelivered by Slack (same event_id, x-slack-retry-num) once', async () => {
    const envelope = appMention(owner, `<@UDUTYBOT> done ${DUTY} redelivered`);
    const first = await h.requester.event(envelope);
    const retry = await h.requester.event(envelope, { retryNum: 1 });
    const again = await h.requester.event(envelope, { retryNum: 2 });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    await h.api.waitFor(
      () => h.api.callsTo('chat.postEphemeral').find((c) => c.args.thread_ts === envelope.event.ts),
      'confirmation',
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.api.callsTo('chat.postEphemeral').filter((c) => c.args.thread_ts === envelope.event.ts)).toHaveLength(1);
    const history = await h.dutybot.store.history(WS, DUTY, 10);
    expect(history).toHaveLength(1);
    expect(history[0]?.note).toBe('redelivered');
  });

  it('waits out a 429 with Retry-After and delivers the reply once', async () => {
    h.api.rateLimit('chat.postMessage', 1);
    const started = Date.now();
    const dm = directMessage(admin, 'who checks the backup results on 1Backup?');
    await h.requester.event(dm);
    const attempts = await h.api.waitFor(() => {
      const calls = h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DADMIN');
      return calls.some((c) => c.ok) && calls;
    }, 'reply after the rate limit');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('keeps a failed reminder in the outbox and delivers it on a later tick', async () => {
    // The workspace's first reminders: Slack fails the first post (not in the channel would be
    // permanent; an internal error is worth retrying).
    h.api.failNext('chat.postMessage', 'internal_error');
    const first = await h.dutybot.tick(now);
    const retried = first.deliveries.filter((d) => d.status === 'retry');
    expect(retried).toHaveLength(1);
    const key = retried[0]?.key as string;
    const row = await h.dutybot.store.getDelivery(key);
    expect(row?.status).toBe('pending');
    expect(row?.lastError).toContain('internal_error');

    now = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    const second = await h.dutybot.tick(now);
    expect(second.deliveries.find((d) => d.key === key)?.status).toBe('sent');
    expect((await h.dutybot.store.getDelivery(key))?.status).toBe('sent');
  });

  it('records a reminder to a channel the bot is not in as failed, with a reason an admin can act on', async () => {
    h.api.failNext('chat.postMessage', 'not_in_channel');
    now = new Date('2026-12-02T09:00:00Z');
    const report = await h.dutybot.tick(now);
    const failed = report.deliveries.filter((d) => d.status === 'failed');
    expect(failed).toHaveLength(1);
    expect((await h.dutybot.store.getDelivery(failed[0]?.key as string))?.lastError).toContain('/invite @dutybot');
  });

  it('never logs a token', () => {
    expect(h.logs.join('\n')).not.toMatch(/xox[bpa]-/);
  });
});
