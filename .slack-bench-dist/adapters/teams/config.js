import { z } from 'zod';
/**
 * Teams settings from the environment. The four MICROSOFT_APP_* variables are the ones the Azure
 * Bot registration gives an admin (same names as Microsoft's samples); the two TEAMS_* overrides
 * exist so the suite can run with authentication ON against a local issuer, and for sovereign
 * clouds. Setting either override drops botbuilder's public-cloud defaults for inbound tokens.
 */
export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const blankToUndefined = (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional());
const EnvSchema = z
    .object({
    MICROSOFT_APP_ID: z.preprocess(blankToUndefined, z.string({ error: 'MICROSOFT_APP_ID is missing: the Application (client) ID of the Azure Bot' }).trim()),
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.preprocess(blankToUndefined, z.enum(TEAMS_APP_TYPES, { error: `MICROSOFT_APP_TYPE must be one of ${TEAMS_APP_TYPES.join(', ')}` }).optional()),
    TEAMS_ADMIN_IDS: optionalText,
    TEAMS_OPENID_METADATA_URL: optionalUrl,
    TEAMS_TOKEN_ISSUER: optionalText,
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
    problems;
    constructor(problems) {
        super(`Teams is not configured correctly:\n- ${problems.join('\n- ')}`);
        this.problems = problems;
        this.name = 'TeamsConfigError';
    }
}
/** True when the environment asks for Teams (an app id is set); `loadTeamsConfig` then says what else is missing. */
export function isTeamsConfigured(env = process.env) {
    return typeof env.MICROSOFT_APP_ID === 'string' && env.MICROSOFT_APP_ID.trim() !== '';
}
export function loadTeamsConfig(env = process.env) {
    const parsed = EnvSchema.safeParse(env);
    if (!parsed.success) {
        // Never echo the values: MICROSOFT_APP_PASSWORD is a secret.
        throw new TeamsConfigError(parsed.error.issues.map((issue) => {
            const variable = String(issue.path[0] ?? '');
            return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
        }));
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
    };
}
/** The option bag botbuilder's ConfigurationBotFrameworkAuthentication reads (its own key names). */
export function botFrameworkAuthConfig(config) {
    const options = {
        MicrosoftAppId: config.appId,
        MicrosoftAppType: config.appType,
    };
    if (config.appPassword)
        options.MicrosoftAppPassword = config.appPassword;
    if (config.tenantId)
        options.MicrosoftAppTenantId = config.tenantId;
    if (config.openIdMetadataUrl)
        options.ToBotFromChannelOpenIdMetadataUrl = config.openIdMetadataUrl;
    if (config.tokenIssuer)
        options.ToBotFromChannelTokenIssuer = config.tokenIssuer;
    return options;
}
//# sourceMappingURL=config.js.map