import { createHash, randomBytes } from 'node:crypto';
import type { CalendarTokenRow, Store } from '../store/types.js';

/**
 * Calendar feed tokens. The secret (192 random bits, URL-safe) is the whole credential of a feed
 * URL — calendar clients cannot sign in — so it is shown once and only its SHA-256 is stored:
 * reading the database does not give anyone a working feed. `id` is the public handle to revoke.
 */

export function hashCalendarToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens are base64url of 24 bytes: anything else is refused before the store is asked. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export interface IssuedCalendarToken {
  /** The secret, shown once: `/calendar/<token>.ics`. */
  token: string;
  row: CalendarTokenRow;
}

export async function issueCalendarToken(
  store: Store,
  input: { workspaceId: string; userId: string | null; createdBy: string; now: Date },
): Promise<IssuedCalendarToken> {
  const token = randomBytes(24).toString('base64url');
  const row = await store.createCalendarToken({
    id: `cal_${randomBytes(6).toString('hex')}`,
    workspaceId: input.workspaceId,
    userId: input.userId,
    tokenHash: hashCalendarToken(token),
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  return { token, row };
}

/** The live token a feed URL carries, or null (unknown, malformed or revoked: all answer 404). */
export async function liveCalendarToken(store: Store, token: string): Promise<CalendarTokenRow | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await store.calendarTokenByHash(hashCalendarToken(token));
  return row && row.revokedAt === null ? row : null;
}
