import type { webApi } from '@slack/bolt';
import type { Actor } from '../../src/bot/types.js';
import { parseSlackWorkspaceId } from './workspace.js';

/** Long enough to cover a burst of commands, short enough that a demoted admin loses rights quickly. */
const ADMIN_CACHE_MS = 60_000;

/**
 * Thrown by a `cachedActor`'s checks when Slack would have to be asked: the caller
 * acknowledges the request first and asks afterwards (a modal must be answered within 3 s).
 */
export class AdminCheckPending extends Error {
  override name = 'AdminCheckPending';
}

/** How a role check treats Slack: ask it and fail closed, ask it and report failures, or not at all. */
type CheckMode = 'fail-closed' | 'strict' | 'cache-only';

/** What users.info says about a user, relative to the workspace asking. */
interface UserFacts {
  admin: boolean;
  /** Member of another team / organisation (Slack Connect), or Slack did not say which. */
  external: boolean;
}

/** What the request itself says about the user (interactions carry the user's own team). */
export interface UserHint {
  teamId?: string | null | undefined;
}

/**
 * Builds the Actor the core asks about permissions. The adapter only supplies facts — "Slack says
 * this user is an admin/owner" (users.info) or "listed in SLACK_ADMIN_IDS", and "the user's team is
 * not this workspace's" (users.info `team_id`, or the team an interaction payload names) — the
 * rules are in the core.
 */
export class SlackActors {
  private readonly cache = new Map<string, { facts: UserFacts; expires: number }>();

  constructor(
    private readonly adminIds: readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  actor(workspaceId: string, userId: string, client: webApi.WebClient, hint: UserHint = {}): Actor {
    return this.build(workspaceId, userId, client, hint, 'fail-closed');
  }

  /** Answers from SLACK_ADMIN_IDS, the payload or the cache only; otherwise throws AdminCheckPending. */
  cachedActor(workspaceId: string, userId: string, client: webApi.WebClient, hint: UserHint = {}): Actor {
    return this.build(workspaceId, userId, client, hint, 'cache-only');
  }

  /** Asks Slack if needed and lets a failed users.info surface (so the user can be told why). */
  strictActor(workspaceId: string, userId: string, client: webApi.WebClient, hint: UserHint = {}): Actor {
    return this.build(workspaceId, userId, client, hint, 'strict');
  }

  private build(workspaceId: string, userId: string, client: webApi.WebClient, hint: UserHint, mode: CheckMode): Actor {
    const external = async () => {
      // The payload already names another team (a modal opened in team B of an OAuth install,
      // a Slack Connect member): no need to ask Slack — unless the workspace is part of an
      // Enterprise Grid org, whose other workspaces' members are not outsiders (users.info says).
      if (hint.teamId && !this.isHomeTeam(workspaceId, hint.teamId, null)) {
        if (!parseSlackWorkspaceId(workspaceId)?.enterpriseId) return true;
      }
      return (await this.facts(workspaceId, userId, client, mode)).external;
    };
    return {
      userId,
      isExternal: external,
      isPlatformAdmin: async () => {
        if (await external()) return false;
        if (this.adminIds.includes(userId)) return true;
        return (await this.facts(workspaceId, userId, client, mode)).admin;
      },
    };
  }

  /** Same team, or (Enterprise Grid) a workspace of the same organisation. */
  private isHomeTeam(workspaceId: string, teamId: string | null, enterpriseId: string | null): boolean {
    const home = parseSlackWorkspaceId(workspaceId);
    if (!home) return false;
    if (teamId && teamId === home.teamId) return true;
    return Boolean(enterpriseId && enterpriseId === home.enterpriseId);
  }

  private async facts(
    workspaceId: string,
    userId: string,
    client: webApi.WebClient,
    mode: CheckMode,
  ): Promise<UserFacts> {
    const key = `${workspaceId}|${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) return cached.facts;
    // Listed in SLACK_ADMIN_IDS: the operator vouched for this person; no need to ask Slack.
    if (this.adminIds.includes(userId)) return { admin: true, external: false };
    if (mode === 'cache-only') throw new AdminCheckPending(`role check for ${userId} needs Slack`);
    let facts: UserFacts;
    try {
      const { user } = await client.users.info({ user: userId });
      const enterpriseId = (user as { enterprise_user?: { enterprise_id?: string } } | undefined)?.enterprise_user
        ?.enterprise_id;
      facts = {
        admin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        external: !this.isHomeTeam(workspaceId, user?.team_id ?? null, enterpriseId ?? null),
      };
    } catch (error) {
      if (mode === 'strict') throw error;
      // Fail closed: if Slack cannot confirm who this is, they are neither an admin nor one of us.
      return { admin: false, external: true };
    }
    this.cache.set(key, { facts, expires: this.now() + ADMIN_CACHE_MS });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value as string);
    return facts;
  }
}
