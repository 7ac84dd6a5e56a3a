/**
 * The one shape for an operation that may refuse without throwing: the value, or the problem.
 * `problem` (never `why` or `reason`: a skip has a reason, which is data, not a failure) is a
 * code or a small record the caller turns into a sentence in the user's language.
 */
export type Result<T, Problem = string> = { ok: true; value: T } | { ok: false; problem: Problem };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function failure<Problem>(problem: Problem): { ok: false; problem: Problem } {
  return { ok: false, problem };
}
