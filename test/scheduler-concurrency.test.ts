import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageRef, OutboundMessage, PostRequest } from '../src/ports/messenger.js';
import { afterConfirmation, recomputeWake, tick } from '../src/scheduler/index.js';
import { defaultSettings, type WorkspaceSettings } from '../src/settings/schema.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/types.js';
import { testKnowledge } from './support/scheduler-knowledge.js';
import { RecordingMessenger } from './support/scheduler-messenger.js';
import { RecordingPlatform } from './support/scheduler-platform.js';
import { type Dialect, depsFor, freshDatabase, rome } from './support/scheduler-setup.js';

/**
 * Exactly-once delivery under concurrency and crashes. The expected deliveries come from a
 * reference run of the same scenario by a single scheduler on its own database; the runs under
 * test must deliver exactly that set, each message once.
 */

const knowledge = testKnowledge();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function database(dialect: Dialect): Promise<string> {
  const db = await freshDatabase(dialect);
  cleanups.push(db.drop);
  return db.url;
}

async function open(url: string): Promise<Store> {
  const store = await createStore(url);
  cleanups.push(() => store.close());
  return store;
}

/** Workspaces that differ in zone, reminder time, owners and escalation timing. */
function workspaceSettings(i: number): WorkspaceSettings {
  const base = defaultSettings();
  return defaultSettings({
    timezone: ['Europe/Rome', 'Europe/London', 'America/New_York'][i % 3],
    reminder_time: ['09:00', '08:30', '14:00', '10:15'][i % 4],
    owners: { by_duty: {}, by_service: { rocketweb: [`U-${i}`] }, fallback: i % 2 === 0 ? ['U-FALLBACK'] : [] },
    channels: i % 3 === 0 ? { '1backup': `C-BACKUP-${i}` } : {},
    escalation: {
      follow_up_after_working_days: 1 + (i % 2),
      escalate_after_working_days: 3,
      channel: i % 4 === 0 ? 'C-ESC' : null,
    },
    digest: { ...base.digest, weekday: 1 + (i % 5) },
  });
}

async function seed(store: Store, count: number, createdAt: Date): Promise<void> {
  const deps = depsFor(store, knowledge, undefined);
  for (let i = 0; i < count; i++) {
    await store.createWorkspace(
      { id: `ws${i}`, platform: 'local', settings: workspaceSettings(i), homeChannel: `C-HOME-${i}` },
      'installer',
      createdAt,
    );
    await recomputeWake(deps, `ws${i}`, createdAt);
  }
}

/** Lets other async work run inside a post, so two workers really interleave. */
class InterleavingMessenger extends RecordingMessenger {
  override async post(request: PostRequest): Promise<MessageRef> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.post(request);
  }
  override async update(workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.update(workspaceId, ref, message);
  }
}

