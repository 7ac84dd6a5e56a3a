import { DateTime } from 'luxon';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { failure, ok, type Result } from '../result.js';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from './schema.js';
import { WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES } from './weekday-names.js';

/**
 * Editing settings from a chat line: `settings set <key> <value>` and `settings import <yaml>`.
 * Values are read as YAML scalars/lists (so `[1,2,3]`, `true`, `09:00` work) with a few friendly
 * forms on top (weekday names, comma lists, "all"). The result is always re-validated whole by
 * the zod schema, and a refusal names the setting and what is allowed.
 */

export interface SettingChange {
  settings: WorkspaceSettings;
  /** The value as stored, for the confirmation message (`"08:30"`, `[1,2,3]`, `imported`). */
  shown: string;
  /** The setting's canonical key (an Italian alias such as `lingua` becomes `language`), `yaml` for an import. */
  key: string;
  /** The value as stored (for the audit entry), for `settings set`. */
  value?: unknown;
  /** For an import: every setting whose value changed, and (with replace) those set back to defaults. */
  diff?: SettingDiff[];
  reset?: string[];
}

/** One setting an import changed, its values shown as people write them. */
export interface SettingDiff {
  key: string;
  before: string;
  after: string;
}

export type SettingProblem =
  | { kind: 'unknown_key'; key: string }
  | {
      kind: 'bad_value';
      key: string;
      /** What went wrong, in English (validator detail). */
      detail: string;
      /** What the setting accepts, in both languages, when there is a friendlier way to say it. */
      help?: Record<'en' | 'it', string>;
    };

export type EditResult = Result<SettingChange, SettingProblem>;

/** Top-level keys and nested paths a user may set. `*` stands for a service id or duty id. */
export const SETTABLE_KEYS = [
  'language',
  'services',
  'timezone',
  'working_days',
  'holidays',
  'reminder_time',
  'default_channel',
  'channels.*',
  'owners.fallback',
  'admins',
  'llm',
  'digest.enabled',
  'digest.weekday',
  'digest.time',
  'digest.channel',
  'escalation.follow_up_after_working_days',
  'escalation.escalate_after_working_days',
  'escalation.channel',
  'cadence.at_least_monthly',
  'cadence.periodic',
  'cadence.ongoing_review',
  'cadence.as_configured',
  'cadence.overrides.*.cadence',
  'cadence.overrides.*.day_of_month',
  'cadence.overrides.*.weekday',
] as const;

/** Italian names for the top-level settings, so `impostazioni imposta lingua it` works too. */
const KEY_ALIASES: Record<string, string> = {
  lingua: 'language',
  servizi: 'services',
  fuso: 'timezone',
  fuso_orario: 'timezone',
  giorni_lavorativi: 'working_days',
  festivi: 'holidays',
  festivita: 'holidays',
  orario_promemoria: 'reminder_time',
  ora_promemoria: 'reminder_time',
  canale_predefinito: 'default_channel',
  amministratori: 'admins',
};

const CADENCES = 'daily, weekly, monthly, bimonthly, quarterly, off';
const CHANNEL = {
  en: 'a channel id or name (e.g. #gdpr), or none',
  it: 'un id o nome di canale (es. #gdpr), oppure nessuno',
};

/**
 * What each setting accepts, said the way a user types it. Shown when a value is refused, instead
 * of the validator's wording (which speaks of array indexes and JSON types, and only English).
 */
