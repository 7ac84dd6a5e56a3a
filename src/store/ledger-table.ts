import type { Kysely, Transaction } from 'kysely';
import { ChainVerifier, nextEntry } from '../ledger/chain.js';
import { RowCoverage } from '../ledger/rows.js';
import type { Dialect } from './database.js';
import { UnknownWorkspaceError } from './errors.js';
import { toAuditEntry, toConfirmationRow, toMs } from './row-mapping.js';
import type { Database } from './schema.js';
import type { AuditEntry, ConfirmationRow } from './types.js';

export type AuditInput = Pick<AuditEntry, 'kind' | 'actor' | 'at' | 'payload'>;
export type AuditRange = { from?: Date; to?: Date };

const PAGE_SIZE = 5_000;
/** Confirmation-row problems listed before "… and N more". */
const MAX_ROW_PROBLEMS = 50;

/**
 * The hash-chained ledger (table `audit_log`) and its anchor, the chain head kept on the
 * workspace row. Appends happen inside the caller's transaction so that a confirmation or a
 * settings change and its entry commit together.
 */
export class AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Appends one entry to the workspace's chain inside `trx`. The workspace row is the chain's
   * lock: `FOR UPDATE` on PostgreSQL; on SQLite the transaction began with `begin immediate`, so
   * it already holds the database's write lock. The (workspace_id, seq) primary key is the last
   * line of defence against a fork.
   */
  async append(trx: Transaction<Database>, workspaceId: string, input: AuditInput): Promise<AuditEntry> {
    return this.appendAfter(trx, workspaceId, await this.lockHead(trx, workspaceId), input);
  }

  /** Appends after a head already locked by `lockHead` in the same transaction. */
  async appendAfter(
    trx: Transaction<Database>,
    workspaceId: string,
    head: { seq: number; hash: string },
    input: AuditInput,
  ): Promise<AuditEntry> {
    const entry = nextEntry({ seq: head.seq, hash: head.hash }, { workspaceId, ...input });
    await trx
      .insertInto('audit_log')
      .values({
        workspace_id: workspaceId,
        seq: entry.seq,
        kind: entry.kind,
        actor: entry.actor,
        at: toMs(entry.at),
        payload: JSON.stringify(entry.payload),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    await trx
      .updateTable('workspaces')
      .set({ head_seq: entry.seq, head_hash: entry.hash })
      .where('id', '=', workspaceId)
      .execute();
    return entry;
  }

  async lockHead(trx: Transaction<Database>, workspaceId: string): Promise<{ seq: number; hash: string }> {
    const head = await trx
      .selectFrom('workspaces')
      .select(['head_seq', 'head_hash'])
      .where('id', '=', workspaceId)
      .$if(this.dialect === 'postgres', (qb) => qb.forUpdate())
      .executeTakeFirst();
    if (!head) throw new UnknownWorkspaceError(workspaceId);
    return { seq: Number(head.head_seq), hash: head.head_hash };
  }

  async head(workspaceId: string): Promise<{ seq: number; hash: string } | null> {
    const head = await this.db
      .selectFrom('workspaces')
      .select(['head_seq', 'head_hash'])
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    return head ? { seq: Number(head.head_seq), hash: head.head_hash } : null;
  }

  async entries(workspaceId: string, range?: AuditRange): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for await (const page of this.pages(workspaceId, range)) entries.push(...page);
    return entries;
  }

  /**
   * Entries with firstSeq <= seq <= lastSeq (optionally within a time range), in seq order.
   * Paging by windows of seq values, not OFFSET/LIMIT, keeps every page a bounded primary-key
   * range scan whatever the planner's statistics say (a LIMIT query over a freshly bulk-loaded
   * PostgreSQL table was planned as a sort of all remaining rows, per page).
   */
  async window(workspaceId: string, firstSeq: number, lastSeq: number, range?: AuditRange): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>=', firstSeq)
      .where('seq', '<=', lastSeq)
      .$if(range?.from !== undefined, (qb) => qb.where('at', '>=', toMs(range!.from!)))
      .$if(range?.to !== undefined, (qb) => qb.where('at', '<', toMs(range!.to!)))
      .orderBy('seq')
      .execute();
    return rows.map(toAuditEntry);
  }

  /** Highest seq stored for the workspace (0 when none), whatever the head says. */
  async highestSeq(workspaceId: string): Promise<number> {
    const highest = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return Number(highest?.seq ?? 0);
  }

  /** Non-empty pages of entries up to `lastSeq` (default: the highest stored), in seq order. */
  async *pages(workspaceId: string, range?: AuditRange, lastSeq?: number): AsyncGenerator<AuditEntry[]> {
    const last = lastSeq ?? (await this.highestSeq(workspaceId));
    for (let first = 1; first <= last; first += PAGE_SIZE) {
      const page = await this.window(workspaceId, first, Math.min(first + PAGE_SIZE - 1, last), range);
      if (page.length > 0) yield page;
    }
  }

  /**
   * Verifies the chain up to the head read first, so entries appended while it runs are not
   * mistaken for forgeries; rows beyond the head are then checked separately (see below). Every
   * confirmation row — what pending, history, digests and exports show — is held against the
   * chained entry of its seq, so editing the table alone is caught too.
   */
  async verify(workspaceId: string): Promise<{ ok: boolean; checked: number; problems: string[] }> {
    const head = await this.head(workspaceId);
    const verifier = new ChainVerifier();
    const coverage = new RowCoverage();
    const last = head?.seq ?? (await this.highestSeq(workspaceId));
    for (let first = 1; first <= last; first += PAGE_SIZE) {
      const end = Math.min(first + PAGE_SIZE - 1, last);
      const page = await this.window(workspaceId, first, end);
      verifier.push(page);
      coverage.push(page, await this.confirmationRows(workspaceId, first, end));
    }
    if (head === null) {
      const result = verifier.finish(undefined);
      if (result.checked === 0) return result;
      return {
        ok: false,
        checked: result.checked,
        problems: ['the workspace row holding the chain head is missing', ...result.problems],
      };
    }
    const result = verifier.finish(head);
    coverage.pushBeyondHead(await this.confirmationRowsBeyondHead(workspaceId, head.seq));
    const extra = await this.rowsBeyondHead(workspaceId);
    const chainProblems = [...result.problems, ...(extra ? [extra] : [])];
    // Rows are judged against an intact chain only: once the chain itself is broken, its problems
    // name the tampering, and rows cannot be matched against entries that are not trustworthy.
    if (chainProblems.length > 0) return { ok: false, checked: result.checked, problems: chainProblems };
    const rowProblems = coverage.finish().map((problem) => problem.message);
    const problems = rowProblems.slice(0, MAX_ROW_PROBLEMS);
    if (rowProblems.length > MAX_ROW_PROBLEMS)
      problems.push(`… and ${rowProblems.length - MAX_ROW_PROBLEMS} more confirmation rows`);
    return { ok: problems.length === 0, checked: result.checked, problems };
  }

  private async confirmationRows(workspaceId: string, firstSeq: number, lastSeq: number): Promise<ConfirmationRow[]> {
    const rows = await this.db
      .selectFrom('confirmations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>=', firstSeq)
      .where('seq', '<=', lastSeq)
      .orderBy('seq')
      .execute();
    return rows.map(toConfirmationRow);
  }

  /** Confirmation rows past the head no append recorded (re-reading the head, as for audit rows). */
  private async confirmationRowsBeyondHead(workspaceId: string, headSeq: number): Promise<ConfirmationRow[]> {
    const rows = await this.db
      .selectFrom('confirmations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>', headSeq)
      .orderBy('seq')
      .limit(MAX_ROW_PROBLEMS + 1)
      .execute();
    if (rows.length === 0) return [];
    const now = await this.head(workspaceId);
    return rows.map(toConfirmationRow).filter((row) => row.seq > (now?.seq ?? headSeq));
  }

  /**
   * Audit rows no append recorded in the head, i.e. inserted behind the ledger's back. Reads the
   * highest seq *before* the head: a legitimate append in between only moves the head further.
   */
  private async rowsBeyondHead(workspaceId: string): Promise<string | null> {
    const maxSeq = await this.highestSeq(workspaceId);
    const head = await this.head(workspaceId);
    if (!head || maxSeq <= head.seq) return null;
    return `entries after #${head.seq} were added outside the ledger (head says ${head.seq} entries, found up to #${maxSeq})`;
  }
}
