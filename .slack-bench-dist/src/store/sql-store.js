import Keyv from 'keyv';
import { GENESIS_HASH } from '../ledger/audit-chain.js';
import { WorkspaceSettingsSchema } from '../settings/schema.js';
import { AuditLog } from './audit-log.js';
import { UnknownWorkspaceError } from './errors.js';
import { KeyvSqlAdapter } from './keyv-sql-adapter.js';
import { Outbox } from './outbox.js';
import { toConfirmationRow, toMs, toWorkspaceRow } from './row-mapping.js';
/** Namespace of `kv` rows written by firstSeen. */
export const DEDUPE_NAMESPACE = 'dedupe';
const CONFIRMATION_STATUSES = new Set(['done', 'skipped', 'snoozed']);
export { UnknownDeliveryError, UnknownWorkspaceError } from './errors.js';
/** A unique-constraint violation, as reported by pg (23505) or better-sqlite3. */
function isUniqueViolation(error) {
    const code = error?.code;
    return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
function validateSettings(workspaceId, settings) {
    const parsed = WorkspaceSettingsSchema.safeParse(settings);
    if (!parsed.success) {
        throw new Error(`settings for workspace "${workspaceId}" are invalid: ${parsed.error.message}`);
    }
    return parsed.data;
}
export class KyselySqlStore {
    db;
    dialect;
    internalKeyvs = new Map();
    publicKeyvs = new Map();
    audit;
    outbox;
    constructor(db, dialect) {
        this.db = db;
        this.dialect = dialect;
        this.audit = new AuditLog(db, dialect);
        this.outbox = new Outbox(db, dialect);
    }
    async close() {
        this.internalKeyvs.clear();
        this.publicKeyvs.clear();
        await this.db.destroy();
    }
    // ── Workspaces and settings ─────────────────────────────────────────────────────────────────
    async getWorkspace(id) {
        const row = await this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? toWorkspaceRow(row) : null;
    }
    async createWorkspace(row, actor, at) {
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
            if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
                return false;
            await this.audit.append(trx, row.id, {
                kind: 'workspace.created',
                actor,
                at,
                payload: { platform: row.platform, homeChannel: row.homeChannel, settings },
            });
            return true;
        });
    }
    async saveSettings(workspaceId, settings, audit) {
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
    async setNextWake(workspaceId, at) {
        const result = await this.db
            .updateTable('workspaces')
            .set({ next_wake_at: at ? toMs(at) : null })
            .where('id', '=', workspaceId)
            .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0)
            throw new UnknownWorkspaceError(workspaceId);
    }
    async dueWorkspaces(now, limit) {
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
    // ── Audit log ───────────────────────────────────────────────────────────────────────────────
    auditHead(workspaceId) {
        return this.audit.head(workspaceId);
    }
    auditEntries(workspaceId, range) {
        return this.audit.entries(workspaceId, range);
    }
    auditWindow(workspaceId, firstSeq, lastSeq, range) {
        return this.audit.window(workspaceId, firstSeq, lastSeq, range);
    }
    verifyAudit(workspaceId) {
        return this.audit.verify(workspaceId);
    }
    // ── Ledger ──────────────────────────────────────────────────────────────────────────────────
    async appendConfirmation(c) {
        if (!c.idempotencyKey)
            throw new Error('a confirmation needs an idempotency key');
        if (!CONFIRMATION_STATUSES.has(c.status)) {
            throw new Error(`unknown confirmation status "${c.status}" (expected done, skipped or snoozed)`);
        }
        // Fast path for retries: no lock, no transaction.
        const existing = await this.findByIdempotencyKey(this.db, c.workspaceId, c.idempotencyKey);
        if (existing)
            return { confirmation: existing, duplicate: true };
        try {
            return await this.db.transaction().execute(async (trx) => {
                const head = await this.audit.lockHead(trx, c.workspaceId);
                // Re-check under the lock: a concurrent submission may have committed since the fast path.
                const raced = await this.findByIdempotencyKey(trx, c.workspaceId, c.idempotencyKey);
                if (raced)
                    return { confirmation: raced, duplicate: true };
                const entry = await this.audit.appendAfter(trx, c.workspaceId, head, {
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
        }
        catch (error) {
            // Two replicas past the fast path at once: the unique (workspace_id, idempotency_key)
            // constraint lets exactly one commit; the other reports the winner as a duplicate.
            if (!isUniqueViolation(error))
                throw error;
            const winner = await this.findByIdempotencyKey(this.db, c.workspaceId, c.idempotencyKey);
            if (!winner)
                throw error;
            return { confirmation: winner, duplicate: true };
        }
    }
    confirmationByKey(workspaceId, idempotencyKey) {
        return this.findByIdempotencyKey(this.db, workspaceId, idempotencyKey);
    }
    async findByIdempotencyKey(db, workspaceId, key) {
        const row = await db
            .selectFrom('confirmations')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .where('idempotency_key', '=', key)
            .executeTakeFirst();
        return row ? toConfirmationRow(row) : null;
    }
    async latestConfirmations(workspaceId, dutyIds) {
        if (dutyIds !== undefined && dutyIds.length === 0)
            return [];
        const latest = this.db
            .selectFrom('confirmations')
            .select((eb) => eb.fn.max('seq').as('seq'))
            .where('workspace_id', '=', workspaceId)
            .$if(dutyIds !== undefined, (qb) => qb.where('duty_id', 'in', [...dutyIds]))
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
    async history(workspaceId, dutyId, limit) {
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
    async confirmationsSince(workspaceId, since) {
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
    enqueue(deliveries) {
        return this.outbox.enqueue(deliveries);
    }
    claimDeliveries(now, worker, limit, leaseMs) {
        return this.outbox.claim(now, worker, limit, leaseMs);
    }
    markSent(key, ref, at) {
        return this.outbox.markSent(key, ref, at);
    }
    markRetry(key, error, notBefore) {
        return this.outbox.markRetry(key, error, notBefore);
    }
    markFailed(key, error) {
        return this.outbox.markFailed(key, error);
    }
    getDelivery(key) {
        return this.outbox.get(key);
    }
    // ── Key-value ───────────────────────────────────────────────────────────────────────────────
    /**
     * One upsert: inserts the key, or takes over a row whose TTL has passed; a live row is left
     * alone and nothing is returned. Atomic on both dialects, so exactly one replica sees `true`.
     */
    async firstSeen(key, ttlMs, now) {
        const nowMs = toMs(now);
        const rows = await this.db
            .insertInto('kv')
            .values({ namespace: DEDUPE_NAMESPACE, key, value: 'true', expires_at: nowMs + ttlMs })
            .onConflict((oc) => oc
            .columns(['namespace', 'key'])
            .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
            .where('kv.expires_at', 'is not', null)
            .where('kv.expires_at', '<=', nowMs))
            .returning('key')
            .execute();
        return rows.length > 0;
    }
    /** A Keyv over this database's `kv` table, for adapters (e.g. Slack's installation store). */
    keyv(namespace) {
        return this.keyvFor(this.publicKeyvs, namespace);
    }
    async kvGet(namespace, key) {
        return this.keyvFor(this.internalKeyvs, namespace).get(key);
    }
    async kvSet(namespace, key, value, ttlMs) {
        const ok = await this.keyvFor(this.internalKeyvs, namespace).set(key, value, ttlMs);
        if (!ok)
            throw new Error(`could not store key "${key}" in namespace "${namespace}"`);
    }
    async kvDelete(namespace, key) {
        await this.keyvFor(this.internalKeyvs, namespace).delete(key);
    }
    /**
     * Keyv turns a storage failure into an 'error' event and resolves get() with undefined when
     * someone listens; with no listener the event throws and the call rejects. kvGet/kvSet must
     * never mistake a database failure for a missing key, so they use instances nobody else can
     * attach listeners to, separate from the ones `keyv()` hands out.
     */
    keyvFor(cache, namespace) {
        if (namespace === DEDUPE_NAMESPACE)
            throw new Error(`namespace "${DEDUPE_NAMESPACE}" is reserved for firstSeen`);
        if (!namespace)
            throw new Error('a key-value namespace must not be empty');
        let keyv = cache.get(namespace);
        if (!keyv) {
            keyv = new Keyv({ store: new KeyvSqlAdapter(this.db, namespace), namespace });
            cache.set(namespace, keyv);
        }
        return keyv;
    }
    async sweepExpired() {
        return new KeyvSqlAdapter(this.db, '').sweepExpired();
    }
}
//# sourceMappingURL=sql-store.js.map