import { afterEach, describe, expect, it } from 'vitest';
import { workspaceName } from '../../src/bot/workspace-name.js';
import { hostileLine } from '../support/hostile-strings.js';
import {
  ANNA,
  botAddedToTeam,
  channelMessage,
  installationUpdate,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/** Teams workspace names: the team's (or group chat's) name on install, kept current by later activities. */

const WORKSPACE = `teams:${TENANT}:${TEAM}`;

describe('Teams workspace names', () => {
  let h: TeamsHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('records the team name on install, as text, and follows a rename', async () => {
    h = await startTeamsHarness();
    const hostile = hostileLine();
    const added = botAddedToTeam(h.connector.serviceUrl);
    added.channelData = { ...added.channelData, team: { id: TEAM, name: hostile } };
    expect((await h.post(added)).status).toBe(200);
    expect((await h.bot.findWorkspace(WORKSPACE))?.name).toBe(workspaceName(hostile));

    // Teams' own rename event.
    const renamed = {
      ...botAddedToTeam(h.connector.serviceUrl),
      membersAdded: undefined,
      channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: 'IT Security' }, eventType: 'teamRenamed' },
    };
    expect((await h.post(renamed)).status).toBe(200);
    expect((await h.bot.findWorkspace(WORKSPACE))?.name).toBe('IT Security');

    // Any later channel activity carries the current name too (the harness's team is "IT Ops").
    expect((await h.post(channelMessage(h.connector.serviceUrl, 'help', ANNA))).status).toBe(200);
    expect((await h.bot.findWorkspace(WORKSPACE))?.name).toBe('IT Ops');
  });

  it('asks for the team details when the install activity has no name; a failed look-up leaves it empty', async () => {
    h = await startTeamsHarness();
    const install = {
      ...installationUpdate(h.connector.serviceUrl, 'add'),
      channelData: { tenant: { id: TENANT }, team: { id: TEAM }, source: { name: 'message' } },
    };
    h.connector.setTeamName(TEAM, 'Compliance');
    expect((await h.post(install)).status).toBe(200);
    expect((await h.bot.findWorkspace(WORKSPACE))?.name).toBe('Compliance');

    const other = '19:other-team@thread.tacv2';
    const unnamed = {
      ...installationUpdate(h.connector.serviceUrl, 'add', { team: other }),
      channelData: { tenant: { id: TENANT }, team: { id: other }, source: { name: 'message' } },
    };
    expect((await h.post(unnamed)).status).toBe(200);
    const workspace = await h.bot.findWorkspace(`teams:${TENANT}:${other}`);
    expect(workspace).not.toBeNull();
    expect(workspace?.name).toBeNull();
  });

  it("names a group chat by its topic and leaves a personal chat's workspace unnamed", async () => {
    h = await startTeamsHarness();
    const chat = '19:group-chat@unq.gbl.spaces';
    const added = {
      ...botAddedToTeam(h.connector.serviceUrl),
      conversation: { id: chat, conversationType: 'groupChat', isGroup: true, tenantId: TENANT, name: 'Audit prep' },
      channelData: { tenant: { id: TENANT } },
    };
    expect((await h.post(added)).status).toBe(200);
    expect((await h.bot.findWorkspace(`teams:${TENANT}:${chat}`))?.name).toBe('Audit prep');

    expect((await h.post(installationUpdate(h.connector.serviceUrl, 'add', { personal: true }))).status).toBe(200);
    const personal = (await h.bot.workspaces()).find((w) => w.id.includes('personal'));
    expect(personal).toBeDefined();
    expect(personal?.name).toBeNull();
  });
});
