import type { AuditEntry } from './entry.js';

/**
 * What `pending`, `history`, digests and exports show is read from the `confirmations` table, not
 * from the chain. Verification therefore also holds every such row against the chained entry it
 * claims to come from (same seq): a row edited in SQL ("skipped" → "done by mallory"), a row with
 * no entry, or an entry whose row was deleted is named like a broken link.
 */

/** The facts a confirmation row shows; the store maps its table to this shape. */
export interface LedgerRowFacts {
  seq: number;
  hash: string;
  dutyId: string;
  occurrence: string;
  status: string;
  by: string;
  at: Date;
  note: string | null;
  evidenceUrl: string | null;
  reason: string | null;
  snoozedUntil: Date | null;
  backfill?: boolean;
}

/** Audit entry kinds whose payload is a confirmation row. */
export const ROW_ENTRY_KINDS: ReadonlySet<string> = new Set(['confirmation', 'reopen']);

const show = (value: unknown) => (value === null || value === undefined ? 'nothing' : JSON.stringify(value));

/** The first field where the row differs from its entry, as "field: row says X, entry says Y". */
export function rowMismatch(row: LedgerRowFacts, entry: AuditEntry): string | null {
  const p = entry.payload;
  const pairs: [string, unknown, unknown][] = [
    ['hash', row.hash, entry.hash],
    ['duty', row.dutyId, p.dutyId],
    ['occurrence', row.occurrence, p.occurrence],
    ['status', row.status, p.status],
    ['by', row.by, p.by],
    ['by (actor)', row.by, entry.actor],
    ['at', row.at.toISOString(), entry.at.toISOString()],
    ['note', row.note, p.note ?? null],
    ['evidence', row.evidenceUrl, p.evidenceUrl ?? null],
    ['reason', row.reason, p.reason ?? null],
    ['snoozed until', row.snoozedUntil?.toISOString() ?? null, p.snoozedUntil ?? null],
    ['backfill', row.backfill === true, p.backfill === true],
  ];
  for (const [field, fromRow, fromEntry] of pairs) {
    if (fromRow !== fromEntry) return `${field}: row says ${show(fromRow)}, entry says ${show(fromEntry)}`;
  }
  return null;
}

/**
 * Walks confirmation rows and chain entries of the same seq window together (both in seq order)
 * and records what does not match. Fed window by window, so a long ledger is never in memory.
 */
export class RowCoverage {
  private readonly problems: { seq: number; message: string }[] = [];

  push(entries: readonly AuditEntry[], rows: readonly LedgerRowFacts[]): void {
    const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
    const rowSeqs = new Set<number>();
    for (const row of rows) {
      rowSeqs.add(row.seq);
      const entry = bySeq.get(row.seq);
      if (!entry || !ROW_ENTRY_KINDS.has(entry.kind)) {
        this.problems.push({
          seq: row.seq,
          message: `confirmation row #${row.seq} (${row.dutyId} ${row.occurrence} ${row.status} by ${row.by}) has no chained entry`,
        });
        continue;
      }
      const mismatch = rowMismatch(row, entry);
      if (mismatch)
        this.problems.push({
          seq: row.seq,
          message: `confirmation row #${row.seq} does not match its chained entry (${mismatch})`,
        });
    }
    for (const entry of entries) {
      if (ROW_ENTRY_KINDS.has(entry.kind) && !rowSeqs.has(entry.seq))
        this.problems.push({
          seq: entry.seq,
          message: `the confirmation row of entry #${entry.seq} is missing (deleted from what the bot shows)`,
        });
    }
  }

  /** Rows past the chain head: shown by the bot, but no append recorded them. */
  pushBeyondHead(rows: readonly LedgerRowFacts[]): void {
    for (const row of rows)
      this.problems.push({
        seq: row.seq,
        message: `confirmation row #${row.seq} (${row.dutyId} ${row.occurrence} ${row.status} by ${row.by}) was added outside the ledger (past the chain head)`,
      });
  }

  finish(): { seq: number; message: string }[] {
    return [...this.problems].sort((a, b) => a.seq - b.seq);
  }
}
