import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardProblems } from './card-validation.js';
import {
  ANNA,
  botAddedToTeam,
  cardOf,
  cardsIn,
  channelMessage,
  LUCA,
  MARCO,
  personalMessage,
  startTeamsHarness,
  TEAM,
  type TeamsHarness,
} from './harness.js';

const NOW = new Date('2026-11-30T08:30:00Z');
const PUBLIC_URL = 'https://duty.example.com';

/** `dashboard` in Teams: the link only ever goes to a personal chat. */
describe('Teams dashboard sign-in link', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ clock: () => NOW, publicUrl: PUBLIC_URL });
    h.connector.setMembers(TEAM, [
      { ...ANNA, userRole: 'owner' },
      { ...MARCO, userRole: 'user' },
      { ...LUCA, userRole: 'user' },
    ]);
    expect((await h.post(botAddedToTeam(h.connector.serviceUrl))).status).toBe(200);
  });
  afterEach(async () => {
    for (const card of cardsIn(h.connector)) expect(cardProblems(card)).toEqual([]);
    await h.close();
  });
  const lastCard = () => {
    const messages = h.connector.messages();
    return cardOf(messages[messages.length - 1]!);
  };

  it('sends the link as an Open URL button in a personal chat', async () => {
    expect((await h.post(personalMessage(h.connector.serviceUrl, 'dashboard', MARCO))).status).toBe(200);
    const card = lastCard();
    const action = card.actions?.find((a: { type: string }) => a.type === 'Action.OpenUrl');
    expect(action?.url).toMatch(/^https:\/\/duty\.example\.com\/dashboard\/sign-in\/[\w-]{40,}$/);
    expect(JSON.stringify(card.body)).toContain('works once');
  });

  it('withholds the link in a channel and says to ask in a personal chat', async () => {
    expect((await h.post(channelMessage(h.connector.serviceUrl, 'dashboard', MARCO))).status).toBe(200);
    const text = JSON.stringify(lastCard());
    expect(text).toContain('personal chat');
    expect(text).not.toContain('/dashboard/sign-in/');
  });
});
