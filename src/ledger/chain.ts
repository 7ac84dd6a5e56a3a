import { createHash } from 'node:crypto';
import type { AuditEntry } from './entry.js';

/**
 * The ledger is a hash chain per workspace: entry n stores the hash of entry n-1, and its own
 * hash covers every field including that link. Editing, deleting or reordering rows in the
 * database therefore breaks the chain in a way `verifyChain` can name. The workspace row keeps the
 * chain head (seq + hash) as an anchor, because deleting the *last* entries leaves a chain that
 * is internally consistent and only the anchor can reveal it.
 */

/** prev_hash of entry #1. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped (as JSON.stringify
 * does). Arrays keep their order. The same value always serializes to the same bytes, whatever
 * order its keys were built in, so a hash computed at append time can be recomputed from the row.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // JSON.stringify returns undefined for undefined/functions/symbols; inside arrays JSON uses null.
    return text === undefined ? 'null' : text;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined && typeof record[key] !== 'function' && typeof record[key] !== 'symbol')
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * The payload exactly as it will read back from the database (a JSON round trip turns Dates into
 * strings and drops undefined), so hashing at append time and at verification agree.
 */
export function normalizePayload(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}

export type HashableEntry = Omit<AuditEntry, 'hash'>;

export function computeEntryHash(entry: HashableEntry): string {
  const canonical = canonicalJson({
    workspaceId: entry.workspaceId,
    seq: entry.seq,
    kind: entry.kind,
    actor: entry.actor,
    at: entry.at.toISOString(),
    payload: entry.payload,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** Builds the next entry of a chain whose head is `head` (null for an empty chain). */
export function nextEntry(
  head: { seq: number; hash: string } | null,
  entry: Pick<AuditEntry, 'workspaceId' | 'kind' | 'actor' | 'at' | 'payload'>,
): AuditEntry {
  const hashable: HashableEntry = {
    workspaceId: entry.workspaceId,
    seq: (head?.seq ?? 0) + 1,
    kind: entry.kind,
    actor: entry.actor,
    at: entry.at,
    payload: normalizePayload(entry.payload),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  return { ...hashable, hash: computeEntryHash(hashable) };
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  problems: string[];
}

/** Beyond this many problems the report says "… and N more" instead of listing them all. */
const MAX_LISTED_PROBLEMS = 50;

interface Problem {
  seq: number;
  message: string;
}

/**
 * Verifies a chain fed in seq order, possibly in batches (so a 100,000-entry log never has to be
 * in memory at once). Only entries whose hash does not match are retained, to tell an edited entry
 * from two entries whose seq values were swapped.
 */
export class ChainVerifier {
  private checked = 0;
  private previous: AuditEntry | null = null;
  private readonly problems: Problem[] = [];
  /** Entries whose recomputed hash differs from the stored one, by their stored seq. */
  private readonly mismatched = new Map<number, AuditEntry>();
  /** Pairs (seq-1, seq) where seq's prev_hash does not equal the previous entry's hash. */
  private readonly brokenLinks: number[] = [];

  push(entries: Iterable<AuditEntry>): void {
    for (const entry of entries) this.pushOne(entry);
  }

  private pushOne(entry: AuditEntry): void {
    this.checked += 1;
    const previous = this.previous;
    if (previous === null) {
      if (entry.seq > 1) {
        this.problems.push({ seq: 1, message: missingMessage(1, entry.seq - 1, `chain starts at #${entry.seq}`) });
      } else if (entry.prevHash !== GENESIS_HASH) {
        this.brokenLinks.push(entry.seq);
      }
    } else if (entry.seq > previous.seq + 1) {
      // A gap explains the broken link too; report the gap only.
      this.problems.push({
        seq: previous.seq + 1,
        message: missingMessage(previous.seq + 1, entry.seq - 1, `seq jumps ${previous.seq}→${entry.seq}`),
      });
    } else if (entry.seq <= previous.seq) {
      this.problems.push({
        seq: entry.seq,
        message: `entry #${entry.seq} appears twice or out of sequence (after #${previous.seq})`,
      });
    } else if (entry.prevHash !== previous.hash) {
      this.brokenLinks.push(entry.seq);
    }
    if (computeEntryHash(entry) !== entry.hash) this.mismatched.set(entry.seq, entry);
    this.previous = entry;
  }

  /**
   * Compares the last entry with the anchor kept on the workspace row (`head`; null = the
   * workspace records an empty chain; undefined = no anchor to compare with), then reports.
   */
  finish(head?: ChainHead | null): ChainVerification {
    const problems = [...this.problems];
    const reordered = this.findReorderedPairs();
    const inReorder = new Set<number>();
    for (const [a, b] of reordered) {
      inReorder.add(a);
      inReorder.add(b);
      problems.push({ seq: a, message: `entries #${a}/#${b} are out of order (prev_hash does not link)` });
    }
    for (const [seq] of this.mismatched) {
      if (!inReorder.has(seq)) problems.push({ seq, message: `entry #${seq} was edited (hash mismatch)` });
    }
    for (const seq of this.brokenLinks) {
      // A swap also breaks the links around it; the reorder message already covers those.
      if (inReorder.has(seq) || inReorder.has(seq - 1)) continue;
      problems.push(
        seq === 1
          ? { seq, message: 'entry #1 does not start the chain (prev_hash is not the genesis value)' }
          : {
              seq: seq - 1,
              message: `entries #${seq - 1}/#${seq} do not link (prev_hash mismatch: entry #${seq - 1} was rewritten with a recomputed hash, or entries were reordered)`,
            },
      );
    }
    if (head !== undefined) problems.push(...this.headProblems(head));
    problems.sort((a, b) => a.seq - b.seq);
    const messages = problems.map((problem) => problem.message);
    const listed =
      messages.length > MAX_LISTED_PROBLEMS
        ? [...messages.slice(0, MAX_LISTED_PROBLEMS), `… and ${messages.length - MAX_LISTED_PROBLEMS} more problems`]
        : messages;
    return { ok: problems.length === 0, checked: this.checked, problems: listed };
  }

  private headProblems(head: ChainHead | null): Problem[] {
    const last = this.previous;
    const foundSeq = last?.seq ?? 0;
    const headSeq = head?.seq ?? 0;
    if (headSeq > foundSeq) {
      const first = foundSeq + 1;
      const which = first === headSeq ? `entry #${headSeq} was deleted` : `entries #${first}–#${headSeq} were deleted`;
      return [{ seq: first, message: `${which} (head says ${headSeq} entries, found ${foundSeq})` }];
    }
    if (headSeq < foundSeq) {
      return [
        {
          seq: headSeq + 1,
          message: `entries after #${headSeq} were added outside the ledger (head says ${headSeq} entries, found ${foundSeq})`,
        },
      ];
    }
    if (last && head && last.hash !== head.hash) {
      return [
        {
          seq: last.seq,
          message: `entry #${last.seq} does not match the recorded chain head (the chain was rewritten from some entry up to #${last.seq})`,
        },
      ];
    }
    return [];
  }

  /**
   * A row that hashes correctly when given another mismatched row's seq was moved there: report
   * the pair as reordered rather than as two edits.
   */
  private findReorderedPairs(): [number, number][] {
    const pairs: [number, number][] = [];
    const paired = new Set<number>();
    const candidates = [...this.mismatched.keys()].slice(0, 500);
    for (const seq of candidates) {
      if (paired.has(seq)) continue;
      const entry = this.mismatched.get(seq)!;
      for (const otherSeq of candidates) {
        if (otherSeq === seq || paired.has(otherSeq)) continue;
        if (computeEntryHash({ ...entry, seq: otherSeq }) === entry.hash) {
          paired.add(seq);
          paired.add(otherSeq);
          pairs.push(seq < otherSeq ? [seq, otherSeq] : [otherSeq, seq]);
          break;
        }
      }
    }
    return pairs;
  }
}

function missingMessage(first: number, last: number, detail: string): string {
  return first === last
    ? `entry #${first} is missing (${detail})`
    : `entries #${first}–#${last} are missing (${detail})`;
}

/** Verifies a whole chain held in memory (entries in any order; they are checked by seq). */
export function verifyChain(entries: readonly AuditEntry[], head?: ChainHead | null): ChainVerification {
  const verifier = new ChainVerifier();
  verifier.push([...entries].sort((a, b) => a.seq - b.seq));
  return verifier.finish(head);
}
