import type { Duty } from '../knowledge/model.js';
import type { PeriodCadence } from '../occurrences/types.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import type { ConfirmationRow, WorkspaceRow } from '../store/types.js';
import type { DigestView, HomeView, Lang, OccurrenceView } from '../views/types.js';
import type { Actor } from './types.js';
import type { SnoozeCalendar } from './values.js';

/**
 * What the command layer needs from schedules and the scheduler, kept narrow so commands can be
 * read without the occurrence math. Implemented in `src/bot/schedule-service.ts`.
 */
export type OccurrenceTarget =
  | {
      ok: true;
      occurrence: string;
      periodLabel(lang: Lang): string;
      /** The period had already ended when the workspace was created (only a backfill records it). */
      beforeInstall: boolean;
    }
  | { ok: false; reason: 'not_due_yet'; dueAt: Date; closedBy: ConfirmationRow | null }
  | { ok: false; reason: 'unknown_occurrence'; cadence: PeriodCadence | null; example: string };

export interface ScheduleOps {
  /** null when the duty is scheduled here; otherwise why not. */
  whyNotScheduled(duty: Duty, settings: WorkspaceSettings): 'provider' | 'service' | 'cadence' | null;
  /** The occurrence a confirmation closes: the named one, or the current due/overdue one. */
  occurrenceToConfirm(workspace: WorkspaceRow, duty: Duty, now: Date, key: string | null): Promise<OccurrenceTarget>;
  snoozeCalendar(settings: WorkspaceSettings): SnoozeCalendar;
  formatInstant(at: Date, settings: WorkspaceSettings, lang: Lang): string;
  /** Due and overdue occurrences; only those owned by `userId` (or unowned) unless null. */
  pending(workspace: WorkspaceRow, now: Date, lang: Lang, userId: string | null): Promise<OccurrenceView[]>;
  /** The digest for a channel (in the workspace's language). */
  digest(workspace: WorkspaceRow, channel: string | null, now: Date): Promise<DigestView>;
  /** After a confirmation: update the reminder in place, recompute the wake-up. */
  confirmed(workspaceId: string, confirmation: ConfirmationRow, now: Date): Promise<void>;
  settingsChanged(workspaceId: string, now: Date): Promise<void>;
  /** A user's own duties (App Home); admins also get the settings summary. */
  home(workspace: WorkspaceRow, actor: Actor, now: Date): Promise<HomeView>;
}
