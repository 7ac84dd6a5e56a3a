import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, useCli } from '../support/cli.js';

/** The operator's side of the dashboard: `dutybot dashboard link` and `dutybot dashboard` on loopback. */
describe('dutybot dashboard', () => {
  const cli = useCli();

  it('prints a one-time link for a person, only when the public URL is known', () => {
    const bare = cli.run(['dashboard', 'link', '--workspace', 'local'], { env: { DUTYBOT_PUBLIC_URL: '' } });
    expect(bare.code).not.toBe(0);
    expect(bare.stderr).toContain('DUTYBOT_PUBLIC_URL');
    expect(cli.run(['settings', 'set', 'reminder_time', '08:30']).code).toBe(0);
    const env = { DUTYBOT_PUBLIC_URL: 'https://duty.example.com/' };
    const issued = cli.run(['dashboard', 'link', '--workspace', 'local', '--user', 'alice'], { env });
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^https:\/\/duty\.example\.com\/dashboard\/sign-in\/[\w-]{40,}\n$/);
    expect(issued.stderr).toContain('for alice in local');
    const unknown = cli.run(['dashboard', 'link', '--workspace', 'nowhere'], { env });
    expect(unknown.code).not.toBe(0);
    expect(cli.run(['dashboard', 'frobnicate']).code).not.toBe(0);
  });

  it('serves the local store on 127.0.0.1 and prints a link that signs the terminal user in', async () => {
    const child = spawn(process.execPath, [CLI, 'dashboard', '--port', '0'], {
      cwd: cli.dir(),
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(cli.dir(), 'cli.sqlite')}`,
        USER: 'tester',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const link = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no link in: ${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /(http:\/\/127\.0\.0\.1:\d+\/dashboard\/sign-in\/[\w-]+)\n/.exec(out);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const signIn = await fetch(link, { redirect: 'manual' });
      expect(signIn.status).toBe(303);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      expect(signIn.headers.get('set-cookie')).not.toContain('Secure');
      const page = await fetch(new URL('/dashboard/settings', link), { headers: { cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('08:30');
      expect(html).toContain('admin: sees and edits everything');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
