import { DateTime } from 'luxon';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { SERVICE_IDS } from '../knowledge/schema.js';
import { failure, ok, type Result } from '../result.js';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from './schema.js';

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

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  monday: 1,
  lun: 1,
  lunedi: 1,
  tue: 2,
  tuesday: 2,
  mar: 2,
  martedi: 2,
  wed: 3,
  wednesday: 3,
  mer: 3,
  mercoledi: 3,
  thu: 4,
  thursday: 4,
  gio: 4,
  giovedi: 4,
  fri: 5,
  friday: 5,
  ven: 5,
  venerdi: 5,
  sat: 6,
  saturday: 6,
  sab: 6,
  sabato: 6,
  sun: 7,
  sunday: 7,
  dom: 7,
  domenica: 7,
};

const SERVICE_LIST = SERVICE_IDS.join(', ');
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
  services: {
    en: `use a comma list of ${SERVICE_LIST}, or all.`,
    it: `usa un elenco separato da virgole tra ${SERVICE_LIST}, oppure tutti.`,
  },
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
  const n = WEEKDAYS[stripAccents(value.trim())];
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
      return /^(all|tutti)$/i.test(text) ? [...SERVICE_IDS] : list(text).map((s) => s.toLowerCase());
    case 'holidays':
    case 'admins':
    case 'owners.fallback':
      return /^(none|nessuno|\[\])$/i.test(text)
        ? []
        : list(text).map((s) => s.replace(/^\{\{user:([^}]+)\}\}$/, '$1').replace(/^@/, ''));
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
      return text;
    default: {
      const parsed: unknown = parseYaml(text);
      return parsed;
    }
  }
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

export function applySetting(
  settings: WorkspaceSettings,
  typedKey: string,
  raw: string,
  known: { dutyIds: ReadonlySet<string> },
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
  const help = HELP[pattern as keyof typeof HELP];
  if (pattern === 'holidays' && Array.isArray(value)) {
    const impossible = value.find((day) => typeof day === 'string' && !DateTime.fromISO(day).isValid);
    if (impossible) return failure({ kind: 'bad_value', key, detail: `"${impossible}" is not a real date`, help });
  }
  const draft = structuredClone(settings) as unknown as Record<string, unknown>;
  setPath(draft, parts, value);
  const parsed = WorkspaceSettingsSchema.safeParse(draft);
  if (!parsed.success) return failure({ kind: 'bad_value', key, detail: describeIssue(parsed.error), help });
  return ok({ settings: parsed.data, shown: JSON.stringify(value), key });
}

export function importSettings(yamlText: string): EditResult {
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
  const parsed = WorkspaceSettingsSchema.strict().safeParse(data);
  if (!parsed.success) return failure({ kind: 'bad_value', key: 'yaml', detail: describeIssue(parsed.error) });
  return ok({ settings: parsed.data, shown: 'imported', key: 'yaml' });
}

export function settingsToYaml(settings: WorkspaceSettings): string {
  return stringifyYaml(settings);
}
