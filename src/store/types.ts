import type { AuditEntry, LedgerSource } from '../ledger/entry.js';
import type { CalendarTokenStore } from './calendar-tokens.js';

export type { CalendarTokenRow, CalendarTokenStore, NewCalendarToken } from './calendar-tokens.js';
/** The Store's port speaks of ledger entries; their type is the ledger's own. */
export type { AuditEntry };

import type { WorkspaceSettings } from '../settings/schema.js';

/**
 * The persistence contract of the core. One implementation (`createStore`) speaks SQL through
 * Kysely to SQLite (default, `./data/dutybot.sqlite`) or PostgreSQL (`DATABASE_URL=postgres://…`).
 * All instants are JS Dates (UTC); the schedule layer handles time zones.
 */

export type Platform = 'local' | 'slack' | 'teams';

export interface WorkspaceRow {
  id: string;
  platform: Platform;
  settings: WorkspaceSettings;
  /** Where the bot was installed; the default channel when settings.default_channel is null. */
  homeChannel: string | null;
  /** Earliest instant at which the scheduler has something to do for this workspace. */
  nextWakeAt: Date | null;
  createdAt: Date;
  /**
   * `inactive` once the bot was uninstalled (or its token revoked): nothing is planned for it
   * until it is installed again; its ledger and settings are kept. Absent means active.
   */
  status?: WorkspaceStatus;
  /**
   * When the workspace first had somewhere to post reminders, if later than its creation (an
   * OAuth install starts without a channel): occurrences due before it are not reminded one by one.
   */
  remindersSince?: Date | null;
  /**
   * What the platform calls the workspace (Slack workspace name, Teams team or chat name), learnt
   * on install and kept current; text its admins chose, so shown inert. Null: not known yet.
   */
  name?: string | null;
  /** The chain head anchored on the row when it was read (digests state it, so it leaves the database). */
  ledgerHead?: { seq: number; hash: string };
  /** When it was uninstalled (null while installed): its retention period runs from here. */
  inactiveSince?: Date | null;
}

export type WorkspaceStatus = 'active' | 'inactive';

/**
 * One installation secret as the store keeps it: sealed (src/secrets/seal.ts) under the key
 * `keyId`, never in clear. `workspaceId` is whose it is, so an uninstall deletes it at once.
 */
export interface SealedCredential {
  name: string;
  workspaceId: string;
  keyId: string;
  sealed: string;
  updatedAt: Date;
}

/** Why a workspace's data was deleted: its retention period after an uninstall ran out, or an operator was asked to. */
export type DeletionReason = 'retention' | 'request';

/**
 * What remains of a deleted workspace: its ledger was deleted as a whole chain, and this records
 * which chain (final head hash, entry count), when, why and on whose word.
 */
export interface Tombstone {
  workspaceId: string;
  platform: Platform;
  entries: number;
  headHash: string;
  deletedAt: Date;
  reason: DeletionReason;
  actor: string;
}

export interface WorkspaceActivity {
  /** The last audit entry's instant (null: none yet). */
  lastActivityAt: Date | null;
  /** Outbox rows waiting to be delivered, and rows given up on. */
  pendingDeliveries: number;
  failedDeliveries: number;
}

/** One entry of the append-only, hash-chained ledger (chain per workspace). */

/**
 * How a confirmation closes (done, skipped) or postpones (snoozed) an occurrence; `reopened`
 * records that an owner or admin undid its closing (`reopen … -- reason`).
 */
export type ConfirmationStatus = 'done' | 'skipped' | 'snoozed' | 'reopened';

export interface NewConfirmation {
  workspaceId: string;
  dutyId: string;
  occurrence: string;
  status: ConfirmationStatus;
  by: string;
  at: Date;
  note: string | null;
  evidenceUrl: string | null;
  reason: string | null;
  snoozedUntil: Date | null;
  /** A repeated submission with the same key is a no-op that returns the first entry. */
  idempotencyKey: string;
  /** An admin recorded a period that had already ended when the workspace was created. */
  backfill?: boolean;
}

