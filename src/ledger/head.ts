import type { LedgerSource } from './entry.js';

/**
 * The chain head leaves the database (digests, `audit head`, exports) so that someone who can
 * write to the database cannot rewrite history unnoticed: a head noted earlier must still be an
 * entry of today's chain, with the same hash. Together with an intact chain (every entry links to
 * the one before), that proves the noted ledger is a prefix of today's.
 */

/** A head as an auditor noted it: `<seq>:<hash>` (as exports write it) or the hash alone. */
export interface NotedHead {
  seq: number | null;
  hash: string;
}

export function parseNotedHead(text: string): NotedHead | null {
  const trimmed = text.trim().replace(/^#/, '');
  const withSeq = /^(\d+)[:@]([0-9a-f]{64})$/i.exec(trimmed);
  if (withSeq) return { seq: Number(withSeq[1]), hash: withSeq[2]!.toLowerCase() };
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return { seq: null, hash: trimmed.toLowerCase() };
  return null;
}

/** How a noted head is written where it leaves the database (exports, `--against`). */
export function formatHead(head: { seq: number; hash: string }): string {
  return `${head.seq}:${head.hash}`;
}

export type HeadCheck =
  | { ok: true; seq: number }
  | { ok: false; problem: 'missing'; seq: number; entries: number }
  | { ok: false; problem: 'differs'; seq: number }
  | { ok: false; problem: 'unknown_hash'; entries: number };

const WINDOW = 5_000;

/** Whether the noted head is still an entry of the chain (same seq and hash). */
export async function checkNotedHead(source: LedgerSource, workspaceId: string, noted: NotedHead): Promise<HeadCheck> {
  const head = await source.ledgerHead(workspaceId);
  const entries = head?.seq ?? 0;
  if (noted.seq !== null) {
    const [entry] = noted.seq <= entries ? await source.ledgerWindow(workspaceId, noted.seq, noted.seq) : [];
    if (!entry) return { ok: false, problem: 'missing', seq: noted.seq, entries };
    return entry.hash === noted.hash ? { ok: true, seq: noted.seq } : { ok: false, problem: 'differs', seq: noted.seq };
  }
  for (let first = 1; first <= entries; first += WINDOW) {
    const page = await source.ledgerWindow(workspaceId, first, Math.min(first + WINDOW - 1, entries));
    const found = page.find((entry) => entry.hash === noted.hash);
    if (found) return { ok: true, seq: found.seq };
  }
  return { ok: false, problem: 'unknown_hash', entries };
}
