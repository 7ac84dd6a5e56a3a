import { describe, expect, it } from 'vitest';
import { isSlackConfigured, loadSlackConfig, SlackConfigError } from '../../adapters/slack/config.js';
import { parseSlackWorkspaceId, slackWorkspaceId } from '../../adapters/slack/workspace.js';

const SECRET = 'abc123signing';

describe('Slack configuration from the environment', () => {
  it('reads a single-workspace setup with an optional API URL and admin list', () => {
    const config = loadSlackConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-1-2',
      SLACK_API_URL: 'https://slack-gov.com/api',
      SLACK_ADMIN_IDS: 'U01, U02',
    });
    expect(config.auth).toEqual({ mode: 'token', botToken: 'xoxb-1-2' });
    expect(config.apiUrl).toBe('https://slack-gov.com/api/');
    expect(config.adminIds).toEqual(['U01', 'U02']);
    expect(config.appToken).toBeNull();
  });

  it('reads an OAuth setup and Socket Mode', () => {
    const oauth = loadSlackConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 's',
      SLACK_STATE_SECRET: 'a-long-enough-state-secret',
    });
    expect(oauth.auth.mode).toBe('oauth');
    const socket = loadSlackConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(socket.appToken).toBe('xapp-1');
  });

  it.each([
    [{}, /SLACK_SIGNING_SECRET is missing/],
    [{ SLACK_SIGNING_SECRET: SECRET }, /SLACK_BOT_TOKEN is missing/],
    [{ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxp-user' }, /SLACK_BOT_TOKEN must be a bot token/],
    [
      { SLACK_SIGNING_SECRET: SECRET, SLACK_CLIENT_ID: '1.2' },
      /SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are missing/,
    ],
    [{ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_CLIENT_ID: '1' }, /not both/],
    [{ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, /SLACK_APP_TOKEN must be/],
    [{ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'slack.com' }, /SLACK_API_URL/],
    [{ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_ADMIN_IDS: 'alice' }, /SLACK_ADMIN_IDS/],
  ])('names the variable to fix (%j)', (env, message) => {
    expect(() => loadSlackConfig(env as Record<string, string>)).toThrow(SlackConfigError);
    expect(() => loadSlackConfig(env as Record<string, string>)).toThrow(message);
  });

  it('never echoes a secret in its errors', () => {
    // A user token (xoxp-) where a bot token belongs is refused without echoing it.
    let message = '';
    try {
      loadSlackConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxp-user-1' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/SLACK_BOT_TOKEN/);
    expect(message).not.toContain('xoxp-user-1');
  });

  it('tells whether Slack is configured at all', () => {
    expect(isSlackConfigured({})).toBe(false);
    expect(isSlackConfigured({ SLACK_BOT_TOKEN: '  ' })).toBe(false);
    expect(isSlackConfigured({ SLACK_SIGNING_SECRET: SECRET })).toBe(true);
  });
});

describe('Slack workspace ids', () => {
  it('keys by team, and by enterprise and team on Grid', () => {
    expect(slackWorkspaceId({ teamId: 'T1' })).toBe('slack:T1');
    expect(slackWorkspaceId({ teamId: 'T1', enterpriseId: 'E1' })).toBe('slack:E1:T1');
    expect(parseSlackWorkspaceId('slack:E1:T1')).toEqual({ enterpriseId: 'E1', teamId: 'T1' });
    expect(parseSlackWorkspaceId('slack:T1')).toEqual({ enterpriseId: null, teamId: 'T1' });
    expect(parseSlackWorkspaceId('teams:x:y')).toBeNull();
  });
});
