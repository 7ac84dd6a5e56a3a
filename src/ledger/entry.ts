/**
 * One entry of a workspace's ledger, as chained and verified by ./chain.ts. It lives here,
 * below the store, because the store computes and stores the chain while the ledger knows no store.
 */
export interface AuditEntry {
  workspaceId: string;
  seq: number;
  /** e.g. 'workspace.created', 'confirmation', 'settings.changed', 'assignment'. */
  kind: string;
  actor: string;
  at: Date;
  payload: Record<string, unknown>;
  prevHash: string;
  /** SHA-256 hex over the canonical serialization of every field above. */
  hash: string;
}

/**
 * What an export reads of the ledger. The Store satisfies it; declaring it here keeps the ledger
 * below the store, which computes the chain with ./chain.ts.
 */
export interface LedgerSource {
  /** Entries with firstSeq <= seq <= lastSeq, in seq order; `from` inclusive, `to` exclusive. */
  ledgerWindow(
    workspaceId: string,
    firstSeq: number,
    lastSeq: number,
    range?: { from?: Date; to?: Date },
  ): Promise<AuditEntry[]>;
  /** The chain head anchored on the workspace row; null if no such workspace. */
  ledgerHead(workspaceId: string): Promise<{ seq: number; hash: string } | null>;
  /** Recomputes the chain; names the first edited, deleted or reordered entry. */
  verifyLedger(workspaceId: string): Promise<{ ok: boolean; checked: number; problems: string[] }>;
}
