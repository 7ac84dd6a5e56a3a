import type { Answer } from '../answer/answer.js';
import type { ParsedCommand, UsageError } from '../commands/grammar.js';
import type { Actor, Conversation } from '../commands/types.js';
import type { DashboardService } from '../dashboard/types.js';
import type { Knowledge } from '../knowledge/model.js';
import type { ChannelDirectory } from '../ports/channel-directory.js';
import type { CredentialStore } from '../ports/credentials.js';
import type { KeyValueStore } from '../ports/key-value.js';
import type { Messenger } from '../ports/messenger.js';
import type { TickReport } from '../scheduler/report.js';
import type { CalendarTokenRow, DeliveryRow, Platform, Store, Tombstone } from '../store/types.js';
import type { AnswerView, ConfirmationStatus, HomeView, Lang, Reply, WelcomeView } from '../views/types.js';
import type { RotationReport } from './credential-vault.js';
import type { LlmUsage } from './model-records.js';

/** The dashboard's session and page view models, for adapters/web. */
export type {
  ChainStateView,
  DashboardConfirmInput,
  DashboardService,
  DashboardSession,
  DutyPage,
  LedgerEntryView,
  LedgerFilters,
  LedgerPageView,
  PeriodFilters,
  PeriodPage,
  PeriodRow,
  SettingsPage,
  SignedIn,
} from '../dashboard/types.js';
/** Who and where: defined by the command layer, which checks them; adapters build them. */
/** What the operator's deletion and key commands report; calendar tokens as listed. */
export type { Actor, CalendarTokenRow, Conversation, RotationReport, TickReport, Tombstone };

/**
 * The facade adapters call. Adapters translate platform events into these calls and render the
 * returned view models; every business rule (permissions, validation, scheduling) lives behind it.
 */

export interface CommandInput {
  /** The text after the command name, e.g. "done restore test backup1 all good https://…". */
  text: string;
  actor: Actor;
  conversation: Conversation;
  /** Defaults to the bot's clock. */
  now?: Date;
  /** Makes a retried submission a no-op (e.g. Slack event id, Teams activity id). */
  idempotencyKey?: string;
}

/** Who runs an already-built command, where and when (everything of a `CommandInput` but the text). */
export type RunInput = Omit<CommandInput, 'text'>;

/** A confirmation from a button or a form (the occurrence is known exactly). */
export interface ConfirmInput {
  actor: Actor;
  conversation: Conversation;
  dutyId: string;
  occurrence: string;
  status: ConfirmationStatus;
  note?: string | null;
  evidenceUrl?: string | null;
  reason?: string | null;
  /** For snoozes: a duration such as "1h", "2d", "tomorrow", "next-week", or an ISO instant. */
  snooze?: string | null;
  idempotencyKey: string;
  now?: Date;
  /**
   * What the message or card the click came from is about, as the adapter stored it when it was
   * posted (null: not a stored message, e.g. the App Home or a reply). A click whose duty or
   * occurrence differs from it is refused: the payload never redirects a confirmation.
   */
  boundTo?: MessageBinding | null;
}

/** The duty and occurrence a posted reminder is about. */
export interface MessageBinding {
  dutyId: string;
  occurrence: string;
}

/** One workspace as the operator sees it (`dutybot workspaces`, `dutybot status`). */
export interface WorkspaceSummary {
  id: string;
  platform: Platform;
  /** The platform's name for it (Slack workspace, Teams team or chat); null until learnt. */
  name: string | null;
  status: 'active' | 'inactive';
  homeChannel: string | null;
  timezone: string;
  language: Lang;
  createdAt: Date;
  /** Audit entries in its chain, and the chain head's hash. */
  entries: number;
  chainHead: string;
  lastActivityAt: Date | null;
  pendingDeliveries: number;
  failedDeliveries: number;
  nextWakeAt: Date | null;
  /** Uninstalled: when its ledger and settings will be deleted (the retention period's end); null while installed. */
  deletionDueAt: Date | null;
}

/** What a surface may know of a workspace before the core answers (chrome, first contact). */
export interface WorkspaceFacts {
  id: string;
  lang: Lang;
  /** IANA zone its times are shown in. */
  timezone: string;
  active: boolean;
  /** The first channel the bot was used in or added to; null until there is one. */
  homeChannel: string | null;
  /** Where reminders go when a service has no channel of its own; null: nowhere yet. */
  reminderChannel: string | null;
  /** The platform's name for the workspace; null until an adapter reported one. */
  name: string | null;
}

