import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedEarlier, useCli } from './support/cli.js';

/** Export files are named by the days people typed and never overwrite an earlier export silently. */

const { run: cli, dir } = useCli('exports.sqlite');

describe('export files', () => {
  it('names the file by the local days asked for', () => {
    installedEarlier(cli, join(dir(), 'exports.sqlite'));
    expect(cli(['done', 'website', 'backup', 'for', '2026-11', '--at', '2026-11-10T10:00:00+01:00']).code).toBe(0);
    const { code, stdout } = cli(['export', '--format', 'json', '--from', '2026-11-01', '--to', '2026-11-30']);
    expect(code).toBe(0);
    const exported = JSON.parse(stdout);
    expect(JSON.stringify(exported)).toContain('rocketweb.customer.website-backup');
    // The chat names the file it writes; the same range through the terminal chat:
    const chat = cli(['chat'], { input: 'export json from 2026-11-01 to 2026-11-30\n' });
    expect(chat.stdout).toMatch(/→ data\/dutybot-ledger-local-2026-11-01_to_2026-11-30\.json/);
  });

  it('refuses to overwrite --out without --force, and the chat adds a suffix', () => {
    const out = join(dir(), 'ledger.csv');
    writeFileSync(out, 'sent to the auditor last week\n');
    const refused = cli(['export', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `dutybot: ${out} already exists: nothing was overwritten (choose another --out, or add --force to replace it)\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('sent to the auditor last week\n');
    expect(cli(['export', '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('rocketweb.customer.website-backup');

    const again = cli(['chat'], { input: 'export json from 2026-11-01 to 2026-11-30\n' });
    expect(again.stdout).toMatch(/→ data\/dutybot-ledger-local-2026-11-01_to_2026-11-30-2\.json/);
    expect(existsSync(join(dir(), 'data', 'dutybot-ledger-local-2026-11-01_to_2026-11-30.json'))).toBe(true);
    expect(readdirSync(join(dir(), 'data')).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });
});
