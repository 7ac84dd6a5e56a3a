import Keyv from 'keyv';
import type { Kysely, Transaction } from 'kysely';
import { ChainVerifier, GENESIS_HASH, nextEntry } from '../ledger/audit-chain.js';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from '../settings/schema.js';
import type { Dialect } from './database.js';
import { KeyvSqlAdapter } from './keyv-sql-adapter.js';
import { toAuditEntry, toConfirmationRow, toDeliveryRow, toMs, toWorkspaceRow } from './row-mapping.js';
import type { Database } from './schema.js';
import type {
  AuditEntry,
  ConfirmationRow,
  DeliveryRow,
  NewConfirmation,
  NewDelivery,
  Store,
  WorkspaceRow,
} from './types.js';

/** Namespace of `kv` rows written by firstSeen. */
export const DEDUPE_NAMESPACE = 'dedupe';
const AUDIT_PAGE_SIZE = 5_000;
/** Rows per INSERT statement (keeps SQLite under its bound-parameter limit). */
const INSERT_CHUNK = 500;
const CONFIRMATION_STATUSES = new Set(['done', 'skipped', 'snoozed']);

type Db = Kysely<Database> | Transaction<Database>;
type AuditInput = Pick<AuditEntry, 'kind' | 'actor' | 'at' | 'payload'>;

export class UnknownWorkspaceError extends Error {
  override name = 'UnknownWorkspaceError';
  constructor(readonly workspaceId: string) {
    super(`workspace "${workspaceId}" does not exist (it is created when the bot is installed or first contacted)`);
  }
}

export class UnknownDeliveryError extends Error {
  override name = 'UnknownDeliveryError';
  constructor(readonly key: string) {
    super(`delivery "${key}" does not exist in the outbox`);
  }
}

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

