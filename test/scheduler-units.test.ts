import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../src/logging/logger.js';
import { readPayload, retryDelayMs, updateKey } from '../src/scheduler/index.js';

describe('retry backoff', () => {
  const options = (random: number) => ({ baseMs: 30_000, maxMs: 3_600_000, random: () => random });

  it('doubles from 30 s with ±20 % jitter and never exceeds the cap', () => {
    expect(retryDelayMs(1, null, options(0.5))).toBe(30_000);
    expect(retryDelayMs(2, null, options(0.5))).toBe(60_000);
    expect(retryDelayMs(1, null, options(0))).toBe(24_000);
    expect(retryDelayMs(1, null, options(1))).toBe(36_000);
    for (const failures of [8, 9, 20, 1000]) expect(retryDelayMs(failures, null, options(1))).toBe(3_600_000);
  });

  it("honours the platform's Retry-After (at least 1 s, a little jitter, capped)", () => {
    expect(retryDelayMs(5, 120_000, options(0))).toBe(120_000);
    expect(retryDelayMs(5, 120_000, options(1))).toBeCloseTo(132_000);
    expect(retryDelayMs(1, 0, options(0))).toBe(1_000);
    expect(retryDelayMs(1, 10 * 3_600_000, options(0))).toBe(3_960_000);
  });
});

describe('secrets in error texts', () => {
  it('masks tokens, bearer headers, JWTs and secret parameters', () => {
    const text = redactSecrets(
      'POST failed: Authorization: Bearer abc.def token=xoxb-1-2-abc client_secret="s3cr3t" jwt eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl',
    );
    expect(text).not.toMatch(/xoxb|abc\.def|s3cr3t|eyJ/);
    expect(text).toContain('POST failed');
    expect(text).toContain('token=[redacted]');
  });
});

describe('outbox keys and payloads', () => {
  it('derives update keys from the message they update', () => {
    expect(updateKey('ws1|reminder|duty.a|2026-11', 42)).toBe('ws1|update|duty.a|2026-11|reminder|seq-42');
    expect(updateKey('ws1|reminder|duty.a|2026-11|snooze-7', 42)).toBe(
      'ws1|update|duty.a|2026-11|snooze-7|reminder|seq-42',
    );
  });

  it('rejects payloads it cannot deliver', () => {
    expect(readPayload({ kind: 'followup', threadKey: 'k' })).toEqual({ kind: 'followup', threadKey: 'k' });
    expect(readPayload({ kind: 'followup' })).toBeNull();
    expect(readPayload({ kind: 'telegram' })).toBeNull();
    expect(readPayload({ kind: 'welcome', view: { lang: 'it', workspaceId: 'w', lines: ['ciao'] } })).not.toBeNull();
    expect(readPayload({ kind: 'welcome', view: { lang: 'fr' } })).toBeNull();
  });
});
