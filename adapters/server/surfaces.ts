import { DEFAULT_DATABASE_URL, describeDatabaseUrl } from '../../src/bot/dutybot.js';
import { loadedEnvFile } from '../cli/env-file.js';
import { OPERATOR } from '../cli/wording.js';
import { isSlackConfigured, loadSlackConfig } from '../slack/config.js';
import { isTeamsConfigured, loadTeamsConfig } from '../teams/config.js';

/**
 * What `npm start` will serve, one line per surface, from the environment alone (nothing is
 * opened or contacted). Secrets are never part of a line: only which mode and which routes.
 */
export interface SurfaceReport {
  slack: boolean;
  teams: boolean;
  lines: string[];
}

export function describeSurfaces(env: NodeJS.ProcessEnv, options: { scheduler?: number | null } = {}): SurfaceReport {
  const lines: string[] = [];
  const envFile = loadedEnvFile();
  lines.push(envFile ? OPERATOR.envFileLoaded(envFile.file, envFile.applied.length) : OPERATOR.envFileNone);

  const slack = isSlackConfigured(env);
  if (!slack) lines.push(OPERATOR.slackMissing);
  else {
    try {
      const config = loadSlackConfig(env);
      const auth = config.auth.mode === 'token' ? OPERATOR.slackAuthToken : OPERATOR.slackAuthOAuth;
      lines.push(config.appToken ? OPERATOR.slackSocket(auth) : OPERATOR.slackHttp(auth));
    } catch (error) {
      lines.push(OPERATOR.slackInvalid((error as Error).message));
    }
  }

  const teams = isTeamsConfigured(env);
  if (!teams) lines.push(OPERATOR.teamsMissing);
  else {
    try {
      lines.push(OPERATOR.teamsOn(loadTeamsConfig(env).appType));
    } catch (error) {
      lines.push(OPERATOR.teamsInvalid((error as Error).message.replace(/\n- /g, '; ').replace(/:;/, ':')));
    }
  }

  lines.push(OPERATOR.store(describeDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL)));
  if (options.scheduler !== undefined)
    lines.push(options.scheduler === null ? OPERATOR.schedulerOff : OPERATOR.scheduler(options.scheduler));
  return { slack, teams, lines };
}
