import type { Actor, Conversation } from '../bot/types.js';
import type { Duty, Knowledge } from '../knowledge/model.js';
import { exportLedger } from '../ledger/export.js';
import { applySetting, importSettings, SETTABLE_KEYS, settingsToYaml } from '../settings/edit.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import type { Store, WorkspaceRow } from '../store/types.js';
import { weekdayName } from '../views/labels.js';
import { mention } from '../views/mentions.js';
import { confirmationView, dutyRefView } from '../views/occurrence-views.js';
import type { ConfirmationStatus, DutyRefView, ErrorCode, Lang, Reply } from '../views/types.js';
import { type DutyRefResult, resolveDutyRef, resolveService } from './duty-ref.js';
import { type Command, parseCommand } from './grammar.js';
import { helpView } from './help.js';
import { messages } from './messages.js';
import { isAdmin, mayConfirm } from './permissions.js';
import type { ScheduleOps } from './schedule-ops.js';
import { parseDateOrInstant, parseEvidenceUrl, parseSnooze } from './values.js';

/**
 * Runs one command of the grammar for an actor in a workspace and returns a view model.
 * Every refusal is a `Reply` of kind 'error' with a hint, and changes nothing.
 */

export interface ExecuteDeps {
  knowledge: Knowledge;
  store: Store;
  schedule: ScheduleOps;
  /** Answers a free question for this workspace (owners feed the answer). */
  ask(question: string, workspace: WorkspaceRow | null): Reply | Promise<Reply>;
}

export interface ExecuteInput {
  text: string;
  actor: Actor;
  conversation: Conversation;
  now: Date;
  idempotencyKey: string | null;
}

export interface ConfirmationRequest {
  duty: Duty;
  occurrence: string | null;
  status: ConfirmationStatus;
  note: string | null;
  evidenceUrl: string | null;
  reason: string | null;
  snooze: string | null;
}

function error(
  lang: Lang,
  code: ErrorCode,
  message: string,
  hint: string | null,
  candidates: DutyRefView[] = [],
): Reply {
  return { kind: 'error', lang, code, message, hint, candidates };
}

export async function executeCommand(deps: ExecuteDeps, input: ExecuteInput, workspace: WorkspaceRow): Promise<Reply> {
  const parsed = parseCommand(input.text);
  const settings = workspace.settings;
  if ('error' in parsed) {
    const lang = parsed.lang ?? settings.language;
    const m = messages(lang);
    const usage = (m.usage as Record<string, string>)[parsed.command];
    return error(lang, 'bad_usage', m.problems[parsed.problem], usage ? m.usageLine(usage) : null);
  }
  const { command } = parsed;
  if (command.name === 'ask') return deps.ask(command.question, workspace);
  const lang = parsed.lang ?? settings.language;
  return runCommand(deps, input, workspace, command, lang);
}