const HELP: Partial<Record<(typeof SETTABLE_KEYS)[number], Record<'en' | 'it', string>>> = {
  language: { en: 'use en or it.', it: 'usa en o it.' },
  timezone: {
    en: 'use an IANA time zone such as Europe/Rome or UTC.',
    it: 'usa un fuso orario IANA come Europe/Rome o UTC.',
  },
  working_days: {
    en: 'use weekdays by name or number (1 = Monday … 7 = Sunday), e.g. mon-fri or mon,tue,wed,thu.',
    it: 'usa i giorni per nome o numero (1 = lunedì … 7 = domenica), es. lun-ven o lunedì,martedì,mercoledì.',
  },
  holidays: {
    en: 'use a comma list of real dates YYYY-MM-DD (e.g. 2026-12-08,2026-12-25), or none.',
    it: 'usa un elenco di date reali AAAA-MM-GG (es. 2026-12-08,2026-12-25), oppure nessuno.',
  },
  reminder_time: { en: 'use a time of day HH:MM (24h), e.g. 09:00.', it: "usa un'ora HH:MM (24h), es. 09:00." },
  'digest.time': { en: 'use a time of day HH:MM (24h), e.g. 09:00.', it: "usa un'ora HH:MM (24h), es. 09:00." },
  'digest.enabled': { en: 'use on or off.', it: 'usa sì o no.' },
  llm: { en: 'use on or off.', it: 'usa sì o no.' },
  'digest.weekday': {
    en: 'use a weekday name or number (1 = Monday … 7 = Sunday), e.g. monday.',
    it: 'usa il nome o il numero del giorno (1 = lunedì … 7 = domenica), es. lunedì.',
  },
  'escalation.follow_up_after_working_days': {
    en: 'use a whole number of working days from 1 to 30.',
    it: 'usa un numero intero di giorni lavorativi da 1 a 30.',
  },
  'escalation.escalate_after_working_days': {
    en: 'use a whole number of working days from 1 to 60.',
    it: 'usa un numero intero di giorni lavorativi da 1 a 60.',
  },
  'cadence.at_least_monthly': { en: `use one of ${CADENCES}.`, it: `usa uno tra ${CADENCES}.` },
  'cadence.periodic': { en: `use one of ${CADENCES}.`, it: `usa uno tra ${CADENCES}.` },
  'cadence.ongoing_review': { en: `use one of ${CADENCES}.`, it: `usa uno tra ${CADENCES}.` },
  'cadence.as_configured': { en: `use one of ${CADENCES}.`, it: `usa uno tra ${CADENCES}.` },
  'cadence.overrides.*.cadence': { en: `use one of ${CADENCES}.`, it: `usa uno tra ${CADENCES}.` },
  'cadence.overrides.*.day_of_month': {
    en: 'use a day of the month from 1 to 31 (clamped to the month end).',
    it: 'usa un giorno del mese da 1 a 31 (ridotto a fine mese se serve).',
  },
  'cadence.overrides.*.weekday': {
    en: 'use a weekday name or number (1 = Monday … 7 = Sunday).',
    it: 'usa il nome o il numero del giorno (1 = lunedì … 7 = domenica).',
  },
  default_channel: { en: `use ${CHANNEL.en}.`, it: `usa ${CHANNEL.it}.` },
  'digest.channel': { en: `use ${CHANNEL.en}.`, it: `usa ${CHANNEL.it}.` },
  'escalation.channel': { en: `use ${CHANNEL.en}.`, it: `usa ${CHANNEL.it}.` },
  'channels.*': { en: `use ${CHANNEL.en}.`, it: `usa ${CHANNEL.it}.` },
};

/** Splits a key into path segments; duty ids (which contain dots) stay one segment. */
function keyParts(key: string): string[] {
  const override = /^cadence\.overrides\.(.+)\.(cadence|day_of_month|weekday)$/.exec(key);
  if (override) return ['cadence', 'overrides', override[1]!, override[2]!];
  return key.split('.');
}

function keyPattern(key: string): string | undefined {
  const parts = keyParts(key);
  return SETTABLE_KEYS.find((pattern) => {
    const p = pattern.split('.');
    return p.length === parts.length && p.every((seg, i) => seg === '*' || seg === parts[i]);
  });
}

function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function weekday(value: string): number | string {
  const name = stripAccents(value.trim());
  const n = WEEKDAY_NAMES[name] ?? WEEKDAY_ABBREVIATIONS[name];
  return n ?? value;
}

