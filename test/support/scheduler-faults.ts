import { SlackClients } from '../../adapters/slack/clients.js';
import type { SlackConfig } from '../../adapters/slack/config.js';
import { SlackMessenger } from '../../adapters/slack/messenger.js';
import { loadSnapshot, workspaceStatuses } from '../../src/occurrences/status.js';
import { afterConfirmation, recomputeWake, type SchedulerDeps, tick } from '../../src/scheduler/index.js';
import { defaultSettings } from '../../src/settings/schema.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { type FakeSlackApi, type RecordedCall, startFakeSlackApi } from './fake-slack-api.js';
import { recordingLogger } from './recording-logger.js';
import { DUTY, testKnowledge } from './scheduler-knowledge.js';
import { type Dialect, freshDatabase, rome } from './scheduler-setup.js';

/**
 * A week of a Slack workspace's scheduler, driven through the REAL SlackMessenger and Web API
 * client against the fake Slack Web API, on a fake clock (days pass in seconds) shared by the
 * scheduler and the fake's fault windows. One or several scheduler instances (each with its own
 * store connection) tick together, as replicas on one database do. A fault plan breaks Slack
 * around Monday's 09:00 reminders and digests; while it lasts, someone skips the weekly review.
 *
 * The outcome counts what the channels actually show: duplicates, stale open posts, missing
 * messages, follow-ups about the closed occurrence, admin notices, and when the last due message
 * went out after the fault ended.
 */

export const WS = 'slack:T1';
export const ADMIN = 'UADMIN';
const knowledge = testKnowledge();
const CREATED = rome('2026-10-28T12:00');
const WARM_UP = rome('2026-11-02T08:30');
const FAULT_START = rome('2026-11-02T08:59');
const SKIP_AT = rome('2026-11-02T09:01:30');
/** Ticks run every 30 s until then, hourly afterwards. */
const FAULT_WINDOW_END = rome('2026-11-02T09:12');

export interface FaultPlan {
  name: string;
  /** Arms the fault on the fake (windows are on the fake clock, from FAULT_START). */
  arm(api: FakeSlackApi, at: (offsetSeconds: number) => number): void;
  /** Called before each tick (e.g. to refuse connections for a while). */
  beforeTick?(api: FakeSlackApi, now: Date): Promise<void>;
  /** When the fault is over (for the time to recover); null = never. */
  endsAt: Date | null;
}

export interface Outcome {
  /** Keys reported sent, per key (posts only: no updates, no notices). */
  sent: Map<string, number>;
  /** Successful chat.postMessage calls into channels (not DMs). */
  channelPosts: RecordedCall[];
  /** Admin notices that landed (DMs). */
  notices: RecordedCall[];
  /** Posts with live buttons about the skipped occurrence, made after it was skipped. */
  staleOpen: RecordedCall[];
  /** Follow-ups/escalations about the skipped occurrence, posted after it was skipped. */
  nudgesAfterClose: RecordedCall[];
  /** Fake ms from the fault's end to the last successful channel post of the due messages. */
  recoveryMs: number | null;
  ledgerHead: { seq: number; hash: string } | null;
  failures: string[];
  logs: string[];
}

function settings() {
  const base = defaultSettings();
  return defaultSettings({
    services: ['rocketweb', '1backup'],
    default_channel: 'C-OPS',
    channels: { '1backup': 'C-BACKUP' },
    admins: [ADMIN],
    escalation: { follow_up_after_working_days: 1, escalate_after_working_days: 2, channel: 'C-ESC' },
    digest: { ...base.digest, enabled: true, weekday: 1, time: '09:00' },
  });
}

/** Every 30 s around the fault, then hourly to Wednesday evening (follow-ups, escalations). */
function instants(): Date[] {
  const out: Date[] = [];
  for (let t = FAULT_START.getTime(); t < FAULT_WINDOW_END.getTime(); t += 30_000) out.push(new Date(t));
  for (let t = rome('2026-11-02T10:00').getTime(); t <= rome('2026-11-04T18:00').getTime(); t += 3_600_000) {
    out.push(new Date(t));
  }
  return out;
}

function buttonsOf(call: RecordedCall): { dutyId: string; occurrence: string } | null {
  const blocks = (call.args.blocks as { type: string; elements?: { value?: string }[] }[] | undefined) ?? [];
  for (const block of blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) {
      if (!element.value) continue;
      try {
        const value = JSON.parse(element.value) as { dutyId?: string; occurrence?: string };
        if (value.dutyId && value.occurrence) return { dutyId: value.dutyId, occurrence: value.occurrence };
      } catch {
        // not a duty button
      }
    }
  }
  return null;
}