async function runCommand(
  deps: ExecuteDeps,
  input: ExecuteInput,
  workspace: WorkspaceRow,
  command: Exclude<Command, { name: 'ask' }>,
  lang: Lang,
): Promise<Reply> {
  const m = messages(lang);
  const settings = workspace.settings;
  const requireAdmin = async (): Promise<Reply | null> =>
    (await isAdmin(input.actor, settings)) ? null : error(lang, 'forbidden', m.forbiddenAdmin, m.forbiddenAdminHint);

  switch (command.name) {
    case 'help':
      return { kind: 'help', lang, help: helpView(lang) };

    case 'pending': {
      const items = await deps.schedule.pending(workspace, input.now, lang, command.all ? null : input.actor.userId);
      return { kind: 'pending', lang, title: command.all ? m.pendingAllTitle : m.pendingTitle, items };
    }

    case 'digest': {
      const digest = await deps.schedule.digest(workspace, input.conversation.channelId, input.now);
      return { kind: 'digest', lang: digest.lang, digest };
    }

    case 'history': {
      const ref = resolveDutyRef(deps.knowledge, command.ref);
      const refusal = refError(ref, command.ref, lang) ?? leftoverError(ref, command.ref, lang);
      if (refusal || ref.kind !== 'found') return refusal!;
      const rows = await deps.store.history(workspace.id, ref.duty.id, 50);
      return { kind: 'history', lang, duty: dutyRefView(ref.duty, lang), entries: rows.map(confirmationView) };
    }

    case 'done':
    case 'skip':
    case 'snooze': {
      const ref = resolveDutyRef(deps.knowledge, command.ref);
      // After an explicit separator (`--`, `:`, `|`, a quote) every word before it names the duty,
      // and a snooze has no free text: leftover words there mean the duty was not recognised.
      const separated =
        command.name === 'done' ? command.note !== null : command.name === 'skip' && command.reason !== '';
      const strict = separated || command.name === 'snooze';
      const refusal = refError(ref, command.ref, lang) ?? (strict ? leftoverError(ref, command.ref, lang) : null);
      if (refusal || ref.kind !== 'found') return refusal!;
      const free = [ref.rest, command.name === 'done' ? command.note : command.name === 'skip' ? command.reason : null]
        .filter((s): s is string => Boolean(s?.trim()))
        .join(' ')
        .trim();
      return confirm(deps, input, workspace, lang, {
        duty: ref.duty,
        occurrence: command.occurrence,
        status: command.name === 'done' ? 'done' : command.name === 'skip' ? 'skipped' : 'snoozed',
        note: command.name === 'done' ? free || null : null,
        evidenceUrl: command.name === 'done' ? command.evidenceUrl : null,
        reason: command.name === 'skip' ? free || null : null,
        snooze: command.name === 'snooze' ? command.duration : null,
      });
    }

    case 'assign': {
      const forbidden = await requireAdmin();
      if (forbidden) return forbidden;
      return assign(deps, input, workspace, lang, command);
    }

    case 'settings': {
      if (command.action === 'show') {
        return {
          kind: 'settings',
          lang,
          title: m.settingsTitle,
          lines: describeSettings(settings, lang),
          yaml: settingsToYaml(settings),
        };
      }
      const forbidden = await requireAdmin();
      if (forbidden) return forbidden;
      const result =
        command.action === 'set'
          ? applySetting(settings, command.key, command.value, { dutyIds: new Set(deps.knowledge.dutyById.keys()) })
          : importSettings(command.yaml);
      if (!result.ok) {
        if (result.why === 'unknown')
          return error(lang, 'bad_value', m.unknownSetting(result.key), m.unknownSettingHint(SETTABLE_KEYS.join(', ')));
        if (command.action === 'import')
          return error(lang, 'bad_value', m.settingsImportBad(result.why), m.usageLine(m.usage.settings));
        return error(
          lang,
          'bad_value',
          m.badSetting(result.key, result.help?.[lang] ?? result.why),
          m.usageLine(m.usage.settings),
        );
      }
      await deps.store.saveSettings(workspace.id, result.settings, {
        kind: 'settings.changed',
        actor: input.actor.userId,
        at: input.now,
        payload:
          command.action === 'set'
            ? { key: result.key, value: JSON.parse(result.shown) }
            : { imported: result.settings },
      });
      await deps.schedule.settingsChanged(workspace.id, input.now);
      const message = command.action === 'set' ? m.settingUpdated(result.key, result.shown) : m.settingsImported;
      return { kind: 'updated', lang, message };
    }

    case 'export': {
      const forbidden = await requireAdmin();
      if (forbidden) return forbidden;
      const range: { from?: Date; to?: Date } = {};
      for (const [key, raw, dayAfter] of [
        ['from', command.from, false],
        ['to', command.to, true],
      ] as const) {
        if (!raw) continue;
        const date = parseDateOrInstant(raw, settings.timezone, dayAfter);
        if (!date.ok) return error(lang, 'bad_value', m.badDate(raw), m.badDateHint);
        range[key] = date.value;
      }
      if (range.from && range.to && range.from >= range.to)
        return error(lang, 'bad_value', m.emptyRange(command.from!, command.to!), m.badDateHint);
      const exported = await exportLedger(deps.store, workspace.id, { format: command.format, ...range });
      return { kind: 'export', lang, format: command.format, ...exported };
    }

    case 'audit': {
      const forbidden = await requireAdmin();
      if (forbidden) return forbidden;
      const result = await deps.store.verifyAudit(workspace.id);
      return {
        kind: 'audit',
        lang,
        ok: result.ok,
        message: result.ok ? m.auditOk(result.checked) : m.auditBroken(result.problems.length),
        problems: result.problems,
      };
    }
  }
}

