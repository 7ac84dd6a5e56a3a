import { userField } from '../../src/views/plain-text.js';

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
  dashboardNoPublicUrl:
    'set DUTYBOT_PUBLIC_URL to the address people reach the server at (e.g. https://duty.example.com): sign-in links point there',
  dashboardLinkFor: (user: string, workspace: string, expires: Date) =>
    `one-time sign-in link for ${user} in ${workspace}, valid until ${expires.toISOString()}`,
  dashboardServing: (url: string, workspace: string) =>
    `dashboard of ${workspace} on ${url} (this machine only; Ctrl-C stops it). Open this link to sign in (once, within 10 minutes):`,
  nothingToServe:
    'dutybot: no Slack or Teams credentials, and no terminal to chat in (stdin is not a terminal or a pipe).',
  nothingToServeHint:
    'Put the Slack or Teams variables in .env (see .env.example) or the environment, run `npm start` in a terminal for the chat, or pipe lines into it.',
  envFileLoaded: (file: string, count: number) => `configuration: ${count} variable(s) from ${file}`,
  envFileNone: 'configuration: environment only (no .env file here)',

  // Choosing a workspace
  noWorkspaceYet:
    "this store has no workspace yet: `dutybot chat` (or a first `dutybot done …`) creates the terminal's, installing the bot in Slack or Teams creates theirs",
  noSuchWorkspace: (id: string, known: readonly string[]) =>
    `no workspace "${id}" in this store (${known.length ? `it has: ${known.join(', ')}` : 'it has none yet'}; see \`dutybot workspaces\`)`,
  ambiguousWorkspaceName: (name: string, ids: readonly string[]) =>
    `${ids.length} workspaces are named "${name}" (${ids.join(', ')}): choose one with --workspace <id>`,
  chooseWorkspace: (known: readonly string[]) =>
    `this store has ${known.length} workspaces (${known.join(', ')}): choose one with --workspace <id>`,
  noLocalInSharedStore:
    'this store belongs to the server (it holds Slack/Teams workspaces): the terminal\'s "local" workspace is not created here; use --workspace <id> or a DATABASE_URL of your own',

  // dutybot workspaces
  workspacesHeader: [
    'platform',
    'id',
    'name',
    'status',
    'home channel',
    'entries',
    'chain head',
    'last activity',
    'failed',
  ],
  noWorkspaces: 'no workspaces yet',

  // dutybot status
  storeOk: (workspaces: number) => `store: answers (${workspaces} workspace${workspaces === 1 ? '' : 's'})`,
  workspaceStatus: (
    id: string,
    name: string | null,
    platform: string,
    status: string,
    pending: number,
    failed: number,
    nextWake: Date | null,
  ) =>
    `  ${id}${name === null ? '' : ` "${userField(name)}"`} (${platform}${status === 'active' ? '' : `, ${status}`}): ${pending} waiting in the outbox, ${failed} failed, next wake-up ${nextWake ? nextWake.toISOString() : 'none'}`,

  llmUsage: (u: {
    requests: number;
    inputTokens: number;
    outputTokens: number;
    cachedTokens: number;
    cacheHits: number;
  }) =>
    `    language model: ${u.requests} request${u.requests === 1 ? '' : 's'}, ${u.inputTokens} input tokens (${u.cachedTokens} cached), ${u.outputTokens} output tokens, ${u.cacheHits} answer${u.cacheHits === 1 ? '' : 's'} from the cache`,

  // dutybot tick
  tickDryRun: (at: string, count: number) =>
    `dry run at ${at}: ${count} deliver${count === 1 ? 'y' : 'ies'} would be enqueued; nothing was changed (add --commit to apply)`,
  tickWould: (kind: string, workspace: string, what: string, channel: string) =>
    `would send ${kind} in ${workspace} → ${channel}: ${what}`,
  tickCommitted: (at: string, enqueued: number, delivered: number) =>
    `tick ${at}: ${enqueued} enqueued, ${delivered} delivered or attempted`,
  tickRefusedPlatform: (id: string, platform: string) =>
    `refused: ${id} is a ${platform} workspace; the server delivers its messages (the CLI can only deliver to the terminal's own workspace). Run without --commit to see what would be sent.`,
  tickRefusedSharedStore: (ids: readonly string[]) =>
    `refused: this store also holds platform workspaces (${ids.join(', ')}); their deliveries belong to the server's scheduler, so --commit only runs on a terminal store. Run without --commit to see what would be sent.`,
  tickFutureWarning: (at: string, ids: readonly string[]) =>
    `warning: ${at} is in the future; ${ids.join(', ')} now plan${ids.length === 1 ? 's' : ''} from that instant, so what falls due before it has been planned already`,

  // dutybot audit verify --all
  auditOk: (id: string, entries: number) => `${id}: chain intact (${entries} entries)`,
  auditBroken: (id: string, problem: string) => `${id}: BROKEN — ${problem}`,
  auditSummary: (broken: readonly string[]) =>
    broken.length === 0
      ? 'every chain is intact'
      : `broken chain${broken.length === 1 ? '' : 's'}: ${broken.join(', ')}`,

  // dutybot calendar
  calendarUsage:
    'usage: dutybot calendar url --workspace <id> [--user <id>] | dutybot calendar list [--workspace <id>] [--json] | dutybot calendar revoke <token id>',
  calendarIssued: (id: string, scope: string) =>
    `calendar feed ${id} created for ${scope}: subscribe to the URL above in a calendar app (it is shown only now; revoke it with \`dutybot calendar revoke ${id}\`)`,
  calendarScopeWorkspace: (workspace: string) => `every duty of ${workspace}`,
  calendarScopeUser: (workspace: string, user: string) => `the duties of ${user} in ${workspace}`,
  calendarNoPublicUrl:
    'DUTYBOT_PUBLIC_URL is not set, so this is the path on your server: prefix it with the external https URL calendar apps reach it at',
  calendarNone: 'no calendar feeds yet (create one with `dutybot calendar url --workspace <id>`)',
  calendarHeader: ['id', 'workspace', 'person', 'created', 'by', 'revoked'] as const,
  calendarEveryone: 'everyone',
  calendarRevoked: (id: string) => `calendar feed ${id} revoked: its URL now answers 404`,
  calendarNotRevoked: (id: string) => `no live calendar feed ${id} (see \`dutybot calendar list\`)`,

  auditorPackOption: (option: string) =>
    `--${option} does not go with --auditor-pack: the pack always holds the whole ledger, made by the operator`,
  auditorPackWritten: (file: string, entries: number) =>
    `wrote the auditor pack (${entries} ledger entries, verification, knowledge pack, settings, README) to ${file}`,

  exportExists: (file: string) =>
    `${file} already exists: nothing was overwritten (choose another --out, or add --force to replace it)`,

  // usage
  unknownOption: (option: string, command: string) =>
    `unknown option ${option} for \`dutybot ${command}\` (run \`dutybot ${command} --help\`)`,
  optionNeedsValue: (option: string, command: string) => `${option} needs a value (run \`dutybot ${command} --help\`)`,
  unknownService: (typed: string, known: readonly string[]) =>
    `unknown service "${typed}" (one of: ${known.join(', ')})`,
  partyValues: (provider: string) => `--party must be provider (${provider}) or customer`,
} as const;

