import Keyv from 'keyv';
import type { Kysely, Transaction } from 'kysely';
import { GENESIS_HASH } from '../ledger/chain.js';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from '../settings/schema.js';
import { type CalendarTokenRow, CalendarTokenTable, type NewCalendarToken } from './calendar-tokens.js';
import { CredentialsTableSql } from './credentials-table.js';
import { DashboardTables } from './dashboard-tables.js';
import type { Dialect } from './database.js';
import { OccurrenceClosedError, UnknownWorkspaceError } from './errors.js';
import { KeyvSqlAdapter } from './keyv-sql-adapter.js';
import { AuditLog, type AuditRange } from './ledger-table.js';
import { Outbox } from './outbox.js';
import { toConfirmationRow, toMs, toWorkspaceRow } from './row-mapping.js';
import type { Database } from './schema.js';
import type {
  AuditEntry,
  ConfirmationRow,
  DashboardSessionRow,
  DeletionReason,
  DeliveryLease,
  DeliveryRow,
  LedgerPageQuery,
  NewConfirmation,
  NewDelivery,
  ReopenRequest,
  SealedCredential,
  SignInLinkOwner,
  SignInLinkRow,
  Store,
  Tombstone,
  WorkspaceActivity,
  WorkspaceRow,
  WorkspaceStatus,
} from './types.js';
import { WorkspaceDeletion } from './workspace-deletion.js';

/** Namespace of `kv` rows written by firstSeen. */
export const DEDUPE_NAMESPACE = 'dedupe';
/** What appendConfirmation accepts; `reopened` rows are written by reopenOccurrence only. */
const CONFIRMATION_STATUSES = new Set(['done', 'skipped', 'snoozed']);
const CLOSING_STATUSES = new Set(['done', 'skipped']);

type Db = Kysely<Database> | Transaction<Database>;

export { OccurrenceClosedError, UnknownDeliveryError, UnknownWorkspaceError } from './errors.js';

/** A Store plus access to Keyv namespaces backed by the same database (e.g. Slack installations). */
export interface SqlStore extends Store {
  keyv<T = unknown>(namespace: string): Keyv<T>;
  /** Deletes expired key-value and dedupe rows; returns how many. */
  sweepExpired(): Promise<number>;
}

/** A unique-constraint violation, as reported by pg (23505) or better-sqlite3. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function validateSettings(workspaceId: string, settings: WorkspaceSettings): WorkspaceSettings {
  const parsed = WorkspaceSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new Error(`settings for workspace "${workspaceId}" are invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** What a confirmation's audit entry records: the chain hashes exactly these fields. */
export function confirmationPayload(
  c: Pick<
    NewConfirmation,
    'dutyId' | 'occurrence' | 'status' | 'note' | 'evidenceUrl' | 'reason' | 'snoozedUntil' | 'by' | 'backfill'
  >,
): Record<string, unknown> {
  return {
    // Only present when set, so entries chained before backfills existed keep their exact form.
    ...(c.backfill ? { backfill: true } : {}),
    dutyId: c.dutyId,
    occurrence: c.occurrence,
    status: c.status,
    note: c.note,
    evidenceUrl: c.evidenceUrl,
    reason: c.reason,
    snoozedUntil: c.snoozedUntil ? c.snoozedUntil.toISOString() : null,
    by: c.by,
  };
}

export class KyselySqlStore implements SqlStore {
  private readonly internalKeyvs = new Map<string, Keyv>();
  private readonly publicKeyvs = new Map<string, Keyv>();

  private readonly audit: AuditLog;
  private readonly outbox: Outbox;
  private readonly credentials: CredentialsTableSql;
  private readonly deletion: WorkspaceDeletion;
  private readonly dashboard: DashboardTables;
  private readonly calendar: CalendarTokenTable;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {
    this.audit = new AuditLog(db, dialect);
    this.outbox = new Outbox(db, dialect);
    this.credentials = new CredentialsTableSql(db);
    this.deletion = new WorkspaceDeletion(db, this.audit);
    this.dashboard = new DashboardTables(db);
    this.calendar = new CalendarTokenTable(db);
  }

  async close(): Promise<void> {
    this.internalKeyvs.clear();
    this.publicKeyvs.clear();
    await this.db.destroy();
  }

  // ── Workspaces and settings ─────────────────────────────────────────────────────────────────

