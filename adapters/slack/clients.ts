import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logging/logger.js';
import type { SlackConfig } from './config.js';
import type { StoreInstallationStore } from './installation-store.js';
import { boltLogger } from './logger.js';
import { parseSlackWorkspaceId } from './workspace.js';

/** Web API options shared by Bolt's own client, the OAuth installer and the messenger's clients. */
export function webClientOptions(config: SlackConfig): webApi.WebClientOptions {
  const options: webApi.WebClientOptions = {
    // 429s wait for Retry-After and try again inside the client; a post that still fails goes
    // back to the outbox (DeliveryError) rather than being dropped.
    rejectRateLimitedCalls: false,
  };
  if (config.apiUrl) options.slackApiUrl = config.apiUrl;
  if (config.retryConfig) options.retryConfig = config.retryConfig;
  return options;
}

/**
 * Web API clients for outgoing messages that are not replies to a request (reminders, digests,
 * updates): one per bot token, the token found from the workspace id (single token, or the OAuth
 * installation kept in the store).
 */
export class SlackClients {
  private readonly byToken = new Map<string, webApi.WebClient>();
  private readonly options: webApi.WebClientOptions;

  constructor(
    private readonly config: SlackConfig,
    private readonly installations: StoreInstallationStore | null,
    /** The process's logger: the clients' own lines (rate limits, retries) go through it too. */
    logger?: Logger,
  ) {
    this.options = { ...webClientOptions(config), ...(logger ? { logger: boltLogger(logger) } : {}) };
  }

  async forWorkspace(workspaceId: string): Promise<webApi.WebClient> {
    return this.forToken(await this.tokenFor(workspaceId));
  }

  forToken(token: string): webApi.WebClient {
    let client = this.byToken.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.options);
      this.byToken.set(token, client);
    }
    return client;
  }

  private async tokenFor(workspaceId: string): Promise<string> {
    if (this.config.auth.mode === 'token') return this.config.auth.botToken;
    const ref = parseSlackWorkspaceId(workspaceId);
    if (!ref || !this.installations) throw new Error(`${workspaceId} is not a Slack workspace id`);
    const installation = await this.installations.fetchInstallation({
      teamId: ref.teamId ?? undefined,
      enterpriseId: ref.enterpriseId ?? undefined,
      isEnterpriseInstall: ref.teamId === null,
    });
    const token = installation.bot?.token;
    if (!token) throw new Error(`the Slack installation for ${workspaceId} has no bot token`);
    return token;
  }
}
