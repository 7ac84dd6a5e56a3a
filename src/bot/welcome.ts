import type { Knowledge } from '../knowledge/model.js';
import { usedServices, type WorkspaceSettings } from '../settings/schema.js';
import { catalogue, type SetupFacts } from '../views/catalogue/index.js';
import { documentFacts } from '../views/citation.js';
import { exampleFacts } from '../views/examples.js';
import { weekdayName } from '../views/labels.js';
import { mention, typed } from '../views/mentions.js';
import type { WelcomeView } from '../views/types.js';

/**
 * The bot's first message in a workspace walks whoever installed it through the setup that
 * decides what reminders say and where: the services in use, their owners, the reminders' channel.
 * Each step says whether it is done and the command that does it, from the workspace's own
 * settings, so the welcome cannot promise anything the scheduler will not do. Reminders start
 * once there is a channel (the one the bot was added to, or the one picked); what is already open
 * then is listed, never reminded one by one (the scheduler's "no burst" cut-off).
 */
export interface WelcomeOptions {
  /** Welcomed in the channel reminders go to (default), or elsewhere (a DM after an OAuth install). */
  inChannel?: boolean;
  /** The platform user who added the bot: a team's welcome names them (never in their own DM). */
  installer?: string | null;
}

export function welcomeView(
  workspaceId: string,
  settings: WorkspaceSettings,
  knowledge: Pick<Knowledge, 'document' | 'examples' | 'services'>,
  commandPrefix: string,
  options: WelcomeOptions = {},
): WelcomeView {
  const inChannel = options.inChannel ?? true;
  const lang = settings.language;
  const c = catalogue(lang);
  const prefix = commandPrefix ? `${commandPrefix} ` : '';
  const examples = exampleFacts(knowledge, lang);
  const [intro, questions] = c.welcome({ ...documentFacts(knowledge), examples, prefix });
  const facts = setupFacts(settings, knowledge, prefix, inChannel ? 'here' : 'missing');
  const lines = [
    intro ?? '',
    inChannel && options.installer ? c.setup.addedBy(mention(options.installer)) : c.setup.lead,
    c.setup.services(facts),
    c.setup.owners(facts),
    c.setup.channel(facts),
    c.setup.timing(facts),
    questions ?? '',
  ];
  // Nowhere to post reminders yet: the surface asks for a channel (Slack's picker).
  return facts.channel === 'missing' ? { lang, workspaceId, lines, askForChannel: true } : { lang, workspaceId, lines };
}

/**
 * The welcome of one person's personal chat (Teams personal install): it says which workspace the
 * chat acts on (by name when known) and that the team's admins do the setup.
 */
export function personalWelcomeView(
  workspaceId: string,
  settings: WorkspaceSettings,
  knowledge: Pick<Knowledge, 'document' | 'examples'>,
  workspaceName: string | null,
  actsOnTeam: boolean,
): WelcomeView {
  const lang = settings.language;
  const c = catalogue(lang);
  const [intro, questions] = c.welcome({
    ...documentFacts(knowledge),
    examples: exampleFacts(knowledge, lang),
    prefix: '',
  });
  // The team's name is text its admins typed: it travels as a typed span, rendered inert.
  const where = actsOnTeam ? typedName(workspaceName, lang) : null;
  return { lang, workspaceId, lines: [intro ?? '', c.setup.personal(where), questions ?? ''] };
}

function typedName(name: string | null, lang: WorkspaceSettings['language']): string {
  return name ? typed(name) : catalogue(lang).answer.yourTeam;
}

function setupFacts(
  settings: WorkspaceSettings,
  knowledge: Pick<Knowledge, 'document' | 'examples' | 'services'>,
  prefix: string,
  channel: SetupFacts['channel'],
): SetupFacts {
  // `services: all` (the default) is every service of the pack: the installer has not chosen yet.
  const all = knowledge.services.map((service) => service.id);
  const { owners } = settings;
  const ownersAssigned =
    owners.fallback.length > 0 ||
    Object.values(owners.by_service).some((ids) => (ids?.length ?? 0) > 0) ||
    Object.values(owners.by_duty).some((ids) => (ids?.length ?? 0) > 0);
  return {
    provider: documentFacts(knowledge).provider,
    examples: exampleFacts(knowledge, settings.language),
    prefix,
    time: settings.reminder_time,
    zone: settings.timezone,
    digestDay: settings.digest.enabled ? weekdayName(settings.digest.weekday, settings.language) : null,
    servicesChosen: settings.services === 'all' ? null : usedServices(settings, all).length,
    allServices: all.length,
    ownersAssigned,
    channel,
  };
}