export class KyselySqlStore implements SqlStore {
  private readonly internalKeyvs = new Map<string, Keyv>();
  private readonly publicKeyvs = new Map<string, Keyv>();

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

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
          next_wake_at: null,
          created_at: toMs(at),
          head_seq: 0,
          head_hash: GENESIS_HASH,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await this.appendAudit(trx, row.id, {
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
      const entry = await this.appendAudit(trx, workspaceId, audit);
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

  async dueWorkspaces(now: Date, limit: number): Promise<WorkspaceRow[]> {
    // Range scan on workspaces_next_wake_at: rows with NULL or future wake times are never read.
    const rows = await this.db
      .selectFrom('workspaces')
      .selectAll()
      .where('next_wake_at', '<=', toMs(now))
      .orderBy('next_wake_at')
      .limit(limit)
      .execute();
    return rows.map(toWorkspaceRow);
  }

  // ── Audit chain ─────────────────────────────────────────────────────────────────────────────

  /**
   * Appends one entry to the workspace's chain inside `trx`. The workspace row is the chain's
   * lock: `FOR UPDATE` on PostgreSQL; on SQLite the transaction began with `begin immediate`, so
   * it already holds the database's write lock. The (workspace_id, seq) primary key is the last
   * line of defence against a fork.
   */
  private async appendAudit(trx: Transaction<Database>, workspaceId: string, input: AuditInput): Promise<AuditEntry> {
    return this.appendAuditAfter(trx, workspaceId, await this.lockHead(trx, workspaceId), input);
  }

  /** Appends after a head already locked by `lockHead` in the same transaction. */
  private async appendAuditAfter(
    trx: Transaction<Database>,
    workspaceId: string,
    head: { seq: number; hash: string },
    input: AuditInput,
  ): Promise<AuditEntry> {
    const entry = nextEntry({ seq: head.seq, hash: head.hash }, { workspaceId, ...input });
    await trx
      .insertInto('audit_log')
      .values({
        workspace_id: workspaceId,
        seq: entry.seq,
        kind: entry.kind,
        actor: entry.actor,
        at: toMs(entry.at),
        payload: JSON.stringify(entry.payload),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    await trx
      .updateTable('workspaces')
      .set({ head_seq: entry.seq, head_hash: entry.hash })
      .where('id', '=', workspaceId)
      .execute();
    return entry;
  }

  private async lockHead(trx: Transaction<Database>, workspaceId: string): Promise<{ seq: number; hash: string }> {
    const head = await trx
      .selectFrom('workspaces')
      .select(['head_seq', 'head_hash'])
      .where('id', '=', workspaceId)
      .$if(this.dialect === 'postgres', (qb) => qb.forUpdate())
      .executeTakeFirst();
    if (!head) throw new UnknownWorkspaceError(workspaceId);
    return { seq: Number(head.head_seq), hash: head.head_hash };
  }

  async auditHead(workspaceId: string): Promise<{ seq: number; hash: string } | null> {
    const head = await this.db
      .selectFrom('workspaces')
      .select(['head_seq', 'head_hash'])
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    return head ? { seq: Number(head.head_seq), hash: head.head_hash } : null;
  }

  async auditEntries(workspaceId: string, range?: { from?: Date; to?: Date }): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for await (const page of this.auditPages(workspaceId, range)) entries.push(...page);
    return entries;
  }

  async auditPage(
    workspaceId: string,
    afterSeq: number,
    limit: number,
    range?: { from?: Date; to?: Date },
  ): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>', afterSeq)
      .$if(range?.from !== undefined, (qb) => qb.where('at', '>=', toMs(range!.from!)))
      .$if(range?.to !== undefined, (qb) => qb.where('at', '<', toMs(range!.to!)))
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toAuditEntry);
  }

  /** Pages by seq so a long log is never loaded (or sorted) in one query. */
  async *auditPages(workspaceId: string, range?: { from?: Date; to?: Date }): AsyncGenerator<AuditEntry[]> {
    let after = 0;
    for (;;) {
      const page = await this.auditPage(workspaceId, after, AUDIT_PAGE_SIZE, range);
      if (page.length > 0) yield page;
      if (page.length < AUDIT_PAGE_SIZE) return;
      after = page[page.length - 1]!.seq;
    }
  }

  async verifyAudit(workspaceId: string): Promise<{ ok: boolean; checked: number; problems: string[] }> {
    const head = await this.auditHead(workspaceId);
    const verifier = new ChainVerifier();
    for await (const page of this.auditPages(workspaceId)) verifier.push(page);
    if (head === null) {
      const result = verifier.finish(undefined);
      if (result.checked === 0) return result;
      return {
        ok: false,
        checked: result.checked,
        problems: [`the workspace row holding the chain head is missing`, ...result.problems],
      };
    }
    return verifier.finish(head);
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
        const head = await this.lockHead(trx, c.workspaceId);
        // Re-check under the lock: a concurrent submission may have committed since the fast path.
        const raced = await this.findByIdempotencyKey(trx, c.workspaceId, c.idempotencyKey);
        if (raced) return { confirmation: raced, duplicate: true };
        const entry = await this.appendAuditAfter(trx, c.workspaceId, head, {
          kind: 'confirmation',
          actor: c.by,
          at: c.at,
          payload: {
            dutyId: c.dutyId,
            occurrence: c.occurrence,
            status: c.status,
            note: c.note,
            evidenceUrl: c.evidenceUrl,
            reason: c.reason,
            snoozedUntil: c.snoozedUntil ? c.snoozedUntil.toISOString() : null,
            by: c.by,
          },
        });
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
          })
          .execute();
        const { idempotencyKey: _key, ...fields } = c;
        return { confirmation: { ...fields, seq: entry.seq, hash: entry.hash }, duplicate: false };
      });
    } catch (error) {
      // Two replicas past the fast path at once: the unique (workspace_id, idempotency_key)
      // constraint lets exactly one commit; the other reports the winner as a duplicate.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByIdempotencyKey(this.db, c.workspaceId, c.idempotencyKey);
      if (!winner) throw error;
      return { confirmation: winner, duplicate: true };
    }
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

  // ── Outbox ──────────────────────────────────────────────────────────────────────────────────

  async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      let inserted = 0;
      for (let start = 0; start < deliveries.length; start += INSERT_CHUNK) {
        const chunk = deliveries.slice(start, start + INSERT_CHUNK).map((d) => ({
          key: d.key,
          workspace_id: d.workspaceId,
          kind: d.kind,
          duty_id: d.dutyId,
          occurrence: d.occurrence,
          channel: d.channel,
          payload: JSON.stringify(d.payload),
          status: 'pending',
          attempts: 0,
          not_before: toMs(d.notBefore),
          lease_owner: null,
          lease_until: null,
          last_error: null,
          message_channel: null,
          message_id: null,
          created_at: toMs(d.createdAt),
          sent_at: null,
        }));
        const result = await trx
          .insertInto('deliveries')
          .values(chunk)
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return inserted;
    });
  }

  /**
   * Leases due rows in one UPDATE … WHERE key IN (SELECT … LIMIT n). On PostgreSQL the inner
   * select uses FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint rows without waiting;
   * SQLite has a single writer, so the statement is atomic by itself. `attempts` counts claims:
   * a worker that dies mid-delivery still used up an attempt, so a poison message cannot loop.
   */
  async claimDeliveries(now: Date, worker: string, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
    if (limit <= 0) return [];
    const nowMs = toMs(now);
    const claimable = this.db
      .selectFrom('deliveries')
      .select('key')
      .where('status', '=', 'pending')
      .where('not_before', '<=', nowMs)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', nowMs)]))
      .orderBy('not_before')
      .limit(limit)
      .$if(this.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
    const rows = await this.db
      .updateTable('deliveries')
      .set((eb) => ({
        lease_owner: worker,
        lease_until: nowMs + leaseMs,
        attempts: eb('attempts', '+', 1),
      }))
      .where('key', 'in', claimable)
      .returningAll()
      .execute();
    return rows.map(toDeliveryRow).sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime());
  }

  async markSent(key: string, ref: { channel: string; id: string }, at: Date): Promise<void> {
    await this.updateDelivery(key, {
      status: 'sent',
      message_channel: ref.channel,
      message_id: ref.id,
      sent_at: toMs(at),
      last_error: null,
    });
  }

  async markRetry(key: string, error: string, notBefore: Date): Promise<void> {
    await this.updateDelivery(key, { status: 'pending', last_error: error, not_before: toMs(notBefore) });
  }

  async markFailed(key: string, error: string): Promise<void> {
    await this.updateDelivery(key, { status: 'failed', last_error: error });
  }

  private async updateDelivery(
    key: string,
    changes: Partial<{
      status: string;
      message_channel: string;
      message_id: string;
      sent_at: number;
      last_error: string | null;
      not_before: number;
    }>,
  ): Promise<void> {
    const result = await this.db
      .updateTable('deliveries')
      .set({ ...changes, lease_owner: null, lease_until: null })
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new UnknownDeliveryError(key);
  }

  async getDelivery(key: string): Promise<DeliveryRow | null> {
    const row = await this.db.selectFrom('deliveries').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toDeliveryRow(row) : null;
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
      keyv = new Keyv({ store: new KeyvSqlAdapter(this.db, namespace), namespace });
      cache.set(namespace, keyv);
    }
    return keyv;
  }

  async sweepExpired(): Promise<number> {
    return new KeyvSqlAdapter(this.db, '').sweepExpired();
  }
}