/** What a reopen records: which closed occurrence, by whom, when and why. */
export interface ReopenRequest {
  workspaceId: string;
  dutyId: string;
  occurrence: string;
  by: string;
  at: Date;
  reason: string;
  idempotencyKey: string;
}

export interface ConfirmationRow extends Omit<NewConfirmation, 'idempotencyKey'> {
  seq: number;
  hash: string;
}

export type DeliveryKind = 'reminder' | 'followup' | 'escalation' | 'digest' | 'update' | 'welcome' | 'notice';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface NewDelivery {
  /** Unique: `${workspaceId}|${kind}|${dutyId or channel}|${occurrence}` (+ suffix for updates). */
  key: string;
  workspaceId: string;
  kind: DeliveryKind;
  dutyId: string | null;
  occurrence: string | null;
  channel: string;
  /** The serialized OutboundMessage (plus thread/update target) to deliver. */
  payload: Record<string, unknown>;
  createdAt: Date;
  notBefore: Date;
}

export interface DeliveryRow extends NewDelivery {
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  /** Where the message landed (channel + platform message id), once sent. */
  messageChannel: string | null;
  messageId: string | null;
  sentAt: Date | null;
  /** The claim this row is held under, when leased (see `claimDeliveries`). */
  lease: DeliveryLease | null;
  /** When delivering it first failed (transient failures are given up on after a bounded time). */
  firstErrorAt: Date | null;
}

/**
 * Who holds a claimed row: the worker and the random token of THIS claim. Every state change of a
 * claimed row names it, and is refused (returns false) once the lease was lost — expired and taken
 * by another claim — so the old holder can never overwrite the new holder's outcome.
 */
export interface DeliveryLease {
  key: string;
  owner: string;
  token: string;
}

/** A one-time dashboard sign-in link as stored: the token itself is never kept, only its hash. */
export interface SignInLinkRow {
  tokenHash: string;
  workspaceId: string;
  userId: string;
  /** What the platform said of the person when the link was asked for (Slack admin, Teams owner). */
  platformAdmin: boolean;
  createdAt: Date;
  expiresAt: Date;
}

/** Whose a consumed sign-in link was. */
export type SignInLinkOwner = Pick<SignInLinkRow, 'workspaceId' | 'userId' | 'platformAdmin'>;

/** A dashboard session as stored (the cookie's id is kept hashed). */
export interface DashboardSessionRow {
  idHash: string;
  workspaceId: string;
  userId: string;
  platformAdmin: boolean;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Idle expiry: moved forward on every use, never past the session's absolute limit. */
  expiresAt: Date;
}

/** One page of the ledger, newest first; every filter is optional. */
export interface LedgerPageQuery {
  /** Keyset cursor: entries with a smaller seq (the last seq of the previous page). */
  beforeSeq?: number;
  limit: number;
  kind?: string;
  actor?: string;
  /** Only entries of confirmations of these duties (a service's duties). */
  dutyIds?: readonly string[];
  /** `from` inclusive, `to` exclusive, on the entry's `at`. */
  from?: Date;
  to?: Date;
}

export interface Store extends LedgerSource, CalendarTokenStore {
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;

