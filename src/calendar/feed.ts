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
 * Rendering a year of events for every service is costly (ical-generator folds its output one
 * character at a time: a few hundred milliseconds of CPU for ~1,200 events), while calendar
 * clients poll the same feed again and again. A feed is therefore kept for the hour it was made
 * in (its REFRESH-INTERVAL) as long as nothing it shows changed: same token, same settings, same
 * ledger head (every confirmation moves it), same public URL. Bounded: the oldest goes first.
 */
const CACHE_LIMIT = 32;
const HOUR_MS = 60 * 60 * 1000;
const cache = new Map<string, CalendarFeed>();

function remember(key: string, feed: CalendarFeed): CalendarFeed {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, feed);
  return feed;
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
  const { workspace } = snapshot;
  const head = workspace.ledgerHead ?? (await deps.store.ledgerHead(workspace.id));
  const key = [
    row.id,
    Math.floor(options.now.getTime() / HOUR_MS),
    head ? `${head.seq}:${head.hash}` : '',
    JSON.stringify(workspace.settings),
    workspace.status ?? 'active',
    options.publicUrl ?? '',
  ].join('\u0000');
  const cached = cache.get(key);
  if (cached) return cached;
  const settings = workspace.settings;
  const c = catalogue(settings.language).calendar;
  const events = calendarEvents(snapshot, { userId: row.userId }, options.now);
  const content = renderIcs(events, {
    name: row.userId === null ? c.workspaceFeed(row.workspaceId) : c.personFeed(row.workspaceId, userField(row.userId)),
    zone: settings.timezone,
    lang: settings.language,
    publicUrl: options.publicUrl,
    now: options.now,
  });
  return remember(key, { filename: 'dutybot.ics', content, events: events.length });
}