/** Turns what was typed into the JSON value the schema expects for that key. */
function coerce(pattern: string, raw: string): unknown {
  const text = raw.trim();
  const list = (items: string) =>
    items
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  switch (pattern) {
    case 'services':
      return /^(all|tutti)$/i.test(text) ? 'all' : list(text).map((s) => s.toLowerCase());
    case 'holidays':
    case 'admins':
    case 'owners.fallback':
      // A mention mark (src/views/mentions.ts; settings sit below views, so the pattern is spelled here).
      return /^(none|nessuno|\[\])$/i.test(text)
        ? []
        : list(text).map((s) => s.replace(/^\uFDD0([^\uFDD0-\uFDEF]+)\uFDD1$/, '$1').replace(/^@/, ''));
    case 'working_days': {
      // \p{L}: Italian names carry accents ("lunedì-venerdì").
      const range = /^([\p{L}\d]+)\s*-\s*([\p{L}\d]+)$/u.exec(text);
      if (range) {
        const from = /^\d+$/.test(range[1]!) ? Number(range[1]) : weekday(range[1]!);
        const to = /^\d+$/.test(range[2]!) ? Number(range[2]) : weekday(range[2]!);
        if (typeof from === 'number' && typeof to === 'number' && from <= to)
          return Array.from({ length: to - from + 1 }, (_, i) => from + i);
      }
      return list(text).map((d) => (/^\d+$/.test(d) ? Number(d) : weekday(d)));
    }
    case 'digest.weekday':
    case 'cadence.overrides.*.weekday':
      return /^\d+$/.test(text) ? Number(text) : weekday(text);
    case 'default_channel':
    case 'digest.channel':
    case 'escalation.channel':
    case 'channels.*':
      return /^(none|null|nessuno|default)$/i.test(text)
        ? null
        : text.replace(/^<#([^|>]+)(?:\|[^>]*)?>$/, '$1').replace(/^#/, '');
    case 'reminder_time':
    case 'digest.time': {
      // "8:30", "8.30" and "9" mean what they say; the schema wants HH:MM.
      const time = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text);
      return time ? `${time[1]!.padStart(2, '0')}:${time[2] ?? '00'}` : text;
    }
    case 'digest.enabled':
      if (/^(on|yes|si|sì|true|acceso|attivo)$/i.test(text)) return true;
      if (/^(off|no|false|spento|disattivo)$/i.test(text)) return false;
      return text;
    case 'llm':
      if (/^(on|yes|si|sì|true|acceso|attivo)$/i.test(text)) return 'on';
      if (/^(off|no|false|spento|disattivo)$/i.test(text)) return 'off';
      return text;
    case 'language':
      return text.toLowerCase();
    case 'timezone':
      return canonicalZone(text);
    default: {
      const parsed: unknown = parseYaml(text);
      return parsed;
    }
  }
}

/** "europe/rome" → "Europe/Rome": the zone as the IANA database spells it (unknown zones as typed). */
function canonicalZone(text: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return text;
  }
}

/** A value as people write it in `settings set` (not JSON): lists with commas, maps as key: value. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${showValue(v)}`)
      .join(', ');
  return String(value);
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (typeof next !== 'object' || next === null) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === null && path[0] === 'channels') delete node[last];
  else node[last] = value;
}

export function describeIssue(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join('; ');
}

/** The services setting's help names the pack's own services. */
function servicesHelp(serviceIds: readonly string[]): Record<'en' | 'it', string> {
  const names = serviceIds.join(', ');
  return {
    en: `use a comma list of ${names}, or all.`,
    it: `usa un elenco separato da virgole tra ${names}, oppure tutti.`,
  };
}

/**
 * The first service id the settings name (used services, channels, owners) that the pack does not
 * define, said like the validator's other problems: "services.1: "aws" is not a service: expected one of …".
 */
function unknownService(settings: WorkspaceSettings, serviceIds: readonly string[]): string | undefined {
  const named: [string, string][] = [
    ...(settings.services === 'all' ? [] : settings.services.map((id, i): [string, string] => [`services.${i}`, id])),
    ...Object.keys(settings.channels).map((id): [string, string] => [`channels.${id}`, id]),
    ...Object.keys(settings.owners.by_service).map((id): [string, string] => [`owners.by_service.${id}`, id]),
  ];
  const stray = named.find(([, id]) => !serviceIds.includes(id));
  if (!stray) return undefined;
  const expected = serviceIds.map((id) => JSON.stringify(id)).join('|');
  return `${stray[0]}: "${stray[1]}" is not a service: expected one of ${expected}`;
}

