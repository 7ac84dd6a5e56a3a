import { describe, expect, it } from 'vitest';
import { replyText } from '../src/views/text.js';
import type { Reply } from '../src/views/types.js';

const confirmed: Reply = {
  kind: 'confirmed',
  lang: 'en',
  message: 'Recorded: "Monthly website backup" (December 2026) is done.',
  duplicate: false,
  confirmation: {
    dutyId: 'rocketweb.customer.website-backup',
    occurrence: '2026-12',
    status: 'done',
    by: 'U1',
    at: '2026-12-01T09:00:00.000Z',
    note: 'to NAS',
    evidenceUrl: 'https://nas.example.com/1',
    reason: null,
    snoozedUntil: null,
    seq: 7,
    hash: 'ab'.repeat(32),
  },
};

describe('plain-text replies', () => {
  it('shows instants in the workspace time zone, and says UTC when none is known', () => {
    expect(replyText(confirmed, { zone: 'Europe/Rome' })).toContain('2026-12-01 10:00 2026-12 done by @U1');
    expect(replyText(confirmed, { zone: 'Europe/Rome' })).not.toContain('UTC');
    expect(replyText(confirmed)).toContain('2026-12-01 09:00 UTC');
  });

  it('renders mentions the way the surface asks', () => {
    expect(replyText(confirmed, { mention: (id) => `<@${id}>` })).toContain('by <@U1>');
  });
});
