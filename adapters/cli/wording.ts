/**
 * The operator's sentences: what `dutybot` and `npm start` say about configuration, workspaces,
 * the store and their own usage. Chat replies live in the core's catalogue (src/views/catalogue);
 * these are CLI-only and English, like the CLI's options and help.
 */
export const OPERATOR = {
  envFileMissing: (file: string) => `DUTYBOT_ENV_FILE names ${file}, which does not exist`,
  envFileUnreadable: (file: string, cause: string) => `cannot read ${file}: ${cause}`,

  // npm start: one line per surface
  slackHttp: (auth: string) => `Slack: HTTP on POST /slack/events, ${auth}`,
  slackSocket: (auth: string) => `Slack: Socket Mode (no public URL), ${auth}`,
  slackAuthToken: 'one workspace (bot token)',
  slackAuthOAuth: 'OAuth installs at /slack/install (installations kept in the store)',
  slackMissing:
    'Slack: not configured (set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN, or with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET; see docs/slack.md)',
  slackInvalid: (problem: string) => `Slack: not started — ${problem}`,
  teamsOn: (appType: string) => `Teams: POST /api/messages (${appType})`,
  teamsMissing:
    'Teams: not configured (set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID; see docs/teams.md)',
  teamsInvalid: (problem: string) => `Teams: not started — ${problem}`,
  store: (url: string) => `store: ${url}`,
  scheduler: (seconds: number) => `scheduler: a pass every ${seconds} s`,
  schedulerOff: 'scheduler: off',
  listening: (url: string) => `listening on ${url}`,
  nothingToServe:
    'dutybot: no Slack or Teams credentials, and no terminal to chat in (stdin is not a terminal or a pipe).',
  nothingToServeHint:
    'Put the Slack or Teams variables in .env (see .env.example) or the environment, run `npm start` in a terminal for the chat, or pipe lines into it.',
  envFileLoaded: (file: string, count: number) => `configuration: ${count} variable(s) from ${file}`,
  envFileNone: 'configuration: environment only (no .env file here)',
} as const;
