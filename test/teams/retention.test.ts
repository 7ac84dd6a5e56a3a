import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ANNA,
  botAddedToTeam,
  channelMessage,
  installationUpdate,
  MARCO,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Uninstalled from a team, a Teams workspace keeps its ledger and settings for the retention
 * period (Teams has no installation tokens of its own: the app's credentials are the deployment's),
 * then they are deleted as a whole chain with a tombstone; installed again within the period, all
 * of it is back. Real botbuilder with auth on, the scheduler's clock injected.
 */

const DAY = 24 * 60 * 60 * 1000;
const INSTALLED = new Date('2026-11-30T07:00:00Z');
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;

describe('Teams: uninstall, retention and tombstone', () => {
  let h: TeamsHarness;
  let now = INSTALLED;

  beforeEach(async () => {
    now = INSTALLED;
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
    ]);
    expect((await h.post(botAddedToTeam(h.connector.serviceUrl))).status).toBe(200);
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set services rocketweb', ANNA));
  });
  afterEach(async () => {
    await h.close();
  });

  /** Whether the adapter still holds the workspace's base conversation reference. */
  async function hasConversation(workspaceId: string): Promise<boolean> {
    return (await h.bot.store.kvGet('teams-conversations', `${workspaceId}|*`)) !== undefined;
  }

  it('keeps everything for the period after installationUpdate remove, then deletes it with a tombstone', async () => {
    expect(await hasConversation(TEAM_WORKSPACE)).toBe(true);
    now = new Date(INSTALLED.getTime() + DAY);
    expect((await h.post(installationUpdate(h.connector.serviceUrl, 'remove'))).status).toBe(200);
    const removed = await h.bot.store.getWorkspace(TEAM_WORKSPACE);
    expect(removed?.status).toBe('inactive');
    expect(removed?.inactiveSince?.toISOString()).toBe(now.toISOString());
    const head = await h.bot.store.ledgerHead(TEAM_WORKSPACE);
    expect((await h.bot.findWorkspace(TEAM_WORKSPACE))?.deletionDueAt?.toISOString()).toBe(
      new Date(now.getTime() + 30 * DAY).toISOString(),
    );

    expect(await h.bot.deleteExpiredWorkspaces(new Date(now.getTime() + 30 * DAY - 60_000))).toEqual([]);
    expect(await h.bot.store.getWorkspace(TEAM_WORKSPACE)).not.toBeNull();
    const [tombstone] = await h.bot.deleteExpiredWorkspaces(new Date(now.getTime() + 30 * DAY));
    expect(tombstone).toMatchObject({
      workspaceId: TEAM_WORKSPACE,
      platform: 'teams',
      entries: head?.seq,
      headHash: head?.hash,
      reason: 'retention',
    });
    expect(await h.bot.store.getWorkspace(TEAM_WORKSPACE)).toBeNull();
    expect(await h.bot.store.ledgerEntries(TEAM_WORKSPACE)).toEqual([]);
    // Its conversation references went with it: nothing can be posted for a deleted workspace.
    expect(await hasConversation(TEAM_WORKSPACE)).toBe(false);
  });

  it('restores everything when installed again within the period', async () => {
    const settings = (await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.settings;
    const ledger = await h.bot.store.ledgerEntries(TEAM_WORKSPACE);
    expect((await h.post(installationUpdate(h.connector.serviceUrl, 'remove'))).status).toBe(200);
    now = new Date(INSTALLED.getTime() + 20 * DAY);
    expect((await h.post(installationUpdate(h.connector.serviceUrl, 'add'))).status).toBe(200);
    const back = await h.bot.store.getWorkspace(TEAM_WORKSPACE);
    expect(back?.status).toBe('active');
    expect(back?.inactiveSince).toBeNull();
    expect(back?.settings).toEqual(settings);
    expect((await h.bot.store.ledgerEntries(TEAM_WORKSPACE)).slice(0, ledger.length)).toEqual(ledger);
    expect(await h.bot.deleteExpiredWorkspaces(new Date(INSTALLED.getTime() + 90 * DAY))).toEqual([]);
    expect(await h.bot.tombstones()).toEqual([]);
  });
});