/** A chat reply lists a handful of candidates; more is noise (the hint says how to narrow down). */
const MAX_CANDIDATES = 6;

function refError(ref: DutyRefResult, typed: string, lang: Lang): Reply | null {
  const m = messages(lang);
  if (ref.kind === 'found') return null;
  if (ref.kind === 'ambiguous')
    return error(
      lang,
      'ambiguous_duty',
      m.ambiguous(typed),
      m.ambiguousHint,
      ref.candidates.slice(0, MAX_CANDIDATES).map((d) => dutyRefView(d, lang)),
    );
  return error(
    lang,
    'unknown_duty',
    m.unknownDuty(typed),
    m.unknownDutyHint,
    ref.suggestions.slice(0, MAX_CANDIDATES).map((d) => dutyRefView(d, lang)),
  );
}

/** The duty words were followed by words that name nothing: refuse, suggesting what did match. */
function leftoverError(ref: DutyRefResult, typed: string, lang: Lang): Reply | null {
  if (ref.kind !== 'found' || !ref.rest) return null;
  const m = messages(lang);
  return error(lang, 'unknown_duty', m.unknownDuty(typed), m.unknownDutyHint, [dutyRefView(ref.duty, lang)]);
}

/** Shared by typed commands and buttons/forms: validates, checks permission, appends once. */
export async function confirm(
  deps: ExecuteDeps,
  input: Pick<ExecuteInput, 'actor' | 'now' | 'idempotencyKey'>,
  workspace: WorkspaceRow,
  lang: Lang,
  request: ConfirmationRequest,
): Promise<Reply> {
  const m = messages(lang);
  const { duty } = request;
  const settings = workspace.settings;
  const title = lang === 'it' ? duty.title_it : duty.title;
  const refView = [dutyRefView(duty, lang)];

  const notScheduled = deps.schedule.whyNotScheduled(duty, settings);
  if (notScheduled)
    return error(
      lang,
      'not_scheduled',
      m.notScheduled(title, m.whyNotScheduled[notScheduled]),
      m.notScheduledHint,
      refView,
    );

  if (!(await mayConfirm(input.actor, duty, settings)))
    return error(lang, 'forbidden', m.forbiddenConfirm(title), m.forbiddenConfirmHint, refView);

  // Validate every value before touching the ledger.
  let evidenceUrl: string | null = null;
  if (request.evidenceUrl) {
    const url = parseEvidenceUrl(request.evidenceUrl);
    if (!url.ok) return error(lang, 'bad_value', m.badUrl(request.evidenceUrl), m.badUrlHint);
    evidenceUrl = url.value;
  }
  const reason = request.reason?.trim() || null;
  if (request.status === 'skipped' && !reason) return error(lang, 'bad_usage', m.reasonRequired, m.reasonRequiredHint);
  let snoozedUntil: Date | null = null;
  if (request.status === 'snoozed') {
    const parsed = parseSnooze(request.snooze ?? '', input.now, deps.schedule.snoozeCalendar(settings));
    if (!parsed.ok) {
      if (parsed.problem === 'too_long') return error(lang, 'bad_value', m.durationTooLong, m.badDurationHint);
      if (parsed.problem === 'past') return error(lang, 'bad_value', m.durationPast, m.badDurationHint);
      return error(lang, 'bad_value', m.badDuration(request.snooze ?? ''), m.badDurationHint);
    }
    snoozedUntil = parsed.until;
  }

  // A retried submission answers with what was recorded the first time, whatever happened since.
  if (input.idempotencyKey) {
    const first = await deps.store.confirmationByKey(workspace.id, input.idempotencyKey);
    if (first)
      return { kind: 'confirmed', lang, message: m.duplicate, confirmation: confirmationView(first), duplicate: true };
  }

  const target = await deps.schedule.occurrenceToConfirm(workspace, duty, input.now, request.occurrence);
  if (!target.ok) {
    if (target.reason === 'not_due_yet' && target.closedBy) {
      const closed = target.closedBy;
      return error(
        lang,
        'not_due_yet',
        m.alreadyClosed(
          title,
          closed.status,
          closed.by,
          deps.schedule.formatInstant(closed.at, settings, lang),
          deps.schedule.formatInstant(target.dueAt, settings, lang),
        ),
        m.alreadyClosedHint,
        refView,
      );
    }
    if (target.reason === 'not_due_yet')
      return error(
        lang,
        'not_due_yet',
        m.notDueYet(title, deps.schedule.formatInstant(target.dueAt, settings, lang)),
        m.notDueYetHint,
        refView,
      );
    return error(lang, 'bad_value', m.unknownOccurrence(request.occurrence ?? '', title), m.notDueYetHint, refView);
  }

  const idempotencyKey =
    input.idempotencyKey ??
    // Without a platform id, the same person confirming the same occurrence the same way is one entry.
    `${input.actor.userId}|${duty.id}|${target.occurrence}|${request.status}|${request.note ?? ''}|${evidenceUrl ?? ''}|${reason ?? ''}|${request.snooze ?? ''}`;
  const { confirmation, duplicate } = await deps.store.appendConfirmation({
    workspaceId: workspace.id,
    dutyId: duty.id,
    occurrence: target.occurrence,
    status: request.status,
    by: input.actor.userId,
    at: input.now,
    note: request.note?.trim() || null,
    evidenceUrl,
    reason,
    snoozedUntil,
    idempotencyKey,
  });
  if (!duplicate) await deps.schedule.confirmed(workspace.id, confirmation, input.now);

  const period = target.periodLabel(lang);
  const message = duplicate
    ? m.duplicate
    : confirmation.status === 'done'
      ? m.done(title, period)
      : confirmation.status === 'skipped'
        ? m.skipped(title, period)
        : m.snoozed(title, deps.schedule.formatInstant(confirmation.snoozedUntil!, settings, lang));
  return { kind: 'confirmed', lang, message, confirmation: confirmationView(confirmation), duplicate };
}

