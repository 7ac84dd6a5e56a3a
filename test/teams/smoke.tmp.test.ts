import { test } from 'vitest';
import { personalMessage, startTeamsHarness, botAddedToTeam, channelMessage, ANNA, MARCO, TEAM, TENANT } from './harness.js';
test('smoke', async () => {
  let now = new Date('2026-11-30T08:30:00Z');
  const h = await startTeamsHarness({ clock: () => now });
  h.connector.setMembers(TEAM, [{ ...ANNA, userRole: 'owner' }, { ...MARCO, userRole: 'user' }]);
  try {
    let r = await h.post(botAddedToTeam(h.connector.serviceUrl));
    h.connector.reset();
    const rep = await h.bot.tick(now);
    console.log(JSON.stringify(rep).slice(0, 3000));
    for (const c of h.connector.calls) console.log(c.method, c.path, c.status, JSON.stringify(c.body?.attachments?.[0]?.content?.body?.[0]).slice(0, 300));
    h.connector.reset();
    r = await h.post(channelMessage(h.connector.serviceUrl, 'assign rocketweb @Marco Bianchi', ANNA, { mentions: [MARCO] }));
    r = await h.post(channelMessage(h.connector.serviceUrl, 'pending all', ANNA));
    r = await h.post(channelMessage(h.connector.serviceUrl, 'done website backup all good https://x.example.com/1', MARCO));
    r = await h.post(personalMessage(h.connector.serviceUrl, 'skip website backup', ANNA));
    for (const c of h.connector.calls) console.log(c.method, c.path, c.status, JSON.stringify(c.body?.attachments?.[0]?.content?.body).slice(0, 700));
    console.log(h.logs);
  } finally { await h.close(); }
});
