import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { createScheduleOps } from '../src/bot/schedule-service.js';
import { welcomeView } from '../src/bot/welcome.js';
import type { ExecuteDeps } from '../src/commands/execute.js';
import { executeCommand, executeParsedCommand } from '../src/commands/execute.js';
import { parseCommand } from '../src/commands/grammar.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';
import { silentLogger } from '../src/logging/logger.js';
import { ownersOf } from '../src/occurrences/status.js';
import { defaultSettings } from '../src/settings/schema.js';
import { createStore } from '../src/store/create-store.js';
import type { Store, WorkspaceRow } from '../src/store/types.js';
import { sourceCitation } from '../src/views/citation.js';
import { settingsLines } from '../src/views/settings-summary.js';

/**
 * Rules that used to live in several places and now have one owner each: who owns a duty, how
 * the source is cited, what the welcome promises, how settings are summarised, and how a command
 * runs whether it arrives as text or as an already-parsed value.
 */

const knowledge = loadKnowledge();
const customerDuty = [...knowledge.dutyById.values()].find((d) => d.party === 'customer')!;
const providerDuty = [...knowledge.dutyById.values()].find((d) => d.party === 'provider')!;
const owners = { by_duty: {}, by_service: {}, fallback: ['U-FALLBACK'] };

describe('owners of a duty', () => {
  it('are the fallback for an unassigned customer duty, and nobody for a provider duty', () => {
    expect(ownersOf(customerDuty, owners)).toEqual(['U-FALLBACK']);
    // A provider duty is the provider's job: the team's fallback does not own it.
    expect(ownersOf(providerDuty, owners)).toEqual([]);
    expect(ownersOf(providerDuty, { ...owners, by_service: { [providerDuty.service]: ['U-SVC'] } })).toEqual([]);
    expect(ownersOf(customerDuty, undefined)).toEqual([]);
  });

  it('are the same in answers as in the schedule', () => {
    const view = answer('who does the backups on RocketWeb?', knowledge, { owners }).view;
    const duties = view.items.filter((item) => item.kind === 'duty' && item.performer);
    expect(new Set(duties.map((item) => item.performer!.party))).toEqual(new Set(['provider', 'customer']));
    for (const item of duties) {
      const duty = knowledge.dutyById.get(item.id)!;
      expect(item.performer!.ownerIds, item.id).toEqual(ownersOf(duty, owners));
    }
  });
});

describe('source citation', () => {
  it('names the provider, title, version and date from the knowledge data', () => {
    const other: Knowledge = {
      ...knowledge,
      document: { ...knowledge.document, provider: 'Acme', version: 'V.7' } as unknown as Knowledge['document'],
    };
    expect(sourceCitation(other, customerDuty, 'en').label).toMatch(/^Acme GDPR V\.7, \d\d\/\d\d\/\d{4} — /);
    expect(sourceCitation(other, providerDuty, 'it').label).toMatch(/^Acme GDPR V\.7 del .*, Acme$/);
    expect(sourceCitation(knowledge, customerDuty, 'it').label).toMatch(/, Cliente$/);
  });
});

describe('welcome text', () => {
  it('promises the default time, zone and digest day from the settings schema', () => {
    const defaults = defaultSettings();
    const text = welcomeView('W', defaults, knowledge, '').lines.join('\n');
    expect(text).toContain(`at ${defaults.reminder_time} (${defaults.timezone})`);
    expect(text).toContain('with a digest on Mondays');
    expect(text).toContain(`(${knowledge.document.version} of 16/04/2020)`);
  });

  it("follows the workspace's actual settings", () => {
    const settings = defaultSettings({ language: 'it', reminder_time: '08:30', timezone: 'Europe/London' });
    settings.digest = { ...settings.digest, weekday: 5 };
    const text = welcomeView('W', settings, knowledge, '/duty').lines.join('\n');
    expect(text).toContain('alle 08:30 (Europe/London)');
    expect(text).toContain('con un riepilogo il venerdì');
    expect(text).toContain('`/duty aiuto`');
    settings.digest = { ...settings.digest, enabled: false };
    expect(welcomeView('W', settings, knowledge, '').lines.join('\n')).not.toContain('riepilogo il');
  });
});

describe('settings summary and commands', () => {
  let store: Store;
  let deps: ExecuteDeps;
  let workspace: WorkspaceRow;
  const now = new Date('2026-12-01T09:00:00Z');
  const admin = { userId: 'admin', isPlatformAdmin: async () => true };
  const conversation = { workspaceId: 'W1', platform: 'local' as const, channelId: 'C1' };

  beforeAll(async () => {
    store = await createStore('sqlite::memory:');
    const schedule = createScheduleOps({
      store,
      knowledge,
      messengerFor: () => undefined,
      workerId: 'test',
      logger: silentLogger,
    });
    deps = {
      knowledge,
      store,
      schedule,
      ask: (question) => {
        const view = answer(question, knowledge).view;
        return { kind: 'answer', lang: view.lang, answer: view };
      },
    };
    await store.createWorkspace(
      { id: 'W1', platform: 'local', settings: defaultSettings({ language: 'it' }), homeChannel: 'C1' },
      'admin',
      now,
    );
    workspace = (await store.getWorkspace('W1'))!;
  });
  afterAll(() => store.close());

  it("shows an admin's App Home summary in the workspace language, the same lines as `settings show`", async () => {
    const home = await deps.schedule.home(workspace, admin, now);
    expect(home.settingsSummary).toEqual(settingsLines(workspace.settings, 'it', workspace.homeChannel));
    expect(home.settingsSummary!.join('\n')).toContain('digest: ogni lunedì alle 09:00');
  });

  it('runs a parsed command value exactly as the same command typed as text', async () => {
    const input = { actor: admin, conversation, now, idempotencyKey: null };
    for (const text of ['settings show', 'pending all', 'history website backup', 'snooze website backup']) {
      const typed = await executeCommand(deps, { ...input, text }, workspace);
      const parsed = await executeParsedCommand(deps, parseCommand(text), input, workspace);
      expect(parsed, text).toEqual(typed);
    }
  });

  it('takes a command value built directly, with free text that the grammar would re-read', async () => {
    const backup = [...knowledge.dutyById.values()].find((d) => d.id === 'rocketweb.customer.website-backup')!;
    const reply = await executeParsedCommand(
      deps,
      {
        command: {
          name: 'done',
          ref: backup.id,
          note: 'copied for 2026-11 https://x.example',
          evidenceUrl: null,
          occurrence: null,
        },
        lang: 'en',
      },
      { actor: admin, conversation, now, idempotencyKey: 'k-parsed' },
      workspace,
    );
    expect(reply.kind).toBe('confirmed');
    if (reply.kind !== 'confirmed') return;
    expect(reply.confirmation.note).toBe('copied for 2026-11 https://x.example');
    expect(reply.confirmation.evidenceUrl).toBeNull();
  });
});
