import type { Knowledge } from '../knowledge/model.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import { catalogue } from '../views/catalogue/index.js';
import { documentFacts } from '../views/citation.js';
import { exampleFacts } from '../views/examples.js';
import { weekdayName } from '../views/labels.js';
import type { WelcomeView } from '../views/types.js';

/**
 * The bot's first message in a new workspace: it is already usable (every service in use,
 * reminders here, nobody assigned yet), and this says how to narrow it down. Times, zone and
 * digest day are the workspace's own settings, and the document is named from the knowledge data,
 * so the welcome cannot drift from what the bot will actually do.
 */
export function welcomeView(
  workspaceId: string,
  settings: WorkspaceSettings,
  knowledge: Pick<Knowledge, 'document' | 'examples'>,
  commandPrefix: string,
  options: { inChannel?: boolean } = {},
): WelcomeView {
  const inChannel = options.inChannel ?? true;
  const lang = settings.language;
  const lines = catalogue(lang).welcome({
    ...documentFacts(knowledge),
    examples: exampleFacts(knowledge, lang),
    time: settings.reminder_time,
    zone: settings.timezone,
    digestDay: settings.digest.enabled ? weekdayName(settings.digest.weekday, lang) : null,
    prefix: commandPrefix ? `${commandPrefix} ` : '',
    inChannel,
  });
  // Welcomed outside a channel (OAuth install, App Home, DM): the surface asks for one.
  return inChannel ? { lang, workspaceId, lines } : { lang, workspaceId, lines, askForChannel: true };
}
