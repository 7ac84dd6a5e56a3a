import type { Kysely } from 'kysely';
import type { Dialect } from './database.js';
import { UnknownDeliveryError } from './errors.js';
import { toDeliveryRow, toMs } from './row-mapping.js';
import type { Database } from './schema.js';
import type { DeliveryRow, NewDelivery } from './types.js';

/** Rows per INSERT statement (keeps SQLite under its bound-parameter limit). */
const INSERT_CHUNK = 500;

/**
 * The delivery outbox (table `deliveries`): the scheduler enqueues messages under unique keys,
 * workers lease due rows, and each row ends sent or failed. Leases expire, so a row held by a
 * worker that died is picked up again.
 */
export class Outbox {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

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
  async claim(now: Date, worker: string, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
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
    await this.update(key, {
      status: 'sent',
      message_channel: ref.channel,
      message_id: ref.id,
      sent_at: toMs(at),
      last_error: null,
    });
  }

  async markRetry(key: string, error: string, notBefore: Date): Promise<void> {
    await this.update(key, { status: 'pending', last_error: error, not_before: toMs(notBefore) });
  }

  async markFailed(key: string, error: string): Promise<void> {
    await this.update(key, { status: 'failed', last_error: error });
  }

  private async update(
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

  async get(key: string): Promise<DeliveryRow | null> {
    const row = await this.db.selectFrom('deliveries').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toDeliveryRow(row) : null;
  }
}
