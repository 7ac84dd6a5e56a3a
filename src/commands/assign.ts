import type { WorkspaceSettings } from '../settings/schema.js';
import type { Platform, WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { mention } from '../views/mentions.js';
import { dutyTitle } from '../views/occurrence-views.js';
import type { Lang, Reply } from '../views/types.js';
import type { ExecuteDeps, ParsedCommandInput } from './deps.js';
import { resolveDutyRef, resolveService } from './duty-ref.js';
import type { Command } from './grammar.js';
import { messages } from './messages.js';
import { refError, refusal } from './refusal.js';

/** `assign <duty|service|fallback> @user…`: changes the owners in the settings (admins only, checked by the caller). */
export async function assign(
  deps: ExecuteDeps,
  input: ParsedCommandInput,
  workspace: WorkspaceRow,
  lang: Lang,
  command: Extract<Command, { name: 'assign' }>,
): Promise<Reply> {
  const m = messages(lang);
  const notPeople = notPeopleIn(command, input.conversation.platform);
  if (notPeople.length > 0) {
    const b = catalogue(lang).binding;
    return refusal(lang, 'bad_value', b.notAPerson(notPeople.map((name) => `@${name}`).join(', ')), b.notAPersonHint);
  }
  const settings: WorkspaceSettings = structuredClone(workspace.settings);
  const users = command.clear ? [] : [...new Set(command.users)];
  let label: string;
  let target: Record<string, unknown>;
  if (/^(fallback|default|tutti|all)$/i.test(command.target)) {
    settings.owners.fallback = users;
    label = 'fallback';
    target = { fallback: true };
  } else {
    const service = resolveService(deps.knowledge, command.target);
    if (service) {
      if (users.length) settings.owners.by_service[service.id] = users;
      else delete settings.owners.by_service[service.id];
      label = service.name;
      target = { service: service.id };
    } else {
      const ref = resolveDutyRef(deps.knowledge, command.target);
      const refused = refError(ref, command.target, lang);
      if (refused || ref.kind !== 'found') return refused!;
      if (ref.rest) return refusal(lang, 'unknown_duty', m.unknownDuty(command.target), m.unknownDutyHint);
      if (users.length) settings.owners.by_duty[ref.duty.id] = users;
      else delete settings.owners.by_duty[ref.duty.id];
      label = `"${dutyTitle(ref.duty, lang)}"`;
      target = { duty: ref.duty.id };
    }
  }
  await deps.store.saveSettings(workspace.id, settings, {
    kind: 'assignment',
    actor: input.actor.userId,
    at: input.now,
    payload: { ...target, owners: users },
  });
  await deps.schedule.settingsChanged(workspace.id, input.now);
  const message = users.length ? m.assigned(label, users.map(mention).join(', ')) : m.unassigned(label);
  return { kind: 'updated', lang, message };
}

/** Names that address many people at once on every surface (Slack, Teams, e-mail habits). */
const BROADCAST = new Set(['channel', 'here', 'everyone', 'all', 'group', 'team', 'canale', 'tutti']);

/**
 * Owners are people. On Slack and Teams a person reaches the core as a platform mention token;
 * a typed `@word` there is text (a broadcast such as @channel, a user group, a name that mentions
 * nobody). The terminal has no mentions, so `@name` is its way to name a person — but never a
 * broadcast word.
 */
function notPeopleIn(command: Extract<Command, { name: 'assign' }>, platform: Platform): string[] {
  const typed = command.typed ?? [];
  if (platform !== 'local') return typed;
  return typed.filter((name) => BROADCAST.has(name.toLowerCase()));
}
