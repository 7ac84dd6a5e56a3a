import { messages } from '../commands/messages.js';
import { mayConfirm } from '../commands/permissions.js';
import { parseDateOrInstant } from '../commands/values.js';
import type { ServiceId } from '../knowledge/schema.js';
import { workspaceStatuses } from '../occurrences/index.js';
import { SETTABLE_KEYS, settingsToYaml } from '../settings/edit.js';
import type { AuditEntry, WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { sourceCitation } from '../views/citation.js';
import { cadenceName, scheduleLabel, snoozeOptions } from '../views/labels.js';
import { confirmationView, dutyRefView, dutyTitle, occurrenceView } from '../views/occurrence-views.js';
import { settingsLines } from '../views/settings-summary.js';
import type { ConfirmationStatus, OccurrenceState } from '../views/types.js';
import { type Access, createAccess, SIGN_IN_LINK_TTL_MS, SIGN_IN_PATH } from './access.js';
import { createChainState } from './chain-state.js';
import { periodSnapshot } from './period-snapshot.js';
import type {
  DashboardDeps,
  DashboardService,
  DashboardSession,
  DutyPage,
  LedgerEntryView,
  LedgerFilters,
  LedgerPageView,
  PeriodPage,
  PeriodRow,
} from './types.js';

/** Entries on one ledger page. */
export const LEDGER_PAGE_SIZE = 50;
/** Confirmations shown in a duty's occurrence history. */
const HISTORY_LIMIT = 100;
const STATES: OccurrenceState[] = ['overdue', 'due', 'snoozed', 'upcoming', 'done', 'skipped'];
/** The ledger's entry kinds, as the store and the commands write them (the kind filter offers these). */
export const LEDGER_KINDS = [
  'confirmation',
  'reopen',
  'assignment',
  'settings.changed',
  'workspace.created',
  'workspace.home_channel',
  'workspace.status',
] as const;
const CONFIRMATION_KINDS = new Set(['confirmation', 'reopen']);

/**
 * The dashboard's pages as view models, for a signed-in session. Everything is read for the
 * session's own workspace only; the session is the one place a workspace id comes from. Changes
 * (confirm, settings, assign, export) go through the same commands as chat, as the session's user.
 */
export function createDashboardService(deps: DashboardDeps): DashboardService & { access: Access } {
  const { store, knowledge, clock } = deps;
  const access = createAccess(store, clock);
  const chainState = createChainState(store, clock);

  async function workspaceOf(session: DashboardSession): Promise<WorkspaceRow> {
    const row = await store.getWorkspace(session.workspaceId);
    if (!row) throw new Error(`workspace ${session.workspaceId} of a live session is gone`);
    return row;
  }

  function servicesInUse(workspace: WorkspaceRow): { id: ServiceId; name: string }[] {
    return workspace.settings.services.flatMap((id) => {
      const service = knowledge.serviceById.get(id);
      return service ? [{ id, name: service.name }] : [];
    });
  }

  const actorOf = (session: DashboardSession) =>
    // isAdmin was decided when the session was read, by the same rule as chat.
    ({ userId: session.userId, isPlatformAdmin: async () => session.isAdmin });
  const conversationOf = (workspace: WorkspaceRow) => ({
    workspaceId: workspace.id,
    platform: workspace.platform,
    channelId: null,
  });

  function entryView(entry: AuditEntry, lang: DashboardSession['lang']): LedgerEntryView {
    const payload = entry.payload;
    const str = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
    const dutyId = CONFIRMATION_KINDS.has(entry.kind) ? str('dutyId') : null;
    const duty = dutyId ? knowledge.dutyById.get(dutyId) : undefined;
    return {
      seq: entry.seq,
      kind: entry.kind,
      actor: entry.actor,
      at: entry.at.toISOString(),
      hash: entry.hash,
      dutyId,
      dutyTitle: duty ? dutyTitle(duty, lang) : null,
      occurrence: dutyId ? str('occurrence') : null,
      status: dutyId
        ? ((str('status') ?? (entry.kind === 'reopen' ? 'reopened' : null)) as ConfirmationStatus | null)
        : null,
      note: dutyId ? str('note') : null,
      evidenceUrl: dutyId ? str('evidenceUrl') : null,
      reason: dutyId ? str('reason') : null,
      detail: dutyId ? null : JSON.stringify(payload),
    };
  }

  return {
    access,

    async signInLink(workspaceId, userId, options = {}) {
      const base = (options.baseUrl ?? deps.publicUrl)?.replace(/\/+$/, '');
      if (!base || !(await store.getWorkspace(workspaceId))) return null;
      const { token, expiresAt } = await access.issue(workspaceId, userId, options.platformAdmin === true);
      return { url: `${base}${SIGN_IN_PATH}/${token}`, expiresAt };
    },
    signIn: (token) => access.signIn(token),
    session: (sessionId) => access.session(sessionId),
    signOut: (sessionId) => access.signOut(sessionId),

    async period(session, filters): Promise<PeriodPage> {
      const now = clock();
      const workspace = await workspaceOf(session);
      const lang = session.lang;
      const statuses = workspaceStatuses(await periodSnapshot(store, knowledge, workspace, now), now);
      const actor = actorOf(session);
      const owners = new Set<string>();
      const rows = new Map<string, PeriodRow[]>();
      for (const status of statuses) {
        for (const owner of status.ownerIds) owners.add(owner);
        if (filters.service && status.duty.service !== filters.service) continue;
        if (filters.state && status.state !== filters.state) continue;
        if (filters.owner !== undefined && filters.owner !== '') {
          const unowned = filters.owner === '-';
          if (unowned ? status.ownerIds.length > 0 : !status.ownerIds.includes(filters.owner)) continue;
        }
        const row: PeriodRow = {
          occurrence: occurrenceView(status, lang),
          mayConfirm: await mayConfirm(actor, status.duty, workspace.settings),
        };
        rows.set(status.duty.service, [...(rows.get(status.duty.service) ?? []), row]);
      }
      const services = servicesInUse(workspace);
      return {
        lang,
        timezone: workspace.settings.timezone,
        filters,
        services: services
          .filter((s) => !filters.service || s.id === filters.service)
          .map((s) => ({ ...s, rows: rows.get(s.id) ?? [] })),
        options: { services, owners: [...owners].sort(), states: STATES },
      };
    },

    async duty(session, dutyId): Promise<DutyPage | null> {
      const duty = knowledge.dutyById.get(dutyId);
      if (!duty) return null;
      const now = clock();
      const workspace = await workspaceOf(session);
      const lang = session.lang;
      const why = deps.schedule.whyNotScheduled(duty, workspace.settings);
      const snapshot = why ? null : await periodSnapshot(store, knowledge, workspace, now);
      const status = snapshot ? workspaceStatuses(snapshot, now).find((s) => s.duty.id === duty.id) : undefined;
      const history = await store.history(workspace.id, duty.id, HISTORY_LIMIT);
      return {
        lang,
        timezone: workspace.settings.timezone,
        duty: dutyRefView(duty, lang),
        text: duty.text,
        textIt: duty.text_it,
        source: sourceCitation(knowledge, duty, lang),
        sourceCadence: cadenceName(duty.cadence, lang),
        schedule: status ? scheduleLabel(status.schedule, lang) : null,
        notScheduled: why ? messages(lang).whyNotScheduled[why] : null,
        current: status ? occurrenceView(status, lang) : null,
        history: history.map(confirmationView),
        mayConfirm: !why && (await mayConfirm(actorOf(session), duty, workspace.settings)),
        snoozeOptions: snoozeOptions(lang),
      };
    },

    async ledger(session, filters: LedgerFilters): Promise<LedgerPageView> {
      const workspace = await workspaceOf(session);
      const lang = session.lang;
      const zone = workspace.settings.timezone;
      const l = catalogue(lang).dashboard.ledger;
      let problem: string | null = null;
      const range: { from?: Date; to?: Date } = {};
      for (const [key, raw, dayAfter] of [
        ['from', filters.from, false],
        ['to', filters.to, true],
      ] as const) {
        if (!raw) continue;
        const parsed = parseDateOrInstant(raw, zone, dayAfter);
        if (parsed.ok) range[key] = parsed.value;
        else problem = l.badDate(raw);
      }
      const services = servicesInUse(workspace);
      const dutyIds = filters.service
        ? knowledge.duties.filter((d) => d.service === filters.service).map((d) => d.id)
        : undefined;
      const [page, chain] = await Promise.all([
        store.ledgerPage(workspace.id, {
          limit: LEDGER_PAGE_SIZE + 1,
          ...(filters.before !== undefined ? { beforeSeq: filters.before } : {}),
          ...(filters.kind ? { kind: filters.kind } : {}),
          ...(filters.person ? { actor: filters.person } : {}),
          ...(dutyIds ? { dutyIds } : {}),
          ...range,
        }),
        chainState(workspace.id),
      ]);
      const entries = page.slice(0, LEDGER_PAGE_SIZE);
      return {
        lang,
        timezone: zone,
        filters,
        problem,
        entries: entries.map((entry) => entryView(entry, lang)),
        next: page.length > LEDGER_PAGE_SIZE ? entries[entries.length - 1]!.seq : null,
        chain,
        options: { services, kinds: LEDGER_KINDS },
      };
    },

    async settings(session) {
      const workspace = await workspaceOf(session);
      const lang = session.lang;
      return {
        lang,
        title: messages(lang).settingsTitle,
        lines: settingsLines(workspace.settings, lang, workspace.homeChannel),
        yaml: settingsToYaml(workspace.settings),
        keys: SETTABLE_KEYS,
      };
    },

    async confirm(session, input) {
      const workspace = await workspaceOf(session);
      return deps.confirm({ ...input, actor: actorOf(session), conversation: conversationOf(workspace) });
    },

    async changeSetting(session, key, value) {
      const workspace = await workspaceOf(session);
      return deps.run(
        { command: { name: 'settings', action: 'set', key, value }, lang: null },
        actorOf(session),
        conversationOf(workspace),
      );
    },

    async assign(session, target, users) {
      const workspace = await workspaceOf(session);
      const clear = users.length === 0;
      return deps.run(
        { command: { name: 'assign', target, users, clear }, lang: null },
        actorOf(session),
        conversationOf(workspace),
      );
    },

    async export(session, format) {
      const workspace = await workspaceOf(session);
      return deps.run(
        { command: { name: 'export', format, from: null, to: null }, lang: null },
        actorOf(session),
        conversationOf(workspace),
      );
    },
  };
}

/** How long a sign-in link works, in minutes (the chat sentence says it). */
export const SIGN_IN_LINK_MINUTES = SIGN_IN_LINK_TTL_MS / 60_000;
