import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { catalogue } from '../views/catalogue/index.js';
import { absoluteUrl, dutyPagePath } from '../views/dashboard-links.js';
import { formatInstant, periodLabel, stateLabel } from '../views/labels.js';
import { userField } from '../views/plain-text.js';
import type { Lang } from '../views/types.js';
import type { CalendarEvent } from './events.js';

/**
 * Renders a feed as RFC 5545 text with ical-generator, which escapes TEXT values (`\`, `;`, `,`,
 * line breaks) and folds long lines: nothing here concatenates ICS syntax. Times are written with
 * TZID in the workspace's zone and a VTIMEZONE for it, so a reminder at 09:00 Europe/Rome stays at
 * 09:00 across a DST change in every client. Owner ids are user-supplied: each is a `userField`
 * (one line, control characters shown as symbols), so it can neither fake a description line nor
 * put a character RFC 5545 forbids in TEXT.
 */

/** How long each event lasts in a calendar (the reminder is a moment; a short block is visible). */
const EVENT_MINUTES = 30;

export interface FeedOptions {
  /** Calendar name (shown by clients as the subscription's title). */
  name: string;
  zone: string;
  lang: Lang;
  /** DUTYBOT_PUBLIC_URL, for links to duty pages; null: events carry no link. */
  publicUrl: string | null;
  now: Date;
}

/**
 * ical-generator escapes event TEXT values but writes the calendar's NAME as given: a line break
 * there would start a new ICS property. Person ids in it are already `userField`s (one line,
 * controls visible); this is the guard for the rest.
 */
function oneLine(text: string): string {
  return userField(text);
}

/** A memo that lives for one render: `(key, make)` returns the value made the first time for that key. */
function perFeed<T>(): (key: string, make: () => T) => T {
  const made = new Map<string, T>();
  return (key, make) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make();
      made.set(key, value);
    }
    return value;
  };
}

export function renderIcs(events: readonly CalendarEvent[], options: FeedOptions): string {
  const c = catalogue(options.lang).calendar;
  const calendar = new ICalCalendar({
    name: oneLine(options.name),
    prodId: { company: 'dutybot', product: 'dutybot', language: options.lang.toUpperCase() },
    // Clients poll subscribed feeds; an hour keeps them close to the ledger without hammering the server.
    ttl: 60 * 60,
  });
  // No calendar-wide zone (ical-generator would then write DTSTAMP as local time, which RFC 5545
  // forbids); each event names the zone, and the generator emits its VTIMEZONE once.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  // Labels and zoned times go through luxon (an Intl offset lookup each, tenths of a millisecond)
  // and most events of a feed share their period, deadline and due moment with others: each is
  // computed once per feed. Luxon DateTimes are immutable, so events can share them.
  const labels = perFeed<string>();
  const slots = perFeed<{ start: DateTime; end: DateTime }>();
  for (const event of events) {
    const { period, deadline } = event.occurrence;
    const periodText = labels(`p|${period.cadence}|${period.key}`, () => periodLabel(period, options.lang));
    const deadlineText = labels(`d|${deadline.getTime()}`, () => formatInstant(deadline, options.zone, options.lang));
    const { start, end } = slots(String(event.occurrence.dueAt.getTime()), () => {
      const dueAt = DateTime.fromJSDate(event.occurrence.dueAt, { zone: options.zone });
      return { start: dueAt, end: dueAt.plus({ minutes: EVENT_MINUTES }) };
    });
    const link = absoluteUrl(options.publicUrl, dutyPagePath(event.dutyId));
    const description = [
      `${c.service}: ${event.serviceName}`,
      `${c.period}: ${periodText}`,
      `${c.owners}: ${event.ownerIds.length > 0 ? event.ownerIds.map(userField).join(', ') : c.noOwners}`,
      `${c.state}: ${stateLabel(event.state, options.lang)}`,
      `${c.deadline}: ${deadlineText}`,
      ...(link ? [`${c.dutyPage}: ${link}`] : []),
    ].join('\n');
    calendar.createEvent({
      id: event.uid,
      start,
      end,
      timezone: options.zone,
      stamp: options.now,
      summary: event.title,
      description,
      categories: [{ name: event.serviceName }],
      ...(link ? { url: link } : {}),
    });
  }
  return calendar.toString();
}
