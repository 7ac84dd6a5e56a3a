import type { Cadence } from '../knowledge/schema.js';

/** The five period lengths an occurrence can have (the settings' `ScheduleCadence` minus 'off'). */
export type PeriodCadence = 'daily' | 'weekly' | 'monthly' | 'bimonthly' | 'quarterly';

/** How one duty is scheduled in one workspace, after settings and overrides are applied. */
export interface ResolvedSchedule {
  dutyId: string;
  cadence: PeriodCadence;
  /** The duty's cadence in the knowledge base, e.g. 'at_least_monthly_bimonthly'. */
  sourceCadence: Cadence;
  /** True for `ongoing` duties: each occurrence is a review attestation ("policy still applied"). */
  review: boolean;
  /** Monthly and longer: day of the period's first month the occurrence is due (clamped to month end). */
  dayOfMonth: number | null;
  /** Weekly: ISO weekday (1 = Monday) the occurrence is due. */
  weekday: number | null;
}

/** A period of a cadence in the workspace time zone, as local calendar dates (inclusive). */
export interface Period {
  cadence: PeriodCadence;
  /** Occurrence key: `2026-11-27`, `2026-W48`, `2026-11`, `2026-B6`, `2026-Q4`. */
  key: string;
  /** ISO local dates `YYYY-MM-DD`, both inclusive. */
  start: string;
  end: string;
}

/** One occurrence of a scheduled duty: what a reminder, a confirmation and a digest line refer to. */
export interface Occurrence {
  dutyId: string;
  key: string;
  cadence: PeriodCadence;
  period: Period;
  /** The reminder instant: `reminder_time` local on the due working day. */
  dueAt: Date;
  /** End of the last working day of the period. */
  deadline: Date;
}

/** Where an occurrence stands, computed from the calendar and the ledger (./status.ts). */
export type OccurrenceState = 'upcoming' | 'due' | 'overdue' | 'done' | 'skipped' | 'snoozed';
