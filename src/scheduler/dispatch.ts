import { buildDigest } from '../digest/build.js';
import { describeError } from '../logging/logger.js';
import { calendarOf, localDay } from '../occurrences/calendar.js';
import { occurrenceByKeyFor } from '../occurrences/occurrences.js';
import { periodContaining, shiftPeriod } from '../occurrences/periods.js';
import { scheduleOf } from '../occurrences/resolve.js';
import { dutyStatus, isClosed, loadSnapshot, type WorkspaceSnapshot } from '../occurrences/status.js';
import { DeliveryError, type MessageRef, type Messenger, type OutboundMessage } from '../ports/messenger.js';
import { acceptingPersonalMessages } from '../store/personal-messages.js';
import type { DeliveryRow, WorkspaceRow } from '../store/types.js';
import { reminderView } from '../views/occurrence-views.js';
import { retryDelayMs } from './backoff.js';
import { clockOf, loggerOf, logOf, optionsOf, type SchedulerDeps } from './deps.js';
import { failureNotice, type NoticePayload, noticeView } from './failure-notice.js';
import { digestKey } from './keys.js';
import { type DeliveryPayload, readPayload } from './payload.js';
import type { TickReport } from './report.js';
import { inParallel, planMany } from './wake.js';

/**
 * Delivers the outbox: lease due rows (another worker never holds the same row; a dead worker's
 * lease expires and the row is taken again), render each message from the current ledger state,
 * post or update it through the workspace platform's messenger, record where it landed.
 *
 * Failures never drop a message: a retryable DeliveryError (or any unexpected error) goes back
 * to the outbox with exponential backoff and jitter, honouring the platform's Retry-After; only a
 * DeliveryError marked non-retryable is recorded as failed (and logged). Messages that became
 * pointless before delivery (a follow-up for an occurrence confirmed meanwhile) are cancelled —
 * recorded as failed with a `cancelled:` reason, not reported as deliveries and not logged.
 *
 * Exactly-once: the outbox row is marked sent right after the platform accepts the message. Every
 * mark names the claim (owner + token): a worker whose lease ran out can no longer change the row.
 * A post starts only while the lease has at least `sendBudgetMs` left and the adapters bound each
 * call below that, so no other worker can take the row while the post is in flight. The remaining
 * window for a duplicate is a crash between the platform's acceptance and the mark (the lease then
 * expires and the message is posted again); PostRequest carries the outbox key so a messenger that
 * can deduplicate on the platform side may close even that window.
 *
 * Isolation: rows are delivered per channel, channels concurrently; a rate limit on one channel
 * defers that channel's other rows of the batch without calling the platform again.
 *
 * Failures that last: a retryable failure still failing `giveUpAfterMs` after its first failure is
 * given up. A delivery given up (or failed for good) is logged once, structured, and the
 * workspace's admins get ONE notice per channel per day (an outbox row of its own, so it is
 * retried and never sent twice); follow-ups and escalations still go out (see plan.ts).
 */

type Report = TickReport['deliveries'][number];

export async function dispatchOutbox(deps: SchedulerDeps, now: Date, limit?: number): Promise<Report[]> {
  const options = optionsOf(deps);
  const batch = limit ?? options.dispatchBatch;
  const context = new DispatchContext(deps, now);
  const report: Report[] = [];
  for (let round = 0; round < options.maxDispatchRounds; round++) {
    const rows = await deps.store.claimDeliveries(now, deps.workerId, batch, options.leaseMs);
    // Channels are served concurrently, each one's messages strictly in order (a channel reads its
    // reminder before its follow-up, and a slow or rate-limited channel does not hold up others).
    const groups = [...groupBy(rows, (row) => `${row.workspaceId}|${row.channel}`).values()];
    const outcomes = new Map<DeliveryRow, Report['status'] | null>();
    await inParallel(groups, options.dispatchConcurrency, async (group) => {
      for (const row of group) outcomes.set(row, await deliver(context, row));
    });
    for (const row of rows) {
      const outcome = outcomes.get(row);
      if (outcome) report.push({ ...summary(row), status: outcome });
    }
    if (rows.length < batch) break;
  }
  // Follow-up times count from when a reminder went out: re-plan the workspaces that just got one.
  const reminded = await Promise.all([...context.reminded].map((id) => context.workspace(id)));
  await planMany(
    deps,
    reminded.filter((w): w is WorkspaceRow => w !== null),
    now,
  );
  return report;
}

