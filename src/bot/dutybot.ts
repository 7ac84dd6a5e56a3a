import { randomUUID } from 'node:crypto';
import { answer } from '../answer/answer.js';
import { createModelAssistedAnswerer } from '../answer/model-assisted.js';
import { buildAuditorPack } from '../auditor-pack/index.js';
import { calendarFeed, issueCalendarToken } from '../calendar/index.js';
import type { ExecuteDeps } from '../commands/deps.js';
import { confirm, executeCommand, executeParsedCommand } from '../commands/execute.js';
import { messages } from '../commands/messages.js';
import { createDashboardService, SIGN_IN_LINK_MINUTES } from '../dashboard/service.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { Knowledge } from '../knowledge/model.js';
import type { Logger } from '../logging/logger.js';
import { processLogger } from '../logging/pino-logger.js';
import { loadSnapshot } from '../occurrences/status.js';
import type { AnswerModel } from '../ports/answer-model.js';
import type { ChannelDirectory } from '../ports/channel-directory.js';
import type { Messenger } from '../ports/messenger.js';
import { deleteExpiredWorkspaces, parseRetentionDays, retentionEnds } from '../retention/retention.js';
import * as scheduler from '../scheduler/index.js';
import { type Keyring, parseKeyring } from '../secrets/keyring.js';
import { defaultSettings, usedServices } from '../settings/schema.js';
import { createStore } from '../store/create-store.js';
import { WorkspaceRowMissingError } from '../store/errors.js';
import type { Platform, Store, WorkspaceRow } from '../store/types.js';
import { dutyTitle } from '../views/occurrence-views.js';
import type { AnswerView, Lang, Reply } from '../views/types.js';
import { CredentialVault } from './credential-vault.js';
import { addUsage, storeSelectionCache, usageOf } from './model-records.js';
import { createScheduleOps } from './schedule-service.js';
import type {
  Actor,
  CommandInput,
  ConfirmInput,
  Conversation,
  DutybotCore,
  TickReport,
  WorkspaceSummary,
} from './types.js';
import { personalWelcomeView, welcomeView } from './welcome.js';
import { workspaceName } from './workspace-name.js';

