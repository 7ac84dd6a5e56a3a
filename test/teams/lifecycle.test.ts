import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardProblems } from './card-validation.js';
import {
  ANNA,
  botAddedToTeam,
  botRemovedFromTeam,
  cardOf,
  cardsIn,
  channelMessage,
  installationUpdate,
  LUCA,
  MARCO,
  personalMessage,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * The bot's life in a team (issue 9): removed from a team or uninstalled, the workspace stops
 * being scheduled (ledger and settings kept); installed again, it resumes and re-sends the current
 * reminders that failed while it was gone. Real botbuilder with auth on, the recording connector
 * answering 403 `BotNotInConversationRoster` while the bot is out, as Teams does.
 */

const INSTALLED = new Date('2026-11-30T07:00:00Z'); // Monday 08:00 in Rome, before the 09:00 reminders
const MONDAY = new Date('2026-11-30T08:30:00Z'); // 09:30 in Rome
const TEAM_WORKSPACE = `teams:${TENANT}:${TEAM}`;
/** Weekly, due on Monday 30 November: still current all week. */
const WEEKLY = 'rocketweb.customer.resource-usage-check';
const OTHER_CHANNEL = '19:other-channel@thread.tacv2';

describe('Teams: removed from a team, installed again', () => {
  let h: TeamsHarness;
  let now = INSTALLED;

  beforeEach(async () => {
    now = INSTALLED;
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
      { ...LUCA, userRole: 'user' },
    ]);
    expect((await h.post(botAddedToTeam(h.connector.serviceUrl))).status).toBe(200);
    await h.post(channelMessage(h.connector.serviceUrl, 'settings set services rocketweb', ANNA));
    await h.post(
      channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }),
    );
    h.connector.reset();
    now = MONDAY;
  });
  afterEach(async () => {
    for (const card of cardsIn(h.connector)) expect(cardProblems(card)).toEqual([]);
    await h.close();
  });

  const reminderPosts = () =>
    h.connector.messages().filter((c) => JSON.stringify(cardOf(c) ?? {}).includes(`"dutyId":"${WEEKLY}"`));

  it('stops scheduling when the bot is removed, keeps the ledger, and re-sends the failed current reminders on re-install', async () => {
    const settingsBefore = (await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.settings;
    // Removed from the team just before 09:30: Teams refuses every post with 403 (not in roster).
    h.connector.removeBot(TEAM);
    const failedTick = await h.bot.tick(now);
    const failed = failedTick.deliveries.filter((d) => d.kind === 'reminder');
    expect(failed.map((d) => d.dutyId)).toContain(WEEKLY);
    // Permanent at the first attempt: the Teams messenger classifies 403 as not worth retrying.
    expect(failedTick.deliveries.every((d) => d.status === 'failed')).toBe(true);
    // One attempt each (reminders and the digest): no retry of a 403.
    expect(h.connector.calls.filter((c) => c.status === 403).length).toBe(failedTick.deliveries.length);
    expect(reminderPosts()).toEqual([]);

    // Then Teams tells the bot: conversationUpdate (membersRemoved) and installationUpdate remove.
    expect((await h.post(botRemovedFromTeam(h.connector.serviceUrl))).status).toBe(200);
    expect((await h.post(installationUpdate(h.connector.serviceUrl, 'remove'))).status).toBe(200);
    expect((await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.status).toBe('inactive');
    const ledgerWhileGone = await h.bot.store.ledgerEntries(TEAM_WORKSPACE);

    // Two days pass: nothing is planned, nothing is attempted — also not after Marco writes to the
    // bot in his personal chat (it acts on his team, but it does not mean the bot is back there).
    h.connector.reset();
    await h.post(personalMessage(h.connector.serviceUrl, 'pending', MARCO));
    expect((await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.status).toBe('inactive');
    for (const day of ['2026-12-01T08:30:00Z', '2026-12-02T08:30:00Z']) {
      now = new Date(day);
      const report = await h.bot.tick(now);
      expect(report.enqueued).toBe(0);
      expect(report.deliveries).toEqual([]);
    }
    expect(h.connector.calls.filter((c) => c.conversationId?.startsWith(TEAM))).toEqual([]);

    // Installed again on Wednesday morning: scheduling resumes.
    h.connector.restoreBot(TEAM);
    now = new Date('2026-12-02T09:00:00Z');
    expect((await h.post(installationUpdate(h.connector.serviceUrl, 'add'))).status).toBe(200);
    expect((await h.post(botAddedToTeam(h.connector.serviceUrl))).status).toBe(200);
    const workspace = await h.bot.store.getWorkspace(TEAM_WORKSPACE);
    expect(workspace?.status).toBe('active');
    expect(workspace?.settings).toEqual(settingsBefore);
    // The ledger is kept: what was there is unchanged, plus the two status entries.
    const ledger = await h.bot.store.ledgerEntries(TEAM_WORKSPACE);
    expect(ledger.slice(0, ledgerWhileGone.length)).toEqual(ledgerWhileGone);
    expect(ledger.slice(ledgerWhileGone.length - 1).map((e) => [e.kind, e.payload.status])).toEqual([
      ['workspace.status', 'inactive'],
      ['workspace.status', 'active'],
    ]);
    expect((await h.bot.store.verifyLedger(TEAM_WORKSPACE)).ok).toBe(true);

    h.connector.reset();
    const resumed = await h.bot.tick(now);
    const sent = resumed.deliveries.filter((d) => d.status === 'sent' && d.kind === 'reminder');
    // The weekly reminder that failed on Monday is current all week: sent again, once, to the team.
    const again = sent.filter((d) => failed.some((f) => f.key === d.key));
    expect(again.map((d) => d.dutyId)).toContain(WEEKLY);
    const keys = sent.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(reminderPosts()).toHaveLength(1);
    expect(reminderPosts()[0]?.conversationId).toBe(TEAM);
    // Failed reminders of occurrences no longer current stay failed, as they were.
    for (const f of failed) {
      if (again.some((d) => d.key === f.key)) continue;
      expect((await h.bot.store.getDelivery(f.key))?.status, f.key).toBe('failed');
    }
    // Nothing is posted twice on the next tick.
    const later = await h.bot.tick(new Date(now.getTime() + 60_000));
    expect(later.deliveries.filter((d) => d.status === 'sent' && d.kind === 'reminder')).toEqual([]);
    expect(reminderPosts()).toHaveLength(1);
  });

  it('uninstalling the app from one person’s chat does not stop the team’s reminders', async () => {
    await h.post(personalMessage(h.connector.serviceUrl, 'pending', MARCO));
    const response = await h.post(
      installationUpdate(h.connector.serviceUrl, 'remove', { user: MARCO, personal: true }),
    );
    expect(response.status).toBe(200);
    expect((await h.bot.store.getWorkspace(TEAM_WORKSPACE))?.status).toBe('active');
    h.connector.reset();
    const report = await h.bot.tick(now);
    expect(report.deliveries.find((d) => d.dutyId === WEEKLY && d.kind === 'reminder')?.status).toBe('sent');
  });

  it('keeps the team’s channel references when a member writes in personal chat', async () => {
    // rocketweb's reminders go to another channel of the team, reached through the team's reference.
    h.connector.setChannels(TEAM, [
      { id: TEAM, name: 'General' },
      { id: OTHER_CHANNEL, name: 'Other' },
    ]);
    await h.post(channelMessage(h.connector.serviceUrl, `settings set channels.rocketweb ${OTHER_CHANNEL}`, ANNA));
    // Marco writes in his personal chat (it acts on his team): that chat is not a channel of it.
    await h.post(personalMessage(h.connector.serviceUrl, 'pending', MARCO));
    await h.post(personalMessage(h.connector.serviceUrl, 'help', LUCA));
    h.connector.reset();

    const report = await h.bot.tick(now);
    const reminder = report.deliveries.find((d) => d.dutyId === WEEKLY && d.kind === 'reminder');
    expect(reminder?.status).toBe('sent');
    expect(reminderPosts().map((c) => c.conversationId)).toEqual([OTHER_CHANNEL]);
    // The digest still goes to the team's own channel, and personal chats still get their replies.
    expect(h.connector.messages().every((c) => c.conversationId === OTHER_CHANNEL || c.conversationId === TEAM)).toBe(
      true,
    );
    await h.post(personalMessage(h.connector.serviceUrl, 'help', MARCO));
    expect(h.connector.messages().at(-1)?.conversationId).toBe(`a:personal-${MARCO.id}-${TENANT}`);
  });
});
