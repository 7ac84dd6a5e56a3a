import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_PATHS } from '../../adapters/slack/mount.js';
import { EVENT_SCOPES, requiredBotScopes } from '../../adapters/slack/scopes.js';
import { fillManifest, manifestValues } from '../../adapters/teams/package-manifest.js';
import { parseCommand } from '../../src/commands/grammar.js';
import { catalogue } from '../../src/views/catalogue/index.js';
import { PUBLIC_PATHS, publicLinks } from '../../src/views/public-links.js';

/**
 * What the stores show and review, checked against the code: the manifests link the public pages
 * dutybot serves, their descriptions say what dutybot depends on and which languages are complete,
 * and their command lists name every chat command the grammar knows.
 */

const ROOT = join(import.meta.dirname, '../..');
const slackText = readFileSync(join(ROOT, 'manifest/slack/manifest.yaml'), 'utf8');
const slack = parse(slackText) as {
  display_information: { description: string; long_description: string };
  features: { slash_commands: { description: string; usage_hint: string }[] };
  settings: { token_rotation_enabled: boolean };
};
const teamsTemplate = readFileSync(join(ROOT, 'manifest/teams/manifest.json'), 'utf8');
const teamsItalian = JSON.parse(readFileSync(join(ROOT, 'manifest/teams/it-it.json'), 'utf8')) as Record<
  string,
  string
>;
const APP_ID = '11111111-2222-3333-4444-555555555555';

interface TeamsManifest {
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  description: { short: string; full: string };
  bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
}
const teams = (env: NodeJS.ProcessEnv) =>
  fillManifest(
    teamsTemplate,
    manifestValues({ MICROSOFT_APP_ID: APP_ID, ...env }, '0.1.0'),
  ) as unknown as TeamsManifest;

/**
 * The dashboard command arrives with the dashboard work (merged alongside this one): until the
 * grammar knows it, it is the one title allowed to read as a question.
 */
const ARRIVING = new Set(['dashboard', 'cruscotto']);

/** The command a chat word starts, or null when the grammar reads it as a question. */
function commandOf(word: string): string | null {
  const parsed = parseCommand(word);
  const name = 'error' in parsed ? parsed.command : parsed.command.name;
  return name === 'ask' ? null : name;
}

/** Every chat command, from the help every surface shows (first word of each usage) plus help itself. */
function chatCommands(): string[] {
  const words = catalogue('en')
    .help.commands.map((c) => c.usage.split(' ')[0]!)
    .filter((word) => !word.startsWith('<'));
  return [...new Set([...words, 'help', 'dashboard'])];
}