  // Workspaces and settings
  getWorkspace(id: string): Promise<WorkspaceRow | null>;
  /** Creates it (and its first audit entry) unless it exists; returns whether it was created. */
  createWorkspace(row: Omit<WorkspaceRow, 'createdAt' | 'nextWakeAt'>, actor: string, at: Date): Promise<boolean>;
  /** Replaces the settings and appends a `settings.changed` (or `assignment`) audit entry in one transaction. */
  saveSettings(
    workspaceId: string,
    settings: WorkspaceSettings,
    audit: { kind: string; actor: string; at: Date; payload: Record<string, unknown> },
  ): Promise<AuditEntry>;
  setNextWake(workspaceId: string, at: Date | null): Promise<void>;
  /**
   * Sets the home channel only while it is still empty (the first channel the bot is used in or
   * invited to, or the one picked in the App Home), with a `workspace.home_channel` audit entry.
   * Returns false when a home channel was already set (the first one wins across replicas).
   */
  setHomeChannelIfUnset(
    workspaceId: string,
    channel: string,
    audit: { actor: string; at: Date },
    /** Moves the "no burst" cut-off (see remindersSince) when reminders had nowhere to go until now. */
    remindersSince: Date | null,
  ): Promise<boolean>;
  /**
   * Records the platform's current name of the workspace (null forgets it). Not a ledger entry: a
   * rename changes no duty. Returns false when the workspace is unknown or already had that name.
   */
  setWorkspaceName(workspaceId: string, name: string | null): Promise<boolean>;
  /**
   * Marks the workspace active or inactive (uninstalled) with a `workspace.status` audit entry;
   * an inactive workspace loses its wake-up so no replica plans it, and its credentials are
   * deleted in the same transaction (its retention period starts). Returns false if unchanged.
   */
  setWorkspaceStatus(
    workspaceId: string,
    status: WorkspaceStatus,
    audit: { actor: string; at: Date; reason: string },
  ): Promise<boolean>;
  /** Inactive workspaces uninstalled at or before `cutoff` (their retention period is over). */
  workspacesInactiveSince(cutoff: Date): Promise<WorkspaceRow[]>;
  /**
   * Deletes a workspace's ledger (the whole chain), confirmations, outbox, settings, credentials
   * and key-value state in one transaction and leaves a tombstone with the final head. With
   * `inactiveSince`, only a workspace still inactive since then or earlier is deleted (a re-install
   * racing the retention sweep wins). Null when there was nothing to delete.
   */
  deleteWorkspace(
    workspaceId: string,
    deletion: { reason: DeletionReason; actor: string; at: Date; inactiveSince?: Date },
  ): Promise<Tombstone | null>;
  /** Every tombstone, oldest first. */
  tombstones(): Promise<Tombstone[]>;
  /** Every workspace, oldest first (the operator's `dutybot workspaces`). */
  listWorkspaces(): Promise<WorkspaceRow[]>;
  /** Last ledger activity and the outbox backlog of one workspace. */
  workspaceActivity(workspaceId: string): Promise<WorkspaceActivity>;
  /** Workspaces whose nextWakeAt <= now (indexed: cost grows with what is due). */
  dueWorkspaces(now: Date, limit: number): Promise<WorkspaceRow[]>;

  // Ledger
  /**
   * Appends the confirmation and its audit entry atomically; idempotent on idempotencyKey. An
   * occurrence has at most one closing (done / skipped): once closed, any other confirmation of
   * it throws `OccurrenceClosedError` (naming who closed it and when) and writes nothing, on
   * every replica, until it is reopened.
   */
  appendConfirmation(c: NewConfirmation): Promise<{ confirmation: ConfirmationRow; duplicate: boolean }>;
  /**
   * Undoes the closing of an occurrence with a chained `reopen` entry (a `reopened` row in the
   * ledger); null when the occurrence is not closed (nothing is written).
   */
  reopenOccurrence(r: ReopenRequest): Promise<ConfirmationRow | null>;
  /** The confirmation first recorded with this idempotency key, if any (retries answer with it). */
  confirmationByKey(workspaceId: string, idempotencyKey: string): Promise<ConfirmationRow | null>;
  /** Latest confirmation per (duty, occurrence) for these duties (all when omitted). */
  latestConfirmations(workspaceId: string, dutyIds?: readonly string[]): Promise<ConfirmationRow[]>;
  history(workspaceId: string, dutyId: string, limit: number): Promise<ConfirmationRow[]>;
  confirmationsSince(workspaceId: string, since: Date): Promise<ConfirmationRow[]>;

  // Ledger (ledgerWindow, ledgerHead and verifyLedger come from LedgerSource, what exports read)
  /** Entries in seq order; `from` is inclusive, `to` exclusive (both on the entry's `at`). */
  ledgerEntries(workspaceId: string, range?: { from?: Date; to?: Date }): Promise<AuditEntry[]>;

