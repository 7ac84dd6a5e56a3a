import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { TeamsConfig } from '../../adapters/teams/config.js';
import { mountTeams } from '../../adapters/teams/mount.js';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Dutybot, DutybotCore } from '../../src/bot/types.js';
import type { AnswerModel } from '../../src/ports/answer-model.js';
import type { Messenger } from '../../src/ports/messenger.js';
import { type FakeConnector, startFakeConnector, testCredentials } from '../support/fake-connector.js';
import { type FakeOpenId, startFakeOpenId } from '../support/fake-openid.js';
import { recordingLogger } from '../support/recording-logger.js';

/**
 * The real Teams app, end to end on 127.0.0.1 with authentication ON: express + mountTeams on an
 * ephemeral port, a real SQLite store in a temp dir, a local OpenID issuer whose RS256 tokens
 * the adapter verifies, and a recording connector as every activity's serviceUrl.
 */

export const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
/** The client secret the bot presents to the (fake) token service when it signs the production way. */
export const APP_PASSWORD = 'test-client-secret';
export const TENANT = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
export const OTHER_TENANT = '0f0e0d0c-0b0a-4909-8807-060504030201';
export const TEAM = '19:team-general@thread.tacv2';
export const CHANNEL = TEAM;
export const ANNA = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Rossi' };
export const MARCO = { id: '29:marco', aadObjectId: 'aad-marco', name: 'Marco Bianchi' };
export const LUCA = { id: '29:luca', aadObjectId: 'aad-luca', name: 'Luca Verdi' };
export const BOT = { id: `28:${APP_ID}`, name: 'dutybot' };

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export interface PostResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies inspected by tests.
  body: any;
  contentType: string | null;
}

export interface TeamsHarness {
  bot: DutybotCore;
  connector: FakeConnector;
  openId: FakeOpenId;
  messenger: Messenger;
  url: string;
  logs: string[];
  /** POSTs an activity with a valid token unless `authorization` is given (null = no header). */
  post(activity: Record<string, unknown>, authorization?: string | null): Promise<PostResult>;
  validToken(): string;
  close(): Promise<void>;
}

