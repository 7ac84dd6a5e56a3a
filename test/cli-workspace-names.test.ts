import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDutybot } from '../src/bot/dutybot.js';
import { workspaceName } from '../src/bot/workspace-name.js';
import { TERMINAL_ACTIVE } from '../src/views/text.js';
import { useCli } from './support/cli.js';
import { hostileText } from './support/hostile-strings.js';

/**
 * Workspace names in the operator's CLI: a name column in `dutybot workspaces`, `name` in its
 * `--json` and in `status`, `--workspace <name>` when one workspace has it, and a hostile name
 * (the platform's admins typed it) shown inert in every one of them.
 */

const { run: cli, dir } = useCli('unused.sqlite');

const SLACK = { workspaceId: 'slack:T0SLACK', platform: 'slack' as const, channelId: 'C0HOME' };
const TEAMS = { workspaceId: 'teams:tenant-1:19:team-1', platform: 'teams' as const, channelId: '19:team-1' };
const OTHER = { workspaceId: 'slack:T0OTHER', platform: 'slack' as const, channelId: 'C0OTHER' };

async function namedStore(file: string, names: Record<string, string>): Promise<Record<string, string>> {
  const url = `sqlite:${join(dir(), file)}`;
  const bot = await createDutybot({ databaseUrl: url, clock: () => new Date('2026-11-02T08:00:00Z') });
  for (const conversation of [SLACK, TEAMS, OTHER]) {
    await bot.ensureWorkspace(conversation, 'installer');
    const name = names[conversation.workspaceId];
    if (name !== undefined) await bot.nameWorkspace(conversation.workspaceId, name);
  }
  await bot.close();
  return { DATABASE_URL: url };
}

/** Nothing a terminal would act on, and none of the core's mark delimiters. */
function inert(output: string): void {
  expect(output.replace(/\n/g, '')).not.toMatch(TERMINAL_ACTIVE);
  expect(output).not.toMatch(/[\uFDD0-\uFDEF]/);
}

describe('workspace names in the CLI', () => {
  it('shows a name column and a name in --json, and reaches a workspace by its name', async () => {
    const env = await namedStore('names.sqlite', { [SLACK.workspaceId]: 'Acme', [TEAMS.workspaceId]: 'IT Ops' });
    const text = cli(['workspaces'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^slack\s+slack:T0SLACK\s+Acme\s+active\s+C0HOME\s/m);
    expect(text.stdout).toMatch(/^teams\s+teams:tenant-1:19:team-1\s+IT Ops\s+active\s/m);
    expect(text.stdout).toMatch(/^slack\s+slack:T0OTHER\s+—\s+active\s/m);

    const rows = cli(['workspaces', '--json'], { env })
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // Oldest first, then by id (all three were created at the same instant).
    expect(rows.map((r) => [r.id, r.name])).toEqual([
      [OTHER.workspaceId, null],
      [SLACK.workspaceId, 'Acme'],
      [TEAMS.workspaceId, 'IT Ops'],
    ]);

    // By name, in any letter case; the id still wins and still works.
    const pending = cli(['pending', '--all', '--workspace', 'it ops', '--json'], { env });
    expect(pending.code).toBe(0);
    const csv = cli(['export', '--workspace', 'ACME', '--format', 'csv'], { env });
    expect(csv.code).toBe(0);
    // Acme's chain: its creation names its home channel.
    expect(csv.stdout).toContain('C0HOME');
    expect(csv.stdout).not.toContain('C0OTHER');

    const status = cli(['status'], { env });
    expect(status.stdout).toContain('  slack:T0SLACK "Acme" (slack)');
    const statusJson = JSON.parse(cli(['status', '--json'], { env }).stdout);
    expect(statusJson.workspaces.map((w: { name: string | null }) => w.name)).toEqual([null, 'Acme', 'IT Ops']);
  });

  it('asks for the id when two workspaces share a name', async () => {
    const env = await namedStore('twins.sqlite', { [SLACK.workspaceId]: 'Acme', [OTHER.workspaceId]: 'acme' });
    const twins = cli(['pending', '--workspace', 'Acme'], { env });
    expect(twins.code).toBe(2);
    expect(twins.stderr).toBe(
      'dutybot: 2 workspaces are named "Acme" (slack:T0OTHER, slack:T0SLACK): choose one with --workspace <id>\n',
    );
  });

  it('renders a hostile name inert in the table, in --json and in status', async () => {
    const hostile = hostileText();
    const env = await namedStore('hostile.sqlite', { [SLACK.workspaceId]: hostile });
    const stored = workspaceName(hostile) as string;

    const text = cli(['workspaces'], { env });
    expect(text.code).toBe(0);
    inert(text.stdout);
    // One line per workspace plus the header: the name cannot add or rewrite a line.
    expect(text.stdout.trim().split('\n')).toHaveLength(4);

    const json = cli(['workspaces', '--json'], { env });
    inert(json.stdout);
    // Escaped for the terminal, still the same value once parsed.
    const byId = (lines: string) =>
      lines
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    expect(byId(json.stdout).find((w) => w.id === SLACK.workspaceId).name).toBe(stored);

    const status = cli(['status'], { env });
    inert(status.stdout);
    const statusJson = cli(['status', '--json'], { env });
    inert(statusJson.stdout);
    const statusRows: { id: string; name: string }[] = JSON.parse(statusJson.stdout).workspaces;
    expect(statusRows.find((w) => w.id === SLACK.workspaceId)?.name).toBe(stored);
  });
});