  async getWorkspace(id: string): Promise<WorkspaceRow | null> {
    const row = await this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toWorkspaceRow(row) : null;
  }

  async createWorkspace(
    row: Omit<WorkspaceRow, 'createdAt' | 'nextWakeAt'>,
    actor: string,
    at: Date,
  ): Promise<boolean> {
    const settings = validateSettings(row.id, row.settings);
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('workspaces')
        .values({
          id: row.id,
          platform: row.platform,
          settings: JSON.stringify(settings),
          home_channel: row.homeChannel,
          name: row.name ?? null,
          next_wake_at: null,
          created_at: toMs(at),
          head_seq: 0,
          head_hash: GENESIS_HASH,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await this.audit.append(trx, row.id, {
        kind: 'workspace.created',
        actor,
        at,
        payload: { platform: row.platform, homeChannel: row.homeChannel, settings },
      });
      return true;
    });
  }

  async saveSettings(
    workspaceId: string,
    settings: WorkspaceSettings,
    audit: { kind: string; actor: string; at: Date; payload: Record<string, unknown> },
  ): Promise<AuditEntry> {
    const valid = validateSettings(workspaceId, settings);
    return this.db.transaction().execute(async (trx) => {
      // appendAudit locks the workspace row first, so concurrent saves apply in chain order.
      const entry = await this.audit.append(trx, workspaceId, audit);
      await trx
        .updateTable('workspaces')
        .set({ settings: JSON.stringify(valid) })
        .where('id', '=', workspaceId)
        .execute();
      return entry;
    });
  }

  async setNextWake(workspaceId: string, at: Date | null): Promise<void> {
    const result = await this.db
      .updateTable('workspaces')
      .set({ next_wake_at: at ? toMs(at) : null })
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new UnknownWorkspaceError(workspaceId);
  }