export async function startTeamsHarness(
  options: {
    adminIds?: string[];
    clock?: () => Date;
    /** Replaces core behaviour seen by the adapter (e.g. a failing confirm). */
    wrap?: (bot: Dutybot) => Dutybot;
    /**
     * Outgoing calls signed the production way (botbuilder's credentials from the config, MSAL):
     * no test credentials factory. `channelLoginUrl` null = the public-cloud default login.
     */
    productionCredentials?: { channelLoginUrl: string | null; channelOAuthScope?: string; bearer: string };
    answerModel?: AnswerModel;
    /** DUTYBOT_PUBLIC_URL: turns on dashboard sign-in links. */
    publicUrl?: string;
  } = {},
): Promise<TeamsHarness> {
  const directory = mkdtempSync(join(tmpdir(), 'dutybot-teams-'));
  const connector = await startFakeConnector(
    options.productionCredentials ? { bearer: options.productionCredentials.bearer } : {},
  );
  const openId = await startFakeOpenId();
  // One logger for the core and the adapter, as in production; lines are kept for assertions.
  const logs: string[] = [];
  const logger = recordingLogger(logs);
  const bot = await createDutybot({
    logger,
    databaseUrl: `sqlite:${join(directory, 'dutybot.sqlite')}`,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.answerModel ? { answerModel: options.answerModel } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const config: TeamsConfig = {
    appId: APP_ID,
    appPassword: APP_PASSWORD,
    tenantId: TENANT,
    appType: 'SingleTenant',
    adminIds: options.adminIds ?? [],
    openIdMetadataUrl: openId.metadataUrl,
    tokenIssuer: openId.issuer,
    channelLoginUrl: options.productionCredentials?.channelLoginUrl ?? null,
    channelOAuthScope: options.productionCredentials?.channelOAuthScope ?? null,
  };
  const app = express();
  const teams = await mountTeams(app, {
    dutybot: options.wrap ? options.wrap(bot) : bot,
    config,
    ...(options.productionCredentials ? {} : { credentialsFactory: testCredentials(APP_ID, connector.bearer) }),
    logger,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  const validToken = () => `Bearer ${openId.token({ audience: APP_ID, serviceUrl: connector.serviceUrl })}`;

  return {
    bot,
    connector,
    openId,
    messenger: teams.messenger,
    url,
    logs,
    validToken,
    async post(activity, authorization) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const auth = authorization === undefined ? validToken() : authorization;
      if (auth !== null) headers.authorization = auth;
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(activity) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // leave as text: tests assert on it
      }
      return { status: response.status, body, contentType: response.headers.get('content-type') };
    },
    async close() {
      await teams.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.close();
      await connector.close();
      await openId.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

// Activities as Teams sends them ------------------------------------------------------------------

let counter = 0;
const nextId = () => `f:${Date.now().toString(36)}${(++counter).toString(36)}`;

function base(serviceUrl: string, tenantId: string) {
  return {
    id: nextId(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    recipient: BOT,
    channelData: { tenant: { id: tenantId } },
    locale: 'en-US',
  };
}

export function personalMessage(
  serviceUrl: string,
  text: string,
  user: TeamsUser = ANNA,
  tenantId = TENANT,
): Record<string, unknown> {
  return {
    ...base(serviceUrl, tenantId),
    type: 'message',
    text,
    textFormat: 'plain',
    from: user,
    conversation: { id: `a:personal-${user.id}-${tenantId}`, conversationType: 'personal', tenantId },
  };
}

/** A channel message that @mentions the bot (and optionally other people), as Teams formats it. */
export function channelMessage(
  serviceUrl: string,
  text: string,
  user: TeamsUser = ANNA,
  extra: { mentions?: TeamsUser[]; tenantId?: string; team?: string } = {},
): Record<string, unknown> {
  const tenantId = extra.tenantId ?? TENANT;
  const team = extra.team ?? TEAM;
  const botMention = `<at>${BOT.name}</at>`;
  let body = text;
  const entities: Record<string, unknown>[] = [{ type: 'mention', text: botMention, mentioned: BOT }];
  for (const person of extra.mentions ?? []) {
    const markup = `<at>${person.name}</at>`;
    body = body.replace(`@${person.name}`, markup);
    entities.push({ type: 'mention', text: markup, mentioned: { id: person.id, name: person.name } });
  }
  const b = base(serviceUrl, tenantId);
  return {
    ...b,
    type: 'message',
    text: `${botMention} ${body}`,
    textFormat: 'plain',
    from: user,
    entities,
    conversation: {
      id: `${team};messageid=${b.id}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId,
    },
    channelData: {
      tenant: { id: tenantId },
      team: { id: team, name: 'IT Ops' },
      channel: { id: team, name: 'General' },
    },
  };
}

export function botAddedToTeam(serviceUrl: string, installer: TeamsUser = ANNA, tenantId = TENANT, team = TEAM) {
  return {
    ...base(serviceUrl, tenantId),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    from: installer,
    conversation: { id: team, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, team: { id: team, name: 'IT Ops' }, eventType: 'teamMemberAdded' },
  };
}

/** The bot taken out of a team (Teams sends this, then the `installationUpdate` remove). */
export function botRemovedFromTeam(serviceUrl: string, remover: TeamsUser = ANNA, tenantId = TENANT, team = TEAM) {
  return {
    ...base(serviceUrl, tenantId),
    type: 'conversationUpdate',
    membersRemoved: [{ id: BOT.id }],
    from: remover,
    conversation: { id: team, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, team: { id: team, name: 'IT Ops' }, eventType: 'teamMemberRemoved' },
  };
}

/** The app installed in (`add`) or uninstalled from (`remove`) a team, or one person's chat when `personal`. */
export function installationUpdate(
  serviceUrl: string,
  action: 'add' | 'remove',
  options: { user?: TeamsUser; tenantId?: string; team?: string; personal?: boolean } = {},
) {
  const user = options.user ?? ANNA;
  const tenantId = options.tenantId ?? TENANT;
  const team = options.team ?? TEAM;
  return {
    ...base(serviceUrl, tenantId),
    type: 'installationUpdate',
    action,
    from: user,
    ...(options.personal
      ? {
          conversation: { id: `a:personal-${user.id}-${tenantId}`, conversationType: 'personal', tenantId },
          channelData: { tenant: { id: tenantId }, source: { name: 'message' } },
        }
      : {
          conversation: { id: team, conversationType: 'channel', isGroup: true, tenantId },
          channelData: { tenant: { id: tenantId }, team: { id: team, name: 'IT Ops' }, source: { name: 'message' } },
        }),
  };
}

/** The `adaptiveCard/action` invoke Teams sends for an Action.Execute on a card in a channel. */
export function cardAction(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  replyToId: string,
  user: TeamsUser = ANNA,
): Record<string, unknown> {
  return {
    ...base(serviceUrl, TENANT),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    from: user,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    conversation: {
      id: `${TEAM};messageid=${replyToId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: 'IT Ops' }, channel: { id: TEAM, name: 'General' } },
  };
}

/** Every card the connector received, and every card returned in an invoke response, must validate. */
export function cardsIn(connector: FakeConnector): unknown[] {
  return connector.calls.map((call) => cardOf(call)).filter((card) => card !== null);
}

/** The Adaptive Card of a recorded connector call (reply, post or update). */
// biome-ignore lint/suspicious/noExplicitAny: card JSON.
export function cardOf(call: { body: any }): any {
  const attachment = call.body?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') return null;
  return attachment.content;
}

/**
 * The scene most Teams tests start from: a team whose roster is Anna (owner) plus `others`, the
 * bot added to it, RocketWeb its only service, Marco owning it when he is on the roster, and the
 * connector's record of all that cleared.
 */
export async function installRocketwebTeam(h: TeamsHarness, others: TeamsUser[] = [MARCO]): Promise<void> {
  h.connector.setMembers(TEAM, [
    { ...ANNA, userRole: 'owner' },
    ...others.map((u) => ({ ...u, userRole: 'user' as const })),
  ]);
  await h.post(botAddedToTeam(h.connector.serviceUrl));
  await h.post(channelMessage(h.connector.serviceUrl, 'settings set services rocketweb', ANNA));
  if (others.some((u) => u.id === MARCO.id)) {
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
  }
  h.connector.reset();
}