export interface DutybotOptions {
  /** `sqlite:<path>`, `sqlite::memory:` or `postgres://…`; default `sqlite:./data/dutybot.sqlite`. */
  databaseUrl?: string;
  knowledgePath?: string;
  clock?: () => Date;
  /** Identifies this replica in outbox leases. */
  workerId?: string;
  /** How the bot's commands are typed on the first surface, for the welcome text (e.g. "/duty"). */
  commandPrefix?: string;
  /**
   * Deliver the outbox right after a confirmation instead of at the next tick, so a reminder is
   * updated in place within a second. Servers turn it on; tests and one-shot CLI calls leave it
   * off so every delivery happens in an explicit `tick`.
   */
  dispatchAfterConfirm?: boolean;
  /** The process's one logger, from the composition root; default a logger on stderr (see createLogger). */
  logger?: Logger;
  /**
   * A language model that may select pack items for questions the engine cannot answer (see
   * src/answer/model-assisted.ts). None: answers are deterministic and no network call is made.
   */
  answerModel?: AnswerModel;
  /** Scheduler tuning (tests shorten the send budget and retry delays). */
  scheduler?: Partial<scheduler.SchedulerOptions>;
  /**
   * Open the store only to read (CLI `export`, `audit verify`, `history`…): a SQLite file opens
   * read-only and is not migrated. Anything that would write then fails with the store's own line.
   */
  readOnly?: boolean;
  /**
   * DUTYBOT_ENCRYPTION_KEY's value (`kid:base64key[,kid2:key2]`, first = current): the keys
   * installation tokens are sealed under. Unset: no credential can be saved or read.
   */
  encryptionKey?: string;
  /** DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL (days, or the variable's text); default 30. */
  retentionDaysAfterUninstall?: number | string;
  /**
   * `DUTYBOT_PUBLIC_URL`: where people reach the web dashboard. Without it the chat command
   * `dashboard` says the dashboard is not configured.
   */
  publicUrl?: string;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/dutybot.sqlite';
/** A database URL with its password masked, for operators' lines and logs. */
export { describeUrl as describeDatabaseUrl } from '../store/database.js';

/** Dedupe keys outlive any platform's redelivery window (Slack retries for minutes, Teams less). */
const DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
/** A person is welcomed in their personal chat once: the mark outlives any realistic install. */
const PERSONAL_WELCOME_TTL_MS = 10 * 365 * 24 * 60 * 60 * 1000;
/** A welcome whose first post failed goes out again from the outbox after this pause. */
const WELCOME_RETRY_DELAY_MS = 60 * 1000;

/**
 * Wires the core together: knowledge, store, answering, commands and the scheduler. Adapters
 * hold one of these and call nothing else of the core.
 */
export async function createDutybot(options: DutybotOptions = {}): Promise<DutybotCore> {
  // Configuration first: a bad key or period fails before any database is opened.
  const keyring: Keyring | null = options.encryptionKey?.trim() ? parseKeyring(options.encryptionKey) : null;
  const retentionDays =
    typeof options.retentionDaysAfterUninstall === 'number'
      ? parseRetentionDays(String(options.retentionDaysAfterUninstall))
      : parseRetentionDays(options.retentionDaysAfterUninstall);
  const knowledge: Knowledge = loadKnowledge(options.knowledgePath);
  const logger = options.logger ?? processLogger();
  const store: Store = await createStore(options.databaseUrl ?? DEFAULT_DATABASE_URL, {
    logger: logger.child({ component: 'store' }),
    readOnly: options.readOnly === true,
  });
  const clock = options.clock ?? (() => new Date());
  const credentials = new CredentialVault(store, keyring, clock);
  const messengers = new Map<Platform, Messenger>();
  const deps: scheduler.SchedulerDeps = {
    store,
    knowledge,
    messengerFor: (platform) => messengers.get(platform),
    workerId: options.workerId ?? `dutybot-${process.pid}-${randomUUID().slice(0, 8)}`,
    logger,
    ...(options.scheduler ? { options: options.scheduler } : {}),
  };
  const schedule = createScheduleOps(deps);

  const assisted = options.answerModel
    ? createModelAssistedAnswerer({ knowledge, model: options.answerModel, cache: storeSelectionCache(store) })
    : null;
  async function answerFor(question: string, workspace: WorkspaceRow | null): Promise<AnswerView> {
    const context = workspace ? { owners: workspace.settings.owners, settings: workspace.settings } : {};
    if (!assisted || workspace?.settings.llm === 'off') return answer(question, knowledge, context).view;
    const result = await assisted.answer(question, {
      ...context,
      services: workspace ? usedServices(workspace.settings, [...knowledge.serviceById.keys()]) : [],
    });
    if (workspace && (result.usage || result.outcome === 'cached')) {
      await addUsage(store, workspace.id, result.usage, result.outcome === 'cached').catch(() => undefined);
    }
    return result.answer.view;
  }
  const askReply = async (question: string, workspace: WorkspaceRow | null): Promise<Reply> => {
    const view = await answerFor(question, workspace);
    return { kind: 'answer', lang: view.lang, answer: view };
  };
  const directories = new Map<Platform, ChannelDirectory>();
  const execDeps: ExecuteDeps = {
    knowledge,
    store,
    schedule,
    ask: askReply,
    channels: (platform: Platform) => directories.get(platform),
    async signInLink(workspace, actor) {
      const platformAdmin = actor.isPlatformAdmin ? await actor.isPlatformAdmin() : false;
      const link = await dashboard.signInLink(workspace.id, actor.userId, { platformAdmin });
      return link ? { url: link.url, minutes: SIGN_IN_LINK_MINUTES } : null;
    },
  };

  let dispatching: Promise<unknown> | null = null;
  function dispatchSoon(reply: Reply): Reply {
    if (options.dispatchAfterConfirm && reply.kind === 'confirmed' && !reply.duplicate && !dispatching) {
      dispatching = scheduler
        .dispatchOutbox(deps, clock())
        .catch((error: unknown) => logger.error('delivery after confirmation failed', { error }))
        .finally(() => {
          dispatching = null;
        });
    }
    return reply;
  }

  const dashboard = createDashboardService({
    store,
    knowledge,
    clock,
    schedule,
    publicUrl: options.publicUrl?.trim().replace(/\/+$/, '') || undefined,
    run: (command, actor, conversation) => facade.run(command, { actor, conversation }),
    confirm: (input) => facade.confirm(input),
  });

  async function workspaceFor(conversation: Conversation, actor: string): Promise<WorkspaceRow> {
    const existing = await store.getWorkspace(conversation.workspaceId);
    if (existing) return existing;
    await ensureWorkspace(conversation, actor);
    const created = await store.getWorkspace(conversation.workspaceId);
    if (!created) throw new Error(`workspace ${conversation.workspaceId} could not be created`);
    return created;
  }

  /**
   * Whether a channel may become a workspace's home (where its reminders go): only when the bot is
   * proven to be in it. A Slack slash command works in any channel, invited or not, and a channel
   * can be picked before the bot is invited; dutybot never posts where it was not invited (store
   * rule), and such a home would only collect failed reminders. Proof is the request itself (a
   * mention, the bot's own join) or the platform's channel directory; platforms whose directory
   * cannot tell (Teams: installing in a team reaches its channels) take the channel. When the
   * platform cannot be asked, the answer is no: the workspace waits for a channel, as after an
   * OAuth install, and asks for one.
   */
  async function botIsProvenIn(conversation: Conversation): Promise<boolean> {
    const channel = conversation.channelId;
    const directory = directories.get(conversation.platform);
    if (!channel) return false;
    if (conversation.botIsMember || !directory?.botIsIn) return true;
    try {
      return await directory.botIsIn(conversation.workspaceId, channel);
    } catch (error) {
      logger.warn('could not ask whether the bot is in the channel; it does not become the home channel', {
        error,
        workspaceId: conversation.workspaceId,
      });
      return false;
    }
  }

  /** A new workspace's home: the channel of its first contact, when the bot is proven to be in it. */
  async function firstHome(conversation: Conversation): Promise<string | null> {
    // An existing workspace keeps its home: no platform call for what createWorkspace ignores.
    if (!conversation.channelId || (await store.getWorkspace(conversation.workspaceId))) return null;
    return (await botIsProvenIn(conversation)) ? conversation.channelId : null;
  }

  async function ensureWorkspace(
    conversation: Conversation,
    installer: string,
    lang: Lang = 'en',
    welcome: { mentionInstaller?: boolean; commandPrefix?: string } = {},
  ) {
    const settings = defaultSettings({ language: lang });
    const homeChannel = await firstHome(conversation);
    let created: boolean;
    try {
      created = await store.createWorkspace(
        {
          id: conversation.workspaceId,
          platform: conversation.platform,
          settings,
          homeChannel,
        },
        installer,
        clock(),
      );
    } catch (error) {
      // Its row was deleted by hand while its ledger stayed: a new chain must not start over it.
      if ((await store.ledgerWindow(conversation.workspaceId, 1, 1)).length > 0)
        throw new WorkspaceRowMissingError(conversation.workspaceId, { cause: error });
      throw error;
    }
    if (!created) return null;
    await scheduler.recomputeWake(deps, conversation.workspaceId, clock());
    const prefix = welcome.commandPrefix ?? options.commandPrefix ?? '';
    return welcomeView(conversation.workspaceId, settings, knowledge, prefix, {
      // Not proven to be in the channel it was used in: the welcome asks for one instead.
      inChannel: homeChannel !== null,
      // The terminal's own user, or someone in their own personal chat, is not told who added the bot.
      installer: conversation.platform !== 'local' && (welcome.mentionInstaller ?? true) ? installer : null,
    });
  }

  async function summary(row: WorkspaceRow): Promise<WorkspaceSummary> {
    const [head, activity] = await Promise.all([store.ledgerHead(row.id), store.workspaceActivity(row.id)]);
    return {
      id: row.id,
      platform: row.platform,
      name: row.name ?? null,
      status: row.status ?? 'active',
      homeChannel: row.homeChannel,
      timezone: row.settings.timezone,
      language: row.settings.language,
      createdAt: row.createdAt,
      entries: head?.seq ?? 0,
      chainHead: head?.hash ?? '',
      lastActivityAt: activity.lastActivityAt,
      pendingDeliveries: activity.pendingDeliveries,
      failedDeliveries: activity.failedDeliveries,
      nextWakeAt: row.nextWakeAt,
      deletionDueAt:
        row.status === 'inactive' && row.inactiveSince ? retentionEnds(row.inactiveSince, retentionDays) : null,
    };
  }

  async function previewTick(now: Date, workspaceIds?: readonly string[]): Promise<TickReport> {
    const rows = (await store.listWorkspaces()).filter(
      (w) =>
        (workspaceIds ? workspaceIds.includes(w.id) : true) &&
        (w.status ?? 'active') === 'active' &&
        w.nextWakeAt !== null &&
        w.nextWakeAt <= now,
    );
    const deliveries: TickReport['deliveries'] = [];
    let planned = 0;
    for (const row of rows) {
      const snapshot = await loadSnapshot(store, knowledge, row);
      if (!snapshot) continue;
      const plan = await scheduler.planWorkspace(store, snapshot, now);
      for (const d of plan.deliveries) {
        // Already in the outbox: the real tick's insert would be a no-op.
        if (await store.getDelivery(d.key)) continue;
        planned++;
        deliveries.push({
          key: d.key,
          kind: d.kind,
          workspaceId: d.workspaceId,
          dutyId: d.dutyId,
          occurrence: d.occurrence,
          channel: d.channel,
          status: 'planned',
        });
      }
    }
    return { at: now.toISOString(), workspaces: rows.length, enqueued: planned, deliveries };
  }

  const facade: DutybotCore = {
    knowledge,
    store,
    keyValue: store,
    credentials,
    retentionDays,
    deleteExpiredWorkspaces(now = clock()) {
      return deleteExpiredWorkspaces(store, now, retentionDays, logger.child({ component: 'retention' }));
    },
    async deleteWorkspaceOnRequest(workspaceId, actor) {
      const tombstone = await store.deleteWorkspace(workspaceId, { reason: 'request', actor, at: clock() });
      if (tombstone)
        logger.info('workspace data deleted on request', {
          workspaceId,
          entries: tombstone.entries,
          headHash: tombstone.headHash,
        });
      return tombstone;
    },
    tombstones() {
      return store.tombstones();
    },
    rotateCredentialKeys() {
      return credentials.rotate();
    },
    dashboard,
    async workspace(workspaceId) {
      const row = await store.getWorkspace(workspaceId);
      if (!row) return null;
      return {
        id: row.id,
        lang: row.settings.language,
        timezone: row.settings.timezone,
        active: row.status !== 'inactive',
        homeChannel: row.homeChannel,
        reminderChannel: row.settings.default_channel ?? row.homeChannel,
        name: row.name ?? null,
      };
    },
    dutyTitle(dutyId, lang) {
      const duty = knowledge.dutyById.get(dutyId);
      return duty ? dutyTitle(duty, lang) : null;
    },
    async workspaces() {
      return Promise.all((await store.listWorkspaces()).map(summary));
    },
    async findWorkspace(id) {
      const row = await store.getWorkspace(id);
      return row ? summary(row) : null;
    },
    async answerIn(workspaceId, question, lang) {
      const row = await store.getWorkspace(workspaceId);
      if (!row) return null;
      return answer(question, knowledge, {
        owners: row.settings.owners,
        settings: row.settings,
        ...(lang ? { lang } : {}),
      });
    },
    previewTick,
    auditorPack(workspaceId) {
      return buildAuditorPack({ store, knowledge }, workspaceId, clock());
    },
    calendarFeed(token, { publicUrl }) {
      return calendarFeed({ store, knowledge }, token, { publicUrl, now: clock() });
    },
    async createCalendarToken({ workspaceId, userId, createdBy }) {
      if (!(await store.getWorkspace(workspaceId))) return null;
      return issueCalendarToken(store, { workspaceId, userId, createdBy, now: clock() });
    },
    calendarTokens(workspaceId) {
      return store.calendarTokens(workspaceId);
    },
    revokeCalendarToken(id, workspaceId) {
      return store.revokeCalendarToken(id, clock(), workspaceId);
    },
    async checkStore() {
      // A real round trip to the database (any id will do): a closed pool or a missing file fails here.
      await store.getWorkspace('healthz');
    },
    async ask(question, conversation) {
      const workspace = conversation ? await store.getWorkspace(conversation.workspaceId) : null;
      return answerFor(question, workspace);
    },
    async handle(input: CommandInput) {
      const now = input.now ?? clock();
      const workspace = await workspaceFor(input.conversation, input.actor.userId);
      return dispatchSoon(
        await executeCommand(
          execDeps,
          {
            text: input.text,
            actor: input.actor,
            conversation: input.conversation,
            now,
            idempotencyKey: input.idempotencyKey ?? null,
          },
          workspace,
        ),
      );
    },
    async run(command, input) {
      const now = input.now ?? clock();
      const workspace = await workspaceFor(input.conversation, input.actor.userId);
      return dispatchSoon(
        await executeParsedCommand(
          execDeps,
          command,
          { actor: input.actor, conversation: input.conversation, now, idempotencyKey: input.idempotencyKey ?? null },
          workspace,
        ),
      );
    },
    async confirm(input: ConfirmInput) {
      const now = input.now ?? clock();
      const workspace = await workspaceFor(input.conversation, input.actor.userId);
      const lang = workspace.settings.language;
      const duty = knowledge.dutyById.get(input.dutyId);
      if (duty?.party !== 'customer') {
        const m = messages(lang);
        return {
          kind: 'error',
          lang,
          code: 'unknown_duty',
          message: m.unknownDuty(input.dutyId),
          hint: m.unknownDutyHint,
          candidates: [],
        };
      }
      const reply = await confirm(
        execDeps,
        { actor: input.actor, now, idempotencyKey: input.idempotencyKey },
        workspace,
        lang,
        {
          duty,
          occurrence: input.occurrence,
          status: input.status,
          note: input.note ?? null,
          evidenceUrl: input.evidenceUrl ?? null,
          reason: input.reason ?? null,
          snooze: input.snooze ?? null,
          boundTo: input.boundTo ?? null,
        },
      );
      return dispatchSoon(reply);
    },
    async home(conversation: Conversation, actor: Actor, now = clock()) {
      const workspace = await workspaceFor(conversation, actor.userId);
      const view = await schedule.home(workspace, actor, now);
      const nowhere = !workspace.homeChannel && !workspace.settings.default_channel;
      return nowhere ? { ...view, askForChannel: true } : view;
    },
    ensureWorkspace,
    async adoptHomeChannel(conversation, actor) {
      const workspace = await store.getWorkspace(conversation.workspaceId);
      if (!workspace || workspace.homeChannel || !conversation.channelId) return false;
      if (!(await botIsProvenIn(conversation))) return false;
      const now = clock();
      const { settings } = workspace;
      // Reminders had nowhere to go until now: what fell due before stays out of the first round
      // (no burst), just as on an install. With a channel already configured nothing changes.
      const hadNowhere = settings.default_channel === null && Object.keys(settings.channels).length === 0;
      const adopted = await store.setHomeChannelIfUnset(
        workspace.id,
        conversation.channelId,
        { actor, at: now },
        hadNowhere ? now : null,
      );
      if (adopted) await scheduler.recomputeWake(deps, workspace.id, now);
      return adopted;
    },
    async personalWelcome(conversation, userId, lang = 'en') {
      // Once per person and chat, across replicas and restarts (a re-install does not repeat it).
      const key = `welcome:personal:${conversation.workspaceId}:${conversation.channelId ?? ''}:${userId}`;
      if (!(await store.firstSeen(key, PERSONAL_WELCOME_TTL_MS, clock()))) return null;
      const row = await store.getWorkspace(conversation.workspaceId);
      const settings = row?.settings ?? defaultSettings({ language: lang });
      // A personal chat acts on a team when its workspace has a channel other than this chat.
      const actsOnTeam = row !== null && row.homeChannel !== null && row.homeChannel !== conversation.channelId;
      return personalWelcomeView(conversation.workspaceId, settings, knowledge, row?.name ?? null, actsOnTeam);
    },
    async redeliverWelcome(view, channel) {
      // The outbox retries it like any delivery (with backoff, fenced, reported if it fails for good).
      const now = clock();
      const enqueued = await store.enqueue([
        {
          key: `${view.workspaceId}|welcome|${channel}|${now.toISOString().slice(0, 10)}`,
          workspaceId: view.workspaceId,
          kind: 'welcome',
          dutyId: null,
          occurrence: null,
          channel,
          payload: { kind: 'welcome', view },
          createdAt: now,
          notBefore: new Date(now.getTime() + WELCOME_RETRY_DELAY_MS),
        },
      ]);
      return enqueued > 0;
    },
    async nameWorkspace(workspaceId, name) {
      // A platform that sends no name (a personal chat, a failed look-up) never erases a known one.
      const normalized = workspaceName(name);
      if (normalized === null) return false;
      return store.setWorkspaceName(workspaceId, normalized);
    },
    async deactivateWorkspace(workspaceId, actor, reason) {
      if (!(await store.getWorkspace(workspaceId))) return false;
      return store.setWorkspaceStatus(workspaceId, 'inactive', { actor, at: clock(), reason });
    },
    async reactivateWorkspace(workspaceId, actor) {
      if (!(await store.getWorkspace(workspaceId))) return 0;
      const now = clock();
      await store.setWorkspaceStatus(workspaceId, 'active', { actor, at: now, reason: 'installed again' });
      return scheduler.resumeWorkspace(deps, workspaceId, now);
    },
    llmUsage(workspaceId) {
      return usageOf(store, workspaceId);
    },
    useMessenger(platform, messenger) {
      messengers.set(platform, messenger);
    },
    useChannelDirectory(platform, directory) {
      directories.set(platform, directory);
    },
    tick(now) {
      return scheduler.tick(deps, now);
    },
    deliveryFailures(workspaceId) {
      return store.deliveryFailures(workspaceId);
    },
    firstSeen(key, ttlMs = DEDUPE_TTL_MS) {
      return store.firstSeen(key, ttlMs, clock());
    },
    async close() {
      await dispatching;
      await store.close();
    },
  };
  return facade;
}
