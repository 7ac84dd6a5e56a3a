import { computeEntryHash } from '../ledger/chain.js';
import type { Store } from '../store/types.js';
import type { ChainStateView } from './types.js';

/**
 * The chain's state for every ledger page. Re-verifying 100,000 entries on each page view would
 * cost seconds, so the full verification (`verifyLedger`, the same check as `audit verify`) runs
 * once and again every RECHECK_MS in the background; in between, each page checks only the entries
 * appended since, link by link, up to the head anchored on the workspace row. A head that moved
 * backwards or changed under the same seq triggers a full verification at once.
 */

export const RECHECK_MS = 30 * 60_000;
/**
 * How long a page waits for the first full verification (100,000 entries take seconds): after
 * that it is drawn saying the verification is running, and a reload shows its result.
 */
export const FIRST_CHECK_WAIT_MS = 1_500;

interface Verified {
  ok: boolean;
  brokenAt: number | null;
  problems: string[];
  headSeq: number;
  headHash: string;
  checkedAt: Date;
}

/** The first entry a problem names ("entry #12 was edited …" → 12). */
function firstNamedSeq(problems: readonly string[]): number | null {
  const match = problems.length > 0 ? /#(\d+)/.exec(problems[0]!) : null;
  return match ? Number(match[1]) : null;
}

export function createChainState(
  store: Store,
  clock: () => Date,
  recheckMs = RECHECK_MS,
  firstCheckWaitMs = FIRST_CHECK_WAIT_MS,
) {
  const cache = new Map<string, Verified>();
  const refreshing = new Map<string, Promise<Verified>>();

  function fullCheck(workspaceId: string): Promise<Verified> {
    const running = refreshing.get(workspaceId);
    if (running) return running;
    const started = (async () => {
      const checkedAt = clock();
      const head = (await store.ledgerHead(workspaceId)) ?? { seq: 0, hash: '' };
      const result = await store.verifyLedger(workspaceId);
      const verified: Verified = {
        ok: result.ok,
        brokenAt: result.ok ? null : firstNamedSeq(result.problems),
        problems: result.problems.slice(0, 5),
        headSeq: head.seq,
        headHash: head.hash,
        checkedAt,
      };
      cache.set(workspaceId, verified);
      return verified;
    })().finally(() => refreshing.delete(workspaceId));
    refreshing.set(workspaceId, started);
    return started;
  }

  /** Checks the entries after the verified head; false when one does not link or hash. */
  async function extend(workspaceId: string, from: Verified, head: { seq: number; hash: string }): Promise<Verified> {
    const entries = await store.ledgerWindow(workspaceId, from.headSeq + 1, head.seq);
    let previous = { seq: from.headSeq, hash: from.headHash };
    for (const entry of entries) {
      if (entry.seq !== previous.seq + 1 || entry.prevHash !== previous.hash || computeEntryHash(entry) !== entry.hash)
        return fullCheck(workspaceId);
      previous = { seq: entry.seq, hash: entry.hash };
    }
    if (previous.seq !== head.seq || previous.hash !== head.hash) return fullCheck(workspaceId);
    const extended = { ...from, headSeq: head.seq, headHash: head.hash };
    cache.set(workspaceId, extended);
    return extended;
  }

  return async function chainState(workspaceId: string): Promise<ChainStateView> {
    const head = (await store.ledgerHead(workspaceId)) ?? { seq: 0, hash: '' };
    let state = cache.get(workspaceId);
    if (!state) {
      const first = fullCheck(workspaceId);
      first.catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const waited = await Promise.race([
        first,
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), firstCheckWaitMs);
        }),
      ]).finally(() => clearTimeout(timer));
      if (!waited)
        return {
          ok: false,
          checking: true,
          brokenAt: null,
          problems: [],
          headSeq: head.seq,
          headHash: head.hash,
          checkedAt: clock().toISOString(),
        };
      state = waited;
    } else if (head.seq < state.headSeq || (head.seq === state.headSeq && head.hash !== state.headHash))
      state = await fullCheck(workspaceId);
    else if (head.seq > state.headSeq && state.ok) state = await extend(workspaceId, state, head);
    if (clock().getTime() - state.checkedAt.getTime() >= recheckMs) {
      // Served from the last check while the next one runs; the page says when that was.
      void fullCheck(workspaceId).catch(() => undefined);
    }
    return {
      ok: state.ok,
      checking: false,
      brokenAt: state.brokenAt,
      problems: state.problems,
      headSeq: head.seq,
      headHash: head.hash,
      checkedAt: state.checkedAt.toISOString(),
    };
  };
}
