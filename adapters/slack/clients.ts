import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logging/logger.js';
import type { SlackConfig } from './config.js';
import { boltLogger } from './logger.js';
import { parseSlackWorkspaceId } from './workspace.js';

/** Longest one HTTP attempt to the Web API may take (the SDK's default is no timeout at all). */
export const WEB_API_TIMEOUT_MS = 10_000;

/**
 * A short retry policy instead of the SDK's default (10 retries over about 30 minutes): one more
 * try after a second for a 5xx or a dropped connection. Worst case per call, 2 × timeout + 2 s,
 * stays well under the scheduler's send budget and outbox lease.
 */
export const SHORT_RETRIES = { retries: 1, factor: 2, minTimeout: 1_000, maxTimeout: 2_000 };

/**
 * Web API options of Bolt's own client and the OAuth installer (replies to requests): bounded
 * calls; a 429 is waited out inside the call (a reply has no outbox to come back from).
 */
export function webClientOptions(config: SlackConfig): webApi.WebClientOptions {
  const options: webApi.WebClientOptions = {
    rejectRateLimitedCalls: false,
    timeout: WEB_API_TIMEOUT_MS,
    retryConfig: config.retryConfig ?? SHORT_RETRIES,
  };
  if (config.apiUrl) options.slackApiUrl = config.apiUrl;
  return options;
}

/**
 * Web API options of the messenger's clients (outbox deliveries): bounded calls, and a 429 is NOT
 * waited out in the call (that pauses every call of the token for Retry-After, and would outlive
 * the outbox lease): it rejects with `retryAfter`, which becomes the outbox row's own retry time.
 */
export function outboxClientOptions(config: SlackConfig, timeoutMs = WEB_API_TIMEOUT_MS): webApi.WebClientOptions {
  return { ...webClientOptions(config), rejectRateLimitedCalls: true, timeout: timeoutMs };
}

/** Web API clients kept at once (one per bot token). */
const MAX_CLIENTS = 1_000;

/** The bot token of an OAuth-installed workspace (Bolt's `authorize`, which refreshes rotating tokens). */
export type BotTokenSource = (query: {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}) => Promise<string>;

/**
 * Web API clients for outgoing messages that are not replies to a request (reminders, digests,
 * updates): one per bot token, the token found from the workspace id (single token, or the OAuth
 * installation kept in the store).
 */
export class SlackClients {
  private readonly byToken = new Map<string, webApi.WebClient>();

  constructor(
    private readonly config: SlackConfig,
    private readonly botToken: BotTokenSource | null,
    /** `logger`: the process's logger, so the clients' own lines (retries) go through it too. */
    private readonly options: { timeoutMs?: number; logger?: Logger } = {},
  ) {}

  /** Users the deployment names as admins (SLACK_ADMIN_IDS), told about failed deliveries. */
  get adminIds(): readonly string[] {
    return this.config.adminIds;
  }

  async forWorkspace(workspaceId: string): Promise<webApi.WebClient> {
    return this.forToken(await this.tokenFor(workspaceId));
  }

  forToken(token: string): webApi.WebClient {
    let client = this.byToken.get(token);
    if (!client) {
      // Rotating tokens change every 12 hours: the clients of expired ones are let go.
      if (this.byToken.size >= MAX_CLIENTS) this.byToken.clear();
      client = new webApi.WebClient(token, {
        ...outboxClientOptions(this.config, this.options.timeoutMs),
        ...(this.options.logger ? { logger: boltLogger(this.options.logger) } : {}),
      });
      this.byToken.set(token, client);
    }
    return client;
  }

  private async tokenFor(workspaceId: string): Promise<string> {
    if (this.config.auth.mode === 'token') return this.config.auth.botToken;
    const ref = parseSlackWorkspaceId(workspaceId);
    if (!ref || !this.botToken) throw new Error(`${workspaceId} is not a Slack workspace id`);
    return this.botToken({
      teamId: ref.teamId ?? undefined,
      enterpriseId: ref.enterpriseId ?? undefined,
      isEnterpriseInstall: ref.teamId === null,
    });
  }
}
