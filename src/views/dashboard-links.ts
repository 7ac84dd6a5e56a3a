/**
 * Where the signed-in pages and the calendar feeds live (the URL shapes agreed for issue 14). The
 * web adapter serves these paths; the core builds links into them (an ICS event links to its duty
 * page), so a moved page is one edit.
 */
export const DASHBOARD_PATHS = {
  period: '/dashboard',
  ledger: '/dashboard/ledger',
  settings: '/dashboard/settings',
  export: '/dashboard/export',
  auditorPack: '/dashboard/export/auditor-pack.zip',
  calendar: '/dashboard/calendar',
} as const;

/** The page of one duty (its text, schedule and history). */
export function dutyPagePath(dutyId: string): string {
  return `/dashboard/duty/${encodeURIComponent(dutyId)}`;
}

/** A calendar feed: the secret token is the whole credential, so it is the URL. */
export function calendarFeedPath(token: string): string {
  return `/calendar/${encodeURIComponent(token)}.ics`;
}

/** `path` under the operator's public URL, or null when none is configured. */
export function absoluteUrl(publicUrl: string | null | undefined, path: string): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