async function assign(
  deps: ExecuteDeps,
  input: ExecuteInput,
  workspace: WorkspaceRow,
  lang: Lang,
  command: Extract<Command, { name: 'assign' }>,
): Promise<Reply> {
  const m = messages(lang);
  const settings: WorkspaceSettings = structuredClone(workspace.settings);
  const users = command.clear ? [] : [...new Set(command.users)];
  let label: string;
  let target: Record<string, unknown>;
  if (/^(fallback|default|tutti|all)$/i.test(command.target)) {
    settings.owners.fallback = users;
    label = 'fallback';
    target = { fallback: true };
  } else {
    const service = resolveService(deps.knowledge, command.target);
    if (service) {
      if (users.length) settings.owners.by_service[service.id] = users;
      else delete settings.owners.by_service[service.id];
      label = service.name;
      target = { service: service.id };
    } else {
      const ref = resolveDutyRef(deps.knowledge, command.target);
      const refusal = refError(ref, command.target, lang);
      if (refusal || ref.kind !== 'found') return refusal!;
      if (ref.rest) return error(lang, 'unknown_duty', m.unknownDuty(command.target), m.unknownDutyHint);
      if (users.length) settings.owners.by_duty[ref.duty.id] = users;
      else delete settings.owners.by_duty[ref.duty.id];
      label = `"${lang === 'it' ? ref.duty.title_it : ref.duty.title}"`;
      target = { duty: ref.duty.id };
    }
  }
  await deps.store.saveSettings(workspace.id, settings, {
    kind: 'assignment',
    actor: input.actor.userId,
    at: input.now,
    payload: { ...target, owners: users },
  });
  await deps.schedule.settingsChanged(workspace.id, input.now);
  const message = users.length ? m.assigned(label, users.map(mention).join(', ')) : m.unassigned(label);
  return { kind: 'updated', lang, message };
}