describe('two scheduler processes on one PostgreSQL', () => {
  it('deliver every due message exactly once, with confirmations in between', async () => {
    const workspaces = 8;
    const createdAt = rome('2026-10-28T12:00');
    const instants: Date[] = [];
    for (let t = rome('2026-11-02T00:00').getTime(); t < rome('2026-11-17T00:00').getTime(); t += 4 * 3_600_000) {
      instants.push(new Date(t));
    }

    async function scenario(stores: Store[], messenger: RecordingMessenger, concurrent: boolean) {
      await seed(stores[0]!, workspaces, createdAt);
      const deps = stores.map((store, i) => depsFor(store, knowledge, messenger, { workerId: `worker-${i}` }));
      const sentBy = deps.map(() => 0);
      for (const [index, now] of instants.entries()) {
        const reports = concurrent ? await Promise.all(deps.map((d) => tick(d, now))) : [await tick(deps[0]!, now)];
        reports.forEach((r, i) => {
          sentBy[i]! += r.deliveries.filter((d) => d.status === 'sent').length;
        });
        // Every so often someone confirms the first open reminder of a workspace.
        if (index % 5 === 2) {
          // Chosen by key, not by arrival order (which differs between the runs).
          const reminder = messenger
            .byKind('reminder')
            .filter((p) => p.workspaceId === `ws${index % workspaces}`)
            .sort((a, b) => a.deliveryKey.localeCompare(b.deliveryKey))[0];
          const view =
            reminder &&
            (reminder.message as { view: { occurrence: { duty: { id: string }; occurrence: string } } }).view;
          if (view) {
            const { confirmation, duplicate } = await stores[0]!.appendConfirmation({
              workspaceId: reminder.workspaceId,
              dutyId: view.occurrence.duty.id,
              occurrence: view.occurrence.occurrence,
              status: 'done',
              by: 'U-1',
              at: now,
              note: null,
              evidenceUrl: null,
              reason: null,
              snoozedUntil: null,
              idempotencyKey: `${reminder.deliveryKey}|done`,
            });
            if (!duplicate)
              await afterConfirmation(deps[index % deps.length]!, reminder.workspaceId, confirmation, now);
          }
        }
      }
      // A clean run logs nothing (no failed delivery, no deadlock retry while enqueueing).
      expect(deps.flatMap((d) => d.logs)).toEqual([]);
      return sentBy;
    }

    const reference = new RecordingMessenger();
    await scenario([await open(await database('sqlite'))], reference, false);

    const url = await database('postgres');
    const racing = new InterleavingMessenger();
    const sentBy = await scenario([await open(url), await open(url)], racing, true);
    // Both workers really took part (each delivered a share of the messages).
    expect(sentBy.every((n) => n > 0)).toBe(true);

    const keys = racing.keys();
    expect(new Set(keys).size).toBe(keys.length); // nothing delivered twice
    expect([...keys].sort()).toEqual([...reference.keys()].sort()); // and nothing missed
    expect(reference.keys().length).toBeGreaterThan(100);
    expect(racing.byKind('followup').length).toBeGreaterThan(0);
    expect(racing.byKind('escalation').length).toBeGreaterThan(0);
    expect(racing.byKind('digest').length).toBeGreaterThan(0);
    const updateTargets = racing.updates.map((u) => `${u.ref.channel}/${u.ref.id}`);
    expect(racing.updates.length).toBe(reference.updates.length);
    expect(racing.updates.length).toBeGreaterThan(0);
    expect(new Set(updateTargets).size).toBe(updateTargets.length);
  });
});

const childScript = fileURLToPath(new URL('./support/scheduler-child.ts', import.meta.url));

function runChild(args: string[]): {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: string | null; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdout?.resume();
  const exit = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exit };
}

describe.each<Dialect>(['sqlite', 'postgres'])('a scheduler process killed mid-tick (%s)', (dialect) => {
  /*
   * The child announces each delivery, then waits 100 ms before posting; the parent kills it with
   * SIGKILL on the 5th announcement. At that moment deliveries 1–4 are posted AND marked sent
   * (dispatch is sequential and marks each row before moving on), and the 5th is leased but not
   * posted. A second process started after the lease expired must deliver the 5th and the rest,
   * and nothing twice.
   *
   * Residual window, by design of any outbox: a kill that lands after the platform accepted a
   * message but before the row is marked sent (a few milliseconds of a local database write)
   * makes the restarted worker post it again. PostRequest.deliveryKey lets a messenger dedupe on
   * the platform side where the platform supports it; the test deliberately times the kill outside
   * that window so that every other step is verified exactly-once.
   */
  it('loses nothing and duplicates nothing after a restart', async () => {
    const createdAt = rome('2026-11-01T12:00');
    const now = rome('2026-11-10T12:00');
    const later = new Date(now.getTime() + 2 * 60_000); // past the 60 s lease

    const referenceStore = await open(await database('sqlite'));
    await seed(referenceStore, 3, createdAt);
    const reference = new RecordingMessenger();
    await tick(depsFor(referenceStore, knowledge, reference), now);
    await tick(depsFor(referenceStore, knowledge, reference), later);

    const url = await database(dialect);
    const store = await open(url);
    await seed(store, 3, createdAt);

    const platform = new RecordingPlatform();
    const port = await platform.start();
    cleanups.push(() => platform.stop());

    const first = runChild([url, String(port), now.toISOString(), 'child-1']);
    let killedAt: string | null = null;
    platform.onIntent = (key, count) => {
      if (count === 5) {
        killedAt = key;
        first.child.kill('SIGKILL');
      }
    };
    const firstExit = await first.exit;
    expect(firstExit.signal).toBe('SIGKILL');
    expect(killedAt).not.toBeNull();
    expect(platform.delivered).toHaveLength(4);

    platform.onIntent = () => {};
    const second = runChild([url, String(port), later.toISOString(), 'child-2']);
    const secondExit = await second.exit;
    expect(secondExit, secondExit.stderr).toMatchObject({ code: 0 });

    const keys = platform.deliveredKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...reference.keys()].sort());
    expect(platform.delivered.find((d) => d.key === killedAt)?.worker).toBe('child-2');
    for (const key of keys) expect((await store.getDelivery(key))?.status).toBe('sent');
  });
});
