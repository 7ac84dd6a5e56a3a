import { z } from 'zod';

/**
 * Slack settings from the environment. Two ways to authorize: one workspace with a bot token
 * (SLACK_BOT_TOKEN), or distribution to many workspaces through OAuth (SLACK_CLIENT_ID +
 * SLACK_CLIENT_SECRET + SLACK_STATE_SECRET, installations kept in the project's store).
 * SLACK_APP_TOKEN switches from HTTP to Socket Mode (no public URL needed).
 */

/** Every variable this adapter reads (kept beside the schema so `.env.example` can be checked). */
export const SLACK_ENV_VARIABLES = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'SLACK_ADMIN_IDS',
] as const;

export type SlackAuth =
  | { mode: 'token'; botToken: string }
  | { mode: 'oauth'; clientId: string; clientSecret: string; stateSecret: string };

export interface SlackConfig {
  signingSecret: string;
  auth: SlackAuth;
  /** Socket Mode app-level token (xapp-…); null = HTTP mode on /slack/events. */
  appToken: string | null;
  /** Web API base URL ending with a slash, e.g. https://slack.com/api/ (GovSlack, a proxy, a test server). */
  apiUrl: string | null;
  /** Slack user ids treated as platform admins in addition to workspace admins/owners. */
  adminIds: string[];
  /** Web API retry policy; null = the short bounded policy of clients.ts (SHORT_RETRIES), tests make it quicker. */
  retryConfig: { retries: number; factor: number; minTimeout?: number; maxTimeout?: number } | null;
}

type Env = Record<string, string | undefined>;

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;

const optional = (schema: z.ZodType<string>) => z.preprocess(blankToUndefined, schema.optional());

const EnvSchema = z.object({
  SLACK_SIGNING_SECRET: optional(z.string()),
  SLACK_BOT_TOKEN: optional(
    z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)'),
  ),
  SLACK_CLIENT_ID: optional(z.string()),
  SLACK_CLIENT_SECRET: optional(z.string()),
  SLACK_STATE_SECRET: optional(z.string().min(16, 'must be at least 16 characters (any random string)')),
  SLACK_APP_TOKEN: optional(
    z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)'),
  ),
  SLACK_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' }),
  ),
  SLACK_ADMIN_IDS: optional(
    z
      .string()
      .regex(
        /^\s*[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*\s*$/,
        'must be a comma-separated list of Slack user ids such as U012AB3CD,U045EF6GH',
      ),
  ),
});

export class SlackConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackConfigError';
  }
}

/** True when the environment asks for Slack at all (so `npm start` can pick Slack over the terminal). */
export function isSlackConfigured(env: Env = process.env): boolean {
  const has = (name: string) => (env[name] ?? '').trim() !== '';
  return has('SLACK_SIGNING_SECRET') || has('SLACK_BOT_TOKEN') || has('SLACK_CLIENT_ID') || has('SLACK_APP_TOKEN');
}

/** Reads and validates the Slack variables; throws a SlackConfigError naming what is missing or wrong. */
export function loadSlackConfig(env: Env = process.env): SlackConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new SlackConfigError(`Slack configuration is invalid: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const appToken = vars.SLACK_APP_TOKEN ?? null;
  if (!vars.SLACK_SIGNING_SECRET) {
    throw new SlackConfigError(
      'SLACK_SIGNING_SECRET is missing: copy it from your Slack app → Basic Information → App Credentials → Signing Secret.',
    );
  }

  const oauthVars = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthGiven = oauthVars.filter((name) => vars[name] !== undefined);
  let auth: SlackAuth;
  if (vars.SLACK_BOT_TOKEN && oauthGiven.length > 0) {
    throw new SlackConfigError(
      'Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET/SLACK_STATE_SECRET (OAuth), not both.',
    );
  } else if (vars.SLACK_BOT_TOKEN) {
    auth = { mode: 'token', botToken: vars.SLACK_BOT_TOKEN };
  } else if (oauthGiven.length > 0) {
    const missing = oauthVars.filter((name) => vars[name] === undefined);
    if (missing.length > 0) {
      throw new SlackConfigError(
        `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: OAuth installation needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.`,
      );
    }
    auth = {
      mode: 'oauth',
      clientId: vars.SLACK_CLIENT_ID as string,
      clientSecret: vars.SLACK_CLIENT_SECRET as string,
      stateSecret: vars.SLACK_STATE_SECRET as string,
    };
  } else {
    throw new SlackConfigError(
      'SLACK_BOT_TOKEN is missing: set it for one workspace (OAuth & Permissions → Bot User OAuth Token), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces.',
    );
  }
  if (appToken && auth.mode === 'oauth') {
    // Socket Mode has no public URL for the OAuth redirect; Bolt would need a separate HTTP server for it.
    throw new SlackConfigError(
      'SLACK_APP_TOKEN (Socket Mode) works with SLACK_BOT_TOKEN only: OAuth installation needs the HTTP mode (unset SLACK_APP_TOKEN).',
    );
  }

  let apiUrl = vars.SLACK_API_URL ?? null;
  if (apiUrl && !apiUrl.endsWith('/')) apiUrl = `${apiUrl}/`;

  const adminIds = (vars.SLACK_ADMIN_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

  return { signingSecret: vars.SLACK_SIGNING_SECRET, auth, appToken, apiUrl, adminIds, retryConfig: null };
}
