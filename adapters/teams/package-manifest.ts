import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { publicLinks } from '../../src/views/public-links.js';

/**
 * `npm run package:teams`: fills manifest/teams/manifest.json's `${{NAME}}` placeholders from the
 * environment and writes manifest/teams/build/dutybot-teams.zip (manifest, icons, Italian strings)
 * — the file a Teams admin uploads. fflate writes the zip: small, dependency-free, well kept.
 */

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'it-it.json'] as const;

export class ManifestError extends Error {}

/** The values the template needs, from the environment, with the documented defaults. */
export function manifestValues(env: NodeJS.ProcessEnv, appVersion: string): Record<string, string> {
  const appId = env.MICROSOFT_APP_ID?.trim();
  if (!appId) throw new ManifestError('MICROSOFT_APP_ID is missing: the Application (client) ID of the Azure Bot');
  if (!GUID.test(appId)) throw new ManifestError('MICROSOFT_APP_ID must be a GUID (the Application (client) ID)');
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  if (!GUID.test(teamsAppId)) throw new ManifestError('TEAMS_APP_ID must be a GUID');
  // The server's own public pages (DUTYBOT_PUBLIC_URL) are what the store links to; TEAMS_*_URL override them.
  const pages = publicLinks(env.DUTYBOT_PUBLIC_URL?.trim() || undefined);
  const website = env.TEAMS_WEBSITE_URL?.trim() || pages?.landing;
  if (!website) {
    throw new ManifestError(
      'DUTYBOT_PUBLIC_URL is missing: the https:// address of this dutybot server, whose landing, privacy and terms pages the app details link to (or set TEAMS_WEBSITE_URL)',
    );
  }
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: appId,
    TEAMS_APP_ID: teamsAppId,
    APP_VERSION: appVersion,
    TEAMS_DEVELOPER_NAME: env.TEAMS_DEVELOPER_NAME?.trim() || 'dutybot',
    TEAMS_WEBSITE_URL: website,
    TEAMS_PRIVACY_URL: env.TEAMS_PRIVACY_URL?.trim() || pages?.privacy || website,
    TEAMS_TERMS_URL: env.TEAMS_TERMS_URL?.trim() || pages?.terms || website,
  };
  for (const key of ['TEAMS_WEBSITE_URL', 'TEAMS_PRIVACY_URL', 'TEAMS_TERMS_URL']) {
    if (!/^https:\/\/\S+$/.test(values[key] as string)) throw new ManifestError(`${key} must be an https:// URL`);
  }
  if ((values.TEAMS_DEVELOPER_NAME as string).length > 32) {
    throw new ManifestError('TEAMS_DEVELOPER_NAME must be at most 32 characters');
  }
  return values;
}

/** The template with every placeholder replaced (JSON-escaped); unknown placeholders are an error. */
export function fillManifest(template: string, values: Record<string, string>): Record<string, unknown> {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) throw new ManifestError(`manifest.json uses unknown placeholders: ${[...missing].join(', ')}`);
  return JSON.parse(filled) as Record<string, unknown>;
}

export function buildTeamsPackage(options: { manifestDir: string; env: NodeJS.ProcessEnv; appVersion: string }): {
  manifest: Record<string, unknown>;
  zip: Uint8Array;
} {
  const template = readFileSync(join(options.manifestDir, 'manifest.json'), 'utf8');
  const manifest = fillManifest(template, manifestValues(options.env, options.appVersion));
  const files: Record<string, Uint8Array> = {};
  for (const name of PACKAGE_FILES) {
    files[name] =
      name === 'manifest.json'
        ? new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)
        : readFileSync(join(options.manifestDir, name));
  }
  // A fixed timestamp keeps the zip byte-identical for the same inputs.
  return { manifest, zip: zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }) };
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  // dist/adapters/teams → repository root.
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const manifestDir = join(root, 'manifest', 'teams');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  try {
    const { zip } = buildTeamsPackage({ manifestDir, env: process.env, appVersion: version });
    const out = join(manifestDir, 'build', 'dutybot-teams.zip');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(`wrote ${out} — upload it in Teams (Apps → Manage your apps → Upload an app)\n`);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    process.stderr.write(`package:teams: ${error.message}\n`);
    process.exitCode = 1;
  }
}