function summary(row: DeliveryRow): Omit<Report, 'status'> {
  return {
    key: row.key,
    kind: row.kind,
    workspaceId: row.workspaceId,
    dutyId: row.dutyId,
    occurrence: row.occurrence,
    channel: row.channel,
  };
}

/** A failed call that took this long (a timeout, a hung connection) pauses its channel for the batch. */
const SLOW_CALL_MS = 1_000;

/** How long a ledger snapshot is reused before a message is rendered from a fresh one (real time). */
const SNAPSHOT_FRESH_MS = 1_000;

/** Per-dispatch caches: a batch often holds several messages of one workspace. */
export class DispatchContext {
  private readonly workspaces = new Map<string, Promise<WorkspaceRow | null>>();
  private readonly snapshots = new Map<string, { loadedAt: number; snapshot: Promise<WorkspaceSnapshot | null> }>();
  /** Workspaces that had a reminder delivered: their follow-up times depend on it. */
  readonly reminded = new Set<string>();
  /** Channels the platform asked us to leave alone until then (Retry-After), for this dispatch. */
  readonly pausedUntil = new Map<string, Date>();
  /** The current instant, on the tick's time base. */
  readonly clock: () => Date;

  constructor(
    readonly deps: SchedulerDeps,
    readonly now: Date,
  ) {
    this.clock = clockOf(deps, now);
  }

  workspace(id: string): Promise<WorkspaceRow | null> {
    let row = this.workspaces.get(id);
    if (!row) {
      row = this.deps.store.getWorkspace(id);
      this.workspaces.set(id, row);
    }
    return row;
  }

  /**
   * The ledger as it is now: messages are rendered right before they are sent, so a snapshot is
   * reused only briefly — a slow platform call must not make the next message render stale state.
   */
  snapshot(id: string): Promise<WorkspaceSnapshot | null> {
    const cached = this.snapshots.get(id);
    if (cached && performance.now() - cached.loadedAt < SNAPSHOT_FRESH_MS) return cached.snapshot;
    const snapshot = this.workspace(id).then((row) =>
      row ? loadSnapshot(this.deps.store, this.deps.knowledge, row) : null,
    );
    this.snapshots.set(id, { loadedAt: performance.now(), snapshot });
    return snapshot;
  }
}

type Step =
  | { action: 'post'; channel: string; message: OutboundMessage; thread: MessageRef | null }
  | { action: 'notify'; notice: NoticePayload; message: OutboundMessage }
  | { action: 'update'; ref: MessageRef; message: OutboundMessage }
  | { action: 'wait'; reason: string }
  | { action: 'cancel'; reason: string };

