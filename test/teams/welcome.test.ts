import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/views/catalogue/index.js';
import { findAll } from '../support/find-all.js';
import { hostileLine, teamsLiveMarkup, teamsMarkdownTexts } from '../support/hostile-strings.js';
import {
  ANNA,
  BOT,
  botAddedToTeam,
  cardOf,
  installationUpdate,
  MARCO,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/**
 * Teams Store rules for the welcome: one welcome in a team and one on a personal install; the
 * team's names who added the bot and says an admin sets services and channels; a welcome whose
 * post fails is delivered later from the outbox instead of being lost.
 */

const en = catalogue('en');
let now = new Date('2026-11-29T10:00:00Z');

// biome-ignore lint/suspicious/noExplicitAny: card JSON.
function cardText(card: any): string {
  return (
    findAll(card, (node) => typeof node?.text === 'string')
      .map((node) => (node as { text: string }).text)
      .join('\n')
      // Teams Markdown escapes (the sentences are rendered inert), read as the user sees them.
      .replace(/\\(.)/g, '$1')
  );
}

function welcomesIn(h: TeamsHarness, conversationId: string) {
  return h.connector
    .messages()
    .filter((call) => call.conversationId?.split(';messageid=')[0] === conversationId)
    .map((call) => cardOf(call))
    .filter((card) => card !== null && cardText(card).includes("I'm dutybot"));
}

describe('Teams welcome', () => {
  let h: TeamsHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('welcomes a team once, naming who added the bot and walking an admin through the setup', async () => {
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
    ]);
    // Teams sends both for one install.
    await h.post(installationUpdate(h.connector.serviceUrl, 'add'));
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    const welcomes = welcomesIn(h, TEAM);
    expect(welcomes).toHaveLength(1);
    const card = welcomes[0];
    const text = cardText(card);
    // The installer as a real Teams mention (entity + <at> text), and what an admin must do.
    expect(text).toContain(en.setup.addedBy(`<at>${ANNA.name}</at>`));
    expect(card.msteams?.entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ mentioned: { id: ANNA.aadObjectId, name: ANNA.name } })]),
    );
    expect(text).toContain(
      '⬜ Services: all 9 CoreTech services until you choose yours: `@dutybot settings set services',
    );
    expect(text).toContain('⬜ Owners: nobody yet');
    expect(text).toContain(
      '✅ Reminders channel: this one (another: `@dutybot settings set default_channel <channel>`)',
    );
  });

  it('welcomes a personal install once, in that chat, naming the team it acts on and not the person', async () => {
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [{ ...ANNA, userRole: 'owner' }]);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    const personalChat = `a:personal-${ANNA.id}-${TENANT}`;
    for (let i = 0; i < 2; i++) {
      // Installed, reinstalled: both events each time, and still one welcome in the chat.
      await h.post(installationUpdate(h.connector.serviceUrl, 'add', { personal: true }));
      await h.post({
        ...installationUpdate(h.connector.serviceUrl, 'add', { personal: true }),
        type: 'conversationUpdate',
        action: undefined,
        membersAdded: [{ id: BOT.id }],
      });
    }
    const welcomes = welcomesIn(h, personalChat);
    expect(welcomes).toHaveLength(1);
    const text = cardText(welcomes[0]);
    expect(text).toContain('This is your personal chat with me. Here I act on IT Ops');
    expect(text).not.toContain('added me here');
    // The team itself was welcomed once, as before.
    expect(welcomesIn(h, TEAM)).toHaveLength(1);
  });

  it("shows a hostile team name inert in a personal chat's welcome", async () => {
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [{ ...ANNA, userRole: 'owner' }]);
    const added = botAddedToTeam(h.connector.serviceUrl);
    await h.post({ ...added, channelData: { ...added.channelData, team: { id: TEAM, name: hostileLine() } } });
    await h.post(installationUpdate(h.connector.serviceUrl, 'add', { personal: true }));
    const [welcome] = welcomesIn(h, `a:personal-${ANNA.id}-${TENANT}`);
    expect(welcome).toBeDefined();
    expect(cardText(welcome)).toContain('Here I act on');
    for (const text of teamsMarkdownTexts(welcome)) expect(teamsLiveMarkup(text), text).toEqual([]);
    // No mention entity comes from the typed name.
    expect(welcome.msteams?.entities ?? []).toEqual([]);
  });

  it('delivers the welcome from the outbox when its first post fails', async () => {
    now = new Date('2026-11-29T10:00:00Z');
    h = await startTeamsHarness({ clock: () => now });
    h.connector.setMembers(TEAM, [{ ...ANNA, userRole: 'owner' }]);
    // More failures than botbuilder's own retries: the reply is lost for this turn.
    h.connector.failNext(10, 500);
    await h.post(botAddedToTeam(h.connector.serviceUrl));
    expect(welcomesIn(h, TEAM)).toHaveLength(0);
    expect((await h.bot.store.workspaceActivity(`teams:${TENANT}:${TEAM}`)).pendingDeliveries).toBe(1);

    h.connector.failNext(0, 500);
    now = new Date('2026-11-29T10:02:00Z');
    await h.bot.tick(now);
    const welcomes = welcomesIn(h, TEAM);
    expect(welcomes).toHaveLength(1);
    expect(cardText(welcomes[0])).toContain(en.setup.addedBy(`<at>${ANNA.name}</at>`));
    // Delivered once: later ticks do not repeat it.
    now = new Date('2026-11-29T10:10:00Z');
    await h.bot.tick(now);
    expect(welcomesIn(h, TEAM)).toHaveLength(1);
  });
});
