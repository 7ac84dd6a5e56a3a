/**
 * What the adapter uses from Slack, in one place, so the manifest can be checked against the code
 * (test/slack/manifest.test.ts scans adapters/slack for Web API calls and registrations and
 * compares them with these tables and with manifest/slack/manifest.yaml).
 */
/** Web API methods the adapter calls → the bot scope each needs (null: no scope required). */
export const METHOD_SCOPES = {
    'auth.test': null,
    'chat.postMessage': 'chat:write',
    'chat.postEphemeral': 'chat:write',
    'chat.update': 'chat:write',
    'conversations.open': 'im:write',
    // files.uploadV2 is the SDK helper over files.getUploadURLExternal + files.completeUploadExternal.
    'files.uploadV2': 'files:write',
    'users.info': 'users:read',
    'views.open': null,
    'views.publish': null,
    'oauth.v2.access': null,
};
/** Events the adapter subscribes to → the bot scope each needs. */
export const EVENT_SCOPES = {
    app_mention: 'app_mentions:read',
    'message.im': 'im:history',
    app_home_opened: null,
};
/** The one slash command; `commands` is the scope that lets the app own it. */
export const SLASH_COMMAND = '/duty';
export const COMMAND_SCOPE = 'commands';
/** The minimum bot scopes: everything the tables above need, nothing else. */
export function requiredBotScopes() {
    const scopes = new Set([COMMAND_SCOPE]);
    for (const scope of [...Object.values(METHOD_SCOPES), ...Object.values(EVENT_SCOPES)]) {
        if (scope)
            scopes.add(scope);
    }
    return [...scopes].sort();
}
//# sourceMappingURL=scopes.js.map