import { applySetting, importSettings, SETTABLE_KEYS, settingsToYaml } from '../settings/edit.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import type { WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { settingsLines } from '../views/settings-summary.js';
import type { Lang, Reply } from '../views/types.js';
import type { ExecuteDeps, ParsedCommandInput } from './deps.js';
import type { Command } from './grammar.js';
import { messages } from './messages.js';
import { refusal } from './refusal.js';

type SettingsCommand = Extract<Command, { name: 'settings' }>;

/** `settings show`: anyone may read the settings. */
export function showSettings(workspace: WorkspaceRow, lang: Lang): Reply {
  const settings = workspace.settings;
  return {
    kind: 'settings',
    lang,
    title: messages(lang).settingsTitle,
    lines: settingsLines(settings, lang, workspace.homeChannel),
    yaml: settingsToYaml(settings),
  };
}

/** `settings set` / `settings import`: validates, saves with an audit event, recomputes the wake-up (admins only, checked by the caller). */
export async function changeSettings(
  deps: ExecuteDeps,
  input: ParsedCommandInput,
  workspace: WorkspaceRow,
  lang: Lang,
  command: Exclude<SettingsCommand, { action: 'show' }>,
): Promise<Reply> {
  const m = messages(lang);
  const settings = workspace.settings;
  const serviceIds = [...deps.knowledge.serviceById.keys()];
  const result =
    command.action === 'set'
      ? applySetting(settings, command.key, command.value, {
          dutyIds: new Set(deps.knowledge.dutyById.keys()),
          serviceIds,
        })
      : importSettings(command.yaml, settings, { replace: command.replace === true, serviceIds });
  if (!result.ok) {
    const { problem } = result;
    if (problem.kind === 'unknown_key')
      return refusal(lang, 'bad_value', m.unknownSetting(problem.key), m.unknownSettingHint(SETTABLE_KEYS.join(', ')));
    if (command.action === 'import')
      return refusal(lang, 'bad_value', m.settingsImportBad(problem.detail), m.usageLine(m.usage.settings));
    return refusal(
      lang,
      'bad_value',
      m.badSetting(problem.key, problem.help?.[lang] ?? problem.detail),
      m.usageLine(m.usage.settings),
    );
  }
  const change = result.value;
  const channelProblem = await unknownChannel(deps, input, workspace, change.settings, lang);
  if (channelProblem) return channelProblem;
  await deps.store.saveSettings(workspace.id, change.settings, {
    kind: 'settings.changed',
    actor: input.actor.userId,
    at: input.now,
    payload:
      command.action === 'set'
        ? { key: change.key, value: change.value }
        : { imported: change.settings, replace: command.replace === true },
  });
  await deps.schedule.settingsChanged(workspace.id, input.now);
  const message =
    command.action === 'set'
      ? m.settingUpdated(change.key, change.shown)
      : m.settingsImportedDiff(
          (change.diff ?? []).map((d) => `${d.key}: ${d.before} → ${d.after}`),
          change.reset ?? [],
        );
  return { kind: 'updated', lang, message };
}

/** Every channel a settings value names (default, per service, digest, escalation). */
function channelsOf(settings: WorkspaceSettings): Set<string> {
  const named = [
    settings.default_channel,
    settings.digest.channel,
    settings.escalation.channel,
    ...Object.values(settings.channels),
  ];
  return new Set(named.filter((channel): channel is string => typeof channel === 'string' && channel !== ''));
}

/**
 * Channels newly named by a change must belong to the workspace, as the platform's channel list
 * says (Slack conversations.info, the Teams team's channels): posting a digest into another
 * team's or tenant's channel is refused when it is set. Channels already in the settings, and the
 * workspace's home channel, are not asked about again.
 */
async function unknownChannel(
  deps: ExecuteDeps,
  input: ParsedCommandInput,
  workspace: WorkspaceRow,
  next: WorkspaceSettings,
  lang: Lang,
): Promise<Reply | null> {
  const directory = deps.channels?.(input.conversation.platform);
  if (!directory) return null;
  const known = channelsOf(workspace.settings);
  if (workspace.homeChannel) known.add(workspace.homeChannel);
  const b = catalogue(lang).binding;
  for (const channel of channelsOf(next)) {
    if (known.has(channel)) continue;
    let exists: boolean;
    try {
      exists = await directory.exists(workspace.id, channel);
    } catch {
      return refusal(lang, 'bad_value', b.channelCheckFailed(channel), b.unknownChannelHint);
    }
    if (!exists) return refusal(lang, 'bad_value', b.unknownChannel(channel), b.unknownChannelHint);
    // Never post where dutybot was not invited: a channel it is not in is refused now, not
    // discovered when its first reminder bounces.
    let invited = true;
    try {
      invited = directory.botIsIn ? await directory.botIsIn(workspace.id, channel) : true;
    } catch {
      return refusal(lang, 'bad_value', b.channelCheckFailed(channel), b.unknownChannelHint);
    }
    const s = catalogue(lang).storeRules;
    if (!invited) return refusal(lang, 'bad_value', s.notInvited(channel), s.notInvitedHint);
  }
  return null;
}
