/** Calendar feeds: which occurrences a feed shows, its ICS text, and the secret tokens behind its URL. */
export { type CalendarEvent, calendarEvents, eventUid, HORIZON_MONTHS } from './events.js';
export { type CalendarFeed, calendarFeed } from './feed.js';
export { type FeedOptions, renderIcs } from './ics.js';
export { hashCalendarToken, type IssuedCalendarToken, issueCalendarToken, liveCalendarToken } from './tokens.js';