/**
 * One line per setting, starting with the key people type in `settings set`, explained in the
 * reply language (weekday numbers become names, empty values say what happens instead).
 */
function describeSettings(s: WorkspaceSettings, lang: Lang): string[] {
  const it = lang === 'it';
  const none = '—';
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : none);
  const days = (xs: readonly number[]) => xs.map((d) => weekdayName(d, lang)).join(', ');
  const channel = (c: string | null, fallback: string) => c ?? fallback;
  const defaultChannel = it ? '(il canale predefinito)' : '(the default channel)';
  const owners = [
    ...Object.entries(s.owners.by_service).map(([k, v]) => `${k}: ${(v ?? []).map(mention).join(' ')}`),
    ...Object.entries(s.owners.by_duty).map(([k, v]) => `${k}: ${v.map(mention).join(' ')}`),
  ];
  const overrides = Object.entries(s.cadence.overrides).map(([id, o]) => `${id} → ${JSON.stringify(o)}`);
  const follow = s.escalation.follow_up_after_working_days;
  const escalate = s.escalation.escalate_after_working_days;
  return [
    `language: ${s.language}`,
    `services: ${list(s.services)}`,
    `timezone: ${s.timezone}`,
    `working_days: ${days(s.working_days)}   holidays: ${list(s.holidays)}`,
    `reminder_time: ${s.reminder_time}`,
    `default_channel: ${channel(s.default_channel, it ? '(dove è stato installato il bot)' : '(where the bot was installed)')}`,
    `channels: ${list(Object.entries(s.channels).map(([k, v]) => `${k} → ${v}`))}`,
    `owners: ${list(owners)}   fallback: ${list(s.owners.fallback.map(mention))}`,
    `admins: ${s.admins.length ? s.admins.map(mention).join(', ') : it ? '(solo gli amministratori della piattaforma)' : '(platform admins only)'}`,
    `digest: ${
      s.digest.enabled
        ? it
          ? `ogni ${weekdayName(s.digest.weekday, lang)} alle ${s.digest.time}`
          : `every ${weekdayName(s.digest.weekday, lang)} at ${s.digest.time}`
        : it
          ? 'disattivato'
          : 'off'
    } → ${channel(s.digest.channel, defaultChannel)}`,
    it
      ? `escalation: sollecito dopo ${follow} ${follow === 1 ? 'giorno lavorativo' : 'giorni lavorativi'}, escalation dopo ${escalate} → ${channel(s.escalation.channel, defaultChannel)}`
      : `escalation: follow-up after ${follow} working day${follow === 1 ? '' : 's'}, escalate after ${escalate} → ${channel(s.escalation.channel, defaultChannel)}`,
    it
      ? `cadence: almeno mensile → ${s.cadence.at_least_monthly}, periodico → ${s.cadence.periodic}, revisione continua → ${s.cadence.ongoing_review}, secondo configurazione → ${s.cadence.as_configured}`
      : `cadence: at least monthly → ${s.cadence.at_least_monthly}, periodic → ${s.cadence.periodic}, ongoing review → ${s.cadence.ongoing_review}, as configured → ${s.cadence.as_configured}`,
    ...(overrides.length ? [`cadence.overrides: ${overrides.join(', ')}`] : []),
  ];
}