describe('store manifests ↔ public pages', () => {
  it('the Slack manifest links the privacy, terms and support pages on the same host as its endpoints', () => {
    const urls = [...slackText.matchAll(/https:\/\/dutybot\.example\.com[^\s"',]*/g)].map((m) => new URL(m[0]));
    const paths = new Set(urls.map((url) => url.pathname));
    for (const path of [PUBLIC_PATHS.landing, PUBLIC_PATHS.privacy, PUBLIC_PATHS.support, SLACK_PATHS.install]) {
      expect(paths, path).toContain(path);
    }
    // Every URL is one dutybot serves.
    const served = new Set<string>([...Object.values(PUBLIC_PATHS), ...Object.values(SLACK_PATHS)]);
    for (const path of paths) expect(served, path).toContain(path);
    const description = slack.display_information.long_description;
    for (const path of [PUBLIC_PATHS.privacy, PUBLIC_PATHS.terms, PUBLIC_PATHS.support]) {
      expect(description).toContain(`https://dutybot.example.com${path}`);
    }
  });

  it('the Teams package links the pages under DUTYBOT_PUBLIC_URL, unless TEAMS_*_URL say otherwise', () => {
    const links = publicLinks('https://duty.example.com')!;
    expect(teams({ DUTYBOT_PUBLIC_URL: 'https://duty.example.com/' }).developer).toEqual({
      name: 'dutybot',
      websiteUrl: links.landing,
      privacyUrl: links.privacy,
      termsOfUseUrl: links.terms,
    });
    const own = teams({
      DUTYBOT_PUBLIC_URL: 'https://duty.example.com',
      TEAMS_PRIVACY_URL: 'https://legal.example.com/p',
    });
    expect(own.developer.privacyUrl).toBe('https://legal.example.com/p');
    expect(own.developer.termsOfUseUrl).toBe(links.terms);
    expect(() =>
      manifestValues({ MICROSOFT_APP_ID: APP_ID, DUTYBOT_PUBLIC_URL: 'http://duty.example.com' }, '1'),
    ).toThrow(/TEAMS_WEBSITE_URL must be an https/);
    expect(() => manifestValues({ MICROSOFT_APP_ID: APP_ID }, '1')).toThrow(/DUTYBOT_PUBLIC_URL is missing/);
  });
});

describe('store descriptions', () => {
  const teamsManifest = teams({ DUTYBOT_PUBLIC_URL: 'https://duty.example.com' });
  const descriptions = {
    'Slack long description': slack.display_information.long_description,
    'Teams full description': teamsManifest.description.full,
  };

  it('say what dutybot depends on and which languages are complete', () => {
    for (const [where, text] of Object.entries(descriptions)) {
      expect(text, where).toMatch(/depends on: your organisation uses CoreTech's services/);
      expect(text, where).toMatch(/admin sets it up: the services you use, the channel for reminders and the owner/);
      expect(text, where).toMatch(/complete in English and Italian/);
    }
    const italian = teamsItalian['description.full']!;
    expect(italian).toMatch(/Da cosa dipende: la tua organizzazione usa i servizi di CoreTech/);
    expect(italian).toMatch(/amministratore del team lo configura/);
    expect(italian).toMatch(/completo in italiano e in inglese/);
  });

  it('fit the stores’ limits', () => {
    expect(slack.display_information.description.length).toBeLessThanOrEqual(140);
    const long = slack.display_information.long_description.length;
    // Slack's form asks for 175 to 4,000 characters.
    expect(long).toBeGreaterThanOrEqual(175);
    expect(long).toBeLessThanOrEqual(4000);
    expect(slack.features.slash_commands[0]!.description.length).toBeLessThanOrEqual(2000);
    expect(slack.features.slash_commands[0]!.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(teamsManifest.description.short.length).toBeLessThanOrEqual(80);
    expect(teamsManifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(teamsItalian['description.full']!.length).toBeLessThanOrEqual(4000);
  });

  it('Slack rotates its tokens', () => {
    expect(slack.settings.token_rotation_enabled).toBe(true);
  });
});

describe('command lists ↔ the grammar', () => {
  const lists = teams({ DUTYBOT_PUBLIC_URL: 'https://duty.example.com' }).bots[0]!.commandLists;

  it('name every chat command in Slack’s /duty usage and description', () => {
    const command = slack.features.slash_commands[0]!;
    const usageWords = command.usage_hint.split(' | ').map((part) => part.split(' ')[0]!);
    for (const word of chatCommands()) {
      expect(usageWords, word).toContain(word);
      expect(command.description, word).toMatch(new RegExp(`\\b${word}\\b`));
    }
    for (const word of usageWords.filter((w) => w !== '[question]')) {
      expect(commandOf(word) === word || ARRIVING.has(word), word).toBe(true);
    }
  });

  it('name every chat command in Teams, each title a command word, at most 12 a list', () => {
    const titles = lists.flatMap((list) => list.commands.map((c) => c.title));
    for (const word of chatCommands()) expect(titles, word).toContain(word);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(12);
      for (const { title } of list.commands)
        expect(commandOf(title) === title || ARRIVING.has(title), title).toBe(true);
    }
    // The sign-in link is private: offered only where the chat is personal.
    for (const list of lists) {
      expect(list.commands.some((c) => c.title === 'dashboard')).toBe(list.scopes.join() === 'personal');
    }
  });

  it('translate each Teams title into the Italian word for the same command', () => {
    lists.forEach((list, l) => {
      list.commands.forEach(({ title }, i) => {
        const italian = teamsItalian[`bots[0].commandLists[${l}].commands[${i}].title`];
        expect(italian, title).toBeTruthy();
        expect(italian, title).not.toBe(title);
        if (ARRIVING.has(title)) expect(italian).toBe('cruscotto');
        else expect(commandOf(italian!), `${italian} → ${title}`).toBe(title);
        expect(teamsItalian[`bots[0].commandLists[${l}].commands[${i}].description`], title).toBeTruthy();
      });
    });
  });
});

describe('docs/store-review.md ↔ the code', () => {
  const review = readFileSync(join(ROOT, 'docs/store-review.md'), 'utf8');
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8');

  it('gives a reason for exactly the bot scopes the manifest asks for, and names every event', () => {
    const rows = [...review.matchAll(/^\| `([a-z_:.]+)` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(requiredBotScopes());
    for (const event of Object.keys(EVENT_SCOPES)) expect(review, event).toContain(`\`${event}\``);
  });

  it('names only environment variables that .env.example declares, and every public page', () => {
    const named = new Set(
      [...review.matchAll(/\b((?:DUTYBOT|OPENAI|AZURE_OPENAI|SLACK|TEAMS)_[A-Z_]+|DATABASE_URL)\b/g)].map((m) => m[1]!),
    );
    expect(named.size).toBeGreaterThan(8);
    // The token encryption key is declared by the tokens work, merged alongside this one.
    const arriving = new Set(['DUTYBOT_ENCRYPTION_KEY']);
    for (const name of named) {
      if (!arriving.has(name)) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
    }
    for (const path of Object.values(PUBLIC_PATHS)) expect(review, path).toContain(`| \`${path}\` |`);
  });
});