/**
 * The facade adapters call. It exposes no store and no knowledge pack: an adapter asks for what it
 * needs (a workspace's facts, a duty's title, its own key-value state) and nothing else.
 */
export interface Dutybot {
  /** The adapter's own small state (conversation references, answered requests); never secrets. */
  readonly keyValue: KeyValueStore;
  /** Installation secrets (Slack OAuth tokens), sealed at rest; deleted when the workspace is uninstalled. */
  readonly credentials: CredentialStore;
  /** The web dashboard: sign-in links, sessions, its pages' view models and its forms. */
  readonly dashboard: DashboardService;
  /** A workspace's facts, or null when the bot has never seen it (nothing is created). */
  workspace(workspaceId: string): Promise<WorkspaceFacts | null>;
  /** A duty's title in a language, or null for an id the pack does not have. */
  dutyTitle(dutyId: string, lang: Lang): string | null;
  /** Answer a free question (no command word). */
  ask(question: string, conversation?: Conversation): Promise<AnswerView>;
  /** Run one line of the command grammar (a bare question is an `ask`). */
  handle(input: CommandInput): Promise<Reply>;
  /**
   * Run a command value a surface built itself (the CLI from its flags), so an option's value is
   * never re-read as grammar. A grammar usage error is answered like `handle` answers it.
   */
  run(command: ParsedCommand | UsageError, input: RunInput): Promise<Reply>;
  /** Done / skip / snooze from a button or form. */
  confirm(input: ConfirmInput): Promise<Reply>;
  /** A user's own duties (App Home / personal tab). */
  home(conversation: Conversation, actor: Actor, now?: Date): Promise<HomeView>;
  /**
   * Called when the bot is installed or first contacted in a workspace. Creates the workspace
   * with defaults and returns the welcome message the first time; null afterwards.
   */
  ensureWorkspace(
    conversation: Conversation,
    installer: string,
    lang?: Lang,
    /**
     * A team's welcome names who added the bot; a personal chat's does not (default: it does).
     * `commandPrefix`: how commands are typed where the welcome is read ("/duty" on Slack,
     * "@dutybot" in a Teams channel); default: the one given to `createDutybot`.
     */
    welcome?: { mentionInstaller?: boolean; commandPrefix?: string },
  ): Promise<WelcomeView | null>;
  /**
   * The welcome of one person's personal chat (a personal install), once per person and chat even
   * when the chat acts on a team that was welcomed already; null afterwards.
   */
  personalWelcome(conversation: Conversation, userId: string, lang?: Lang): Promise<WelcomeView | null>;
  /**
   * A welcome whose first post failed: it is put in the outbox for `channel`, so the scheduler
   * delivers it with its retries instead of it being lost. False when it was queued already today.
   */
  redeliverWelcome(view: WelcomeView, channel: string): Promise<boolean>;
  /**
   * The bot was used in, or added to, a channel of a known workspace: the first such channel
   * becomes its home (where reminders go unless settings route them elsewhere) if it has none yet,
   * e.g. after an OAuth install, and only when the bot is proven to be in it (`botIsMember`, or
   * the platform's channel directory). True when it was set by this call.
   */
  adoptHomeChannel(conversation: Conversation, actor: string): Promise<boolean>;
  /**
   * The platform reports the workspace's name (on install, and on later activity when it may have
   * changed). Stored only when it differs; true when it did. Unknown workspaces are not created.
   */
  nameWorkspace(workspaceId: string, name: string | null | undefined): Promise<boolean>;
  /**
   * Uninstalled, or its token revoked: stop scheduling for the workspace and delete its credentials
   * at once; ledger and settings are kept for the retention period (restored by a re-install).
   */
  deactivateWorkspace(workspaceId: string, actor: string, reason: string): Promise<boolean>;
  /**
   * Installed again (or heard from again after an uninstall): scheduling resumes and the failed
   * deliveries of the current open occurrences are sent again. Returns how many were put back.
   */
  reactivateWorkspace(workspaceId: string, actor: string): Promise<number>;
  /** Tokens and calls a workspace has spent on the optional language model (for `dutybot status`). */
  llmUsage(workspaceId: string): Promise<LlmUsage>;
  /** Register how a platform tells whether a channel belongs to a workspace (settings check it). */
  useChannelDirectory(platform: Platform, directory: ChannelDirectory): void;
  /** Register the messenger that delivers for a platform (the scheduler routes by workspace). */
  useMessenger(platform: Platform, messenger: Messenger): void;
  /** One scheduler pass: enqueue what is due, then deliver the outbox. */
  tick(now: Date): Promise<TickReport>;
  /** Deliveries that failed for good in this workspace (the admins were told), newest first. */
  deliveryFailures(workspaceId: string): Promise<DeliveryRow[]>;
  /** Every workspace of the store, with its ledger and outbox figures (creates nothing). */
  workspaces(): Promise<WorkspaceSummary[]>;
  /** One workspace's summary, or null when there is no such workspace (creates nothing). */
  findWorkspace(id: string): Promise<WorkspaceSummary | null>;
  /**
   * The engine's answer to a question as this workspace's chat gives it without a language model:
   * its services first, its owners named, its schedule's reminders (`dutybot ask --workspace`).
   * Null when there is no such workspace (creates nothing).
   */
  answerIn(workspaceId: string, question: string, lang?: Lang): Promise<Answer | null>;
  /**
   * A dry run of `tick(now)`: what would be enqueued for the workspaces due by `now` (or only
   * those named), with status `planned`. Writes nothing: no outbox row, no wake-up moved.
   */
  previewTick(now: Date, workspaceIds?: readonly string[]): Promise<TickReport>;
  /** Days an uninstalled workspace's ledger and settings are kept (DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL). */
  readonly retentionDays: number;
  /**
   * The periodic retention pass: deletes every workspace uninstalled more than `retentionDays`
   * ago, each leaving a tombstone. Returns the tombstones written.
   */
  deleteExpiredWorkspaces(now?: Date): Promise<Tombstone[]>;
  /**
   * Deletes a workspace on request (a GDPR deletion request): its whole ledger, settings, outbox,
   * credentials and state, leaving a tombstone. Null when there is no such workspace.
   */
  deleteWorkspaceOnRequest(workspaceId: string, actor: string): Promise<Tombstone | null>;
  /** What remains of deleted workspaces, oldest first. */
  tombstones(): Promise<Tombstone[]>;
  /** Re-seals every credential under the current encryption key (`dutybot keys rotate`). */
  rotateCredentialKeys(): Promise<RotationReport>;
  /**
   * The ICS feed behind a calendar token (`/calendar/<token>.ics`), with links to duty pages under
   * `publicUrl`; null when the token is unknown, revoked, or its workspace is gone.
   */
  calendarFeed(token: string, options: { publicUrl: string | null }): Promise<CalendarFeedFile | null>;
  /**
   * A new secret feed URL token for a workspace (`userId` null) or one person's duties; the token
   * is returned once and only its hash is kept. Null when there is no such workspace.
   */
  createCalendarToken(input: {
    workspaceId: string;
    userId: string | null;
    createdBy: string;
  }): Promise<{ token: string; row: CalendarTokenRow } | null>;
  /** Calendar tokens of a workspace (of every workspace when omitted), newest first, revoked ones too. */
  calendarTokens(workspaceId?: string): Promise<CalendarTokenRow[]>;
  /** Revokes a live token (only one of `workspaceId` when given); false when there is none. */
  revokeCalendarToken(id: string, workspaceId?: string): Promise<boolean>;
  /**
   * The auditor pack of a workspace: one zip with the ledger (CSV and JSON), the chain
   * verification report, the knowledge pack and its source document, the settings in force and a
   * README with the recipe to re-verify the chain from the CSV alone. Null when there is no such
   * workspace. Who may download it is the caller's check (admins: CLI operator, dashboard session).
   */
  auditorPack(workspaceId: string): Promise<AuditorPackFile | null>;
  /** Throws when the store cannot answer a query (health checks). */
  checkStore(): Promise<void>;
  /** Durable dedupe across retries and replicas: true the first time `key` is seen. */
  firstSeen(key: string, ttlMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** An auditor pack ready to save or serve (application/zip). */
export interface AuditorPackFile {
  filename: string;
  content: Uint8Array;
  entries: number;
}

/** A calendar feed ready to serve (text/calendar). */
export interface CalendarFeedFile {
  filename: string;
  content: string;
  events: number;
}

/**
 * What `createDutybot` returns: the facade plus the store and pack it runs on, for the composition
 * root and for tests that look behind it. Adapters are given a `Dutybot`, never this.
 */
export interface DutybotCore extends Dutybot {
  readonly knowledge: Knowledge;
  readonly store: Store;
}
