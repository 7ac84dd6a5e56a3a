import { describe, expect, it } from 'vitest';
import { labels as slackLabels } from '../adapters/slack/labels.js';
import { labels as teamsLabels } from '../adapters/teams/cards/labels.js';
import { welcomeView } from '../src/bot/welcome.js';
import { helpView } from '../src/commands/help.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { defaultSettings } from '../src/settings/schema.js';
import { CATALOGUES, type Catalogue, catalogue } from '../src/views/catalogue/index.js';
import { documentLabel } from '../src/views/citation.js';
import { settingsLines } from '../src/views/settings-summary.js';
import { helpText, replyText } from '../src/views/text.js';
import type { Lang } from '../src/views/types.js';

/**
 * The core's catalogue: every language has every key of the English one, no empty sentence,
 * and the core renders in each language from it. Adapters read the shared labels from it.
 */

const langs = Object.keys(CATALOGUES) as Lang[];
const facts = {
  provider: 'P',
  title: 'T',
  version: 'V.9',
  date: '01/02/2003',
  time: '07:45',
  zone: 'Asia/Tokyo',
  digestDay: 'X',
  prefix: '/duty ',
  examples: { services: 's1,s2', service: 's1', duty: 'd1 s1', questions: ['q1?', 'q2?'], question: 'q1?' },
};
/** The setup checklist's facts, in the state of a fresh workspace and of a set-up one (both branches). */
const setupStates = [
  { ...facts, servicesChosen: null, allServices: 9, ownersAssigned: false, channel: 'missing' },
  { ...facts, servicesChosen: 3, allServices: 9, ownersAssigned: true, channel: 'here' },
] as const;
const SETUP_STEPS = new Set(['setup.services', 'setup.owners', 'setup.channel', 'setup.timing']);

/** Every leaf of a catalogue as [path, value]; functions are called so their output is checked too. */
function leaves(node: unknown, path: string): [string, unknown][] {
  if (typeof node === 'function' && SETUP_STEPS.has(path)) {
    return setupStates.map((state, i) => [`${path}(${i})`, node(state)]);
  }
  if (typeof node === 'function') {
    // Sentences about the document or the workspace take a facts object; the others numbers or words.
    const out =
      path.endsWith('welcome') || path.endsWith('intro')
        ? node(facts)
        : path === 'setup.personal' // the workspace's name, or none
          ? node(null) + node('Acme')
          : path.endsWith('help.examples') // the pack's examples
            ? node(facts.examples)
            : path.endsWith('settingsImportedDiff') // lists of changed and reset settings
              ? node(['services: — → rocketweb'], ['owners'])
              : node('2', '3', '4', '5', '6', '7', '8');
    return Array.isArray(out) ? out.map((line, i) => [`${path}()[${i}]`, line]) : [[`${path}()`, out]];
  }
  if (Array.isArray(node)) return node.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (node !== null && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  return [[path, node]];
}

/** Key paths of a catalogue, values ignored (arrays by position, functions as leaves). */
function keyPaths(node: unknown, path = ''): string[] {
  if (node !== null && typeof node === 'object' && !Array.isArray(node))
    return Object.entries(node).flatMap(([key, value]) => keyPaths(value, path ? `${path}.${key}` : key));
  return [path];
}

describe('the core catalogue', () => {
  it('gives each surface one read-only label table per language: a renderer cannot change what the next one shows', () => {
    for (const labels of [slackLabels, teamsLabels]) {
      for (const lang of ['en', 'it'] as const) {
        const table = labels(lang);
        expect(labels(lang)).toBe(table);
        expect(Object.isFrozen(table)).toBe(true);
        expect(() => Object.assign(table, { overdue: 'changed' })).toThrow(TypeError);
        // The catalogue's shared labels and the surface's own, merged.
        expect(table.overdue).toBe(catalogue(lang).ui.overdue);
      }
    }
    expect(slackLabels('it').done).toBe('Fatto');
  });

  it('has the same keys in every language', () => {
    const english = keyPaths(CATALOGUES.en).sort();
    expect(english.length).toBeGreaterThan(100);
    for (const lang of langs) expect(keyPaths(CATALOGUES[lang]).sort(), lang).toEqual(english);
  });

  it('has no empty or undefined sentence in any language', () => {
    for (const lang of langs) {
      for (const [path, value] of leaves(CATALOGUES[lang], '')) {
        expect(typeof value, `${lang} ${path}`).toBe('string');
        expect((value as string).trim(), `${lang} ${path}`).not.toBe('');
        expect(value as string, `${lang} ${path}`).not.toContain('undefined');
      }
    }
  });

  it('really translates: the Italian catalogue differs from the English one where words are language-specific', () => {
    const differs = (pick: (c: Catalogue) => string) => expect(pick(CATALOGUES.it)).not.toBe(pick(CATALOGUES.en));
    differs((c) => c.ui.upcoming);
    differs((c) => c.states.overdue);
    differs((c) => c.sourceCadence.periodic);
    differs((c) => c.help.intro(facts));
    differs((c) => c.answer.bothParties);
  });
});

describe('rendering in each language', () => {
  const knowledge = loadKnowledge();

  for (const lang of langs) {
    it(`renders replies, help, settings and the welcome in ${lang}`, () => {
      const c = catalogue(lang);
      const history = replyText({
        kind: 'history',
        lang,
        duty: { id: 'd', service: 'rocketweb', serviceName: 'RocketWeb', title: 'T' },
        entries: [],
      });
      expect(history).toContain(c.ui.noHistory);
      expect(replyText({ kind: 'pending', lang, title: 'x', items: [] })).toBe(c.ui.nothingPending);
      const help = helpText(helpView(lang, knowledge));
      expect(help).toContain(`${c.ui.examples}:`);
      expect(help).toContain(knowledge.document.version);

      const settings = defaultSettings({ language: lang });
      const lines = settingsLines(settings, lang, null);
      expect(lines.find((l) => l.startsWith('digest:'))).toContain(c.settings.digestOn('', '').split(' ')[0]!);

      const welcome = welcomeView('W1', settings, knowledge, '');
      expect(welcome.lang).toBe(lang);
      expect(welcome.lines.join('\n')).toContain(settings.reminder_time);
      expect(documentLabel(knowledge, lang)).toContain(knowledge.document.version);
    });
  }
});

describe('adapters keep only their chrome', () => {
  it('read every shared label from the core catalogue, so Slack, Teams and plain text agree', () => {
    for (const lang of langs) {
      const ui = catalogue(lang).ui;
      for (const key of Object.keys(ui) as (keyof typeof ui)[]) {
        expect(slackLabels(lang)[key], `slack ${lang} ${key}`).toBe(ui[key]);
        expect(teamsLabels(lang)[key], `teams ${lang} ${key}`).toBe(ui[key]);
      }
    }
    expect(slackLabels('en').upcoming).toBe(teamsLabels('en').upcoming);
  });
});
