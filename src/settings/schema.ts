import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { ServiceIdSchema } from '../knowledge/schema.js';
import { deepFreeze } from './deep-freeze.js';

/**
 * Per-workspace settings. Stored as JSON, validated on every read and write, editable from
 * `settings set|import`. Defaults make a fresh workspace usable at once (see `defaultSettings`).
 */

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM (24h), e.g. 09:00');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((day) => DateTime.fromISO(day).isValid, 'must be a real calendar date (YYYY-MM-DD)');
const userIds = z.array(z.string().min(1));
const weekday = z.number().int().min(1).max(7); // ISO: 1 = Monday … 7 = Sunday

/**
 * Settings are validated on every read, and luxon checks a zone by building an Intl formatter —
 * a quarter of a request's CPU. Zones found valid are remembered (only valid ones, so user input
 * cannot grow the set without bound).
 */
const validZones = new Set<string>();
function isValidZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  validZones.add(zone);
  return true;
}

export const TimeZoneSchema = z.string().refine(isValidZone, 'must be an IANA time zone such as Europe/Rome or UTC');

/** How vague source cadences are scheduled. */
export const ScheduleCadenceSchema = z.enum(['daily', 'weekly', 'monthly', 'bimonthly', 'quarterly', 'off']);
export type ScheduleCadence = z.infer<typeof ScheduleCadenceSchema>;

export const DutyOverrideSchema = z.object({
  cadence: ScheduleCadenceSchema.optional(),
  /** For monthly and longer cadences: day of the month the occurrence is due (clamped to month end). */
  day_of_month: z.number().int().min(1).max(31).optional(),
  /** For weekly cadence: ISO weekday it is due. */
  weekday: weekday.optional(),
});

export const WorkspaceSettingsSchema = z.object({
  language: z.enum(['en', 'it']).default('en'),
  /**
   * Services the organization uses; only their duties are scheduled. `all` (the default) is every
   * service of the knowledge pack in use, whichever pack that is; the ids are checked against the
   * pack where a setting is changed (settings/edit.ts), since this schema knows no pack.
   */
  services: z.union([z.literal('all'), z.array(ServiceIdSchema)]).default('all'),
  timezone: TimeZoneSchema.default('Europe/Rome'),
  working_days: z.array(weekday).min(1).default([1, 2, 3, 4, 5]),
  holidays: z.array(isoDate).default([]),
  reminder_time: time.default('09:00'),
  /** Channel where reminders go when a service has none of its own. null = where the bot was installed. */
  default_channel: z.string().min(1).nullable().default(null),
  channels: z.partialRecord(ServiceIdSchema, z.string().min(1)).default({}),
  owners: z
    .object({
      by_duty: z.record(z.string(), userIds).default({}),
      by_service: z.partialRecord(ServiceIdSchema, userIds).default({}),
      fallback: userIds.default([]),
    })
    .default({ by_duty: {}, by_service: {}, fallback: [] }),
  /** Whether questions the engine cannot answer may be passed to the configured language model (when one is). */
  llm: z.enum(['on', 'off']).default('on'),
  /** Users who may change settings, assign and export, besides the platform's own admins. */
  admins: userIds.default([]),
  digest: z
    .object({
      enabled: z.boolean().default(true),
      weekday: weekday.default(1),
      time: time.default('09:00'),
      /** null = the default channel. */
      channel: z.string().min(1).nullable().default(null),
    })
    .default({ enabled: true, weekday: 1, time: '09:00', channel: null }),
  escalation: z
    .object({
      /** Working days overdue before a follow-up in the reminder's thread, addressed to the owner. */
      follow_up_after_working_days: z.number().int().min(1).max(30).default(1),
      /** Working days overdue before an escalation to the escalation channel. */
      escalate_after_working_days: z.number().int().min(1).max(60).default(3),
      /** null = the default channel. */
      channel: z.string().min(1).nullable().default(null),
    })
    // The escalation goes to the team when the owner's follow-up did not help: never before it.
    .refine((e) => e.escalate_after_working_days >= e.follow_up_after_working_days, {
      message:
        'the escalation cannot come before the follow-up (escalate_after_working_days ≥ follow_up_after_working_days)',
      path: ['escalate_after_working_days'],
    })
    .default({ follow_up_after_working_days: 1, escalate_after_working_days: 3, channel: null }),
  cadence: z
    .object({
      /** "at least monthly / bimonthly" */
      at_least_monthly: ScheduleCadenceSchema.default('monthly'),
      /** "periodically" */
      periodic: ScheduleCadenceSchema.default('quarterly'),
      /** Ongoing policies (passwords, guarding access data): a review attestation. */
      ongoing_review: ScheduleCadenceSchema.default('quarterly'),
      /** Duties whose timing the customer sets ("based on the needs or set times"). */
      as_configured: ScheduleCadenceSchema.default('weekly'),
      overrides: z.record(z.string(), DutyOverrideSchema).default({}),
    })
    .default({
      at_least_monthly: 'monthly',
      periodic: 'quarterly',
      ongoing_review: 'quarterly',
      as_configured: 'weekly',
      overrides: {},
    }),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

/** Whether the workspace uses a service (`services: all` uses every one). */
export function usesService(settings: Pick<WorkspaceSettings, 'services'>, service: string): boolean {
  return settings.services === 'all' || settings.services.includes(service);
}

/** The ids of the services the workspace uses, in the pack's order for `all`. */
export function usedServices(settings: Pick<WorkspaceSettings, 'services'>, packServices: readonly string[]): string[] {
  return settings.services === 'all' ? [...packServices] : [...settings.services];
}

export function defaultSettings(overrides: Partial<WorkspaceSettings> = {}): WorkspaceSettings {
  return WorkspaceSettingsSchema.parse(overrides);
}

let freshWorkspace: WorkspaceSettings | undefined;

/**
 * A fresh workspace's settings, validated once and shared (deep-frozen): answers given without a
 * workspace read them for every question, and parsing them each time was wasted work.
 */
export function freshWorkspaceSettings(): WorkspaceSettings {
  freshWorkspace ??= deepFreeze(defaultSettings());
  return freshWorkspace;
}
