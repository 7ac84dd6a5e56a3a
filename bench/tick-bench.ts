import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';
import { silentLogger } from '../src/logging/logger.js';
import { scheduledDuties } from '../src/occurrences/index.js';
import type { MessageRef, Messenger } from '../src/ports/messenger.js';
import { dispatchOutbox, planDue, type SchedulerDeps } from '../src/scheduler/index.js';
import { defaultSettings } from '../src/settings/schema.js';
import { createStore, type SqlStore } from '../src/store/create-store.js';
import { createScratchDatabase, startEmbeddedPostgres } from '../test/support/postgres-server.js';

/**
 * Scheduler tick figures on SQLite (file, WAL) and PostgreSQL (embedded server, production
 * durability): 1,000 and 10,000 workspaces with every duty of the real knowledge base scheduled
 * (all services in use), 1 % of them due. A tick is reported in its two phases:
 *  - planning (`planDue`): what grows with the number of *due* workspaces; the rest are never
 *    read (index range scan on next_wake_at). Shown cold (first reminders of every current
 *    occurrence: the heaviest possible tick, ~40 reminders per workspace) and warm (everything
 *    already enqueued, as when a workspace wakes for a follow-up check);
 *  - delivery (`dispatchOutbox`) of what was planned, to a messenger that answers at once, which
 *    grows with the number of messages.
 * 10,000 workspaces with only 10 due shows the cost does not grow with what is stored.
 * Run with --expose-gc for heap figures taken after a full collection.
 */

