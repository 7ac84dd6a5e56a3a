import { Application, type TurnState } from '@microsoft/teams-ai';
import { AnswerOnce } from '../../src/bot/answer-once.js';
import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import type { TeamsAdapterWithAuth } from './adapter.js';
import type { TeamsConfig } from './config.js';
import { registerCardActions } from './handlers/card-action.js';
import type { HandlerDeps } from './handlers/deps.js';
import { registerInstall } from './handlers/install.js';
import { registerMessage } from './handlers/message.js';
import type { TeamsRenderer } from './renderer.js';
import type { TeamsState } from './state.js';

/**
 * The Teams turn handlers, one module per activity kind under `handlers/` (as the Slack adapter):
 * thin translations from activities to Dutybot calls and back to cards. Business rules (grammar,
 * permissions, validation) stay in the core.
 */

/** Where the "answered" marks of Teams activities are kept (src/bot/answer-once.ts). */
const ANSWERED_NAMESPACE = 'teams-answered';
/** Teams redelivers within seconds to minutes; a day covers it with room to spare. */
const ANSWERED_TTL_MS = 24 * 60 * 60 * 1000;

export interface TeamsAppDeps {
  adapter: TeamsAdapterWithAuth;
  config: TeamsConfig;
  dutybot: Dutybot;
  state: TeamsState;
  renderer: TeamsRenderer;
  /** The process's logger, bound to `component: 'teams'`. */
  logger: Logger;
}

export function createTeamsApp(deps: TeamsAppDeps): Application<TurnState> {
  const { adapter, config } = deps;
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.appId,
    // teams-ai keeps one typing timer per Application, which concurrent turns would share.
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  const handlerDeps: HandlerDeps = {
    config,
    dutybot: deps.dutybot,
    state: deps.state,
    renderer: deps.renderer,
    logger: deps.logger,
    ensured: new Set<string>(),
    answers: new AnswerOnce(deps.dutybot.keyValue, deps.logger, {
      namespace: ANSWERED_NAMESPACE,
      ttlMs: ANSWERED_TTL_MS,
    }),
  };
  // Routes run in registration order.
  registerInstall(app, handlerDeps);
  registerMessage(app, handlerDeps);
  registerCardActions(app, handlerDeps);
  return app;
}