async function deliver(context: DispatchContext, row: DeliveryRow): Promise<Report['status'] | null> {
  const { deps, now } = context;
  const { store } = deps;
  const options = optionsOf(deps);
  const log = logOf(deps);
  const lease = row.lease;
  if (!lease) throw new Error(`delivery ${row.key} was claimed without a lease`);
  const lost = (what: string) => {
    log(`delivery ${row.key}: lease lost before it could be marked ${what}; the new holder decides`);
    return null;
  };
  const workspace = await context.workspace(row.workspaceId);
  const payload = readPayload(row.payload);
  if (!workspace || !payload) {
    const why = workspace ? `unreadable payload for kind ${row.kind}` : `workspace ${row.workspaceId} no longer exists`;
    if (!(await store.markFailed(lease, why, now))) return lost('failed');
    logFailure(deps, row, why);
    return 'failed';
  }
  const messenger = deps.messengerFor(workspace.platform);
  const retry = async (reason: string, retryAfterMs: number | null) => {
    const delay = retryDelayMs(row.attempts, retryAfterMs, backoff(options));
    return (await store.markRetry(lease, reason, new Date(now.getTime() + delay), now)) ? 'retry' : lost('for retry');
  };
  const paused = context.pausedUntil.get(`${row.workspaceId}|${row.channel}`);
  if (paused) {
    const deferred = await store.markRetry(lease, 'waiting with its channel (throttled or slow)', paused, now);
    return deferred ? 'retry' : lost('for retry');
  }
  let step: Step;
  try {
    step = messenger
      ? await prepare(context, workspace, row, payload)
      : { action: 'wait', reason: `no messenger for platform ${workspace.platform}` };
  } catch (error) {
    // A rendering bug must not lose the message: it waits (with backoff) for a fixed release.
    step = { action: 'wait', reason: `could not render: ${describeError(error)}` };
    log(`delivery ${row.key} could not be rendered, will retry: ${step.reason}`);
  }

  if (step.action === 'cancel') {
    return (await store.markFailed(lease, `cancelled: ${step.reason}`, now)) ? null : lost('cancelled');
  }
  if (step.action === 'wait' || !messenger) {
    return retry(step.action === 'wait' ? step.reason : 'no messenger', null);
  }

  // Last check before the platform sees anything: still ours, with time left for a whole call.
  const { clock } = context;
  if (!(await store.holdsLease(lease, new Date(clock().getTime() + options.sendBudgetMs)))) {
    if (await store.holdsLease(lease, clock())) {
      // Ours but nearly expired (a slow batch): hand it back untouched rather than race the expiry.
      return (await store.markRetry(lease, 'lease nearly expired before sending', now, now))
        ? 'retry'
        : lost('for retry');
    }
    return lost('sent (not posted)');
  }

  let ref: MessageRef;
  const callStarted = performance.now();
  try {
    ref = await withinBudget(send(store, messenger, workspace, row, step), options.sendBudgetMs);
  } catch (error) {
    const message = describeError(error);
    const retryable = !(error instanceof DeliveryError) || error.retryable;
    const firstError = row.firstErrorAt ?? now;
    const expired = now.getTime() - firstError.getTime() >= options.giveUpAfterMs;
    if (retryable && !expired) {
      const retryAfter = error instanceof DeliveryError ? error.retryAfterMs : null;
      const delay = retryDelayMs(row.attempts, retryAfter, backoff(options));
      const until = new Date(now.getTime() + delay);
      // A throttled or slow channel: its other messages in this batch wait too rather than each
      // pay for another failed call (other channels are not affected).
      if (retryAfter !== null || performance.now() - callStarted >= SLOW_CALL_MS) {
        context.pausedUntil.set(`${row.workspaceId}|${row.channel}`, until);
      }
      return (await store.markRetry(lease, message, until, now)) ? 'retry' : lost('for retry');
    }
    const reason = retryable
      ? `gave up after ${Math.round((now.getTime() - firstError.getTime()) / 3_600_000)} h of failures: ${message}`
      : message;
    if (!(await store.markFailed(lease, reason, now, failureNotice(workspace, row, reason, now)))) {
      return lost('failed');
    }
    logFailure(deps, row, reason);
    return 'failed';
  }
  // Outside the try: if recording fails the store is down, and the tick must fail loudly rather
  // than call it a delivery failure (which would post the message again).
  if (!(await store.markSent(lease, ref, now))) return lost('sent (it WAS posted)');
  if (row.kind === 'reminder') context.reminded.add(row.workspaceId);
  return 'sent';
}

/** One structured line per delivery that failed for good (the mark succeeds once, so it logs once). */
function logFailure(deps: SchedulerDeps, row: DeliveryRow, reason: string): void {
  loggerOf(deps).warn('delivery failed permanently', {
    event: 'delivery_failed',
    deliveryKey: row.key,
    kind: row.kind,
    workspaceId: row.workspaceId,
    channel: row.channel,
    attempts: row.attempts,
    reason,
  });
}