  // Outbox
  /** Inserts unless the key exists; returns the number inserted. */
  enqueue(deliveries: readonly NewDelivery[]): Promise<number>;
  /** Leases up to `limit` pending deliveries whose notBefore <= now (SKIP LOCKED on PostgreSQL). */
  claimDeliveries(now: Date, worker: string, limit: number, leaseMs: number): Promise<DeliveryRow[]>;
  /** The mark* calls return false (and change nothing) when `lease` no longer holds the row. */
  markSent(lease: DeliveryLease, ref: { channel: string; id: string }, at: Date): Promise<boolean>;
  markRetry(lease: DeliveryLease, error: string, notBefore: Date, at: Date): Promise<boolean>;
  /** Records a failure; `notice` (telling the admins) is enqueued in the same transaction. */
  markFailed(lease: DeliveryLease, error: string, at: Date, notice?: NewDelivery): Promise<boolean>;
  /** True while `lease` still holds the row (checked right before posting). */
  holdsLease(lease: DeliveryLease, now: Date): Promise<boolean>;
  getDelivery(key: string): Promise<DeliveryRow | null>;
  /**
   * Puts `failed` deliveries with these keys back to `pending` (due at `now`, attempts reset), e.g.
   * the current reminders of a workspace that was re-installed; returns how many.
   */
  requeueFailed(keys: readonly string[], now: Date): Promise<number>;
  /** Deliveries of a workspace that failed for good (not the ones cancelled as pointless), newest first. */
  deliveryFailures(workspaceId: string, limit?: number): Promise<DeliveryRow[]>;

  // Installation secrets, sealed by the caller (src/bot/credential-vault.ts): the store never sees them in clear.
  putCredential(credential: SealedCredential): Promise<void>;
  getCredential(name: string): Promise<SealedCredential | null>;
  deleteCredential(name: string): Promise<void>;
  /** Up to `limit` credentials sealed under another key than `keyId` (what a key rotation re-seals). */
  credentialsNotUnder(keyId: string, limit: number): Promise<SealedCredential[]>;
  /**
   * Replaces a credential's sealed value only if it is still `previous.sealed` (a token refreshed
   * meanwhile is not overwritten with the old one). True when replaced.
   */
  replaceCredential(
    previous: SealedCredential,
    next: Pick<SealedCredential, 'keyId' | 'sealed' | 'updatedAt'>,
  ): Promise<boolean>;
  // Dashboard (sign-in links, sessions, the ledger page by page)
  saveSignInLink(link: SignInLinkRow): Promise<void>;
  /** Uses the link atomically: its owner the first time, null when used, expired or unknown. */
  consumeSignInLink(tokenHash: string, now: Date): Promise<SignInLinkOwner | null>;
  saveDashboardSession(session: DashboardSessionRow): Promise<void>;
  findDashboardSession(idHash: string): Promise<DashboardSessionRow | null>;
  touchDashboardSession(idHash: string, at: Date, expiresAt: Date): Promise<void>;
  deleteDashboardSession(idHash: string): Promise<void>;
  /** Deletes expired sessions and sign-in links. */
  sweepDashboardAccess(now: Date): Promise<number>;
  ledgerPage(workspaceId: string, query: LedgerPageQuery): Promise<AuditEntry[]>;
  /**
   * The confirmations of these occurrences (every row of each, in seq order): what a status needs
   * without reading the latest row of every occurrence the ledger ever recorded.
   */
  confirmationsOf(
    workspaceId: string,
    occurrences: readonly { dutyId: string; occurrence: string }[],
  ): Promise<ConfirmationRow[]>;

  // Durable key-value state that is not ledger (dedupe keys, installations, conversation refs).
  /** True the first time a key is seen (atomic across replicas); false afterwards until it expires. */
  firstSeen(key: string, ttlMs: number, now: Date): Promise<boolean>;
  kvGet<T>(namespace: string, key: string): Promise<T | undefined>;
  kvSet<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void>;
  kvDelete(namespace: string, key: string): Promise<void>;
}
