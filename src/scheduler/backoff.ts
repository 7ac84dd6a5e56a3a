/**
 * When to try a failed delivery again. The platform's own Retry-After wins (with a little jitter so
 * replicas don't stampede together); otherwise exponential backoff from `baseMs` doubling per
 * failure, ±20 % jitter, capped at `maxMs`.
 */
export function retryDelayMs(
  failures: number,
  retryAfterMs: number | null,
  options: { baseMs: number; maxMs: number; random: () => number },
): number {
  if (retryAfterMs !== null && retryAfterMs >= 0) {
    return Math.round(Math.min(Math.max(retryAfterMs, 1000) * (1 + 0.1 * options.random()), options.maxMs * 1.1));
  }
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const raw = Math.min(options.baseMs * 2 ** exponent, options.maxMs);
  const jittered = raw * (0.8 + 0.4 * options.random());
  return Math.round(Math.min(jittered, options.maxMs));
}
