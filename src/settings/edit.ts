import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { SERVICE_IDS } from '../knowledge/schema.js';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from './schema.js';

/**
 * Editing settings from a chat line: `settings set <key> <value>` and `settings import <yaml>`.
 * Values are read as YAML scalars/lists (so `[1,2,3]`, `true`, `09:00` work) with a few friendly
 * forms on top (weekday names, comma lists, "all"). The result is always re-validated whole by
 * the zod schema, and a refusal names the setting and what is allowed.
 */

export type EditResult =
  | { ok: true; settings: WorkspaceSettings; shown: string }
  | { ok: false; key: string; why: string };

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
      const range = /^(\w+)\s*-\s*(\w+)$/.exec(text);
      if (range) {
        const from = weekday(range[1]!);
        const to = weekday(range[2]!);
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
    case 'timezone':
    case 'reminder_time':
    case 'digest.time':
    case 'language':
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
  key: string,
  raw: string,
  known: { dutyIds: ReadonlySet<string> },
): EditResult {
  const pattern = keyPattern(key);
  if (!pattern) return { ok: false, key, why: 'unknown' };
  const parts = keyParts(key);
  if (pattern.startsWith('cadence.overrides.') && !known.dutyIds.has(parts[2]!))
    return { ok: false, key, why: `"${parts[2]}" is not a duty id (see \`pending all\` or \`dutybot duties\`)` };
  let value: unknown;
  try {
    value = coerce(pattern, raw);
  } catch (error) {
    return { ok: false, key, why: `could not read the value (${(error as Error).message.split('\n')[0]})` };
  }
  const draft = structuredClone(settings) as unknown as Record<string, unknown>;
  setPath(draft, parts, value);
  const parsed = WorkspaceSettingsSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, key, why: describeIssue(parsed.error) };
  return { ok: true, settings: parsed.data, shown: JSON.stringify(value) };
}

export function importSettings(yamlText: string): EditResult {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    return { ok: false, key: 'yaml', why: `invalid YAML (${(error as Error).message.split('\n')[0]})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, key: 'yaml', why: 'expected a mapping of settings (key: value lines)' };
  const parsed = WorkspaceSettingsSchema.strict().safeParse(data);
  if (!parsed.success) return { ok: false, key: 'yaml', why: describeIssue(parsed.error) };
  return { ok: true, settings: parsed.data, shown: 'imported' };
}

export function settingsToYaml(settings: WorkspaceSettings): string {
  return stringifyYaml(settings);
}
