/**
 * What the public pages say about whoever runs this server, from the environment. The values are
 * the operator's own words, shown as text (hono/jsx escapes them); nothing here is ever markup.
 */
export interface OperatorFacts {
  /** DUTYBOT_OPERATOR_NAME: the company or team that runs the server; undefined when not set. */
  name: string | undefined;
  /** DUTYBOT_CONTACT_EMAIL: where people write for support, privacy requests and the Teams package. */
  contactEmail: string | undefined;
  /** DUTYBOT_DATA_LOCATION: where the database is (e.g. "Frankfurt, Germany (AWS eu-central-1)"). */
  dataLocation: string | undefined;
  /** DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL: days an uninstalled workspace's data is kept. */
  retentionDays: number;
}

/** The retention the privacy policy states when the variable is not set (the store's default too). */
export const DEFAULT_RETENTION_DAYS = 30;

const text = (value: string | undefined): string | undefined => value?.trim() || undefined;

export function operatorFacts(env: NodeJS.ProcessEnv): OperatorFacts {
  return {
    name: text(env.DUTYBOT_OPERATOR_NAME),
    contactEmail: text(env.DUTYBOT_CONTACT_EMAIL),
    dataLocation: text(env.DUTYBOT_DATA_LOCATION),
    retentionDays: retentionDays(env.DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL),
  };
}

/**
 * The retention period as the store applies it: a whole number of days, blank for the default.
 * A malformed value stops the server at start (the store's own check), so a page never serves it;
 * here it simply falls back to the default rather than printing the typo in a policy.
 */
function retentionDays(value: string | undefined): number {
  const trimmed = value?.trim() ?? '';
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : DEFAULT_RETENTION_DAYS;
}

/** An address a `mailto:` link can carry; anything else is shown as plain text, never as a link. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"']+$/.test(value);
}
