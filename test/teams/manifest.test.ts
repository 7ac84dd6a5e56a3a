import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvModule from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  buildTeamsPackage,
  fillManifest,
  ManifestError,
  manifestValues,
  PACKAGE_FILES,
} from '../../adapters/teams/package-manifest.js';

const require = createRequire(import.meta.url);
// Both are CommonJS with `exports.default`; under NodeNext the default import is the module object.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const root = join(import.meta.dirname, '..', '..');
const manifestDir = join(root, 'manifest', 'teams');
const env = {
  MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
  TEAMS_WEBSITE_URL: 'https://it.example.com/dutybot',
};

/** Microsoft's own schema for a manifest version, shipped in @microsoft/app-manifest (no network). */
function schemaFor(version: string, file = 'MicrosoftTeams.schema.json') {
  const base = require.resolve('@microsoft/app-manifest/package.json');
  return JSON.parse(readFileSync(join(base, '..', 'build', 'json-schemas', 'teams', `v${version}`, file), 'utf8'));
}

function validator() {
  // strict: false because Microsoft's draft-04 schemas use later keywords (e.g. `const`) as annotations;
  // unicodeRegExp: false because the localization schema has patterns only valid without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv;
}

const template = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: manifest JSON.
const manifest = fillManifest(template, manifestValues(env, '0.1.0')) as any;

describe('Teams app manifest', () => {
  it('validates against the JSON schema of its own manifestVersion', () => {
    const validate = validator().compile(schemaFor(manifest.manifestVersion));
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The same validator does reject a broken manifest (so the check above means something).
    expect(
      validate({ ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid', scopes: ['everywhere'] }] }),
    ).toBe(false);
  });

  it('uses the newest schema version the package ships', () => {
    const base = join(require.resolve('@microsoft/app-manifest/package.json'), '..', 'build', 'json-schemas', 'teams');
    const versions = (require('node:fs').readdirSync(base) as string[])
      .filter((name) => /^v1\.\d+$/.test(name))
      .map((name) => Number(name.slice(3)));
    expect(Number(manifest.manifestVersion.split('.')[1])).toBe(Math.max(...versions));
  });

  it('the Italian strings validate against the localization schema and translate every command', () => {
    const strings = JSON.parse(readFileSync(join(manifestDir, 'it-it.json'), 'utf8'));
    const validate = validator().compile(
      schemaFor(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json'),
    );
    expect(validate(strings), JSON.stringify(validate.errors)).toBe(true);
    manifest.bots[0].commandLists.forEach((list: { commands: unknown[] }, l: number) => {
      for (let i = 0; i < list.commands.length; i++) {
        expect(strings[`bots[0].commandLists[${l}].commands[${i}].title`]).toBeTruthy();
      }
    });
  });

  it('declares a bot for team, personal and group chat with the command grammar', () => {
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(env.MICROSOFT_APP_ID);
    expect(manifest.id).toBe(env.MICROSOFT_APP_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    // At most 12 commands a list (the schema's limit): the personal chat has the private dashboard
    // link, team and group chats have assign (it mentions colleagues). test/web/store-manifests.test.ts
    // checks the lists against the grammar.
    const titles = (i: number) => bot.commandLists[i].commands.map((c: { title: string }) => c.title);
    expect(bot.commandLists.map((list: { scopes: string[] }) => list.scopes)).toEqual([
      ['personal'],
      ['team', 'groupChat'],
    ]);
    const shared = ['pending', 'done', 'skip', 'reopen', 'snooze', 'history', 'digest', 'settings', 'export', 'audit'];
    expect(titles(0)).toEqual([...shared, 'dashboard', 'help']);
    expect(titles(1)).toEqual([...shared.slice(0, 5), 'assign', ...shared.slice(5), 'help']);
  });

  it('has a 192×192 color icon and a 32×32 outline icon that is only white and transparent', () => {
    const color = PNG.sync.read(readFileSync(join(manifestDir, manifest.icons.color)));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(join(manifestDir, manifest.icons.outline)));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const alpha = outline.data[i + 3] as number;
      if (alpha === 0) transparent++;
      else {
        opaque++;
        expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(0);
    expect(opaque).toBeGreaterThan(0);
  });

  it('packages the filled manifest, icons and strings into the upload zip', () => {
    const { zip } = buildTeamsPackage({ manifestDir, env, appVersion: '0.1.0' });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([...PACKAGE_FILES].sort());
    const packed = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(packed).toEqual(manifest);
    expect(JSON.stringify(packed)).not.toContain('${{');
  });

  it('names the missing or malformed variable when packaging cannot proceed', () => {
    expect(() => manifestValues({}, '0.1.0')).toThrow(/MICROSOFT_APP_ID is missing/);
    expect(() =>
      manifestValues({ MICROSOFT_APP_ID: 'not-a-guid', TEAMS_WEBSITE_URL: 'https://x.example' }, '0.1.0'),
    ).toThrow(/must be a GUID/);
    expect(() => manifestValues({ MICROSOFT_APP_ID: env.MICROSOFT_APP_ID }, '0.1.0')).toThrow(/TEAMS_WEBSITE_URL/);
    expect(() => manifestValues({ ...env, TEAMS_PRIVACY_URL: 'http://insecure.example' }, '0.1.0')).toThrow(
      /TEAMS_PRIVACY_URL must be an https/,
    );
    expect(() => fillManifest(['{"id":"$', '{{NOPE}}"}'].join(''), {})).toThrow(ManifestError);
  });
});
