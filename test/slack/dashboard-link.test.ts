import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './harness.js';
import { appMention, slashCommand, type Who } from './payloads.js';

/** `/duty dashboard` through the real Bolt server: the link is shown to the requester only. */

const member: Who = { team: 'T0001', user: 'UMEMBER', channel: 'CGENERAL' };
const outsider: Who = { team: 'T0001', user: 'UPARTNER', channel: 'CGENERAL' };
const now = new Date('2026-11-30T09:00:00Z');

describe('Slack dashboard sign-in link', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ clock: () => now, publicUrl: 'https://duty.example.com' });
    h.api.userTeams.set(outsider.user, 'TPARTNER');
    await h.requester.event(appMention(member, '<@UDUTYBOT> help'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers /duty dashboard ephemerally with a one-time link', async () => {
    const res = await h.requester.command(slashCommand(member, 'dashboard', h.api.responseUrl()));
    const body = res.json() as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toMatch(
      /<https:\/\/duty\.example\.com\/dashboard\/sign-in\/[\w-]{40,}\|Open the dashboard>/,
    );
  });

  it('gives no link to a person of another organisation', async () => {
    const res = await h.requester.command(slashCommand(outsider, 'dashboard', h.api.responseUrl()));
    expect(JSON.stringify(res.json())).not.toContain('/dashboard/sign-in/');
    expect(JSON.stringify(res.json())).toContain('members of this workspace');
  });
});
