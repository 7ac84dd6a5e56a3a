import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boltLogger } from '../adapters/slack/logger.js';
import { describeError, redactSecrets } from '../src/logging/logger.js';
import { createLogger } from '../src/logging/pino-logger.js';
import { dispatchOutbox, planDue, recomputeWake } from '../src/scheduler/index.js';
import type { Store } from '../src/store/types.js';
import { parsedLines, recordingLogger } from './support/recording-logger.js';
import { testKnowledge } from './support/scheduler-knowledge.js';
import { RecordingMessenger } from './support/scheduler-messenger.js';
import { backupOnlySettings, depsFor, openStore, rome } from './support/scheduler-setup.js';

/** Built at run time so the repository holds nothing a secret scanner mistakes for a real token. */
const fakeToken = (prefix: string, rest: string) => `${prefix}-${rest}`;

const TOKENS = /xox[abp]-|Bearer\s+[^[]|eyJ[A-Za-z0-9_-]+\.eyJ|sk-[A-Za-z0-9]{16}/;

describe('the Logger port on pino', () => {
  it('writes JSON lines with level names, bindings from child(), and no credential', () => {
    const lines: string[] = [];
    const logger = recordingLogger(lines).child({ component: 'scheduler' }).child({ deliveryKey: 'k1' });
    logger.warn('delivery failed', {
      error: new Error('POST failed: Authorization: Bearer eyJhbGc.eyJzdWI.c2ln with token=xoxb-1-2-abc'),
      botToken: fakeToken('xoxb', 'should-never-appear'),
      headers: { authorization: 'Bearer abc' },
      note: `key ${fakeToken('sk', 'abcdefghijklmnopqrstuvwx')}`,
    });
    const [line] = parsedLines(lines);
    expect(line).toMatchObject({
      level: 'warn',
      name: 'dutybot',
      component: 'scheduler',
      deliveryKey: 'k1',
      msg: 'delivery failed',
      botToken: '[redacted]',
      headers: { authorization: '[redacted]' },
    });
    expect(String(line?.error)).toMatch(/^Error: POST failed/);
    expect(lines.join('\n')).not.toMatch(TOKENS);
  });

  it('honours the level, from options or DUTYBOT_LOG_LEVEL', () => {
    const lines: string[] = [];
    const destination = { write: (line: string) => lines.push(line) };
    const quiet = createLogger({ format: 'json', destination, env: { DUTYBOT_LOG_LEVEL: 'warn' } });
    quiet.info('not shown');
    quiet.debug('not shown either');
    quiet.warn('shown');
    createLogger({ format: 'json', destination, level: 'silent' }).error('never');
    expect(parsedLines(lines).map((line) => line.msg)).toEqual(['shown']);
  });

  it('is readable in a terminal: one line per entry, no JSON braces around the message', async () => {
    let text = '';
    const destination = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    createLogger({ env: { DUTYBOT_LOG_FORMAT: 'pretty' }, destination })
      .child({ component: 'teams' })
      .error('command failed', { error: new Error('boom Bearer abc.def'), workspaceId: 'ws1' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/ERROR.*command failed/);
    expect(text).toContain('ws1');
    expect(text).not.toMatch(/^\{/);
    expect(text).not.toContain('abc.def');
  });

  it('describes errors one way: name, message and platform code, redacted and bounded', () => {
    const slack = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { error: 'not_in_channel' },
    });
    expect(describeError(slack)).toBe('Error: An API error occurred: not_in_channel [slack_webapi_platform_error]');
    expect(describeError(new TypeError('bad xoxb-123-456'))).toBe('TypeError: bad [redacted]');
    expect(describeError('plain text with password=hunter2')).toBe('plain text with password=[redacted]');
    expect(describeError(new Error('x'.repeat(2000))).length).toBe(500);
    expect(redactSecrets('api_key: abc123 and xapp-1-A-b')).toBe('api_key: [redacted] and [redacted]');
  });
});

describe("Bolt's Logger bridged to ours", () => {
  it('sends Bolt lines through the one logger, with errors described and tokens masked', () => {
    const lines: string[] = [];
    const bolt = boltLogger(recordingLogger(lines));
    bolt.setName('bolt-app');
    bolt.debug('not at info level');
    bolt.error('An unhandled error occurred', new Error(`invalid_auth for ${fakeToken('xoxb', '9-9-secret')}`), {
      retry: 1,
    });
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
    const parsed = parsedLines(lines);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ level: 'error', component: 'slack', name: 'bolt-app' });
    expect(String(parsed[0]?.msg)).toBe('An unhandled error occurred Error: invalid_auth for [redacted] {"retry":1}');
  });
});

describe('the scheduler with an injected logger', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openStore('sqlite'));
  });
  afterEach(async () => cleanup());

  it('logs a failing delivery on the logger it was given, without the token the error carried', async () => {
    const knowledge = testKnowledge();
    const messenger = new RecordingMessenger();
    const lines: string[] = [];
    const deps = depsFor(store, knowledge, messenger, { logger: recordingLogger(lines) });
    await store.createWorkspace(
      { id: 'ws1', platform: 'local', settings: backupOnlySettings(), homeChannel: 'C-HOME' },
      'installer',
      rome('2026-10-31T12:00'),
    );
    await recomputeWake(deps, 'ws1', rome('2026-10-31T12:00'));
    messenger.failNext(1, { retryable: false }); // its message carries token=xoxb-1-secret
    await planDue(deps, rome('2026-11-02T09:00'));
    await dispatchOutbox(deps, rome('2026-11-02T09:00'));

    const failed = parsedLines(lines).filter((line) => String(line.msg).includes('failed permanently'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ level: 'warn', component: 'scheduler' });
    // Structured: the reason and the delivery key are fields of the line.
    expect(String(failed[0]?.reason)).toContain('platform said no');
    expect(failed[0]?.deliveryKey).toEqual(expect.any(String));
    expect(lines.join('\n')).not.toMatch(TOKENS);
    expect(deps.logs).toEqual([]); // nothing went to the default logger of the helper
  });
});
