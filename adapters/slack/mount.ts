import { App, ExpressReceiver, type Installation, SocketModeReceiver, webApi } from '@slack/bolt';
import type express from 'express';
import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import { processLogger } from '../../src/logging/pino-logger.js';
import type { Messenger } from '../../src/ports/messenger.js';
import { PUBLIC_PATHS } from '../../src/views/public-links.js';
import { SlackActors } from './actor.js';
import { SlackChannelDirectory } from './channel-directory.js';
import { SlackClients, webClientOptions } from './clients.js';
import type { SlackConfig } from './config.js';
import { registerActions } from './handlers/actions.js';
import { registerCommand } from './handlers/command.js';
import type { HandlerDeps } from './handlers/deps.js';
import { registerFirstContact, welcomeInstaller as welcomeOrResume } from './handlers/first-contact.js';
import { registerHome } from './handlers/home.js';
import { registerMessages } from './handlers/messages.js';
import { registerUnsupported } from './handlers/unsupported.js';
import { registerViews } from './handlers/views.js';
import { StoreInstallationStore } from './installation-store.js';
import { boltLogger } from './logger.js';
import { SlackMessageBindings } from './message-bindings.js';
import { SlackMessenger } from './messenger.js';
import { ModalSeal } from './modal-seal.js';
import { slackRequestGuard } from './request-guard.js';
import { requiredBotScopes } from './scopes.js';
import { slackWorkspaceId } from './workspace.js';

export interface MountedSlack {
  app: App;
  messenger: Messenger;
  stop(): Promise<void>;
}

export interface MountSlackOptions {
  dutybot: Dutybot;
  config: SlackConfig;
  /** The process's one logger; Bolt's own lines go through it too. Default: a logger on stderr. */
  logger?: Logger;
}

/** Paths served on the shared express app in HTTP mode. */
export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
} as const;

/**
 * Puts dutybot on Slack. HTTP mode adds `POST /slack/events` (events, interactivity and `/duty` on
 * one URL) and, with OAuth, `/slack/install` + `/slack/oauth_redirect` to the given express app —
 * mount it before any body parser, because Slack's signature is checked over the raw body.
 * Socket Mode (SLACK_APP_TOKEN) connects out to Slack instead and adds no routes.
 */
export async function mountSlack(server: express.Express, options: MountSlackOptions): Promise<MountedSlack> {
  const { dutybot, config } = options;
  const root = options.logger ?? processLogger();
  const logger = root.child({ component: 'slack' });
  const bolt = boltLogger(root);
  const installations = config.auth.mode === 'oauth' ? new StoreInstallationStore(dutybot.keyValue) : null;
  const clientOptions = webClientOptions(config);
  const bindings = new SlackMessageBindings(dutybot.keyValue);
  const deps: HandlerDeps = {
    dutybot,
    actors: new SlackActors(config.adminIds),
    bindings,
    seal: new ModalSeal(config.signingSecret),
    logger,
  };

  let receiver: ExpressReceiver | SocketModeReceiver;
  if (config.appToken) {
    // installerOptions.clientOptions is where Bolt passes Web API options to the Socket Mode client,
    // so apps.connections.open also honours SLACK_API_URL.
    receiver = new SocketModeReceiver({ appToken: config.appToken, logger: bolt, installerOptions: { clientOptions } });
  } else {
    // Mounted before the receiver's own route so it runs first (see request-guard.ts).
    server.post(SLACK_PATHS.events, ...slackRequestGuard(config.signingSecret));
    receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      logger: bolt,
      app: server,
      endpoints: SLACK_PATHS.events,
      ...(config.auth.mode === 'oauth' && installations
        ? {
            clientId: config.auth.clientId,
            clientSecret: config.auth.clientSecret,
            stateSecret: config.auth.stateSecret,
            scopes: requiredBotScopes(),
            installationStore: installations,
            installerOptions: {
              installPath: SLACK_PATHS.install,
              redirectUriPath: SLACK_PATHS.oauthRedirect,
              // The install page sends the admin straight to Slack's consent screen.
              directInstall: true,
              clientOptions,
              callbackOptions: {
                afterInstallation: async (installation: Installation) => {
                  await welcomeInstaller(deps, installation, clientOptions);
                  return true;
                },
                // The admin lands on our own "you're set, next steps" page rather than Bolt's bare one.
                success: (installation, _options, _req, res) => {
                  res.writeHead(302, { Location: installedPageUrl(installation) }).end();
                },
              },
            },
          }
        : {}),
    });
  }

  const app = new App({
    receiver,
    logger: bolt,
    clientOptions,
    // Initialization (auth.test for a single token) is awaited below, so an unreachable Slack or
    // a revoked token is a clear startup error rather than an unhandled rejection later.
    deferInitialization: true,
    // Bolt's conversation store keeps per-conversation state dutybot never uses (its state lives in
    // the core's store); left on, it costs a lookup on every request.
    convoStore: false,
    ...(config.auth.mode === 'token' ? { token: config.auth.botToken } : {}),
  });
  await app.init();

  registerFirstContact(app, deps);
  registerCommand(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerHome(app, deps);
  // Last: whatever no listener above claimed is answered, not left to time out.
  registerUnsupported(app, deps);
  app.error(async (error) => {
    logger.error('unhandled Slack listener error', { error: error.original ?? error });
  });

  const clients = new SlackClients(config, installations, { logger: root });
  const messenger = bindings.recording(new SlackMessenger(clients));
  dutybot.useMessenger('slack', messenger);
  dutybot.useChannelDirectory('slack', new SlackChannelDirectory(clients));

  if (config.appToken) await app.start();
  return {
    app,
    messenger,
    async stop() {
      // In HTTP mode the shared express server belongs to the caller, who closes it.
      if (config.appToken) await app.stop();
    },
  };
}

/** After an OAuth install: create the workspace and welcome the installer in a DM, or resume it after a re-install. */
async function welcomeInstaller(
  deps: HandlerDeps,
  installation: Installation,
  clientOptions: webApi.WebClientOptions,
): Promise<void> {
  const token = installation.bot?.token;
  if (!token || !installation.user?.id) return;
  const workspaceId = slackWorkspaceId({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id });
  const client = new webApi.WebClient(token, clientOptions);
  try {
    await welcomeOrResume(deps, { workspaceId, platform: 'slack', channelId: null }, installation.user.id, client);
  } catch (error) {
    // The installation itself succeeded (it is stored); the workspace is created on first contact anyway.
    deps.logger.warn('after-install welcome failed', { workspaceId, error });
  }
}

/** The public "you're set" page, with the ids it needs to offer an "Open in Slack" link. */
function installedPageUrl(installation: Installation<'v1' | 'v2', boolean>): string {
  const query = new URLSearchParams();
  const team = installation.team?.id ?? installation.enterprise?.id;
  if (team) query.set('team', team);
  if (installation.appId) query.set('app', installation.appId);
  const search = query.toString();
  return search ? `${PUBLIC_PATHS.installed}?${search}` : PUBLIC_PATHS.installed;
}
