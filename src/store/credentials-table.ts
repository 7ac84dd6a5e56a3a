import type { Kysely, Selectable } from 'kysely';
import { toMs } from './row-mapping.js';
import type { CredentialsTable, Database } from './schema.js';
import type { SealedCredential } from './types.js';

/**
 * The `credentials` table: sealed installation secrets. It stores and returns sealed text only;
 * sealing and opening happen above the store (src/bot/credential-vault.ts), where the key is.
 */
export class CredentialsTableSql {
  constructor(private readonly db: Kysely<Database>) {}

  async put(credential: SealedCredential): Promise<void> {
    await this.db
      .insertInto('credentials')
      .values(toRow(credential))
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({
          workspace_id: credential.workspaceId,
          key_id: credential.keyId,
          sealed: credential.sealed,
          updated_at: toMs(credential.updatedAt),
        }),
      )
      .execute();
  }

  async get(name: string): Promise<SealedCredential | null> {
    const row = await this.db.selectFrom('credentials').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async delete(name: string): Promise<void> {
    await this.db.deleteFrom('credentials').where('name', '=', name).execute();
  }

  async notUnder(keyId: string, limit: number): Promise<SealedCredential[]> {
    const rows = await this.db
      .selectFrom('credentials')
      .selectAll()
      .where('key_id', '!=', keyId)
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  async replace(
    previous: SealedCredential,
    next: Pick<SealedCredential, 'keyId' | 'sealed' | 'updatedAt'>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('credentials')
      .set({ key_id: next.keyId, sealed: next.sealed, updated_at: toMs(next.updatedAt) })
      .where('name', '=', previous.name)
      .where('sealed', '=', previous.sealed)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toRow(c: SealedCredential): CredentialsTable {
  return {
    name: c.name,
    workspace_id: c.workspaceId,
    key_id: c.keyId,
    sealed: c.sealed,
    updated_at: toMs(c.updatedAt),
  };
}

function fromRow(row: Selectable<CredentialsTable>): SealedCredential {
  return {
    name: row.name,
    workspaceId: row.workspace_id,
    keyId: row.key_id,
    sealed: row.sealed,
    updatedAt: new Date(Number(row.updated_at)),
  };
}
