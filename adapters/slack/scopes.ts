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
  // Settings check that a channel belongs to the workspace (public channels; a private one needs
  // groups:read, which dutybot does not ask for: setting one is refused with "could not check").
  'conversations.info': 'channels:read',
  // files.uploadV2 is the SDK helper over files.getUploadURLExternal + files.completeUploadExternal.
  'files.uploadV2': 'files:write',
  'users.info': 'users:read',
  'views.open': null,
  'views.publish': null,
  'oauth.v2.access': null,
  // Socket Mode: called by Bolt with the app-level token, whose `connections:write` scope is not a bot scope.
  'apps.connections.open': null,
} as const satisfies Record<string, string | null>;

export type SlackMethod = keyof typeof METHOD_SCOPES;

/** Events the adapter subscribes to → the bot scope each needs. */
export const EVENT_SCOPES = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  app_home_opened: null,
  // The bot's own arrival in a channel (its first channel becomes the workspace's home). Public
  // channels need channels:read; in a private channel the first mention of the bot does the same.
  member_joined_channel: 'channels:read',
  app_uninstalled: null,
  tokens_revoked: null,
} as const satisfies Record<string, string | null>;

export type SlackEvent = keyof typeof EVENT_SCOPES;

/** The one slash command; `commands` is the scope that lets the app own it. */
export const SLASH_COMMAND = '/duty';
export const COMMAND_SCOPE = 'commands';

/** The minimum bot scopes: everything the tables above need, nothing else. */
export function requiredBotScopes(): string[] {
  const scopes = new Set<string>([COMMAND_SCOPE]);
  for (const scope of [...Object.values(METHOD_SCOPES), ...Object.values(EVENT_SCOPES)]) {
    if (scope) scopes.add(scope);
  }
  return [...scopes].sort();
}