export async function runWeek(
  dialect: Dialect,
  workers: number,
  plan: FaultPlan | null,
  tuning: {
    callTimeoutMs?: number;
    /**
     * Start the next tick this many real ms after the previous one STARTED, without waiting for it
     * (what a server on a timer does when a tick outlives its interval). Default: ticks in turn.
     */
    overlapRealMs?: number;
    /** Web API retry policy of the messenger's client (default: quick, for tests). */
    retryConfig?: SlackConfig['retryConfig'];
    /** Give the schedulers the fake clock for their lease checks (default: the tick's instant + real time). */
    fakeSchedulerClock?: boolean;
  } = {},
): Promise<Outcome> {
  const database = await freshDatabase(dialect);
  const stores: Store[] = [];
  const api = await startFakeSlackApi();
  let now = new Date(WARM_UP);
  api.clock = () => now.getTime();
  const logs: string[] = [];
  try {
    for (let i = 0; i < workers; i++) stores.push(await createStore(database.url));
    const config: SlackConfig = {
      signingSecret: 'test-secret',
      auth: { mode: 'token', botToken: 'xoxb-test' },
      appToken: null,
      apiUrl: api.url,
      adminIds: [],
      retryConfig:
        tuning.retryConfig === undefined
          ? { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 }
          : tuning.retryConfig,
    };
    const deps: SchedulerDeps[] = stores.map((store, i) => {
      // One logger per worker for the core and its Web API clients, as production wires it.
      const logger = recordingLogger(logs).child({ worker: `worker-${i}` });
      const clients = new SlackClients(config, null, { timeoutMs: tuning.callTimeoutMs ?? 250, logger });
      const messenger = new SlackMessenger(clients);
      return {
        store,
        knowledge,
        messengerFor: (platform) => (platform === 'slack' ? messenger : undefined),
        workerId: `worker-${i}`,
        ...(tuning.fakeSchedulerClock ? { clock: () => now } : {}),
        logger,
        options: { random: () => 0.5, sendBudgetMs: 2_000 },
      };
    });
    const primary = deps[0] as SchedulerDeps;
    await primary.store.createWorkspace(
      { id: WS, platform: 'slack', settings: settings(), homeChannel: 'C-HOME' },
      'installer',
      CREATED,
    );
    await recomputeWake(primary, WS, CREATED);
    // Before the fault: last week's leftovers go out, so the runs differ only from here on.
    await Promise.all(deps.map((d) => tick(d, WARM_UP)));
    api.reset();
    plan?.arm(api, (seconds) => FAULT_START.getTime() + seconds * 1000);

    const sent = new Map<string, number>();
    let skipped: { dutyId: string; occurrence: string } | null = null;
    const inFlight: Promise<void>[] = [];
    for (const instant of instants()) {
      now = instant;
      if (plan?.beforeTick) await plan.beforeTick(api, now);
      if (!skipped && now >= SKIP_AT) skipped = await skipWeeklyReview(primary, now);
      const ticks = Promise.all(deps.map((d) => tick(d, now))).then((reports) => {
        for (const report of reports) {
          for (const d of report.deliveries) {
            if (d.status === 'sent' && d.kind !== 'update' && d.kind !== 'notice') {
              sent.set(d.key, (sent.get(d.key) ?? 0) + 1);
            }
          }
        }
      });
      // Overlap only around the fault (the hourly rest of the week runs ticks in turn, quickly).
      if (tuning.overlapRealMs === undefined || instant >= FAULT_WINDOW_END) {
        await Promise.all(inFlight);
        await ticks;
      } else {
        inFlight.push(ticks);
        await new Promise((resolve) => setTimeout(resolve, tuning.overlapRealMs));
      }
    }
    await Promise.all(inFlight);
    await api.goOnline();

    const posts = api.posted();
    const channelPosts = posts.filter((c) => !String(c.args.channel).startsWith('D'));
    const notices = posts.filter((c) => String(c.args.channel).startsWith('D'));
    const skipAt = SKIP_AT.getTime();
    const aboutSkipped = (c: RecordedCall) => {
      const b = buttonsOf(c);
      const text = JSON.stringify(c.args.blocks ?? '');
      return (
        skipped !== null &&
        (b
          ? b.dutyId === skipped.dutyId && b.occurrence === skipped.occurrence
          : text.includes(skipped.occurrence) && text.includes('Weekly backup review'))
      );
    };
    const staleOpen = channelPosts.filter((c) => c.at > skipAt && buttonsOf(c) !== null && aboutSkipped(c));
    const nudgesAfterClose = channelPosts.filter(
      (c) => c.at > skipAt && aboutSkipped(c) && (c.args.thread_ts !== undefined || c.args.channel === 'C-ESC'),
    );
    const monday = rome('2026-11-02T12:00').getTime();
    const mondayPosts = channelPosts.filter((c) => c.at < monday);
    const last = mondayPosts.reduce((max, c) => Math.max(max, c.at), 0);
    const recoveryMs = plan?.endsAt ? Math.max(0, last - plan.endsAt.getTime()) : null;
    return {
      sent,
      channelPosts,
      notices,
      staleOpen,
      nudgesAfterClose,
      recoveryMs,
      ledgerHead: await primary.store.ledgerHead(WS),
      failures: (await primary.store.deliveryFailures(WS)).map((f) => `${f.key}: ${f.lastError}`),
      logs,
    };
  } finally {
    await api.close();
    for (const store of stores) await store.close();
    await database.drop();
  }
}