export function applySetting(
  settings: WorkspaceSettings,
  typedKey: string,
  raw: string,
  /** What the knowledge pack in use defines: settings name its duties and services by id. */
  known: { dutyIds: ReadonlySet<string>; serviceIds: readonly string[] },
): EditResult {
  const key = KEY_ALIASES[stripAccents(typedKey)] ?? typedKey;
  const pattern = keyPattern(key);
  if (!pattern) return failure({ kind: 'unknown_key', key: typedKey });
  const parts = keyParts(key);
  if (pattern.startsWith('cadence.overrides.') && !known.dutyIds.has(parts[2]!))
    return failure({
      kind: 'bad_value',
      key,
      detail: `"${parts[2]}" is not a duty id (see \`pending all\` or \`dutybot duties\`)`,
      help: {
        en: `"${parts[2]}" is not a duty id (see \`pending all\` or \`dutybot duties\`).`,
        it: `"${parts[2]}" non è l'id di un dovere (vedi \`pendenti tutti\` o \`dutybot duties\`).`,
      },
    });
  let value: unknown;
  try {
    value = coerce(pattern, raw);
  } catch (error) {
    return failure({
      kind: 'bad_value',
      key,
      detail: `could not read the value (${(error as Error).message.split('\n')[0]})`,
    });
  }
  const help = pattern === 'services' ? servicesHelp(known.serviceIds) : HELP[pattern as keyof typeof HELP];
  if (pattern === 'holidays' && Array.isArray(value)) {
    const impossible = value.find((day) => typeof day === 'string' && !DateTime.fromISO(day).isValid);
    if (impossible) return failure({ kind: 'bad_value', key, detail: `"${impossible}" is not a real date`, help });
  }
  const draft = structuredClone(settings) as unknown as Record<string, unknown>;
  setPath(draft, parts, value);
  const parsed = WorkspaceSettingsSchema.safeParse(draft);
  if (!parsed.success) return failure({ kind: 'bad_value', key, detail: describeIssue(parsed.error), help });
  const stray = unknownService(parsed.data, known.serviceIds);
  if (stray) return failure({ kind: 'bad_value', key, detail: stray, help: servicesHelp(known.serviceIds) });
  return ok({ settings: parsed.data, shown: showValue(value), key, value });
}

/**
 * `settings import`: by default the file's keys are merged over the current settings (a file with
 * one key changes one setting); with `replace` the file is the whole configuration and every key it
 * leaves out goes back to its default. Either way the reply lists what changed.
 */
export function importSettings(
  yamlText: string,
  current: WorkspaceSettings,
  /** `serviceIds`: the pack's services; without them service ids are checked only for their shape. */
  options: { replace?: boolean; serviceIds?: readonly string[] } = {},
): EditResult {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    return failure({
      kind: 'bad_value',
      key: 'yaml',
      detail: `invalid YAML (${(error as Error).message.split('\n')[0]})`,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return failure({ kind: 'bad_value', key: 'yaml', detail: 'expected a mapping of settings (key: value lines)' });
  const candidate = options.replace
    ? data
    : deepMerge(current as unknown as Record<string, unknown>, data as Record<string, unknown>);
  const parsed = WorkspaceSettingsSchema.strict().safeParse(candidate);
  if (!parsed.success) return failure({ kind: 'bad_value', key: 'yaml', detail: describeIssue(parsed.error) });
  const stray = options.serviceIds ? unknownService(parsed.data, options.serviceIds) : undefined;
  if (stray) return failure({ kind: 'bad_value', key: 'yaml', detail: stray });
  const given = leaves(data as Record<string, unknown>).map(([key]) => key);
  const diff = settingsDiff(current, parsed.data);
  const reset = options.replace
    ? diff.filter((d) => !given.some((g) => g === d.key || d.key.startsWith(`${g}.`) || g.startsWith(`${d.key}.`)))
    : [];
  return ok({
    settings: parsed.data,
    shown: 'imported',
    key: 'yaml',
    diff: diff.filter((d) => !reset.includes(d)),
    reset: reset.map((d) => d.key),
  });
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Mappings merge key by key; lists and scalars in the file replace what was there. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = merged[key];
    merged[key] = isMapping(before) && isMapping(value) ? deepMerge(before, value) : value;
  }
  return merged;
}

/** Dotted paths to every leaf (a list is one leaf). */
function leaves(value: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]): [string, unknown][] =>
    isMapping(v) && Object.keys(v).length > 0 ? leaves(v, `${prefix}${key}.`) : [[`${prefix}${key}`, v]],
  );
}

export function settingsDiff(before: WorkspaceSettings, after: WorkspaceSettings): SettingDiff[] {
  const old = new Map(leaves(before as unknown as Record<string, unknown>));
  const now = new Map(leaves(after as unknown as Record<string, unknown>));
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort();
  return keys
    .filter((key) => JSON.stringify(old.get(key)) !== JSON.stringify(now.get(key)))
    .map((key) => ({ key, before: showValue(old.get(key)), after: showValue(now.get(key)) }));
}

export function settingsToYaml(settings: WorkspaceSettings): string {
  return stringifyYaml(settings);
}
