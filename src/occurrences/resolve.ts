import type { Duty, Knowledge } from '../knowledge/model.js';
import { type ScheduleCadence, usesService, type WorkspaceSettings } from '../settings/schema.js';
import type { PeriodCadence, ResolvedSchedule } from './types.js';

/**
 * Which duties are scheduled in a workspace, and how often. Only customer duties of services the
 * workspace uses are scheduled; the source's vague cadences are turned into periods by settings:
 *  - daily / weekly / monthly: as written;
 *  - at least monthly / bimonthly → `cadence.at_least_monthly` (default monthly);
 *  - periodically → `cadence.periodic` (default quarterly);
 *  - ongoing policies → `cadence.ongoing_review`: a periodic review attestation (default quarterly);
 *  - "based on the needs or set times" → `cadence.as_configured` (default weekly);
 *  - event-driven, on-request and one-off duties are never scheduled (they stay answerable).
 * A per-duty override (`cadence.overrides[dutyId]`) wins over all of the above; 'off' disables.
 */
export function scheduleOf(duty: Duty, settings: WorkspaceSettings): ResolvedSchedule | null {
  if (duty.party !== 'customer') return null;
  if (!usesService(settings, duty.service)) return null;
  const base = baseCadence(duty, settings);
  if (base === undefined) return null; // never scheduled, whatever the override says
  const override = settings.cadence.overrides[duty.id];
  const cadence: ScheduleCadence = override?.cadence ?? base;
  if (cadence === 'off') return null;
  return {
    dutyId: duty.id,
    cadence: cadence as PeriodCadence,
    sourceCadence: duty.cadence,
    review: duty.cadence === 'ongoing',
    dayOfMonth: cadence === 'daily' || cadence === 'weekly' ? null : (override?.day_of_month ?? null),
    weekday: cadence === 'weekly' ? (override?.weekday ?? null) : null,
  };
}

/** undefined = the duty's nature excludes it from scheduling. */
function baseCadence(duty: Duty, settings: WorkspaceSettings): ScheduleCadence | undefined {
  switch (duty.cadence) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return duty.cadence;
    case 'at_least_monthly_bimonthly':
      return settings.cadence.at_least_monthly;
    case 'periodic':
      return settings.cadence.periodic;
    case 'ongoing':
      return settings.cadence.ongoing_review;
    case 'as_configured':
      return settings.cadence.as_configured;
    case 'on_event':
    case 'on_request':
    case 'one_off':
      return undefined;
  }
}

/** Why a duty is not scheduled, for messages ("not scheduled in this workspace (…)"). */
export type NotScheduledReason = 'provider_duty' | 'service_not_used' | 'not_periodic' | 'turned_off';

export function whyNotScheduled(duty: Duty, settings: WorkspaceSettings): NotScheduledReason | null {
  if (duty.party !== 'customer') return 'provider_duty';
  if (!usesService(settings, duty.service)) return 'service_not_used';
  if (baseCadence(duty, settings) === undefined) return 'not_periodic';
  return scheduleOf(duty, settings) ? null : 'turned_off';
}

export interface ScheduledDuty {
  duty: Duty;
  schedule: ResolvedSchedule;
}

/** Every scheduled duty of a workspace, in knowledge order. */
export function scheduledDuties(knowledge: Knowledge, settings: WorkspaceSettings): ScheduledDuty[] {
  const result: ScheduledDuty[] = [];
  for (const duty of knowledge.duties) {
    const schedule = scheduleOf(duty, settings);
    if (schedule) result.push({ duty, schedule });
  }
  return result;
}