/** A call that outlives the budget is abandoned (and retried): the adapters' timeouts should fire first. */
async function withinBudget<T>(call: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeliveryError(`the platform did not answer within ${budgetMs} ms`, true)),
      budgetMs,
    );
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function backoff(options: ReturnType<typeof optionsOf>) {
  return { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs, random: options.random };
}

async function send(
  store: SchedulerDeps['store'],
  messenger: Messenger,
  workspace: WorkspaceRow,
  row: DeliveryRow,
  step: Step,
): Promise<MessageRef> {
  if (step.action === 'update') {
    await messenger.update(workspace.id, step.ref, step.message);
    return step.ref;
  }
  if (step.action === 'notify') return notifyAdmins(store, messenger, workspace, row, step.message);
  if (step.action !== 'post') throw new Error(`unexpected step ${step.action}`);
  return messenger.post({
    workspaceId: workspace.id,
    channel: step.channel,
    message: step.message,
    thread: step.thread,
    deliveryKey: row.key,
  });
}

/**
 * Through the messenger's own admin channel when it has one; else the core's admins personally,
 * else the home channel. Admins who switched personal messages off (`stop reminders to me`) are
 * not messaged personally, and the messenger is told not to add them back as platform admins.
 */
async function notifyAdmins(
  store: SchedulerDeps['store'],
  messenger: Messenger,
  workspace: WorkspaceRow,
  row: DeliveryRow,
  message: OutboundMessage,
): Promise<MessageRef> {
  const admins = workspace.settings.admins;
  const accepting = await acceptingPersonalMessages(store, workspace.id, admins);
  const notice = {
    workspaceId: workspace.id,
    userIds: accepting,
    declined: admins.filter((id) => !accepting.includes(id)),
    fallbackChannel: workspace.homeChannel,
    message,
    deliveryKey: row.key,
  };
  if (messenger.notifyAdmins) return messenger.notifyAdmins(notice);
  let first: MessageRef | null = null;
  for (const userId of notice.userIds) {
    try {
      const ref = await messenger.sendToUser(workspace.id, userId, message, `${row.key}|${userId}`);
      first ??= ref;
    } catch (error) {
      // One admin who cannot be reached personally (blocked the bot, left) must not keep the
      // others or the home channel from hearing it; a passing failure retries the whole notice.
      if (!(error instanceof DeliveryError) || error.retryable) throw error;
    }
  }
  if (first) return first;
  if (!notice.fallbackChannel) throw new DeliveryError('no admin and no home channel to tell', false);
  return messenger.post({
    workspaceId: workspace.id,
    channel: notice.fallbackChannel,
    message,
    thread: null,
    deliveryKey: row.key,
  });
}

async function prepare(
  context: DispatchContext,
  workspace: WorkspaceRow,
  row: DeliveryRow,
  payload: DeliveryPayload,
): Promise<Step> {
  const { store } = context.deps;
  switch (payload.kind) {
    case 'reminder':
    case 'followup':
    case 'escalation': {
      const days = payload.kind === 'escalation' ? payload.workingDays : 0;
      const message = await renderDutyMessage(context, workspace, row, payload.kind, days);
      if ('cancel' in message) return { action: 'cancel', reason: message.cancel };
      if (payload.kind === 'followup') {
        const reminder = await store.getDelivery(payload.threadKey);
        if (reminder?.status === 'pending')
          return { action: 'wait', reason: 'the reminder it replies to is not delivered yet' };
        const thread =
          reminder?.status === 'sent' && reminder.messageId
            ? { channel: reminder.messageChannel ?? reminder.channel, id: reminder.messageId }
            : null;
        return { action: 'post', channel: thread?.channel ?? row.channel, message: message.message, thread };
      }
      return { action: 'post', channel: row.channel, message: message.message, thread: null };
    }
    case 'digest': {
      const snapshot = await context.snapshot(workspace.id);
      if (!snapshot) return { action: 'cancel', reason: 'workspace gone' };
      const since = await lastDigestAt(context, workspace, row.channel, row.key);
      const confirmations = await store.confirmationsSince(workspace.id, since);
      const view = buildDigest({ snapshot, channel: row.channel, now: context.now, confirmationsSince: confirmations });
      return { action: 'post', channel: row.channel, message: { kind: 'digest', view }, thread: null };
    }
    case 'welcome':
      return { action: 'post', channel: row.channel, message: { kind: 'welcome', view: payload.view }, thread: null };
    case 'notice':
      return {
        action: 'notify',
        notice: payload,
        message: { kind: 'welcome', view: noticeView(workspace, payload, context.deps.knowledge) },
      };
    case 'update': {
      const target = await store.getDelivery(payload.targetKey);
      if (!target || target.status === 'failed')
        return { action: 'cancel', reason: 'the message to update was never delivered' };
      if (target.status === 'pending' || !target.messageId)
        return { action: 'wait', reason: 'the message to update is not delivered yet' };
      const kind = target.kind === 'followup' || target.kind === 'escalation' ? target.kind : 'reminder';
      const message = await renderDutyMessage(context, workspace, target, kind, workingDaysOf(target));
      if ('cancel' in message) return { action: 'cancel', reason: message.cancel };
      return {
        action: 'update',
        ref: { channel: target.messageChannel ?? target.channel, id: target.messageId },
        message: message.message,
      };
    }
  }
}

