import { TeamsAdapter } from '@microsoft/teams-ai';
import { botFrameworkAuthConfig } from './config.js';
/**
 * teams-ai's TeamsAdapter with authentication split from processing, so the HTTP route can tell
 * "this request is not from Teams" (401) from "our code failed" (500). botbuilder's own
 * `process()` maps a token signed with an unknown key to 500 and echoes the library's message.
 */
export class TeamsAdapterWithAuth extends TeamsAdapter {
    constructor(config, credentialsFactory) {
        super(botFrameworkAuthConfig(config), credentialsFactory);
    }
    authenticate(activity, authorizationHeader) {
        return this.botFrameworkAuthentication.authenticateRequest(activity, authorizationHeader);
    }
    runAuthenticated(auth, activity, logic) {
        return this.processActivity(auth, activity, logic);
    }
}
//# sourceMappingURL=adapter.js.map