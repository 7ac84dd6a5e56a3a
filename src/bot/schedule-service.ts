import { isAdmin } from '../commands/permissions.js';
import type { ScheduleOps } from '../commands/schedule-port.js';
import {
  calendarOf,
  confirmTarget,
  isWorkingDay,
  loadSnapshot,
  scheduleOf,
  whyNotScheduled,
  workspaceStatuses,
} from '../occurrences/index.js';
import * as scheduler from '../scheduler/index.js';
import type { WorkspaceRow } from '../store/types.js';
import { formatInstant, periodLabel } from '../views/labels.js';
import { homeView, pendingView } from '../views/occurrence-views.js';
import { settingsLines } from '../views/settings-summary.js';

/**
 * The command layer's view of schedules, built from the schedule/scheduler modules. Kept here so
 * `src/commands` depends on a narrow interface rather than on the occurrence math.
 */
export function createScheduleOps(deps: scheduler.SchedulerDeps): ScheduleOps {
  const { store, knowledge } = deps;

  async function statuses(workspace: WorkspaceRow, now: Date) {
    const snapshot = await loadSnapshot(store, knowledge, workspace);
    return snapshot ? workspaceStatuses(snapshot, now) : [];
  }

  return {
    whyNotScheduled(duty, settings) {
      const why = whyNotScheduled(duty, settings);
      if (why === null) return null;
      if (why === 'provider_duty') return 'provider';
      if (why === 'service_not_used') return 'service';
      return 'cadence';
    },

    async occurrenceToConfirm(workspace, duty, now, key) {
      const snapshot = await loadSnapshot(store, knowledge, workspace);
      const cadence = scheduleOf(duty, workspace.settings)?.cadence ?? null;
      if (!snapshot) return { ok: false, reason: 'unknown_occurrence', cadence, example: '' };
      const target = confirmTarget(snapshot, duty, key, now);
      if (target.ok) {
        const { occurrence } = target.status;
        return {
          ok: true,
          occurrence: occurrence.key,
          periodLabel: (lang) => periodLabel(occurrence.period, lang),
          beforeInstall: occurrence.deadline.getTime() < workspace.createdAt.getTime(),
        };
      }
      if (target.reason === 'not_due_yet')
        return { ok: false, reason: 'not_due_yet', dueAt: target.dueAt, closedBy: target.closedBy };
      return { ok: false, reason: 'unknown_occurrence', cadence, example: 'example' in target ? target.example : '' };
    },

    snoozeCalendar(settings) {
      const calendar = calendarOf(settings);
      return {
        zone: settings.timezone,
        reminderTime: settings.reminder_time,
        isWorkingDay: (day) => isWorkingDay(calendar, day),
      };
    },

    formatInstant(at, settings, lang) {
      return formatInstant(at, settings.timezone, lang);
    },

    async pending(workspace, now, lang, userId) {
      return pendingView(await statuses(workspace, now), lang, { userId, all: userId === null }).items;
    },

    digest(workspace, channel, now) {
      return scheduler.buildDigestNow(deps, workspace.id, channel, now);
    },

    confirmed(workspaceId, confirmation, now) {
      return scheduler.afterConfirmation(deps, workspaceId, confirmation, now);
    },

    settingsChanged(workspaceId, now) {
      return scheduler.recomputeWake(deps, workspaceId, now);
    },

    async home(workspace, actor, now) {
      const lang = workspace.settings.language;
      const admin = await isAdmin(actor, workspace.settings);
      const summary = admin ? settingsLines(workspace.settings, lang, workspace.homeChannel) : null;
      return homeView(await statuses(workspace, now), actor.userId, lang, now, summary);
    },
  };
}
