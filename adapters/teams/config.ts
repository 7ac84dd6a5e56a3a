import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { z } from 'zod';

/**
 * Teams settings from the environment. The four MICROSOFT_APP_* variables are the ones the Azure
 * Bot registration gives an admin (same names as Microsoft's samples); the TEAMS_* overrides are
 * for sovereign and private clouds (and let the suite run with authentication ON against a local
 * issuer). Setting any override takes botbuilder's "parameterized" path, which drops every
 * public-cloud default, inbound and outbound: `botFrameworkAuthConfig` fills back the ones not set.
 */

export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

export interface TeamsConfig {
  appId: string;
  /** Client secret; null for UserAssignedMSI (the managed identity signs instead). */
  appPassword: string | null;
  /** Entra tenant that owns the bot registration; null only for MultiTenant. */
  tenantId: string | null;
  appType: TeamsAppType;
  /** Teams user ids (AAD object ids or 29:… ids) treated as platform admins in every team. */
  adminIds: string[];
  /** Inbound token metadata override (ToBotFromChannelOpenIdMetadataUrl); null = Bot Framework public cloud. */
  openIdMetadataUrl: string | null;
  /** Inbound token issuer override (ToBotFromChannelTokenIssuer); null = Bot Framework public cloud. */
  tokenIssuer: string | null;
  /** Where the bot gets tokens for its outgoing calls (ToChannelFromBotLoginUrl); null = public cloud. */
  channelLoginUrl: string | null;
  /** The scope those tokens are for (ToChannelFromBotOAuthScope); null = public cloud. */
  channelOAuthScope: string | null;
}

/**
 * The Bot Framework public cloud, as botbuilder itself defines it. Filled in for the settings an
 * admin did not override, because botbuilder's parameterized path leaves them empty (outgoing
 * calls then fail with MSAL `empty_url_error`).
 */
export const PUBLIC_CLOUD = {
  openIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  tokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  channelLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  channelOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  emulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  oAuthUrl: AuthenticationConstants.OAuthUrl,
  callerId: CallerIdConstants.PublicAzureChannel,
} as const;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(
  blankToUndefined,
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
);

const EnvSchema = z
  .object({
    MICROSOFT_APP_ID: z.preprocess(
      blankToUndefined,
      z.string({ error: 'MICROSOFT_APP_ID is missing: the Application (client) ID of the Azure Bot' }).trim(),
    ),
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.preprocess(
      blankToUndefined,
      z.enum(TEAMS_APP_TYPES, { error: `MICROSOFT_APP_TYPE must be one of ${TEAMS_APP_TYPES.join(', ')}` }).optional(),
    ),
    TEAMS_ADMIN_IDS: optionalText,
    TEAMS_OPENID_METADATA_URL: optionalUrl,
    TEAMS_TOKEN_ISSUER: optionalText,
    TEAMS_CHANNEL_LOGIN_URL: optionalUrl,
    TEAMS_CHANNEL_OAUTH_SCOPE: optionalText,
  })
  .superRefine((env, ctx) => {
    const type = env.MICROSOFT_APP_TYPE ?? 'SingleTenant';
    if (type !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_PASSWORD'],
        message: `MICROSOFT_APP_PASSWORD is missing: the client secret of the bot's app registration (required for ${type})`,
      });
    }
    if (type !== 'MultiTenant' && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_TENANT_ID'],
        message: `MICROSOFT_APP_TENANT_ID is missing: the Directory (tenant) ID of the bot's app registration (required for ${type})`,
      });
    }
  });

export class TeamsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Teams is not configured correctly:\n- ${problems.join('\n- ')}`);
    this.name = 'TeamsConfigError';
  }
}

/** True when the environment asks for Teams (an app id is set); `loadTeamsConfig` then says what else is missing. */
export function isTeamsConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return typeof env.MICROSOFT_APP_ID === 'string' && env.MICROSOFT_APP_ID.trim() !== '';
}

export function loadTeamsConfig(env: NodeJS.ProcessEnv = process.env): TeamsConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    // Never echo the values: MICROSOFT_APP_PASSWORD is a secret.
    throw new TeamsConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '');
        return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
      }),
    );
  }
  const env_ = parsed.data;
  return {
    appId: env_.MICROSOFT_APP_ID,
    appPassword: env_.MICROSOFT_APP_PASSWORD ?? null,
    tenantId: env_.MICROSOFT_APP_TENANT_ID ?? null,
    // Microsoft stopped creating new multi-tenant Azure Bots in 2025, so a fresh registration is SingleTenant.
    appType: env_.MICROSOFT_APP_TYPE ?? 'SingleTenant',
    adminIds: (env_.TEAMS_ADMIN_IDS ?? '')
      .split(/[\s,;]+/)
      .map((id) => id.trim())
      .filter((id) => id !== ''),
    openIdMetadataUrl: env_.TEAMS_OPENID_METADATA_URL ?? null,
    tokenIssuer: env_.TEAMS_TOKEN_ISSUER ?? null,
    channelLoginUrl: env_.TEAMS_CHANNEL_LOGIN_URL ?? null,
    channelOAuthScope: env_.TEAMS_CHANNEL_OAUTH_SCOPE ?? null,
  };
}

/** The scope of the bot's outgoing tokens: the audience of every connector call. */
export function channelOAuthScope(config: TeamsConfig): string {
  return config.channelOAuthScope ?? PUBLIC_CLOUD.channelOAuthScope;
}

/** The option bag botbuilder's ConfigurationBotFrameworkAuthentication reads (its own key names). */
export function botFrameworkAuthConfig(config: TeamsConfig): Record<string, string> {
  const options: Record<string, string> = {
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.appType,
  };
  if (config.appPassword) options.MicrosoftAppPassword = config.appPassword;
  if (config.tenantId) options.MicrosoftAppTenantId = config.tenantId;
  const overridden =
    config.openIdMetadataUrl || config.tokenIssuer || config.channelLoginUrl || config.channelOAuthScope;
  if (!overridden) return options; // botbuilder's own public-cloud path
  // Any override takes the parameterized path, where every setting not given is empty: inbound
  // validation and outgoing tokens both need all of them, so the public cloud fills the gaps.
  return {
    ...options,
    ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl ?? PUBLIC_CLOUD.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: config.tokenIssuer ?? PUBLIC_CLOUD.tokenIssuer,
    ToChannelFromBotLoginUrl: config.channelLoginUrl ?? PUBLIC_CLOUD.channelLoginUrl,
    ToChannelFromBotOAuthScope: channelOAuthScope(config),
    ToBotFromEmulatorOpenIdMetadataUrl: PUBLIC_CLOUD.emulatorOpenIdMetadataUrl,
    OAuthUrl: PUBLIC_CLOUD.oAuthUrl,
    CallerId: PUBLIC_CLOUD.callerId,
  };
}
