import { describe, expect, it } from 'vitest';
import {
  botFrameworkAuthConfig,
  isTeamsConfigured,
  loadTeamsConfig,
  TeamsConfigError,
} from '../../adapters/teams/config.js';

const complete = {
  MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
  MICROSOFT_APP_PASSWORD: 'super-secret-value',
  MICROSOFT_APP_TENANT_ID: '99999999-8888-7777-6666-555555555555',
  MICROSOFT_APP_TYPE: 'SingleTenant',
};

describe('Teams configuration from the environment', () => {
  it('is off unless MICROSOFT_APP_ID is set', () => {
    expect(isTeamsConfigured({})).toBe(false);
    expect(isTeamsConfigured({ MICROSOFT_APP_ID: '  ' })).toBe(false);
    expect(isTeamsConfigured(complete)).toBe(true);
  });

  it('reads a complete single-tenant registration and the admin list', () => {
    const config = loadTeamsConfig({ ...complete, TEAMS_ADMIN_IDS: 'aad-1, aad-2;29:x' });
    expect(config).toEqual({
      appId: complete.MICROSOFT_APP_ID,
      appPassword: complete.MICROSOFT_APP_PASSWORD,
      tenantId: complete.MICROSOFT_APP_TENANT_ID,
      appType: 'SingleTenant',
      adminIds: ['aad-1', 'aad-2', '29:x'],
      openIdMetadataUrl: null,
      tokenIssuer: null,
      channelLoginUrl: null,
      channelOAuthScope: null,
    });
    expect(botFrameworkAuthConfig(config)).toEqual({
      MicrosoftAppId: complete.MICROSOFT_APP_ID,
      MicrosoftAppPassword: complete.MICROSOFT_APP_PASSWORD,
      MicrosoftAppTenantId: complete.MICROSOFT_APP_TENANT_ID,
      MicrosoftAppType: 'SingleTenant',
    });
  });

  it('names each missing variable, and never echoes the secret', () => {
    let error: unknown;
    try {
      loadTeamsConfig({ MICROSOFT_APP_ID: complete.MICROSOFT_APP_ID, MICROSOFT_APP_TYPE: 'SingleTenant' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TeamsConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/MICROSOFT_APP_PASSWORD is missing/);
    expect(message).toMatch(/MICROSOFT_APP_TENANT_ID is missing/);

    expect(() => loadTeamsConfig({ ...complete, MICROSOFT_APP_TYPE: 'Everyone' })).toThrow(
      /MICROSOFT_APP_TYPE must be one of MultiTenant, SingleTenant, UserAssignedMSI/,
    );
    try {
      loadTeamsConfig({ ...complete, MICROSOFT_APP_TYPE: 'Everyone' });
    } catch (e) {
      expect((e as Error).message).not.toContain(complete.MICROSOFT_APP_PASSWORD);
    }
  });

  it('needs no password for a managed identity and no tenant for a multi-tenant bot', () => {
    const msi = loadTeamsConfig({
      MICROSOFT_APP_ID: complete.MICROSOFT_APP_ID,
      MICROSOFT_APP_TENANT_ID: complete.MICROSOFT_APP_TENANT_ID,
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
    });
    expect(msi.appPassword).toBeNull();
    const multi = loadTeamsConfig({ ...complete, MICROSOFT_APP_TENANT_ID: '', MICROSOFT_APP_TYPE: 'MultiTenant' });
    expect(multi.tenantId).toBeNull();
  });

  it('passes the local-issuer overrides to botbuilder, and rejects a non-URL metadata address', () => {
    const config = loadTeamsConfig({
      ...complete,
      TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:4000/.well-known/openid-configuration',
      TEAMS_TOKEN_ISSUER: 'http://127.0.0.1:4000/issuer',
    });
    expect(botFrameworkAuthConfig(config)).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/.well-known/openid-configuration',
      ToBotFromChannelTokenIssuer: 'http://127.0.0.1:4000/issuer',
    });
    expect(() => loadTeamsConfig({ ...complete, TEAMS_OPENID_METADATA_URL: 'not a url' })).toThrow(
      /TEAMS_OPENID_METADATA_URL/,
    );
  });

  it('fills the public-cloud outgoing login and scope when only inbound overrides are set (no MSAL empty_url_error)', () => {
    const config = loadTeamsConfig({
      ...complete,
      TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:4000/.well-known/openid-configuration',
    });
    expect(botFrameworkAuthConfig(config)).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/.well-known/openid-configuration',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    });
  });

  it('reads the outgoing login URL and scope of a sovereign cloud, keeping public-cloud inbound defaults', () => {
    const config = loadTeamsConfig({
      ...complete,
      TEAMS_CHANNEL_LOGIN_URL: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
      TEAMS_CHANNEL_OAUTH_SCOPE: 'https://api.botframework.us',
    });
    expect(config).toMatchObject({
      channelLoginUrl: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
      channelOAuthScope: 'https://api.botframework.us',
    });
    expect(botFrameworkAuthConfig(config)).toMatchObject({
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
      ToChannelFromBotOAuthScope: 'https://api.botframework.us',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    });
    expect(() => loadTeamsConfig({ ...complete, TEAMS_CHANNEL_LOGIN_URL: 'login.example' })).toThrow(
      /TEAMS_CHANNEL_LOGIN_URL/,
    );
  });
});
