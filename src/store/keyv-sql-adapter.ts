import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter } from 'keyv';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

type StorageMethod =
  | 'opts'
  | 'namespace'
  | 'get'
  | 'getMany'
  | 'has'
  | 'hasMany'
  | 'set'
  | 'setMany'
  | 'delete'
  | 'deleteMany'
  | 'clear'
  | 'iterator';

/**
 * A Keyv 5 storage adapter over the store's own Kysely database (table `kv`).
 *
 * Keyv 5, not 6: keyv 6 (and its `hookified`) require Node >= 22 while dutybot supports Node 20.12+.
 * What differs for an adapter: keyv 5 passes a relative `ttl` (ms) to `set`/`setMany` where keyv 6
 * passed an absolute `expires`; its `deleteMany` answers one boolean; it has no capability
 * descriptor; and it prefixes keys with the namespace unless told not to (sql-store turns that off:
 * the namespace is a column here, so rows keep the same key as under keyv 6).
 *
 * Deliberately not @keyv/sqlite / @keyv/postgres: those bring a second SQLite driver (or keyv 5
 * peers) and open their own connections, so key-value writes would bypass the store's connection
 * (and, on SQLite, its single-writer serialization) and need configuration of their own. This
 * adapter works identically on SQLite and PostgreSQL and closes with the store.
 *
 * Keyv hands us already-serialized strings and a time to live; the adapter stores the absolute
 * expiry (epoch ms), treats expired rows as absent on read and sweeps them lazily.
 */
export class KeyvSqlAdapter
  extends EventEmitter
  // Keyv's IEventEmitter types listeners() more narrowly than node:events; the storage methods
  // are what must match.
  implements Pick<KeyvStoreAdapter, StorageMethod>
{
  /**
   * Keyv 5 reads `dialect`/`url` here to decide whether the adapter can iterate (SQL ones can);
   * without them its constructor throws.
   */
  readonly opts = { dialect: 'sqlite', url: 'kysely:dutybot-store' };

  /** Set by Keyv; '' when Keyv has no namespace. */
  namespace: string | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    namespace: string,
    private readonly clock: () => number = Date.now,
  ) {
    super();
    this.namespace = namespace;
  }

  private get ns(): string {
    return this.namespace ?? '';
  }

  async get<Value>(key: string): Promise<Value | undefined> {
    const [value] = await this.getMany<Value>([key]);
    return value;
  }

  private expiresAt(ttl: number | undefined): number | null {
    return typeof ttl === 'number' && ttl > 0 ? this.clock() + ttl : null;
  }

  async getMany<Value>(keys: string[]): Promise<Array<Value | undefined>> {
    if (keys.length === 0) return [];
    const now = this.clock();
    const rows = await this.db
      .selectFrom('kv')
      .select(['key', 'value'])
      .where('namespace', '=', this.ns)
      .where('key', 'in', keys)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key) as Value | undefined);
  }

  async has(key: string): Promise<boolean> {
    const [present] = await this.hasMany([key]);
    return present ?? false;
  }

  async hasMany(keys: string[]): Promise<boolean[]> {
    const values = await this.getMany(keys);
    return values.map((value) => value !== undefined);
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    await this.setMany([{ key, value, ttl }]);
    return true;
  }

  async setMany(entries: Array<{ key: string; value: unknown; ttl?: number }>): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => ({
      namespace: this.ns,
      key: entry.key,
      value: typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value),
      expires_at: this.expiresAt(entry.ttl),
    }));
    await this.db
      .insertInto('kv')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['namespace', 'key']).doUpdateSet({
          value: (eb) => eb.ref('excluded.value'),
          expires_at: (eb) => eb.ref('excluded.expires_at'),
        }),
      )
      .execute();
  }

  async delete(key: string): Promise<boolean> {
    return this.deleteMany([key]);
  }

  /** True when at least one of the keys was there (keyv 5's contract). */
  async deleteMany(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const deleted = await this.db
      .deleteFrom('kv')
      .where('namespace', '=', this.ns)
      .where('key', 'in', keys)
      .returning('key')
      .execute();
    return deleted.length > 0;
  }

  /** Clears this namespace only. */
  async clear(): Promise<void> {
    await this.db.deleteFrom('kv').where('namespace', '=', this.ns).execute();
  }

  async *iterator<Value>(): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    const pageSize = 500;
    let after = '';
    for (;;) {
      const now = this.clock();
      const rows = await this.db
        .selectFrom('kv')
        .select(['key', 'value'])
        .where('namespace', '=', this.ns)
        .where('key', '>', after)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .orderBy('key')
        .limit(pageSize)
        .execute();
      for (const row of rows) yield [row.key, row.value as Awaited<Value>];
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.key;
    }
  }

  /** Deletes expired rows of every namespace; returns how many. */
  async sweepExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom('kv')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', sql<number>`${this.clock()}`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
