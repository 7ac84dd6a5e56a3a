import { createHash, randomBytes } from 'node:crypto';
import { isAdmin } from '../commands/permissions.js';
import type { Actor } from '../commands/types.js';
import type { DashboardSessionRow, Store, WorkspaceRow } from '../store/types.js';
import type { DashboardSession, SignedIn } from './types.js';

/**
 * Signing in without passwords: a one-time link asked for in chat (or printed for an operator)
 * starts a store-backed session. Tokens and session ids are 256 random bits; only their SHA-256
 * is stored, so reading the database signs nobody in.
 */

/** A sign-in link works once, within this time. */
export const SIGN_IN_LINK_TTL_MS = 10 * 60_000;
/** A session unused this long is over (the next request signs in again). */
export const SESSION_IDLE_MS = 30 * 60_000;
/** No session lives longer than this, however active. */
export const SESSION_MAX_MS = 12 * 60 * 60_000;
/** Moving the idle expiry is a write: once a minute per session is enough. */
const TOUCH_EVERY_MS = 60_000;

export const SIGN_IN_PATH = '/dashboard/sign-in';

function secret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The actor a session acts as: its user, with the platform's admin fact recorded at sign-in. */
export function sessionActor(row: Pick<DashboardSessionRow, 'userId' | 'platformAdmin'>): Actor {
  return { userId: row.userId, isPlatformAdmin: async () => row.platformAdmin };
}

export function createAccess(store: Store, clock: () => Date) {
  async function toSession(row: DashboardSessionRow, workspace: WorkspaceRow): Promise<DashboardSession> {
    return {
      workspaceId: row.workspaceId,
      userId: row.userId,
      isAdmin: await isAdmin(sessionActor(row), workspace.settings),
      csrfToken: row.csrfToken,
      lang: workspace.settings.language,
      timezone: workspace.settings.timezone,
    };
  }

  return {
    /** Stores a new link's hash; returns the token to put in the URL. */
    async issue(
      workspaceId: string,
      userId: string,
      platformAdmin: boolean,
    ): Promise<{ token: string; expiresAt: Date }> {
      const token = secret();
      const now = clock();
      const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_TTL_MS);
      await store.saveSignInLink({
        tokenHash: hashSecret(token),
        workspaceId,
        userId,
        platformAdmin,
        createdAt: now,
        expiresAt,
      });
      return { token, expiresAt };
    },

    async signIn(token: string): Promise<SignedIn | null> {
      if (!/^[\w-]{20,100}$/.test(token)) return null;
      const now = clock();
      const owner = await store.consumeSignInLink(hashSecret(token), now);
      if (!owner) return null;
      const workspace = await store.getWorkspace(owner.workspaceId);
      if (!workspace) return null;
      const sessionId = secret();
      const row: DashboardSessionRow = {
        idHash: hashSecret(sessionId),
        ...owner,
        csrfToken: secret(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      };
      await store.saveDashboardSession(row);
      return { sessionId, session: await toSession(row, workspace) };
    },

    async session(sessionId: string): Promise<DashboardSession | null> {
      if (!/^[\w-]{20,100}$/.test(sessionId)) return null;
      const now = clock();
      const row = await store.findDashboardSession(hashSecret(sessionId));
      if (!row) return null;
      if (row.expiresAt <= now) {
        await store.deleteDashboardSession(row.idHash);
        return null;
      }
      const workspace = await store.getWorkspace(row.workspaceId);
      if (!workspace) return null;
      if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        const idle = now.getTime() + SESSION_IDLE_MS;
        const cap = row.createdAt.getTime() + SESSION_MAX_MS;
        await store.touchDashboardSession(row.idHash, now, new Date(Math.min(idle, cap)));
      }
      return toSession(row, workspace);
    },

    async signOut(sessionId: string): Promise<void> {
      await store.deleteDashboardSession(hashSecret(sessionId));
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
