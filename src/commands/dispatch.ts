import { exportLedger } from '../ledger/export.js';
import type { WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import { confirmationView, dutyRefView, pendingFooter } from '../views/occurrence-views.js';
import type { Lang, Reply } from '../views/types.js';
import { assign } from './assign.js';
import { audit } from './audit.js';
import { confirm } from './confirm.js';
import type { ExecuteDeps, ExecuteInput, ParsedCommandInput } from './deps.js';
import { resolveDutyRef } from './duty-ref.js';
import { type Command, type ParsedCommand, parseCommand, type UsageError } from './grammar.js';
import { helpView } from './help.js';
import { messages } from './messages.js';
import { isAdmin, isExternal } from './permissions.js';
import { leftoverError, refError, refusal } from './refusal.js';
import { reopen } from './reopen.js';
import { changeSettings, showSettings } from './settings-change.js';
import { parseDateOrInstant } from './values.js';

/**
 * Runs one command of the grammar for an actor in a workspace and returns a view model: the
 * dispatch only; each job (confirmation, assignment, settings) lives in its own module.
 */

/** Parses chat text with the grammar, then runs it. */
export async function executeCommand(deps: ExecuteDeps, input: ExecuteInput, workspace: WorkspaceRow): Promise<Reply> {
  const { text: _text, ...rest } = input;
  return executeParsedCommand(deps, parseCommand(input.text), rest, workspace);
}

/**
 * Runs a command value that is already parsed (the grammar's output, or one a surface such as
 * the CLI built directly from its flags, so nothing is re-read from text).
 */
export async function executeParsedCommand(
  deps: ExecuteDeps,
  parsed: ParsedCommand | UsageError,
  input: ParsedCommandInput,
  workspace: WorkspaceRow,
): Promise<Reply> {
  const settings = workspace.settings;
  if ('error' in parsed) {
    const lang = replyLanguage(parsed.lang, settings.language);
    const m = messages(lang);
    const usage = (m.usage as Record<string, string>)[parsed.command];
    return refusal(lang, 'bad_usage', m.problems[parsed.problem], usage ? m.usageLine(usage) : null);
  }
  const { command } = parsed;
  if (command.name === 'ask') return deps.ask(command.question, workspace);
  const lang = replyLanguage(parsed.lang, settings.language);
  return runCommand(deps, input, workspace, command, lang);
}

/**
 * Command words are documented (help, CLI, docs) in English for everyone, so an English command word
 * says nothing about the person: the reply follows the workspace's `language`. A command typed with
 * another language's words (`pendenti`, `fatto`) is answered in that language, as a question is.
 */
const DOCUMENTED_COMMAND_LANGUAGE: Lang = 'en';

function replyLanguage(commandLang: Lang | null | undefined, workspaceLang: Lang): Lang {
  return commandLang == null || commandLang === DOCUMENTED_COMMAND_LANGUAGE ? workspaceLang : commandLang;
}

async function runCommand(
  deps: ExecuteDeps,
  input: ParsedCommandInput,
  workspace: WorkspaceRow,
  command: Exclude<Command, { name: 'ask' }>,
  lang: Lang,
): Promise<Reply> {
  const m = messages(lang);
  const settings = workspace.settings;
  const requireAdmin = async (): Promise<Reply | null> =>
    (await isAdmin(input.actor, settings)) ? null : refusal(lang, 'forbidden', m.forbiddenAdmin, m.forbiddenAdminHint);

  switch (command.name) {
    case 'help':
      return { kind: 'help', lang, help: helpView(lang, deps.knowledge) };

    case 'pending': {
      const { items, othersCount } = await deps.schedule.pending(
        workspace,
        input.now,
        lang,
        command.all ? null : input.actor.userId,
      );
      const title = command.all ? m.pendingAllTitle : m.pendingTitle;
      return { kind: 'pending', lang, title, items, footer: pendingFooter(othersCount, lang, 'pending all') };
    }

    case 'digest': {
      const digest = await deps.schedule.digest(workspace, input.conversation.channelId, input.now);
      return { kind: 'digest', lang: digest.lang, digest };
    }

    case 'history': {
      const ref = resolveDutyRef(deps.knowledge, command.ref);
      const refused = refError(ref, command.ref, lang) ?? leftoverError(ref, command.ref, lang);
      if (refused || ref.kind !== 'found') return refused!;
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
      const refused = refError(ref, command.ref, lang) ?? (strict ? leftoverError(ref, command.ref, lang) : null);
      if (refused || ref.kind !== 'found') return refused!;
      const free = [ref.rest, command.name === 'done' ? command.note : command.name === 'skip' ? command.reason : null]
        .filter((s): s is string => Boolean(s?.trim()))
        .join(' ')
        .trim();
      // A backfill's free text is its reason (why it is recorded late), whether done or skipped.
      const backfill = command.name !== 'snooze' && command.backfill === true;
      return confirm(deps, input, workspace, lang, {
        duty: ref.duty,
        occurrence: command.occurrence,
        status: command.name === 'done' ? 'done' : command.name === 'skip' ? 'skipped' : 'snoozed',
        note: command.name === 'done' && !backfill ? free || null : null,
        evidenceUrl: command.name === 'done' ? command.evidenceUrl : null,
        reason: command.name === 'skip' || backfill ? free || null : null,
        snooze: command.name === 'snooze' ? command.duration : null,
        ...(backfill ? { backfill } : {}),
      });
    }

    case 'reopen': {
      const ref = resolveDutyRef(deps.knowledge, command.ref);
      const refused = refError(ref, command.ref, lang) ?? leftoverError(ref, command.ref, lang);
      if (refused || ref.kind !== 'found') return refused!;
      return reopen(deps, input, workspace, lang, {
        duty: ref.duty,
        occurrence: command.occurrence,
        reason: command.reason,
      });
    }

    case 'assign': {
      const forbidden = await requireAdmin();
      if (forbidden) return forbidden;
      return assign(deps, input, workspace, lang, command);
    }

    case 'settings': {
      if (command.action === 'show') return showSettings(workspace, lang);
      const forbidden = await requireAdmin();
      if (forbidden) return forbidden;
      return changeSettings(deps, input, workspace, lang, command);
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
        if (!date.ok) return refusal(lang, 'bad_value', m.badDate(raw), m.badDateHint);
        range[key] = date.value;
      }
      if (range.from && range.to && range.from >= range.to)
        return refusal(lang, 'bad_value', m.emptyRange(command.from!, command.to!), m.badDateHint);
      const exported = await exportLedger(deps.store, workspace.id, {
        format: command.format,
        ...range,
        zone: settings.timezone,
      });
      return { kind: 'export', lang, format: command.format, ...exported };
    }

    case 'audit': {
      const forbidden = await requireAdmin();
      if (forbidden) return forbidden;
      return audit(deps, workspace, lang, command);
    }

    case 'dashboard': {
      const d = catalogue(lang).dashboard;
      // The dashboard reads the whole workspace: people of another organisation never get a link.
      if (await isExternal(input.actor)) return refusal(lang, 'forbidden', d.outsiders, null);
      const link = deps.signInLink ? await deps.signInLink(workspace, input.actor) : null;
      if (!link) return { kind: 'dashboard', lang, message: d.notConfigured, url: null };
      return { kind: 'dashboard', lang, message: d.linkReady(link.minutes), url: link.url };
    }
  }
}
