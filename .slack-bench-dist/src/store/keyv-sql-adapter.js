import { EventEmitter } from 'node:events';
import { keyvStorageCapability, } from 'keyv';
import { sql } from 'kysely';
/**
 * A Keyv v6 storage adapter over the store's own Kysely database (table `kv`).
 *
 * Deliberately not @keyv/sqlite / @keyv/postgres: those bring a second SQLite driver (or keyv 5
 * peers) and open their own connections, so key-value writes would bypass the store's connection
 * (and, on SQLite, its single-writer serialization) and need configuration of their own. This
 * adapter works identically on SQLite and PostgreSQL and closes with the store.
 *
 * Keyv hands us already-serialized strings and an absolute `expires` (epoch ms); expired rows are
 * treated as absent on read and swept lazily.
 */
export class KeyvSqlAdapter extends EventEmitter {
    db;
    clock;
    /** Set by Keyv; '' when Keyv has no namespace. */
    namespace;
    constructor(db, namespace, clock = Date.now) {
        super();
        this.db = db;
        this.clock = clock;
        this.namespace = namespace;
    }
    get capabilities() {
        return keyvStorageCapability(this);
    }
    get ns() {
        return this.namespace ?? '';
    }
    async get(key) {
        const [value] = await this.getMany([key]);
        return value;
    }
    async getMany(keys) {
        if (keys.length === 0)
            return [];
        const now = this.clock();
        const rows = await this.db
            .selectFrom('kv')
            .select(['key', 'value'])
            .where('namespace', '=', this.ns)
            .where('key', 'in', keys)
            .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
            .execute();
        const byKey = new Map(rows.map((row) => [row.key, row.value]));
        return keys.map((key) => byKey.get(key));
    }
    async has(key) {
        const [present] = await this.hasMany([key]);
        return present ?? false;
    }
    async hasMany(keys) {
        const values = await this.getMany(keys);
        return values.map((value) => value !== undefined);
    }
    async set(key, value, expires) {
        const [ok] = await this.setMany([{ key, value, expires }]);
        return ok ?? false;
    }
    async setMany(entries) {
        if (entries.length === 0)
            return [];
        const rows = entries.map((entry) => ({
            namespace: this.ns,
            key: entry.key,
            value: typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value),
            expires_at: entry.expires ?? null,
        }));
        await this.db
            .insertInto('kv')
            .values(rows)
            .onConflict((oc) => oc.columns(['namespace', 'key']).doUpdateSet({
            value: (eb) => eb.ref('excluded.value'),
            expires_at: (eb) => eb.ref('excluded.expires_at'),
        }))
            .execute();
        return entries.map(() => true);
    }
    async delete(key) {
        const [deleted] = await this.deleteMany([key]);
        return deleted ?? false;
    }
    async deleteMany(keys) {
        if (keys.length === 0)
            return [];
        const deleted = await this.db
            .deleteFrom('kv')
            .where('namespace', '=', this.ns)
            .where('key', 'in', keys)
            .returning('key')
            .execute();
        const gone = new Set(deleted.map((row) => row.key));
        return keys.map((key) => gone.has(key));
    }
    /** Clears this namespace only. */
    async clear() {
        await this.db.deleteFrom('kv').where('namespace', '=', this.ns).execute();
    }
    async *iterator() {
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
            for (const row of rows)
                yield [row.key, row.value];
            if (rows.length < pageSize)
                return;
            after = rows[rows.length - 1].key;
        }
    }
    /** Deletes expired rows of every namespace; returns how many. */
    async sweepExpired() {
        const result = await this.db
            .deleteFrom('kv')
            .where('expires_at', 'is not', null)
            .where('expires_at', '<=', sql `${this.clock()}`)
            .executeTakeFirst();
        return Number(result.numDeletedRows);
    }
}
//# sourceMappingURL=keyv-sql-adapter.js.map