/** The operator's sentences about deleting data and about encryption keys (`workspace purge`, `tombstones`, `keys`). */
export const OPERATOR_DATA = {
  purgeUnknown: (id: string, known: readonly string[]) =>
    `no workspace "${id}" to delete${known.length ? ` (this store has: ${known.join(', ')})` : ''}; deleted ones are listed by \`dutybot tombstones\``,
  purgeNeedsYes: (id: string, entries: number) =>
    `nothing deleted. This deletes ${id} for good: its ledger (${entries} entries, as a whole chain), settings, outbox, tokens and state, leaving only a tombstone with the chain's final head. Export it first (\`dutybot export --workspace ${id} --format json --out ${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json\`), then run the same command with --yes.`,
  purged: (line: string) => `deleted: ${line}`,
  noTombstones: 'no workspace has been deleted',
  deletionDue: (at: Date) =>
    `    uninstalled: its ledger and settings are deleted after ${at.toISOString()} unless it is installed again (\`dutybot tombstones\` lists deletions)`,
  tombstone: (
    id: string,
    platform: string,
    at: Date,
    reason: string,
    actor: string,
    entries: number,
    headHash: string,
  ) =>
    `${id} (${platform}) deleted ${at.toISOString()} — ${reason === 'request' ? `on request by ${actor}` : 'retention period over'}; ledger of ${entries} entries, final head ${headHash}`,
  rotated: (keyId: string, resealed: number, skipped: number) =>
    `every credential is sealed under key "${keyId}": ${resealed} re-sealed${skipped ? `, ${skipped} changed meanwhile and already current` : ''}. Keys after the first can now be removed from DUTYBOT_ENCRYPTION_KEY.`,
  generatedHint:
    'Put this entry FIRST in DUTYBOT_ENCRYPTION_KEY (keep older entries after it until `dutybot keys rotate` has run). Keep it secret: it opens every stored token.',
} as const;