function workingDaysOf(row: DeliveryRow): number {
  const days = row.payload.workingDays;
  return typeof days === 'number' ? days : 0;
}

async function renderDutyMessage(
  context: DispatchContext,
  workspace: WorkspaceRow,
  row: DeliveryRow,
  kind: 'reminder' | 'followup' | 'escalation',
  workingDays: number,
): Promise<{ message: OutboundMessage } | { cancel: string }> {
  const snapshot = await context.snapshot(workspace.id);
  const duty = row.dutyId ? context.deps.knowledge.dutyById.get(row.dutyId) : undefined;
  if (!snapshot || !duty || !row.occurrence) return { cancel: 'the duty is unknown' };
  const settings = snapshot.workspace.settings;
  const schedule = scheduleOf(duty, settings);
  const occurrence = schedule ? occurrenceByKeyFor(schedule, calendarOf(settings), row.occurrence) : null;
  if (!occurrence) return { cancel: 'the duty is no longer scheduled this way in this workspace' };
  const status = dutyStatus(snapshot, duty, context.now, occurrence);
  if (!status) return { cancel: 'the duty is no longer scheduled in this workspace' };
  // A message still waiting for its first delivery (a backlog after an outage, a long retry) is
  // dropped once a later occurrence has fallen due: the new reminder speaks for both, noting the
  // missed one. Updates pass the already-sent target row, so they always render.
  if (row.status === 'pending' && status.next && status.next.dueAt <= context.now) {
    return { cancel: `superseded by ${status.next.key}` };
  }
  if (kind !== 'reminder' && row.status === 'pending' && (isClosed(status.latest) || status.state === 'snoozed')) {
    // A nudge about something already confirmed (or snoozed) would only be noise.
    return { cancel: 'the occurrence was confirmed or snoozed before the message went out' };
  }
  const view = reminderView(kind, workspace.id, status, context.deps.knowledge, settings.language, settings.timezone, {
    workingDaysOpen: workingDays,
  });
  return { message: { kind, view } };
}

/** When the previous digest of this channel went out (this week's or last week's), else a week ago. */
async function lastDigestAt(
  context: DispatchContext,
  workspace: WorkspaceRow,
  channel: string,
  currentKey: string,
): Promise<Date> {
  const calendar = calendarOf(workspace.settings);
  const week = periodContaining('weekly', localDay(calendar, context.now));
  for (const candidate of [week, shiftPeriod(week, -1)]) {
    const key = digestKey(workspace.id, channel, candidate.key);
    if (key === currentKey) continue;
    const previous = await context.deps.store.getDelivery(key);
    if (previous?.status === 'sent' && previous.sentAt) return previous.sentAt;
  }
  return new Date(context.now.getTime() - 7 * 86_400_000);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
