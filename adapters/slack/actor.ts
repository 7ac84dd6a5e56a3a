import type { webApi } from '@slack/bolt';
import type { Actor } from '../../src/bot/types.js';

/** Long enough to cover a burst of commands, short enough that a demoted admin loses rights quickly. */
const ADMIN_CACHE_MS = 60_000;

/**
 * Thrown by a `cachedActor`'s admin check when Slack would have to be asked: the caller
 * acknowledges the request first and asks afterwards (a modal must be answered within 3 s).
 */
export class AdminCheckPending extends Error {
  override name = 'AdminCheckPending';
}

/** How an admin check treats Slack: ask it and fail closed, ask it and report failures, or not at all. */
type CheckMode = 'fail-closed' | 'strict' | 'cache-only';

/**
 * Builds the Actor the core asks about permissions. The adapter only supplies the fact "Slack says
 * this user is an admin/owner" (users.info) or "listed in SLACK_ADMIN_IDS"; the rules are in the core.
 */
export class SlackActors {
  private readonly cache = new Map<string, { admin: boolean; expires: number }>();

  constructor(
    private readonly adminIds: readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  actor(workspaceId: string, userId: string, client: webApi.WebClient): Actor {
    return { userId, isPlatformAdmin: () => this.isAdmin(workspaceId, userId, client, 'fail-closed') };
  }

  /** Answers from SLACK_ADMIN_IDS or the cache only; otherwise throws AdminCheckPending. */
  cachedActor(workspaceId: string, userId: string, client: webApi.WebClient): Actor {
    return { userId, isPlatformAdmin: () => this.isAdmin(workspaceId, userId, client, 'cache-only') };
  }

  /** Asks Slack if needed and lets a failed users.info surface (so the user can be told why). */
  strictActor(workspaceId: string, userId: string, client: webApi.WebClient): Actor {
    return { userId, isPlatformAdmin: () => this.isAdmin(workspaceId, userId, client, 'strict') };
  }

  private async isAdmin(
    workspaceId: string,
    userId: string,
    client: webApi.WebClient,
    mode: CheckMode,
  ): Promise<boolean> {
    if (this.adminIds.includes(userId)) return true;
    const key = `${workspaceId}|${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) return cached.admin;
    if (mode === 'cache-only') throw new AdminCheckPending(`admin check for ${userId} needs Slack`);
    let admin = false;
    try {
      const { user } = await client.users.info({ user: userId });
      admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
    } catch (error) {
      if (mode === 'strict') throw error;
      // Fail closed: if Slack cannot confirm the role, the user is not treated as an admin.
      return false;
    }
    this.cache.set(key, { admin, expires: this.now() + ADMIN_CACHE_MS });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value as string);
    return admin;
  }
}
