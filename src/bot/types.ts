import type { Knowledge } from '../knowledge/model.js';
import type { Messenger } from '../ports/messenger.js';
import type { DeliveryRow, Platform, Store } from '../store/types.js';
import type { AnswerView, ConfirmationStatus, HomeView, Lang, Reply, WelcomeView } from '../views/types.js';

/**
 * The facade adapters call. Adapters translate platform events into these calls and render the
 * returned view models; every business rule (permissions, validation, scheduling) lives behind it.
 */

export interface Actor {
  /** Platform user id (Slack U…, Teams AAD object id or 29:… id, terminal user name). */
  userId: string;
  /**
   * Whether the platform says this user administers the workspace (Slack admin/owner via
   * users.info, Teams team owner via the roster). Lazy: only called for commands that need it.
   */
  isPlatformAdmin?: () => Promise<boolean>;
}

/** Where a command came from. */
export interface Conversation {
  /** `local`, `slack:T123` (or `slack:E1:T123`), `teams:<tenant>:<team or conversation id>`. */
  workspaceId: string;
  platform: Platform;
  /** Channel / conversation id where the command was typed; null for a CLI call. */
  channelId: string | null;
}

export interface CommandInput {
  /** The text after the command name, e.g. "done restore test 1backup all good https://…". */
  text: string;
  actor: Actor;
  conversation: Conversation;
  /** Defaults to the bot's clock. */
  now?: Date;
  /** Makes a retried submission a no-op (e.g. Slack event id, Teams activity id). */
  idempotencyKey?: string;
}

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
}

export interface TickReport {
  at: string;
  workspaces: number;
  enqueued: number;
  deliveries: {
    key: string;
    kind: string;
    workspaceId: string;
    dutyId: string | null;
    occurrence: string | null;
    channel: string;
    status: 'sent' | 'retry' | 'failed';
  }[];
}

export interface Dutybot {
  readonly knowledge: Knowledge;
  readonly store: Store;
  /** Answer a free question (no command word). */
  ask(question: string, conversation?: Conversation): Promise<AnswerView>;
  /** Run one line of the command grammar (a bare question is an `ask`). */
  handle(input: CommandInput): Promise<Reply>;
  /** Done / skip / snooze from a button or form. */
  confirm(input: ConfirmInput): Promise<Reply>;
  /** A user's own duties (App Home / personal tab). */
  home(conversation: Conversation, actor: Actor, now?: Date): Promise<HomeView>;
  /**
   * Called when the bot is installed or first contacted in a workspace. Creates the workspace
   * with defaults and returns the welcome message the first time; null afterwards.
   */
  ensureWorkspace(conversation: Conversation, installer: string, lang?: Lang): Promise<WelcomeView | null>;
  /** Register the messenger that delivers for a platform (the scheduler routes by workspace). */
  useMessenger(platform: Platform, messenger: Messenger): void;
  /** One scheduler pass: enqueue what is due, then deliver the outbox. */
  tick(now: Date): Promise<TickReport>;
  /** Deliveries that failed for good in this workspace (the admins were told), newest first. */
  deliveryFailures(workspaceId: string): Promise<DeliveryRow[]>;
  /** Durable dedupe across retries and replicas: true the first time `key` is seen. */
  firstSeen(key: string, ttlMs?: number): Promise<boolean>;
  close(): Promise<void>;
}
