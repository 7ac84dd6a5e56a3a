import { randomUUID } from 'node:crypto';

/**
 * Slack payloads as Slack sends them (only the fields Bolt and dutybot read, with Slack's names),
 * for the end-to-end tests and the benchmark.
 */

export interface Who {
  team: string;
  user: string;
  channel: string;
  enterprise?: string;
}

export function slashCommand(who: Who, text: string, responseUrl: string): Record<string, string> {
  const fields: Record<string, string> = {
    token: 'legacy-verification-token',
    team_id: who.team,
    team_domain: who.team.toLowerCase(),
    channel_id: who.channel,
    channel_name: 'compliance',
    user_id: who.user,
    user_name: who.user.toLowerCase(),
    command: '/duty',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.${randomUUID()}`,
  };
  if (who.enterprise) fields.enterprise_id = who.enterprise;
  return fields;
}

export function eventEnvelope<E extends Record<string, unknown>>(
  who: Who,
  event: E,
  eventId = `Ev${randomUUID().slice(0, 12)}`,
) {
  return {
    token: 'legacy-verification-token',
    team_id: who.team,
    ...(who.enterprise ? { enterprise_id: who.enterprise } : {}),
    api_app_id: 'A0001',
    event: { event_ts: String(Date.now() / 1000), ...event } as E & { event_ts: string },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: who.team, user_id: 'UDUTYBOT', is_bot: true, is_enterprise_install: false }],
  };
}

let tsCounter = 1;
export function messageTs(): string {
  return `1700001000.${String(tsCounter++).padStart(6, '0')}`;
}

export function appMention(who: Who, text: string, eventId?: string) {
  const ts = messageTs();
  return eventEnvelope(who, { type: 'app_mention', user: who.user, text, ts, channel: who.channel }, eventId);
}

export function directMessage(who: Who, text: string, eventId?: string) {
  const ts = messageTs();
  const dm = `D${who.user.slice(1)}`;
  return eventEnvelope(who, { type: 'message', channel_type: 'im', user: who.user, text, ts, channel: dm }, eventId);
}

export function homeOpened(who: Who, eventId?: string) {
  return eventEnvelope(
    who,
    { type: 'app_home_opened', user: who.user, channel: `D${who.user.slice(1)}`, tab: 'home' },
    eventId,
  );
}

/** A click on a button (or a menu choice) in a message. */
export function blockAction(
  who: Who,
  action: Record<string, unknown>,
  where: { messageTs: string; responseUrl: string },
) {
  return {
    type: 'block_actions',
    user: { id: who.user, username: who.user.toLowerCase(), team_id: who.team },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: where.messageTs, channel_id: who.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.${randomUUID()}`,
    team: { id: who.team, domain: who.team.toLowerCase() },
    enterprise: who.enterprise ? { id: who.enterprise } : null,
    is_enterprise_install: false,
    channel: { id: who.channel, name: 'compliance' },
    message: { type: 'message', ts: where.messageTs, text: '', blocks: [] },
    response_url: where.responseUrl,
    actions: [{ action_ts: String(Date.now() / 1000 + Math.random()), block_id: 'b', ...action }],
  };
}

/** A modal submission, carrying back the view the app opened (with the user's input values). */
export function viewSubmission(who: Who, view: Record<string, unknown>, values: Record<string, string | null>) {
  const state: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const block of (view.blocks as { type: string; block_id?: string; element?: { action_id: string } }[]) ?? []) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    state[block.block_id] = {
      [block.element.action_id]: { type: 'plain_text_input', value: values[block.block_id] ?? null },
    };
  }
  return {
    type: 'view_submission',
    team: { id: who.team, domain: who.team.toLowerCase() },
    enterprise: who.enterprise ? { id: who.enterprise } : null,
    user: { id: who.user, username: who.user.toLowerCase(), team_id: who.team },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.${randomUUID()}`,
    is_enterprise_install: false,
    view: {
      id: `V${randomUUID().slice(0, 10).toUpperCase()}`,
      team_id: who.team,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values: state },
      hash: '1700000000.abc',
      previous_view_id: null,
      root_view_id: null,
      app_id: 'A0001',
      bot_id: 'B0001',
    },
    response_urls: [],
  };
}
