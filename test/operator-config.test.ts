import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, useCli } from './support/cli.js';

/**
 * The operator's configuration path through the built binary: `.env` in the working directory
 * (or DUTYBOT_ENV_FILE), the environment winning over the file, and what `npm start` says about
 * each surface — or why it has nothing to do.
 */

const { run: cli, dir } = useCli('config.sqlite');

/** The test process's environment without any platform credentials or store choice. */
function bareEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(SLACK_|MICROSOFT_APP_|TEAMS_|DATABASE_URL$|DUTYBOT_)/.test(k)) env[k] = v;
  }
  return { ...env, USER: 'tester', ...extra };
}

/** A command that writes to the store and asks nothing of the clock (a setting left at its default). */
const WRITE = ['settings', 'set', 'escalation.follow_up_after_working_days', '1'];

describe('.env is read by every command', () => {
  it('takes DATABASE_URL from .env in the working directory', () => {
    writeFileSync(join(dir(), '.env'), '# copied from .env.example\nDATABASE_URL=sqlite:./from-dotenv.sqlite\n');
    const result = spawnSync(process.execPath, [CLI, ...WRITE], {
      cwd: dir(),
      env: bareEnv(),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(dir(), 'from-dotenv.sqlite'))).toBe(true);
  });

  it('lets a variable already in the environment win over the file', () => {
    writeFileSync(join(dir(), '.env'), 'DATABASE_URL=sqlite:./loser.sqlite\n');
    const { code } = cli(WRITE, {
      env: { DATABASE_URL: `sqlite:${join(dir(), 'winner.sqlite')}` },
    });
    expect(code).toBe(0);
    expect(existsSync(join(dir(), 'winner.sqlite'))).toBe(true);
    expect(existsSync(join(dir(), 'loser.sqlite'))).toBe(false);
  });

  it('reads the file DUTYBOT_ENV_FILE names, and says so when it does not exist', () => {
    writeFileSync(join(dir(), 'staging.env'), 'DATABASE_URL="sqlite:./staging.sqlite"\n');
    const ok = spawnSync(process.execPath, [CLI, ...WRITE], {
      cwd: dir(),
      env: bareEnv({ DUTYBOT_ENV_FILE: 'staging.env' }),
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(existsSync(join(dir(), 'staging.sqlite'))).toBe(true);

    const missing = spawnSync(process.execPath, [CLI, ...WRITE], {
      cwd: dir(),
      env: bareEnv({ DUTYBOT_ENV_FILE: 'nope.env' }),
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`dutybot: DUTYBOT_ENV_FILE names ${join(dir(), 'nope.env')}, which does not exist\n`);
  });
});

describe('npm start', () => {
  it('with no credentials and no terminal, says what is configured and what is missing, and fails', () => {
    writeFileSync(join(dir(), '.env'), `DATABASE_URL=sqlite:./start.sqlite\n`);
    // stdin is /dev/null, as under systemd or `docker run` without -i.
    const result = spawnSync(process.execPath, [CLI, 'start'], {
      cwd: dir(),
      env: bareEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      'dutybot: no Slack or Teams credentials, and no terminal to chat in (stdin is not a terminal or a pipe).',
    );
    expect(lines).toContain(`configuration: 1 variable(s) from ${join(dir(), '.env')}`);
    expect(lines.find((l) => l.startsWith('Slack: '))).toMatch(/^Slack: not configured \(set SLACK_SIGNING_SECRET/);
    expect(lines.find((l) => l.startsWith('Teams: '))).toMatch(/^Teams: not configured \(set MICROSOFT_APP_ID/);
    expect(lines).toContain('store: sqlite:./start.sqlite');
    expect(lines.at(-1)).toMatch(/^Put the Slack or Teams variables in \.env/);
  });

  it('with piped lines and no credentials, answers them as the terminal chat', () => {
    const { code, stdout } = cli(['start'], { input: 'history website backup\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('(rocketweb.customer.website-backup)');
  });

  it('prints one line per surface at start-up, never a secret, and serves /healthz', async () => {
    const password = 'teams-secret-never-printed';
    writeFileSync(
      join(dir(), '.env'),
      `MICROSOFT_APP_ID=00000000-0000-0000-0000-000000000001\nMICROSOFT_APP_PASSWORD=${password}\nMICROSOFT_APP_TENANT_ID=00000000-0000-0000-0000-000000000002\n`,
    );
    const child = spawn(process.execPath, [CLI, 'start'], {
      cwd: dir(),
      env: bareEnv({
        DATABASE_URL: `sqlite:${join(dir(), 'server.sqlite')}`,
        PORT: '0',
        HOST: '127.0.0.1',
        DUTYBOT_LOG_FORMAT: 'json',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      while (!/listening on http:\/\/127\.0\.0\.1:\d+/.test(stderr) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const messages = stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).msg as string);
      expect(messages).toContain(`configuration: 3 variable(s) from ${join(dir(), '.env')}`);
      expect(messages.find((m) => m.startsWith('Slack: '))).toMatch(/^Slack: not configured/);
      expect(messages).toContain('Teams: POST /api/messages (SingleTenant)');
      expect(messages).toContain(`store: sqlite:${join(dir(), 'server.sqlite')}`);
      expect(messages).toContain('scheduler: a pass every 30 s');
      expect(stderr).not.toContain(password);
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1];
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
