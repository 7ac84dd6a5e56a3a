import type { Kysely } from 'kysely';
import { toAuditEntry, toConfirmationRow, toMs } from './row-mapping.js';
import type { Database } from './schema.js';
import type {
  AuditEntry,
  ConfirmationRow,
  DashboardSessionRow,
  LedgerPageQuery,
  SignInLinkOwner,
  SignInLinkRow,
} from './types.js';

/**
 * The dashboard's tables (migration 0007): one-time sign-in links, sessions, and the ledger read
 * page by page. Tokens and session ids arrive hashed; this module never sees a usable secret.
 */
export class DashboardTables {
  constructor(private readonly db: Kysely<Database>) {}

  async saveSignInLink(link: SignInLinkRow): Promise<void> {
    await this.db
      .insertInto('sign_in_links')
      .values({
        token_hash: link.tokenHash,
        workspace_id: link.workspaceId,
        user_id: link.userId,
        platform_admin: link.platformAdmin ? 1 : 0,
        created_at: toMs(link.createdAt),
        expires_at: toMs(link.expiresAt),
        used_at: null,
      })
      .execute();
  }

  /**
   * Marks the link used and returns whose it was, in ONE conditional UPDATE: of two concurrent
   * clicks (two requests, two replicas) only the one whose UPDATE matched the unused row gets a
   * row back, on SQLite and PostgreSQL alike. Expired and used links return null.
   */
  async consumeSignInLink(tokenHash: string, now: Date): Promise<SignInLinkOwner | null> {
    const row = await this.db
      .updateTable('sign_in_links')
      .set({ used_at: toMs(now) })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', toMs(now))
      .returning(['workspace_id', 'user_id', 'platform_admin'])
      .executeTakeFirst();
    return row
      ? { workspaceId: row.workspace_id, userId: row.user_id, platformAdmin: Number(row.platform_admin) === 1 }
      : null;
  }

  async saveSession(session: DashboardSessionRow): Promise<void> {
    await this.db
      .insertInto('dashboard_sessions')
      .values({
        id_hash: session.idHash,
        workspace_id: session.workspaceId,
        user_id: session.userId,
        platform_admin: session.platformAdmin ? 1 : 0,
        csrf_token: session.csrfToken,
        created_at: toMs(session.createdAt),
        last_seen_at: toMs(session.lastSeenAt),
        expires_at: toMs(session.expiresAt),
      })
      .execute();
  }

  async findSession(idHash: string): Promise<DashboardSessionRow | null> {
    const row = await this.db
      .selectFrom('dashboard_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      idHash: row.id_hash,
      workspaceId: row.workspace_id,
      userId: row.user_id,
      platformAdmin: Number(row.platform_admin) === 1,
      csrfToken: row.csrf_token,
      createdAt: new Date(Number(row.created_at)),
      lastSeenAt: new Date(Number(row.last_seen_at)),
      expiresAt: new Date(Number(row.expires_at)),
    };
  }

  async touchSession(idHash: string, at: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('dashboard_sessions')
      .set({ last_seen_at: toMs(at), expires_at: toMs(expiresAt) })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('dashboard_sessions').where('id_hash', '=', idHash).execute();
  }

  /** Deletes expired sessions and links past their expiry; returns how many rows went. */
  async sweep(now: Date): Promise<number> {
    const sessions = await this.db.deleteFrom('dashboard_sessions').where('expires_at', '<=', toMs(now)).execute();
    const links = await this.db.deleteFrom('sign_in_links').where('expires_at', '<=', toMs(now)).execute();
    return Number(sessions[0]?.numDeletedRows ?? 0) + Number(links[0]?.numDeletedRows ?? 0);
  }

  /**
   * Rows of these (duty, occurrence) pairs. Both lists go to the (workspace_id, duty_id,
   * occurrence) index as point look-ups; the cross product it may return is cut to the pairs here.
   */
  async confirmationsOf(
    workspaceId: string,
    occurrences: readonly { dutyId: string; occurrence: string }[],
  ): Promise<ConfirmationRow[]> {
    if (occurrences.length === 0) return [];
    const wanted = new Set(occurrences.map((o) => `${o.dutyId}|${o.occurrence}`));
    const rows = await this.db
      .selectFrom('confirmations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('duty_id', 'in', [...new Set(occurrences.map((o) => o.dutyId))])
      .where('occurrence', 'in', [...new Set(occurrences.map((o) => o.occurrence))])
      .orderBy('seq')
      .execute();
    return rows.filter((row) => wanted.has(`${row.duty_id}|${row.occurrence}`)).map(toConfirmationRow);
  }

  /**
   * One page of the ledger, newest first, paged by keyset on seq (`beforeSeq`), so page 500 costs
   * what page 1 costs: each filter has an index that ends in seq (0001's primary key, 0007's
   * actor/kind indexes, confirmations by duty for a service).
   */
  async ledgerPage(workspaceId: string, query: LedgerPageQuery): Promise<AuditEntry[]> {
    if (query.dutyIds !== undefined && query.dutyIds.length === 0) return [];
    let select = this.db
      .selectFrom('audit_log as a')
      .selectAll('a')
      .where('a.workspace_id', '=', workspaceId)
      .$if(query.beforeSeq !== undefined, (qb) => qb.where('a.seq', '<', query.beforeSeq!))
      .$if(query.kind !== undefined, (qb) => qb.where('a.kind', '=', query.kind!))
      .$if(query.actor !== undefined, (qb) => qb.where('a.actor', '=', query.actor!))
      .$if(query.from !== undefined, (qb) => qb.where('a.at', '>=', toMs(query.from!)))
      .$if(query.to !== undefined, (qb) => qb.where('a.at', '<', toMs(query.to!)));
    if (query.dutyIds !== undefined) {
      const dutyIds = [...query.dutyIds];
      // The duty of each entry is read by the confirmation's primary key (one look-up per entry,
      // walking the ledger newest first): written as EXISTS (… duty_id IN list), SQLite probed the
      // (workspace_id, duty_id, seq) index once per listed duty for every entry instead.
      select = select.where((eb) =>
        eb(
          eb
            .selectFrom('confirmations as c')
            .select('c.duty_id')
            .whereRef('c.workspace_id', '=', 'a.workspace_id')
            .whereRef('c.seq', '=', 'a.seq'),
          'in',
          dutyIds,
        ),
      );
    }
    const rows = await select.orderBy('a.seq', 'desc').limit(query.limit).execute();
    return rows.map(toAuditEntry);
  }
}
