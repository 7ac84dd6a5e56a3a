import { applySetting, importSettings, SETTABLE_KEYS, settingsToYaml } from '../settings/edit.js';
import type { WorkspaceRow } from '../store/types.js';
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
    lines: settingsLines(settings, lang),
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
  const result =
    command.action === 'set'
      ? applySetting(settings, command.key, command.value, { dutyIds: new Set(deps.knowledge.dutyById.keys()) })
      : importSettings(command.yaml);
  if (!result.ok) {
    if (result.why === 'unknown')
      return refusal(lang, 'bad_value', m.unknownSetting(result.key), m.unknownSettingHint(SETTABLE_KEYS.join(', ')));
    if (command.action === 'import')
      return refusal(lang, 'bad_value', m.settingsImportBad(result.why), m.usageLine(m.usage.settings));
    return refusal(
      lang,
      'bad_value',
      m.badSetting(result.key, result.help?.[lang] ?? result.why),
      m.usageLine(m.usage.settings),
    );
  }
  await deps.store.saveSettings(workspace.id, result.settings, {
    kind: 'settings.changed',
    actor: input.actor.userId,
    at: input.now,
    payload:
      command.action === 'set' ? { key: result.key, value: JSON.parse(result.shown) } : { imported: result.settings },
  });
  await deps.schedule.settingsChanged(workspace.id, input.now);
  const message = command.action === 'set' ? m.settingUpdated(result.key, result.shown) : m.settingsImported;
  return { kind: 'updated', lang, message };
}
