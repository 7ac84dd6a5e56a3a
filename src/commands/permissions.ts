import type { Duty } from '../knowledge/model.js';
import { ownersOf } from '../occurrences/status.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import type { Actor } from './types.js';

/**
 * Who may do what. Adapters only supply facts about the actor (platform admin or not); the
 * rules are here so Slack, Teams and the terminal behave the same.
 *
 * - anyone: ask, pending, history, digest, help, settings show
 * - admins (platform admins or `settings.admins`): settings set/import, assign, export, audit
 * - owners of the duty and admins: done, skip, snooze, reopen (reopen: never "anyone"); while a duty has no owner at all,
 *   anyone in the workspace may confirm it (the reminder addressed the whole channel).
 * - people of another organisation (external): never admins, whatever their role at home or a
 *   settings list says; they confirm only a duty assigned to them by name.
 */
export async function isAdmin(actor: Actor, settings: WorkspaceSettings): Promise<boolean> {
  if (await isExternal(actor)) return false;
  if (settings.admins.includes(actor.userId)) return true;
  return actor.isPlatformAdmin ? await actor.isPlatformAdmin() : false;
}

export async function mayConfirm(actor: Actor, duty: Duty, settings: WorkspaceSettings): Promise<boolean> {
  const owners = ownersOf(duty, settings.owners);
  if (owners.includes(actor.userId)) return true;
  if (await isExternal(actor)) return false;
  if (owners.length === 0) return true;
  return isAdmin(actor, settings);
}

/**
 * Reopening a closed occurrence changes the record: its owners or an admin, never "anyone" (even
 * while the duty has no owner and anyone may confirm it).
 */
export async function mayReopen(actor: Actor, duty: Duty, settings: WorkspaceSettings): Promise<boolean> {
  if (ownersOf(duty, settings.owners).includes(actor.userId)) return true;
  return isAdmin(actor, settings);
}

/** People of another organisation (see Actor.isExternal): never admins, never dashboard users. */
export function isExternal(actor: Actor): Promise<boolean> {
  return actor.isExternal ? actor.isExternal() : Promise.resolve(false);
}
