import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. One schema serves SQLite and PostgreSQL, so every instant is an
 * integer of epoch milliseconds (`bigint` on PostgreSQL, parsed back to number by the pool) and
 * every structured value is JSON text.
 */

export interface WorkspacesTable {
  id: string;
  platform: string;
  settings: string;
  home_channel: string | null;
  next_wake_at: number | null;
  created_at: number;
  /** Chain head anchor: seq and hash of the last audit entry (0 / genesis when empty). */
  head_seq: Generated<number>;
  head_hash: string;
  /** `active` | `inactive` (uninstalled); added by migration 0002. */
  status: Generated<string>;
  /** Occurrences due before this are not reminded one by one (null: since created_at). */
  reminders_since: number | null;
  /** When it was uninstalled (null while installed); added by migration 0006. */
  inactive_since: number | null;
  /** The platform's name for the workspace (Slack workspace, Teams team); added by migration 0005. */
  name: string | null;
}

export interface AuditLogTable {
  workspace_id: string;
  seq: number;
  kind: string;
  actor: string;
  at: number;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface ConfirmationsTable {
  workspace_id: string;
  seq: number;
  duty_id: string;
  occurrence: string;
  status: string;
  confirmed_by: string;
  at: number;
  note: string | null;
  evidence_url: string | null;
  reason: string | null;
  snoozed_until: number | null;
  hash: string;
  idempotency_key: string;
  /** 1: a period that had ended before the workspace existed, recorded by an admin (0004). */
  backfill: Generated<number>;
}

/** The one closing (done / skipped) of an occurrence; a reopen deletes it (0004). */
export interface ClosingsTable {
  workspace_id: string;
  duty_id: string;
  occurrence: string;
  seq: number;
  status: string;
  closed_by: string;
  at: number;
}

export interface DeliveriesTable {
  key: string;
  workspace_id: string;
  kind: string;
  duty_id: string | null;
  occurrence: string | null;
  channel: string;
  payload: string;
  status: string;
  attempts: Generated<number>;
  not_before: number;
  lease_owner: string | null;
  lease_until: number | null;
  lease_token: string | null;
  first_error_at: number | null;
  reported_at: number | null;
  last_error: string | null;
  message_channel: string | null;
  message_id: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface KvTable {
  namespace: string;
  key: string;
  value: string;
  expires_at: number | null;
}

/** One sealed installation secret (0006); `sealed` is `v1.<key id>.…` (src/secrets/seal.ts). */
export interface CredentialsTable {
  name: string;
  workspace_id: string;
  key_id: string;
  sealed: string;
  updated_at: number;
}

/** What remains of a deleted workspace (0006). */
export interface TombstonesTable {
  workspace_id: string;
  platform: string;
  entries: number;
  head_hash: string;
  deleted_at: number;
  reason: string;
  actor: string;
}

/** A one-time dashboard sign-in link; only the token's SHA-256 is kept (0007). */
export interface SignInLinksTable {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  platform_admin: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A dashboard session; the cookie holds the id, the table only its SHA-256 (0007). */
export interface DashboardSessionsTable {
  id_hash: string;
  workspace_id: string;
  user_id: string;
  platform_admin: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/** Calendar feed tokens, by the SHA-256 of the secret (0008). */
export interface CalendarTokensTable {
  id: string;
  workspace_id: string;
  user_id: string | null;
  token_hash: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

export interface Database {
  workspaces: WorkspacesTable;
  audit_log: AuditLogTable;
  confirmations: ConfirmationsTable;
  closings: ClosingsTable;
  deliveries: DeliveriesTable;
  kv: KvTable;
  credentials: CredentialsTable;
  tombstones: TombstonesTable;
  sign_in_links: SignInLinksTable;
  dashboard_sessions: DashboardSessionsTable;
  calendar_tokens: CalendarTokensTable;
}
