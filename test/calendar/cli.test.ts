import { describe, expect, it } from 'vitest';
import { useCli } from '../support/cli.js';

/** `dutybot calendar url | list | revoke` as an operator runs them, on the built binary. */
describe('dutybot calendar', () => {
  const cli = useCli();
  const env = { DUTYBOT_PUBLIC_URL: 'https://duty.example.test/' };

  it('creates a feed URL, lists it without the secret, and revokes it', () => {
    // A first write creates the terminal's workspace.
    cli.run(['done', 'backup restore test', '--note', 'seed']);
    expect(cli.run(['workspaces', '--json']).stdout).toContain('"id":"local"');
    const created = cli.run(['calendar', 'url', '--workspace', 'local', '--user', 'U0ANNA'], { env });
    expect(created.stderr).toContain('calendar feed cal_');
    expect(created.code).toBe(0);
    const url = created.stdout.trim();
    expect(url).toMatch(/^https:\/\/duty\.example\.test\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const id = /calendar feed (cal_[0-9a-f]+)/.exec(created.stderr)?.[1];
    expect(id).toBeDefined();

    const listed = cli.run(['calendar', 'list', '--json']);
    expect(listed.code).toBe(0);
    const rows = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toEqual([expect.objectContaining({ id, workspaceId: 'local', userId: 'U0ANNA', revokedAt: null })]);
    const token = url.slice(url.lastIndexOf('/') + 1, -'.ics'.length);
    expect(listed.stdout).not.toContain(token);
    expect(cli.run(['calendar', 'list']).stdout).toContain(id);

    const revoked = cli.run(['calendar', 'revoke', id!]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`${id} revoked`);
    const again = cli.run(['calendar', 'revoke', id!]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no live calendar feed ${id}`);
    const after = JSON.parse(cli.run(['calendar', 'list', '--json']).stdout.trim()) as { revokedAt: string | null };
    expect(after.revokedAt).not.toBeNull();
  });

  it('prints the path and says what to prefix when there is no public URL', () => {
    const created = cli.run(['calendar', 'url', '--workspace', 'local'], { env: { DUTYBOT_PUBLIC_URL: '' } });
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(created.stderr).toContain('DUTYBOT_PUBLIC_URL is not set');
  });

  it('refuses an unknown workspace and a malformed command with their usage', () => {
    const unknown = cli.run(['calendar', 'url', '--workspace', 'T0NOWHERE']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no workspace "T0NOWHERE"');
    const usage = cli.run(['calendar', 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('dutybot calendar url --workspace <id>');
  });
});
