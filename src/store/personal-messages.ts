import type { Store } from './types.js';

/** The part of the store this rule uses (its key-value table). */
type KeyValue = Pick<Store, 'kvGet' | 'kvSet'>;

/**
 * Whether a person lets dutybot message them personally (a Slack DM, a Teams personal chat), per
 * workspace: the store rules of Slack and Teams want personal messages to be switchable off by the
 * person who gets them (`stop reminders to me` / `start reminders to me`). The default is on.
 * Stored in the key-value table (no TTL): one small row per person who ever switched it off.
 * Channel messages are not affected: a reminder in a channel is the team's, not the person's.
 */

const NAMESPACE = 'personal-messages';

export interface PersonalMessagesChoice {
  on: boolean;
  /** When it was last changed (ISO), for an admin who wonders why someone gets nothing. */
  at: string;
}

const keyOf = (workspaceId: string, userId: string) => `${workspaceId}|${userId}`;

export async function setPersonalMessages(
  kv: KeyValue,
  workspaceId: string,
  userId: string,
  on: boolean,
  now: Date,
): Promise<void> {
  await kv.kvSet<PersonalMessagesChoice>(NAMESPACE, keyOf(workspaceId, userId), { on, at: now.toISOString() });
}

export async function personalMessagesOn(kv: KeyValue, workspaceId: string, userId: string): Promise<boolean> {
  const choice = await kv.kvGet<PersonalMessagesChoice>(NAMESPACE, keyOf(workspaceId, userId));
  return choice?.on !== false;
}

/** The people of `userIds` who accept personal messages in this workspace (order kept, duplicates dropped). */
export async function acceptingPersonalMessages(
  kv: KeyValue,
  workspaceId: string,
  userIds: readonly string[],
): Promise<string[]> {
  const accepting: string[] = [];
  for (const userId of new Set(userIds)) {
    if (await personalMessagesOn(kv, workspaceId, userId)) accepting.push(userId);
  }
  return accepting;
}
