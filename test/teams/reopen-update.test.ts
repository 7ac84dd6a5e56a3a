import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../support/fake-connector.js';
import { findAll } from '../support/find-all.js';
import {
  ANNA,
  cardOf,
  channelMessage,
  installRocketwebTeam,
  MARCO,
  startTeamsHarness,
  TEAM,
  TENANT,
  type TeamsHarness,
} from './harness.js';

/** A reopened occurrence: the reminder card edited to "done" is edited back to open, buttons back. */

const WORKSPACE = `teams:${TENANT}:${TEAM}`;
const WEEKLY = 'rocketweb.customer.resource-usage-check';
let now = new Date('2026-11-30T07:00:00Z');

const actionsOf = (call: RecordedCall) => findAll(cardOf(call), (n) => n.type === 'Action.Execute');

describe('Teams: a reopened reminder', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock: () => now });
    await installRocketwebTeam(h, [MARCO]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is edited back to open after a reopen', async () => {
    now = new Date('2026-11-30T08:30:00Z');
    await h.bot.tick(now);
    const reminder = h.connector
      .messages()
      .find((c) => actionsOf(c).some((a) => (a as { data?: { dutyId?: string } }).data?.dutyId === WEEKLY));
    expect(reminder).toBeDefined();
    const updatesOf = () =>
      h.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === reminder?.assignedId && c.status === 200);

    await h.post(channelMessage(h.connector.serviceUrl, `done ${WEEKLY} all fine`, MARCO));
    now = new Date('2026-11-30T08:35:00Z');
    await h.bot.tick(now);
    expect(updatesOf()).toHaveLength(1);
    expect(actionsOf(updatesOf()[0] as RecordedCall)).toHaveLength(0);

    const [closing] = await h.bot.store.history(WORKSPACE, WEEKLY, 1);
    await h.post(
      channelMessage(h.connector.serviceUrl, `reopen ${WEEKLY} for ${closing?.occurrence} -- numbers were wrong`, ANNA),
    );
    expect((await h.bot.store.history(WORKSPACE, WEEKLY, 1))[0]?.status).toBe('reopened');
    now = new Date('2026-11-30T08:40:00Z');
    await h.bot.tick(now);
    expect(updatesOf()).toHaveLength(2);
    expect(actionsOf(updatesOf()[1] as RecordedCall).length).toBeGreaterThan(0);
  });
});
