import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, ServiceClientCredentialsFactory } from 'botframework-connector';
import { boundConnectorCalls } from './bounded-connector.js';
import { botFrameworkAuthConfig, type TeamsConfig } from './config.js';

/**
 * teams-ai's TeamsAdapter with authentication split from processing, so the HTTP route can tell
 * "this request is not from Teams" (401) from "our code failed" (500). botbuilder's own
 * `process()` maps a token signed with an unknown key to 500 and echoes the library's message.
 */
export class TeamsAdapterWithAuth extends TeamsAdapter {
  constructor(config: TeamsConfig, credentialsFactory?: ServiceClientCredentialsFactory) {
    super(botFrameworkAuthConfig(config), credentialsFactory);
    boundConnectorCalls(this.botFrameworkAuthentication);
  }

  authenticate(activity: Activity, authorizationHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorizationHeader);
  }

  runAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