/** Someone skips this week's backup review (channel C-BACKUP) while Slack is still failing. */
async function skipWeeklyReview(
  deps: SchedulerDeps,
  now: Date,
): Promise<{ dutyId: string; occurrence: string } | null> {
  const snapshot = await loadSnapshot(deps.store, knowledge, WS);
  if (!snapshot) throw new Error('no workspace');
  const status = workspaceStatuses(snapshot, now, { missed: false }).find((s) => s.duty.id === DUTY.weeklyReview);
  if (!status) throw new Error('the weekly review is not scheduled');
  const occurrence = status.occurrence.key;
  const { confirmation } = await deps.store.appendConfirmation({
    workspaceId: WS,
    dutyId: DUTY.weeklyReview,
    occurrence,
    status: 'skipped',
    by: 'U-ANNA',
    at: SKIP_AT,
    note: null,
    evidenceUrl: null,
    reason: 'not needed this week',
    snoozedUntil: null,
    idempotencyKey: `skip-${occurrence}`,
  });
  await afterConfirmation(deps, WS, confirmation, now);
  return { dutyId: DUTY.weeklyReview, occurrence };
}

export const PLANS: Record<string, FaultPlan> = {
  rateLimit70: {
    name: '429 Retry-After: 70 on every post',
    arm: (api) => api.inject({ method: 'chat.postMessage', kind: 'status', status: 429, retryAfter: 70, count: 1 }),
    endsAt: rome('2026-11-02T09:00'),
  },
  rateLimitOneChannel: {
    name: '429 Retry-After: 70 on #backup for 3 min',
    arm: (api, at) =>
      api.inject({
        method: 'chat.postMessage',
        channel: 'C-BACKUP',
        kind: 'status',
        status: 429,
        retryAfter: 70,
        untilMs: at(240),
      }),
    endsAt: new Date(FAULT_START.getTime() + 240_000),
  },
  serverErrors100s: {
    name: 'HTTP 500 for 100 s',
    arm: (api, at) => api.inject({ method: 'chat.postMessage', kind: 'status', status: 500, untilMs: at(160) }),
    endsAt: new Date(FAULT_START.getTime() + 160_000),
  },
  hang: {
    name: 'calls never answer for 100 s',
    arm: (api, at) => api.inject({ method: 'chat.postMessage', kind: 'hang', untilMs: at(160) }),
    endsAt: new Date(FAULT_START.getTime() + 160_000),
  },
  refused: {
    name: 'connection refused for 1 min',
    arm: () => {},
    async beforeTick(api, now) {
      const offset = now.getTime() - FAULT_START.getTime();
      if (offset >= 50_000 && offset < 120_000) await api.goOffline();
      else await api.goOnline();
    },
    endsAt: new Date(FAULT_START.getTime() + 120_000),
  },
  notInChannel: {
    name: 'not_in_channel on #backup (permanent)',
    arm: (api) =>
      api.inject({ method: 'chat.postMessage', channel: 'C-BACKUP', kind: 'error', error: 'not_in_channel' }),
    endsAt: null,
  },
  channelNotFound: {
    name: 'channel_not_found on #ops (permanent)',
    arm: (api) =>
      api.inject({ method: 'chat.postMessage', channel: 'C-OPS', kind: 'error', error: 'channel_not_found' }),
    endsAt: null,
  },
  invalidAuth: {
    name: 'invalid_auth on every call (token revoked)',
    arm: (api) => {
      for (const method of ['chat.postMessage', 'chat.update', 'conversations.open']) {
        api.inject({ method, kind: 'error', error: 'invalid_auth' });
      }
    },
    endsAt: null,
  },
};
