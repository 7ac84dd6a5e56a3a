import type { Kysely, Selectable } from 'kysely';
import type { CalendarTokensTable, Database } from './schema.js';

/** A calendar feed token as stored: never the secret itself, only its hash. */
export interface CalendarTokenRow {
  /** Public handle (lists, revoke). */
  id: string;
  workspaceId: string;
  /** The person whose duties the feed holds; null: the whole workspace. */
  userId: string | null;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewCalendarToken {
  id: string;
  workspaceId: string;
  userId: string | null;
  /** SHA-256 hex of the secret token. */
  tokenHash: string;
  createdBy: string;
  createdAt: Date;
}

/** What the Store offers for calendar feed tokens (table `calendar_tokens`, migration 0008). */
export interface CalendarTokenStore {
  createCalendarToken(token: NewCalendarToken): Promise<CalendarTokenRow>;
  /** The token with this hash, revoked or not; null when there is none. */
  calendarTokenByHash(tokenHash: string): Promise<CalendarTokenRow | null>;
  /** A workspace's tokens (every workspace's when omitted), newest first, revoked ones included. */
  calendarTokens(workspaceId?: string): Promise<CalendarTokenRow[]>;
  /**
   * Revokes a live token; with `workspaceId`, only one of that workspace (a dashboard session can
   * never revoke another workspace's feed). False when there is no such live token.
   */
  revokeCalendarToken(id: string, at: Date, workspaceId?: string): Promise<boolean>;
}

function toCalendarTokenRow(row: Selectable<CalendarTokensTable>): CalendarTokenRow {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
  };
}

export class CalendarTokenTable implements CalendarTokenStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createCalendarToken(token: NewCalendarToken): Promise<CalendarTokenRow> {
    const row = {
      id: token.id,
      workspace_id: token.workspaceId,
      user_id: token.userId,
      token_hash: token.tokenHash,
      created_by: token.createdBy,
      created_at: token.createdAt.getTime(),
      revoked_at: null,
    };
    await this.db.insertInto('calendar_tokens').values(row).execute();
    return toCalendarTokenRow(row);
  }

  async calendarTokenByHash(tokenHash: string): Promise<CalendarTokenRow | null> {
    const row = await this.db
      .selectFrom('calendar_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toCalendarTokenRow(row) : null;
  }

  async calendarTokens(workspaceId?: string): Promise<CalendarTokenRow[]> {
    let query = this.db.selectFrom('calendar_tokens').selectAll();
    if (workspaceId !== undefined) query = query.where('workspace_id', '=', workspaceId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toCalendarTokenRow);
  }

  async revokeCalendarToken(id: string, at: Date, workspaceId?: string): Promise<boolean> {
    let query = this.db
      .updateTable('calendar_tokens')
      .set({ revoked_at: at.getTime() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null);
    if (workspaceId !== undefined) query = query.where('workspace_id', '=', workspaceId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