const NOW = DateTime.fromISO('2026-11-02T09:00', { zone: 'Europe/Rome' }).toJSDate(); // a Monday
const CREATED = DateTime.fromISO('2026-10-31T12:00', { zone: 'Europe/Rome' }).toJSDate();
const LATER = new Date(NOW.getTime() + 86_400_000);
const SEED_CONCURRENCY = 16;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1_048_576, 1)} MB`;

const nullMessenger: Messenger = {
  async post(request): Promise<MessageRef> {
    return { channel: request.channel, id: request.deliveryKey };
  },
  async update() {},
  async sendToUser(_w, userId): Promise<MessageRef> {
    return { channel: userId, id: 'dm' };
  },
};

function depsFor(store: SqlStore, knowledge: Knowledge): SchedulerDeps {
  return {
    store,
    knowledge,
    messengerFor: () => nullMessenger,
    workerId: 'bench',
    logger: silentLogger,
    options: { dispatchBatch: 500, maxDispatchRounds: 1_000 },
  };
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) await run(items[next++] as T);
  });
  await Promise.all(workers);
}

/** Workspaces with default settings (all services), asleep until tomorrow. */
async function seed(store: SqlStore, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `bench-${i}`);
  const settings = defaultSettings();
  await inParallel(ids, SEED_CONCURRENCY, async (id) => {
    await store.createWorkspace({ id, platform: 'local', settings, homeChannel: 'C-HOME' }, 'bench', CREATED);
    await store.setNextWake(id, LATER);
  });
  return ids;
}

/** Peak heap while `run` executes, sampled every millisecond. */
async function measured<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; peakHeap: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 1);
  const start = performance.now();
  try {
    const result = await run();
    const ms = performance.now() - start;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    return { result, ms, peakHeap };
  } finally {
    clearInterval(sampler);
  }
}

interface Figures {
  label: string;
  planColdMs: number;
  planWarmMs: number;
  enqueued: number;
  dispatchMs: number;
  delivered: number;
  peakHeap: number;
}

async function scenario(
  store: SqlStore,
  knowledge: Knowledge,
  label: string,
  dueIds: readonly string[],
): Promise<Figures> {
  const deps = depsFor(store, knowledge);
  for (const id of dueIds) await store.setNextWake(id, NOW);
  const cold = await measured(() => planDue(deps, NOW));
  const dispatch = await measured(() => dispatchOutbox(deps, NOW));
  // Warm: wake the same workspaces again; everything due is already in the outbox.
  for (const id of dueIds) await store.setNextWake(id, NOW);
  const warm = await measured(() => planDue(deps, NOW));
  return {
    label,
    planColdMs: cold.ms,
    planWarmMs: warm.ms,
    enqueued: cold.result,
    dispatchMs: dispatch.ms,
    delivered: dispatch.result.filter((d) => d.status === 'sent').length,
    peakHeap: Math.max(cold.peakHeap, dispatch.peakHeap, warm.peakHeap),
  };
}

function line(dialect: string, f: Figures): string {
  const tick = f.planColdMs + f.dispatchMs;
  return (
    `${dialect} ${f.label}: plan cold ${fmt(f.planColdMs, 1)} ms (${fmt(f.enqueued)} enqueued), ` +
    `plan warm ${fmt(f.planWarmMs, 1)} ms, deliver ${fmt(f.dispatchMs, 1)} ms (${fmt(f.delivered)} messages, ` +
    `${fmt((f.dispatchMs / Math.max(f.delivered, 1)) * 1000, 0)} µs each), whole cold tick ${fmt(tick, 1)} ms, peak heap ${mb(f.peakHeap)}`
  );
}

async function runDialect(dialect: string, open: () => Promise<SqlStore>, knowledge: Knowledge): Promise<string[]> {
  const lines: string[] = [];
  const results: Figures[] = [];
  {
    const store = await open();
    try {
      const ids = await seed(store, 1_000);
      results.push(
        await scenario(
          store,
          knowledge,
          '1,000 workspaces, 10 due (1%)',
          ids.filter((_, i) => i % 100 === 0),
        ),
      );
    } finally {
      await store.close();
    }
  }
  {
    const store = await open();
    try {
      const seedStart = performance.now();
      const ids = await seed(store, 10_000);
      lines.push(`${dialect}: seeded 10,000 workspaces in ${fmt((performance.now() - seedStart) / 1000, 1)} s`);
      results.push(
        await scenario(
          store,
          knowledge,
          '10,000 workspaces, 10 due',
          ids.filter((_, i) => i % 1000 === 500),
        ),
      );
      results.push(
        await scenario(
          store,
          knowledge,
          '10,000 workspaces, 100 due (1%)',
          ids.filter((_, i) => i % 100 === 1),
        ),
      );
    } finally {
      await store.close();
    }
  }
  for (const f of results) lines.push(line(dialect, f));
  const [small, bigFew, bigOne] = results as [Figures, Figures, Figures];
  lines.push(
    `${dialect}: 10× more workspaces, same 10 due → warm planning ×${fmt(bigFew.planWarmMs / small.planWarmMs, 2)}; ` +
      `10× more due (1% of 10,000) → warm planning ×${fmt(bigOne.planWarmMs / small.planWarmMs, 2)}, cold ×${fmt(bigOne.planColdMs / small.planColdMs, 2)}`,
  );
  return lines;
}

export async function benchTick(): Promise<string[]> {
  const knowledge = loadKnowledge();
  const perWorkspace = scheduledDuties(knowledge, defaultSettings()).length;
  const lines = [
    `${perWorkspace} scheduled duties per workspace (all services, default settings); tick at ${NOW.toISOString()}`,
  ];

  const dir = mkdtempSync(join(tmpdir(), 'dutybot-tick-bench-'));
  let n = 0;
  try {
    lines.push(
      ...(await runDialect('SQLite', () => createStore(`sqlite:${join(dir, `tick-${n++}.sqlite`)}`), knowledge)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const server = await startEmbeddedPostgres();
  try {
    lines.push(
      ...(await runDialect(
        'PostgreSQL',
        async () => createStore(await createScratchDatabase(server.url, 'tickbench')),
        knowledge,
      )),
    );
  } finally {
    await server.stop();
  }
  return lines;
}

// Run directly: `npx tsx bench/tick-bench.ts` (or node --expose-gc --import tsx bench/tick-bench.ts).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  for (const l of await benchTick()) console.log(l);
}