  async setHomeChannelIfUnset(
    workspaceId: string,
    channel: string,
    { actor, at }: { actor: string; at: Date },
    remindersSince: Date | null,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // Locking the chain head locks the workspace row: two replicas cannot both see it empty.
      const head = await this.audit.lockHead(trx, workspaceId);
      const changed = await trx
        .updateTable('workspaces')
        .set(
          remindersSince ? { home_channel: channel, reminders_since: toMs(remindersSince) } : { home_channel: channel },
        )
        .where('id', '=', workspaceId)
        .where('home_channel', 'is', null)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) return false;
      await this.audit.appendAfter(trx, workspaceId, head, {
        kind: 'workspace.home_channel',
        actor,
        at,
        payload: { homeChannel: channel },
      });
      return true;
    });
  }

  async setWorkspaceName(workspaceId: string, name: string | null): Promise<boolean> {
    const changed = await this.db
      .updateTable('workspaces')
      .set({ name })
      .where('id', '=', workspaceId)
      // Only a real change writes: an adapter may report the same name on every activity.
      .where((eb) =>
        name === null ? eb('name', 'is not', null) : eb.or([eb('name', 'is', null), eb('name', '!=', name)]),
      )
      .executeTakeFirst();
    return Number(changed.numUpdatedRows) > 0;
  }

  async setWorkspaceStatus(
    workspaceId: string,
    status: WorkspaceStatus,
    audit: { actor: string; at: Date; reason: string },
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const head = await this.audit.lockHead(trx, workspaceId);
      const changed = await trx
        .updateTable('workspaces')
        // Inactive: no wake-up, so no planner picks it; reactivation re-plans it (the facade).
        // The retention period runs from the uninstall; a re-install ends it.
        .set(
          status === 'inactive'
            ? { status, next_wake_at: null, inactive_since: toMs(audit.at) }
            : { status, inactive_since: null },
        )
        .where('id', '=', workspaceId)
        .where('status', '!=', status)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) return false;
      if (status === 'inactive') {
        // Uninstalled: its tokens are deleted at once (the platform's rule), in this transaction.
        await trx.deleteFrom('credentials').where('workspace_id', '=', workspaceId).execute();
        // Notices of failed deliveries queued before the uninstall speak of a token that is gone:
        // the re-install re-sends the failed messages themselves instead.
        await trx
          .updateTable('deliveries')
          .set({
            status: 'failed',
            last_error: 'cancelled: workspace uninstalled',
            lease_owner: null,
            lease_until: null,
          })
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', 'notice')
          .where('status', '=', 'pending')
          .execute();
      }
      await this.audit.appendAfter(trx, workspaceId, head, {
        kind: 'workspace.status',
        actor: audit.actor,
        at: audit.at,
        payload: { status, reason: audit.reason },
      });
      return true;
    });
  }

  async dueWorkspaces(now: Date, limit: number): Promise<WorkspaceRow[]> {
    // Range scan on workspaces_next_wake_at: rows with NULL or future wake times are never read.
    const rows = await this.db
      .selectFrom('workspaces')
      .selectAll()
      .where('next_wake_at', '<=', toMs(now))
      // An uninstalled workspace has no wake-up; this also holds if a late planner set one.
      .where('status', '=', 'active')
      .orderBy('next_wake_at')
      .limit(limit)
      .execute();
    return rows.map(toWorkspaceRow);
  }

  workspacesInactiveSince(cutoff: Date): Promise<WorkspaceRow[]> {
    return this.deletion.inactiveSince(cutoff);
  }

  deleteWorkspace(
    workspaceId: string,
    deletion: { reason: DeletionReason; actor: string; at: Date; inactiveSince?: Date },
  ): Promise<Tombstone | null> {
    return this.deletion.delete(workspaceId, deletion);
  }

  tombstones(): Promise<Tombstone[]> {
    return this.deletion.tombstones();
  }

  async listWorkspaces(): Promise<WorkspaceRow[]> {
    const rows = await this.db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toWorkspaceRow);
  }

  async workspaceActivity(workspaceId: string): Promise<WorkspaceActivity> {
    const last = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    const counts = await this.db
      .selectFrom('deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('status', 'in', ['pending', 'failed'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
    const at = last?.at === null || last?.at === undefined ? null : Number(last.at);
    return {
      lastActivityAt: at === null ? null : new Date(at),
      pendingDeliveries: count('pending'),
      failedDeliveries: count('failed'),
    };
  }

  // ── Audit log ───────────────────────────────────────────────────────────────────────────────

  ledgerHead(workspaceId: string): Promise<{ seq: number; hash: string } | null> {
    return this.audit.head(workspaceId);
  }

  ledgerEntries(workspaceId: string, range?: AuditRange): Promise<AuditEntry[]> {
    return this.audit.entries(workspaceId, range);
  }

  ledgerWindow(workspaceId: string, firstSeq: number, lastSeq: number, range?: AuditRange): Promise<AuditEntry[]> {
    return this.audit.window(workspaceId, firstSeq, lastSeq, range);
  }

  verifyLedger(workspaceId: string): Promise<{ ok: boolean; checked: number; problems: string[] }> {
    return this.audit.verify(workspaceId);
  }

  // ── Ledger ──────────────────────────────────────────────────────────────────────────────────

  async appendConfirmation(c: NewConfirmation): Promise<{ confirmation: ConfirmationRow; duplicate: boolean }> {
    if (!c.idempotencyKey) throw new Error('a confirmation needs an idempotency key');
    if (!CONFIRMATION_STATUSES.has(c.status)) {
      throw new Error(`unknown confirmation status "${c.status}" (expected done, skipped or snoozed)`);
    }
    // Fast path for retries: no lock, no transaction.
    const existing = await this.findByIdempotencyKey(this.db, c.workspaceId, c.idempotencyKey);
    if (existing) return { confirmation: existing, duplicate: true };
    try {
      return await this.db.transaction().execute(async (trx) => {
        const head = await this.audit.lockHead(trx, c.workspaceId);
        // Re-check under the lock: a concurrent submission may have committed since the fast path.
        const raced = await this.findByIdempotencyKey(trx, c.workspaceId, c.idempotencyKey);
        if (raced) return { confirmation: raced, duplicate: true };
        // The chain lock serializes appends, so this read sees every earlier closing.
        const closedBy = await this.closingOf(trx, c.workspaceId, c.dutyId, c.occurrence);
        if (closedBy) throw new OccurrenceClosedError(closedBy);
        const entry = await this.audit.appendAfter(trx, c.workspaceId, head, {
          kind: 'confirmation',
          actor: c.by,
          at: c.at,
          payload: confirmationPayload(c),
        });
        await this.insertConfirmationRow(trx, c, entry);
        if (CLOSING_STATUSES.has(c.status)) {
          // The (workspace, duty, occurrence) primary key is the constraint behind the check above.
          await trx
            .insertInto('closings')
            .values({
              workspace_id: c.workspaceId,
              duty_id: c.dutyId,
              occurrence: c.occurrence,
              seq: entry.seq,
              status: c.status,
              closed_by: c.by,
              at: toMs(c.at),
            })
            .execute();
        }
        const { idempotencyKey: _key, backfill, ...fields } = c;
        return {
          confirmation: { ...fields, ...(backfill ? { backfill: true } : {}), seq: entry.seq, hash: entry.hash },
          duplicate: false,
        };
      });
    } catch (error) {
      // Two replicas past the fast path at once: the unique (workspace_id, idempotency_key)
      // constraint lets exactly one commit; the other reports the winner as a duplicate. A
      // violation of the closings key means another closing won: name it.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByIdempotencyKey(this.db, c.workspaceId, c.idempotencyKey);
      if (winner) return { confirmation: winner, duplicate: true };
      const closedBy = await this.closingOf(this.db, c.workspaceId, c.dutyId, c.occurrence);
      if (closedBy) throw new OccurrenceClosedError(closedBy);
      throw error;
    }
  }

  async reopenOccurrence(r: ReopenRequest): Promise<ConfirmationRow | null> {
    if (!r.idempotencyKey) throw new Error('a reopen needs an idempotency key');
    if (!r.reason.trim()) throw new Error('a reopen needs a reason');
    return this.db.transaction().execute(async (trx) => {
      const head = await this.audit.lockHead(trx, r.workspaceId);
      const closedBy = await this.closingOf(trx, r.workspaceId, r.dutyId, r.occurrence);
      if (!closedBy) return null;
      const row: NewConfirmation = {
        workspaceId: r.workspaceId,
        dutyId: r.dutyId,
        occurrence: r.occurrence,
        status: 'reopened',
        by: r.by,
        at: r.at,
        note: null,
        evidenceUrl: null,
        reason: r.reason,
        snoozedUntil: null,
        // One reopening per closing: the same request again finds nothing closed (nothing written).
        idempotencyKey: `${r.idempotencyKey}|reopens#${closedBy.seq}`,
      };
      const entry = await this.audit.appendAfter(trx, r.workspaceId, head, {
        kind: 'reopen',
        actor: r.by,
        at: r.at,
        payload: { ...confirmationPayload(row), reopens: closedBy.seq },
      });
      await this.insertConfirmationRow(trx, row, entry);
      await trx
        .deleteFrom('closings')
        .where('workspace_id', '=', r.workspaceId)
        .where('duty_id', '=', r.dutyId)
        .where('occurrence', '=', r.occurrence)
        .execute();
      const { idempotencyKey: _key, ...fields } = row;
      return { ...fields, seq: entry.seq, hash: entry.hash };
    });
  }

  private async insertConfirmationRow(trx: Transaction<Database>, c: NewConfirmation, entry: AuditEntry) {
    await trx
      .insertInto('confirmations')
      .values({
        workspace_id: c.workspaceId,
        seq: entry.seq,
        duty_id: c.dutyId,
        occurrence: c.occurrence,
        status: c.status,
        confirmed_by: c.by,
        at: toMs(c.at),
        note: c.note,
        evidence_url: c.evidenceUrl,
        reason: c.reason,
        snoozed_until: c.snoozedUntil ? toMs(c.snoozedUntil) : null,
        hash: entry.hash,
        idempotency_key: c.idempotencyKey,
        backfill: c.backfill ? 1 : 0,
      })
      .execute();
  }

  /** The confirmation that closed this occurrence, while it stands (not reopened). */
  private async closingOf(db: Db, workspaceId: string, dutyId: string, occurrence: string) {
    const row = await db
      .selectFrom('closings')
      .innerJoin('confirmations', (join) =>
        join
          .onRef('confirmations.workspace_id', '=', 'closings.workspace_id')
          .onRef('confirmations.seq', '=', 'closings.seq'),
      )
      .selectAll('confirmations')
      .where('closings.workspace_id', '=', workspaceId)
      .where('closings.duty_id', '=', dutyId)
      .where('closings.occurrence', '=', occurrence)
      .executeTakeFirst();
    return row ? toConfirmationRow(row) : null;
  }

  confirmationByKey(workspaceId: string, idempotencyKey: string): Promise<ConfirmationRow | null> {
    return this.findByIdempotencyKey(this.db, workspaceId, idempotencyKey);
  }

  private async findByIdempotencyKey(db: Db, workspaceId: string, key: string): Promise<ConfirmationRow | null> {
    const row = await db
      .selectFrom('confirmations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row ? toConfirmationRow(row) : null;
  }

  async latestConfirmations(workspaceId: string, dutyIds?: readonly string[]): Promise<ConfirmationRow[]> {
    if (dutyIds !== undefined && dutyIds.length === 0) return [];
    const latest = this.db
      .selectFrom('confirmations')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('workspace_id', '=', workspaceId)
      .$if(dutyIds !== undefined, (qb) => qb.where('duty_id', 'in', [...dutyIds!]))
      .groupBy(['duty_id', 'occurrence']);
    const rows = await this.db
      .selectFrom('confirmations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('seq', 'in', latest)
      .orderBy('seq')
      .execute();
    return rows.map(toConfirmationRow);
  }

  async history(workspaceId: string, dutyId: string, limit: number): Promise<ConfirmationRow[]> {
    const rows = await this.db
      .selectFrom('confirmations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('duty_id', '=', dutyId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toConfirmationRow);
  }

  async confirmationsSince(workspaceId: string, since: Date): Promise<ConfirmationRow[]> {
    const rows = await this.db
      .selectFrom('confirmations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('at', '>=', toMs(since))
      .orderBy('seq')
      .execute();
    return rows.map(toConfirmationRow);
  }

  // ── Dashboard ───────────────────────────────────────────────────────────────────────────────

  saveSignInLink(link: SignInLinkRow): Promise<void> {
    return this.dashboard.saveSignInLink(link);
  }

  consumeSignInLink(tokenHash: string, now: Date): Promise<SignInLinkOwner | null> {
    return this.dashboard.consumeSignInLink(tokenHash, now);
  }

  saveDashboardSession(session: DashboardSessionRow): Promise<void> {
    return this.dashboard.saveSession(session);
  }

  findDashboardSession(idHash: string): Promise<DashboardSessionRow | null> {
    return this.dashboard.findSession(idHash);
  }

  touchDashboardSession(idHash: string, at: Date, expiresAt: Date): Promise<void> {
    return this.dashboard.touchSession(idHash, at, expiresAt);
  }

  deleteDashboardSession(idHash: string): Promise<void> {
    return this.dashboard.deleteSession(idHash);
  }

  sweepDashboardAccess(now: Date): Promise<number> {
    return this.dashboard.sweep(now);
  }

  ledgerPage(workspaceId: string, query: LedgerPageQuery): Promise<AuditEntry[]> {
    return this.dashboard.ledgerPage(workspaceId, query);
  }

  confirmationsOf(
    workspaceId: string,
    occurrences: readonly { dutyId: string; occurrence: string }[],
  ): Promise<ConfirmationRow[]> {
    return this.dashboard.confirmationsOf(workspaceId, occurrences);
  }

  // ── Outbox ──────────────────────────────────────────────────────────────────────────────────

  enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
    return this.outbox.enqueue(deliveries);
  }

  claimDeliveries(now: Date, worker: string, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
    return this.outbox.claim(now, worker, limit, leaseMs);
  }

  markSent(lease: DeliveryLease, ref: { channel: string; id: string }, at: Date): Promise<boolean> {
    return this.outbox.markSent(lease, ref, at);
  }

  markRetry(lease: DeliveryLease, error: string, notBefore: Date, at: Date): Promise<boolean> {
    return this.outbox.markRetry(lease, error, notBefore, at);
  }

  markFailed(lease: DeliveryLease, error: string, at: Date, notice?: NewDelivery): Promise<boolean> {
    return this.outbox.markFailed(lease, error, at, notice);
  }

  holdsLease(lease: DeliveryLease, now: Date): Promise<boolean> {
    return this.outbox.holdsLease(lease, now);
  }

  getDelivery(key: string): Promise<DeliveryRow | null> {
    return this.outbox.get(key);
  }

  async requeueFailed(keys: readonly string[], now: Date): Promise<number> {
    if (keys.length === 0) return 0;
    const result = await this.db
      .updateTable('deliveries')
      .set({
        status: 'pending',
        not_before: toMs(now),
        attempts: 0,
        lease_owner: null,
        lease_until: null,
        lease_token: null,
        first_error_at: null,
      })
      .where('key', 'in', [...keys])
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  deliveryFailures(workspaceId: string, limit = 100): Promise<DeliveryRow[]> {
    return this.outbox.failures(workspaceId, limit);
  }

  // ── Credentials ─────────────────────────────────────────────────────────────────────────────

  putCredential(credential: SealedCredential): Promise<void> {
    return this.credentials.put(credential);
  }

  getCredential(name: string): Promise<SealedCredential | null> {
    return this.credentials.get(name);
  }

  deleteCredential(name: string): Promise<void> {
    return this.credentials.delete(name);
  }

  credentialsNotUnder(keyId: string, limit: number): Promise<SealedCredential[]> {
    return this.credentials.notUnder(keyId, limit);
  }

  replaceCredential(
    previous: SealedCredential,
    next: Pick<SealedCredential, 'keyId' | 'sealed' | 'updatedAt'>,
  ): Promise<boolean> {
    return this.credentials.replace(previous, next);
  }

  // ── Calendar feed tokens ────────────────────────────────────────────────────────────────────

  createCalendarToken(token: NewCalendarToken): Promise<CalendarTokenRow> {
    return this.calendar.createCalendarToken(token);
  }

  calendarTokenByHash(tokenHash: string): Promise<CalendarTokenRow | null> {
    return this.calendar.calendarTokenByHash(tokenHash);
  }

  calendarTokens(workspaceId?: string): Promise<CalendarTokenRow[]> {
    return this.calendar.calendarTokens(workspaceId);
  }

  revokeCalendarToken(id: string, at: Date, workspaceId?: string): Promise<boolean> {
    return this.calendar.revokeCalendarToken(id, at, workspaceId);
  }

  // ── Key-value ───────────────────────────────────────────────────────────────────────────────

  /**
   * One upsert: inserts the key, or takes over a row whose TTL has passed; a live row is left
   * alone and nothing is returned. Atomic on both dialects, so exactly one replica sees `true`.
   */
  async firstSeen(key: string, ttlMs: number, now: Date): Promise<boolean> {
    const nowMs = toMs(now);
    const rows = await this.db
      .insertInto('kv')
      .values({ namespace: DEDUPE_NAMESPACE, key, value: 'true', expires_at: nowMs + ttlMs })
      .onConflict((oc) =>
        oc
          .columns(['namespace', 'key'])
          .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
          .where('kv.expires_at', 'is not', null)
          .where('kv.expires_at', '<=', nowMs),
      )
      .returning('key')
      .execute();
    return rows.length > 0;
  }

  /** A Keyv over this database's `kv` table, for adapters (e.g. Slack's installation store). */
  keyv<T = unknown>(namespace: string): Keyv<T> {
    return this.keyvFor(this.publicKeyvs, namespace) as Keyv<T>;
  }

  async kvGet<T>(namespace: string, key: string): Promise<T | undefined> {
    return this.keyvFor(this.internalKeyvs, namespace).get<T>(key);
  }

  async kvSet<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
    const ok = await this.keyvFor(this.internalKeyvs, namespace).set(key, value, ttlMs);
    if (!ok) throw new Error(`could not store key "${key}" in namespace "${namespace}"`);
  }

  async kvDelete(namespace: string, key: string): Promise<void> {
    await this.keyvFor(this.internalKeyvs, namespace).delete(key);
  }

  /**
   * Keyv turns a storage failure into an 'error' event and resolves get() with undefined when
   * someone listens; with no listener the event throws and the call rejects. kvGet/kvSet must
   * never mistake a database failure for a missing key, so they use instances nobody else can
   * attach listeners to, separate from the ones `keyv()` hands out.
   */
  private keyvFor(cache: Map<string, Keyv>, namespace: string): Keyv {
    if (namespace === DEDUPE_NAMESPACE) throw new Error(`namespace "${DEDUPE_NAMESPACE}" is reserved for firstSeen`);
    if (!namespace) throw new Error('a key-value namespace must not be empty');
    let keyv = cache.get(namespace);
    if (!keyv) {
      // The namespace is a column of `kv`: keys are stored unprefixed (as they were under keyv 6).
      keyv = new Keyv({
        store: new KeyvSqlAdapter(this.db, namespace),
        namespace,
        useKeyPrefix: false,
        throwOnErrors: true,
      });
      cache.set(namespace, keyv);
    }
    return keyv;
  }

  async sweepExpired(): Promise<number> {
    return new KeyvSqlAdapter(this.db, '').sweepExpired();
  }
}
