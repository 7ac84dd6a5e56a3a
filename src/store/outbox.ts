import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from './database.js';
import { UnknownDeliveryError } from './errors.js';
import { toDeliveryRow, toMs } from './row-mapping.js';
import type { Database } from './schema.js';
import type { DeliveryLease, DeliveryRow, NewDelivery } from './types.js';

/** Rows per INSERT statement (keeps SQLite under its bound-parameter limit). */
const INSERT_CHUNK = 500;

/**
 * The delivery outbox (table `deliveries`): the scheduler enqueues messages under unique keys,
 * workers lease due rows, and each row ends sent or failed. Leases expire, so a row held by a
 * worker that died is picked up again. Each claim gets a fresh token, and every mark names the
 * claim (owner + token): a worker whose lease expired and was taken over changes nothing.
 */
export class Outbox {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    return this.db.transaction().execute((trx) => insertDeliveries(trx, deliveries));
  }

  /**
   * Leases due rows in one UPDATE … WHERE key IN (SELECT … LIMIT n). On PostgreSQL the inner
   * select uses FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint rows without waiting;
   * SQLite has a single writer, so the statement is atomic by itself. `attempts` counts claims:
   * a worker that dies mid-delivery still used up an attempt, so a poison message cannot loop.
   */
  async claim(now: Date, worker: string, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
    if (limit <= 0) return [];
    const nowMs = toMs(now);
    const claimable = this.db
      .selectFrom('deliveries')
      .select('key')
      .where('status', '=', 'pending')
      .where('not_before', '<=', nowMs)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', nowMs)]))
      // An uninstalled workspace's messages wait for its re-install instead of failing against a
      // revoked token (and reporting failures nobody can act on).
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('workspaces')
              .select('workspaces.id')
              .whereRef('workspaces.id', '=', 'deliveries.workspace_id')
              .where('workspaces.status', '=', 'inactive'),
          ),
        ),
      )
      .orderBy('not_before')
      .limit(limit)
      .$if(this.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
    const rows = await this.db
      .updateTable('deliveries')
      .set((eb) => ({
        lease_owner: worker,
        lease_until: nowMs + leaseMs,
        lease_token: randomUUID(),
        attempts: eb('attempts', '+', 1),
      }))
      .where('key', 'in', claimable)
      .returningAll()
      .execute();
    return rows.map(toDeliveryRow).sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime());
  }

  async markSent(lease: DeliveryLease, ref: { channel: string; id: string }, at: Date): Promise<boolean> {
    return this.update(this.db, lease, {
      status: 'sent',
      message_channel: ref.channel,
      message_id: ref.id,
      sent_at: toMs(at),
      last_error: null,
    });
  }

  async markRetry(lease: DeliveryLease, error: string, notBefore: Date, at: Date): Promise<boolean> {
    return this.update(this.db, lease, {
      status: 'pending',
      last_error: error,
      not_before: toMs(notBefore),
      first_error_at: toMs(at),
    });
  }

  async markFailed(lease: DeliveryLease, error: string, at: Date, notice?: NewDelivery): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const marked = await this.update(trx, lease, { status: 'failed', last_error: error, first_error_at: toMs(at) });
      if (marked && notice) await insertDeliveries(trx, [notice]);
      return marked;
    });
  }

  /** A lease holds until it expires AND someone else claims the row; checked right before posting. */
  async holdsLease(lease: DeliveryLease, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('deliveries')
      .select(['status', 'lease_until'])
      .where('key', '=', lease.key)
      .where('lease_owner', '=', lease.owner)
      .where('lease_token', '=', lease.token)
      .executeTakeFirst();
    return row !== undefined && row.status === 'pending' && Number(row.lease_until) > toMs(now);
  }

  /**
   * Only the current holder may change a claimed row: the WHERE names the claim's owner and
   * token. `first_error_at` keeps its first value. Unknown keys still throw (a caller bug).
   */
  private async update(
    db: Kysely<Database>,
    lease: DeliveryLease,
    changes: Partial<{
      status: string;
      message_channel: string;
      message_id: string;
      sent_at: number;
      last_error: string | null;
      not_before: number;
      first_error_at: number;
    }>,
  ): Promise<boolean> {
    const { first_error_at: firstErrorAt, ...rest } = changes;
    const result = await db
      .updateTable('deliveries')
      .set((eb) => ({
        ...rest,
        ...(firstErrorAt !== undefined
          ? { first_error_at: eb.fn.coalesce('first_error_at', eb.val(firstErrorAt)) }
          : {}),
        lease_owner: null,
        lease_until: null,
        lease_token: null,
      }))
      .where('key', '=', lease.key)
      .where('status', '=', 'pending')
      .where('lease_owner', '=', lease.owner)
      .where('lease_token', '=', lease.token)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return true;
    if (!(await this.get(lease.key, db))) throw new UnknownDeliveryError(lease.key);
    return false;
  }

  /** Failed deliveries worth telling someone about: cancellations (pointless messages) are not failures. */
  async failures(workspaceId: string, limit: number): Promise<DeliveryRow[]> {
    const rows = await this.db
      .selectFrom('deliveries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('status', '=', 'failed')
      .where('kind', '!=', 'update')
      .where('last_error', 'not like', 'cancelled:%')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDeliveryRow);
  }

  async get(key: string, db: Kysely<Database> = this.db): Promise<DeliveryRow | null> {
    const row = await db.selectFrom('deliveries').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toDeliveryRow(row) : null;
  }
}

async function insertDeliveries(trx: Transaction<Database>, deliveries: readonly NewDelivery[]): Promise<number> {
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
}
