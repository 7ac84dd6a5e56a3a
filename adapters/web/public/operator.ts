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
  /** Days an uninstalled workspace's data is kept: the core's own period, so the policy states what it does. */
  retentionDays: number;
}

const text = (value: string | undefined): string | undefined => value?.trim() || undefined;

export function operatorFacts(env: NodeJS.ProcessEnv, retentionDays: number): OperatorFacts {
  return {
    name: text(env.DUTYBOT_OPERATOR_NAME),
    contactEmail: text(env.DUTYBOT_CONTACT_EMAIL),
    dataLocation: text(env.DUTYBOT_DATA_LOCATION),
    retentionDays,
  };
}

/** An address a `mailto:` link can carry; anything else is shown as plain text, never as a link. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"']+$/.test(value);
}
