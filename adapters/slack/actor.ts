import type { webApi } from '@slack/bolt';
import type { Actor } from '../../src/bot/types.js';

/** Long enough to cover a burst of commands, short enough that a demoted admin loses rights quickly. */
const ADMIN_CACHE_MS = 60_000;

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
    return { userId, isPlatformAdmin: () => this.isAdmin(workspaceId, userId, client) };
  }

  private async isAdmin(workspaceId: string, userId: string, client: webApi.WebClient): Promise<boolean> {
    if (this.adminIds.includes(userId)) return true;
    const key = `${workspaceId}|${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) return cached.admin;
    let admin = false;
    try {
      const { user } = await client.users.info({ user: userId });
      admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
    } catch {
      // Fail closed: if Slack cannot confirm the role, the user is not treated as an admin.
      return false;
    }
    this.cache.set(key, { admin, expires: this.now() + ADMIN_CACHE_MS });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value as string);
    return admin;
  }
}
