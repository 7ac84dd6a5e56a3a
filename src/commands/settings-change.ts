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
  const result =
    command.action === 'set'
      ? applySetting(settings, command.key, command.value, { dutyIds: new Set(deps.knowledge.dutyById.keys()) })
      : importSettings(command.yaml, settings, { replace: command.replace === true });
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
