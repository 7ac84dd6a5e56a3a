/** Long enough to cover a burst of commands, short enough that a demoted admin loses rights quickly. */
const ADMIN_CACHE_MS = 60_000;
/**
 * Builds the Actor the core asks about permissions. The adapter only supplies the fact "Slack says
 * this user is an admin/owner" (users.info) or "listed in SLACK_ADMIN_IDS"; the rules are in the core.
 */
export class SlackActors {
    adminIds;
    now;
    cache = new Map();
    constructor(adminIds, now = Date.now) {
        this.adminIds = adminIds;
        this.now = now;
    }
    actor(workspaceId, userId, client) {
        return { userId, isPlatformAdmin: () => this.isAdmin(workspaceId, userId, client) };
    }
    async isAdmin(workspaceId, userId, client) {
        if (this.adminIds.includes(userId))
            return true;
        const key = `${workspaceId}|${userId}`;
        const cached = this.cache.get(key);
        if (cached && cached.expires > this.now())
            return cached.admin;
        let admin = false;
        try {
            const { user } = await client.users.info({ user: userId });
            admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
        }
        catch {
            // Fail closed: if Slack cannot confirm the role, the user is not treated as an admin.
            return false;
        }
        this.cache.set(key, { admin, expires: this.now() + ADMIN_CACHE_MS });
        if (this.cache.size > 10_000)
            this.cache.delete(this.cache.keys().next().value);
        return admin;
    }
}
//# sourceMappingURL=actor.js.map