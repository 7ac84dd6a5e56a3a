import type { Knowledge } from '../knowledge/model.js';
import { loadSnapshot } from '../occurrences/status.js';
import type { Store } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { userField } from '../views/plain-text.js';
import { calendarEvents } from './events.js';
import { renderIcs } from './ics.js';
import { liveCalendarToken } from './tokens.js';

export interface CalendarFeed {
  filename: string;
  /** RFC 5545 text (text/calendar; charset=utf-8). */
  content: string;
  events: number;
}

/**
 * The feed behind a token: null when the token is unknown or revoked, or its workspace is gone
 * (the web route answers 404 to all three alike, telling a guesser nothing).
 */
export async function calendarFeed(
  deps: { store: Store; knowledge: Knowledge },
  token: string,
  options: { publicUrl: string | null; now: Date },
): Promise<CalendarFeed | null> {
  const row = await liveCalendarToken(deps.store, token);
  if (!row) return null;
  const snapshot = await loadSnapshot(deps.store, deps.knowledge, row.workspaceId);
  if (!snapshot) return null;
  const settings = snapshot.workspace.settings;
  const c = catalogue(settings.language).calendar;
  const events = calendarEvents(snapshot, { userId: row.userId }, options.now);
  const content = renderIcs(events, {
    name: row.userId === null ? c.workspaceFeed(row.workspaceId) : c.personFeed(row.workspaceId, userField(row.userId)),
    zone: settings.timezone,
    lang: settings.language,
    publicUrl: options.publicUrl,
    now: options.now,
  });
  return { filename: 'dutybot.ics', content, events: events.length };
}
