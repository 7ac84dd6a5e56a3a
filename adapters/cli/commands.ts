import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ParseArgsConfig } from 'node:util';
import type { Answer } from '../../src/answer/answer.js';
import type { Conversation, Dutybot, TickReport, WorkspaceSummary } from '../../src/bot/types.js';
import { type ParsedCommand, parseCommand, type UsageError } from '../../src/commands/grammar.js';
import { userField } from '../../src/views/plain-text.js';
import { inertPlain } from '../../src/views/text.js';
import type { Reply } from '../../src/views/types.js';
import type { CliCommand } from './command.js';
import { printTombstones, purgeWorkspace, rotateKeys } from './data-commands.js';
import { CliFailure, CliUsageError } from './errors.js';
import { evalCommand } from './eval.js';
import { LOCAL, localActor } from './local.js';
import { terminalJson } from './terminal-json.js';
import { OPERATOR, OPERATOR_DATA } from './wording.js';
import { type Access, chooseWorkspace, conversationOf } from './workspace-choice.js';

export { type CliCommand, CliUsageError };

type Values = Record<string, string | boolean | undefined>;

function str(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

function instant(values: Values): Date | undefined {
  const at = str(values, 'at');
  if (at === undefined) return undefined;
  const date = new Date(at);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(at) || Number.isNaN(date.getTime()))
    throw new CliUsageError(`--at "${at}" is not an ISO instant (e.g. 2026-11-30T09:00:00+01:00)`);
  return date;
}

/** What a command needs of the environment beyond the store: the encryption key only for `keys`. */
interface OpenOptions {
  encryptionKey?: boolean;
}

async function openBot(access: Access, open: OpenOptions = {}): Promise<Dutybot> {
  const [{ createDutybot }, { answerModelFromEnv }] = await Promise.all([
    import('../../src/bot/dutybot.js'),
    import('../llm/from-env.js'),
  ]);
  return createDutybot({
    databaseUrl: process.env.DATABASE_URL || undefined,
    commandPrefix: 'dutybot',
    readOnly: access === 'read',
    // One-shot commands stay quiet about the model; `start` and `chat` say when it is on.
    answerModel: await answerModelFromEnv(process.env, () => undefined),
    retentionDaysAfterUninstall: process.env.DUTYBOT_RETENTION_DAYS_AFTER_UNINSTALL,
    ...(open.encryptionKey ? { encryptionKey: process.env.DUTYBOT_ENCRYPTION_KEY } : {}),
  });
}

/** Opens the store for one command: read-only (no migration, nothing created) for a command that only reads. */
async function withBot<T>(fn: (bot: Dutybot) => Promise<T>, access: Access = 'write', open?: OpenOptions): Promise<T> {
  const bot = await openBot(access, open);
  try {
    return await fn(bot);
  } finally {
    await bot.close();
  }
}

async function printReply(reply: Reply, json: boolean, bot: Dutybot, workspaceId: string): Promise<number> {
  const { replyText } = await import('../../src/views/text.js');
  const failed = reply.kind === 'error' || (reply.kind === 'audit' && !reply.ok);
  // Times read best in the workspace's own time zone (after the command: `settings set timezone`).
  const zone = (await bot.findWorkspace(workspaceId))?.timezone;
  if (json) process.stdout.write(`${terminalJson(JSON.stringify(reply))}\n`);
  else (failed ? process.stderr : process.stdout).write(`${replyText(reply, { zone })}\n`);
  return failed ? 1 : 0;
}

/**
 * What a CLI command asks the bot to do. The duty words and other positionals are chat words and go
 * through the grammar; option values (`--note`, `--reason`, `--occurrence`, `--evidence`, files)
 * are set on the command value as typed, so a note saying "for 2026-11" or holding a link stays a note.
 */
type CommandBuilder = (values: Values, positionals: string[]) => ParsedCommand | UsageError;

/** `--workspace <id|name>`: every workspace-scoped command takes it (see workspace-choice.ts). */
const workspaceOption: ParseArgsConfig['options'] = { workspace: { type: 'string' } };

/**
 * Runs a command value in the chosen workspace, as the CLI user; usage hints show CLI syntax.
 * `access` says whether the command writes: only a writing command may create the terminal's workspace.
 */
function botCommand(
  summary: string,
  usage: string,
  build: CommandBuilder,
  extra: ParseArgsConfig['options'] = {},
  access: Access | ((positionals: string[]) => Access) = 'write',
): CliCommand {
  return {
    summary,
    usage: `${usage} [--workspace <id|name>]`,
    options: {
      at: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean' },
      ...workspaceOption,
      ...extra,
    },
    run: (values, positionals) => {
      const command = build(values, positionals);
      const now = instant(values);
      const mode = typeof access === 'function' ? access(positionals) : access;
      return withBot(async (bot) => {
        const { conversation } = await chooseWorkspace(bot, str(values, 'workspace'), mode);
        const reply = await bot.run(command, {
          actor: localActor(str(values, 'by')),
          conversation,
          now,
          idempotencyKey: str(values, 'key'),
        });
        if (reply.kind === 'export') return writeExport(reply, str(values, 'out'));
        return printReply(withCliUsage(reply, usage), values.json === true, bot, conversation.workspaceId);
      }, mode);
    },
  };
}

/** The core's usage hints quote chat syntax (`skip <duty> -- reason`); at the terminal the CLI's own usage applies. */
function withCliUsage(reply: Reply, usage: string): Reply {
  return reply.kind === 'error' && reply.code === 'bad_usage' ? { ...reply, hint: `Usage: ${usage}` } : reply;
}

/**
 * `dutybot ask`'s output: one question in plain text or JSON, exit 0 when answered and 1 when it
 * does not know (scripts tell the two apart); with no question, JSON lines from stdin, exit 0.
 */
async function askAndPrint(question: string, json: boolean, ask: (q: string) => Promise<Answer>): Promise<number> {
  const [{ toJsonContract }, { renderAnswerText }] = await Promise.all([
    import('../../src/answer/answer.js'),
    import('../../src/views/answer-text.js'),
  ]);
  const render = (result: Answer) =>
    json ? terminalJson(JSON.stringify(toJsonContract(result))) : renderAnswerText(result.view);
  if (question) {
    const result = await ask(question);
    process.stdout.write(`${render(result)}\n`);
    return result.view.abstained ? 1 : 0;
  }
  const out: string[] = [];
  await readLines(async (line) => {
    out.push(render(await ask(line)));
    // Flush in chunks: fewer writes keep batch mode fast, and order is preserved.
    if (out.length >= 64) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  });
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** The CLI speaks English, like its options and help. */
const CLI_LANG = 'en';

/** Reads the positionals as the chat grammar would after `verb`. */
function chatWords(verb: string, positionals: string[]): ParsedCommand | UsageError {
  return { ...parseCommand([verb, ...positionals].join(' ')), lang: CLI_LANG };
}

/** `done`/`skip`/`snooze`: the duty from the positionals, note, reason, link and occurrence from options. */
function confirmation(verb: 'done' | 'skip' | 'snooze'): CommandBuilder {
  return (values, positionals) => {
    const parsed = chatWords(verb, positionals);
    if ('error' in parsed) return parsed;
    const command = parsed.command;
    const occurrence = str(values, 'occurrence')?.toUpperCase();
    if (command.name === 'done') {
      const note = str(values, 'note');
      return {
        ...parsed,
        command: {
          ...command,
          note: note === undefined ? command.note : [command.note, note].filter(Boolean).join(' '),
          evidenceUrl: str(values, 'evidence') ?? command.evidenceUrl,
          occurrence: occurrence ?? command.occurrence,
        },
      };
    }
    if (command.name === 'skip') {
      const reason = str(values, 'reason');
      return {
        ...parsed,
        command: {
          ...command,
          reason: reason === undefined ? command.reason : [command.reason, reason].filter(Boolean).join(' '),
          occurrence: occurrence ?? command.occurrence,
        },
      };
    }
    if (command.name === 'snooze')
      return { ...parsed, command: { ...command, occurrence: occurrence ?? command.occurrence } };
    return parsed;
  };
}

/** `settings import <file>` reads the file here, so the YAML reaches the bot as a value. */
function settingsCommand(values: Values, positionals: string[]): ParsedCommand | UsageError {
  if (positionals[0] !== 'import') return chatWords('settings', positionals);
  const file = positionals[1];
  if (!file) throw new CliUsageError('usage: dutybot settings import <file.yaml>');
  try {
    const yaml = readFileSync(file, 'utf8');
    return { command: { name: 'settings', action: 'import', yaml, replace: values.replace === true }, lang: CLI_LANG };
  } catch (error) {
    throw new CliUsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function writeExport(reply: Extract<Reply, { kind: 'export' }>, out: string | undefined, force = false): number {
  if (out) {
    try {
      // An earlier export may be what an auditor was sent: replacing it takes --force.
      writeFileSync(out, reply.content, { flag: force ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CliFailure(OPERATOR.exportExists(out));
      throw new Error(`cannot write ${out}: ${code ?? (error as Error).message}`);
    }
    process.stderr.write(`wrote ${reply.entries} entries to ${out}\n`);
  } else {
    const shown = terminalSafeExport(reply);
    process.stdout.write(shown.endsWith('\n') ? shown : `${shown}\n`);
  }
  return 0;
}

/**
 * `export --auditor-pack`: the zip is binary, so it always goes to a file (the pack's own name in
 * the current directory unless --out says otherwise), never to the terminal. It is the operator's
 * (an admin's) command: `--by` and the ledger export's range options do not apply to it.
 */
async function writeAuditorPack(bot: Dutybot, values: Values): Promise<number> {
  for (const option of ['format', 'from', 'to', 'by'])
    if (values[option] !== undefined) throw new CliUsageError(OPERATOR.auditorPackOption(option));
  const { summary } = await chooseWorkspace(bot, str(values, 'workspace'), 'read');
  const pack = summary ? await bot.auditorPack(summary.id) : null;
  if (!summary || !pack) throw new CliFailure(OPERATOR.noWorkspaceYet);
  const out = str(values, 'out') ?? pack.filename;
  try {
    writeFileSync(out, pack.content, { flag: values.force === true ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliFailure(OPERATOR.exportExists(out));
    throw new Error(`cannot write ${out}: ${code ?? (error as Error).message}`);
  }
  process.stderr.write(`${OPERATOR.auditorPackWritten(out, pack.entries)}\n`);
  return 0;
}

/** An export printed to the terminal (not to a file, which keeps the bytes): JSON escaped, CSV inert. */
function terminalSafeExport(reply: Extract<Reply, { kind: 'export' }>): string {
  return reply.format === 'json' ? terminalJson(reply.content) : inertPlain(reply.content);
}

function printDeliveries(deliveries: TickReport['deliveries'], json: boolean): void {
  for (const d of deliveries) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ kind: d.kind, workspace: d.workspaceId, duty: d.dutyId, occurrence: d.occurrence, channel: d.channel, key: d.key, status: d.status })}\n`,
      );
    else if (d.status === 'planned')
      process.stdout.write(
        `${OPERATOR.tickWould(d.kind, d.workspaceId, [d.dutyId, d.occurrence].filter(Boolean).join(' ') || d.key, d.channel)}\n`,
      );
  }
}

/**
 * `tick --commit`: the CLI delivers only to the terminal, so it runs only on a store whose
 * workspaces are all the terminal's; Slack/Teams deliveries are the server's (it has their messengers).
 */
async function commitTick(bot: Dutybot, at: Date, chosen: WorkspaceSummary | null, json: boolean): Promise<number> {
  if (chosen && chosen.platform !== 'local')
    throw new CliFailure(OPERATOR.tickRefusedPlatform(chosen.id, chosen.platform));
  const platform = (await bot.workspaces()).filter((w) => w.platform !== 'local');
  if (platform.length > 0) throw new CliFailure(OPERATOR.tickRefusedSharedStore(platform.map((w) => w.id)));
  const { TerminalMessenger } = await import('./terminal-messenger.js');
  const zone = async () => (await bot.findWorkspace(LOCAL.workspaceId))?.timezone ?? 'UTC';
  const print = json ? () => {} : (text: string) => process.stdout.write(`${text}\n`);
  bot.useMessenger('local', new TerminalMessenger(print, zone));
  await bot.ensureWorkspace(LOCAL, localActor(undefined).userId);
  const report = await bot.tick(at);
  printDeliveries(report.deliveries, json);
  if (!json) process.stderr.write(`${OPERATOR.tickCommitted(report.at, report.enqueued, report.deliveries.length)}\n`);
  if (at.getTime() > Date.now() + 60_000)
    process.stderr.write(`${OPERATOR.tickFutureWarning(report.at, [LOCAL.workspaceId])}\n`);
  return report.deliveries.some((d) => d.status === 'failed') ? 1 : 0;
}

/** `--party`: the words for each side; the pack's provider is also named by its own name. */
const PARTY_WORDS: Record<string, 'provider' | 'customer'> = {
  provider: 'provider',
  fornitore: 'provider',
  customer: 'customer',
  cliente: 'customer',
  us: 'customer',
  we: 'customer',
};

function partyOf(typed: string | undefined, provider: string): 'provider' | 'customer' | undefined {
  if (typed === undefined) return undefined;
  const word = typed.trim().toLowerCase();
  const party = word === provider.toLowerCase() ? 'provider' : PARTY_WORDS[word];
  if (!party) throw new CliUsageError(OPERATOR.partyValues(provider));
  return party;
}

async function readLines(onLine: (line: string) => Promise<void>): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  for await (const line of rl) await onLine(line);
}

const confirmOptions: ParseArgsConfig['options'] = {
  occurrence: { type: 'string' },
  key: { type: 'string' },
};

/** Deleting data, and the keys tokens are sealed under (the work is in data-commands.ts). */
const DATA_COMMANDS: Record<string, CliCommand> = {
  workspace: {
    summary: 'delete a workspace on request (GDPR): its ledger as a whole chain, settings, tokens; leaves a tombstone',
    usage: 'dutybot workspace purge <id> --yes [--by user]   (export it first: dutybot export --workspace <id>)',
    options: { yes: { type: 'boolean' }, by: { type: 'string' } },
    run: (values, positionals) => {
      const [action, id, ...rest] = positionals;
      if (action !== 'purge' || !id || rest.length > 0)
        throw new CliUsageError('usage: dutybot workspace purge <id> --yes [--by user]');
      return withBot((bot) => purgeWorkspace(bot, id, values.yes === true, localActor(str(values, 'by')).userId));
    },
  },
  tombstones: {
    summary: 'what remains of deleted workspaces: when, why, and the final head of the deleted ledger',
    usage: 'dutybot tombstones [--json]',
    options: { json: { type: 'boolean' } },
    run: (values) => withBot((bot) => printTombstones(bot, values.json === true), 'read'),
  },
  keys: {
    summary: 'encryption keys of stored tokens: generate a new key entry, or re-seal every token under the first key',
    usage: 'dutybot keys generate [--id <key id>] | dutybot keys rotate',
    options: { id: { type: 'string' } },
    run: async (values, positionals) => {
      if (positionals[0] === 'generate' && positionals.length === 1) {
        const { generateKeyEntry } = await import('../../src/bot/credential-vault.js');
        process.stdout.write(`${generateKeyEntry(str(values, 'id'))}\n`);
        process.stderr.write(`${OPERATOR_DATA.generatedHint}\n`);
        return 0;
      }
      if (positionals[0] === 'rotate' && positionals.length === 1)
        return withBot(rotateKeys, 'write', { encryptionKey: true });
      throw new CliUsageError('usage: dutybot keys generate [--id <key id>] | dutybot keys rotate');
    },
  },
};

export const COMMANDS: Record<string, CliCommand> = {
  chat: {
    summary: 'chat with the bot in this terminal (reminders and digests appear as they come due)',
    usage: 'dutybot chat',
    run: async () => {
      const { runTerminalChat } = await import('./terminal-chat.js');
      return runTerminalChat(process.env);
    },
  },
  ask: {
    summary: "answer a question from the knowledge base (no network; --workspace: as that workspace's chat answers)",
    usage:
      "dutybot ask [--json] [--lang en|it] [--workspace <id|name>] \"<question>\"   exits 0 when answered, 1 when it does not know\n  dutybot ask --json [--workspace <id|name>] < questions.txt   one question per line in, one JSON object per line out\n  Without --workspace no database is read: a fresh workspace's view (every service, no owners). With it, the\n  answer leads with that workspace's services, names its owners and says what its schedule reminds (the\n  engine's answer: the optional language model is never called).",
    options: { json: { type: 'boolean' }, lang: { type: 'string' }, ...workspaceOption },
    run: async (values, positionals) => {
      const lang = str(values, 'lang');
      if (lang !== undefined && lang !== 'en' && lang !== 'it') throw new CliUsageError('--lang must be en or it');
      const question = positionals.join(' ').trim();
      if (!question && !values.json)
        throw new CliUsageError('ask needs a question (or --json to read questions from stdin)');
      const requested = str(values, 'workspace');
      if (requested === undefined) {
        const [{ loadKnowledge }, { answer }] = await Promise.all([
          import('../../src/knowledge/load.js'),
          import('../../src/answer/answer.js'),
        ]);
        const knowledge = loadKnowledge();
        const context = lang ? { lang: lang as 'en' | 'it' } : {};
        return askAndPrint(question, values.json === true, async (q) => answer(q, knowledge, context));
      }
      return withBot(async (bot) => {
        const { conversation } = await chooseWorkspace(bot, requested, 'read');
        return askAndPrint(question, values.json === true, async (q) => {
          const result = await bot.answerIn(conversation.workspaceId, q, lang as 'en' | 'it' | undefined);
          // chooseWorkspace found it a moment ago; only a concurrent purge can make it vanish.
          if (!result) throw new CliFailure(OPERATOR.noSuchWorkspace(requested, []));
          return result;
        });
      }, 'read');
    },
  },
  eval: evalCommand,
  duties: {
    summary: 'list the duties of the knowledge base',
    usage: 'dutybot duties [--service S] [--party provider|customer] [--json]',
    options: { service: { type: 'string' }, party: { type: 'string' }, json: { type: 'boolean' } },
    run: async (values) => {
      const { loadKnowledge } = await import('../../src/knowledge/load.js');
      const knowledge = loadKnowledge();
      const { resolveService } = await import('../../src/commands/duty-ref.js');
      const typed = str(values, 'service');
      // Aliases work here as in questions: --service "web space", --service posta.
      const service = typed === undefined ? undefined : resolveService(knowledge, typed)?.id;
      if (typed !== undefined && !service)
        throw new CliUsageError(
          OPERATOR.unknownService(
            typed,
            knowledge.services.map((s) => s.id),
          ),
        );
      const party = partyOf(str(values, 'party'), knowledge.document.provider);
      const duties = knowledge.duties.filter(
        (d) => (!service || d.service === service) && (!party || d.party === party),
      );
      if (values.json) {
        process.stdout.write(`${JSON.stringify(duties.map(({ position: _p, ...d }) => d))}\n`);
        return 0;
      }
      for (const d of duties) {
        process.stdout.write(
          `${d.id}\t${d.party === 'provider' ? knowledge.document.provider : 'customer'}\t${d.cadence}\t${d.text}\n`,
        );
      }
      return 0;
    },
  },
  services: {
    summary: "list the knowledge pack's services and their aliases",
    usage: 'dutybot services [--json]',
    options: { json: { type: 'boolean' } },
    run: async (values) => {
      const { loadKnowledge } = await import('../../src/knowledge/load.js');
      const knowledge = loadKnowledge();
      if (values.json) {
        const services = knowledge.services.map(({ duties, ...s }) => ({
          ...s,
          duties: {
            provider: duties.filter((d) => d.party === 'provider').length,
            customer: duties.filter((d) => d.party === 'customer').length,
          },
        }));
        process.stdout.write(`${JSON.stringify(services)}\n`);
        return 0;
      }
      for (const s of knowledge.services) {
        process.stdout.write(
          `${s.id.padEnd(14)} ${s.name}  (${[...s.aliases.en, ...s.aliases.it].slice(0, 6).join(', ')}…)\n`,
        );
      }
      return 0;
    },
  },
  knowledge: {
    summary: 'check a knowledge pack: schema, lexicon, completeness against the source, errata report',
    usage: 'dutybot knowledge lint [--knowledge <pack folder>] [--file <document.yaml>]',
    options: { file: { type: 'string' } },
    run: async (values, positionals) => {
      if (positionals[0] !== 'lint')
        throw new CliUsageError('usage: dutybot knowledge lint [--knowledge <pack folder>] [--file <document.yaml>]');
      const { lintKnowledge } = await import('../../src/knowledge/lint.js');
      const { renderingWarnings } = await import('../../src/answer/rendering-check.js');
      // --knowledge (every command's) has already chosen the pack; --file names one document file.
      const result = lintKnowledge(str(values, 'file'), [renderingWarnings]);
      (result.ok ? process.stdout : process.stderr).write(`${result.lines.join('\n')}\n`);
      return result.ok ? 0 : 1;
    },
  },
  tick: {
    summary: "show what one scheduler pass would send at an instant (--commit runs it on the terminal's store)",
    usage: 'dutybot tick [--at <ISO instant>] [--workspace <id|name>] [--commit] [--json]',
    options: { at: { type: 'string' }, json: { type: 'boolean' }, commit: { type: 'boolean' }, ...workspaceOption },
    run: (values) => {
      const at = instant(values) ?? new Date();
      return withBot(
        async (bot) => {
          const json = values.json === true;
          const requested = str(values, 'workspace');
          const chosen = requested ? (await chooseWorkspace(bot, requested, 'read')).summary : null;
          if (values.commit !== true) {
            const report = await bot.previewTick(at, chosen ? [chosen.id] : undefined);
            printDeliveries(report.deliveries, json);
            if (!json) process.stderr.write(`${OPERATOR.tickDryRun(report.at, report.deliveries.length)}\n`);
            return 0;
          }
          return commitTick(bot, at, chosen, json);
        },
        values.commit === true ? 'write' : 'read',
      );
    },
  },
  pending: botCommand(
    'list due and overdue duties',
    'dutybot pending [--all] [--at ISO] [--by user] [--json]',
    (values, positionals) => {
      const parsed = chatWords('pending', positionals);
      if ('error' in parsed || parsed.command.name !== 'pending' || values.all !== true) return parsed;
      return { ...parsed, command: { name: 'pending', all: true } };
    },
    { all: { type: 'boolean' } },
    'read',
  ),
  done: botCommand(
    'record a duty occurrence as done',
    'dutybot done <duty words or id> [--note "…"] [--evidence https://…] [--occurrence 2026-11] [--at ISO] [--by user] [--json]',
    confirmation('done'),
    { note: { type: 'string' }, evidence: { type: 'string' }, ...confirmOptions },
  ),
  skip: botCommand(
    'record a duty occurrence as skipped (reason required)',
    'dutybot skip <duty> --reason "…" [--occurrence K] [--at ISO] [--by user] [--json]',
    confirmation('skip'),
    { reason: { type: 'string' }, ...confirmOptions },
  ),
  snooze: botCommand(
    'postpone a reminder',
    'dutybot snooze <duty> <1h|2d|tomorrow|next-week|ISO> [--at ISO] [--by user] [--json]',
    confirmation('snooze'),
    confirmOptions,
  ),
  assign: botCommand(
    'assign owners (admins)',
    'dutybot assign <duty|service|fallback> @user [@user…] | none [--by user]',
    (_values, positionals) => chatWords('assign', positionals),
  ),
  history: botCommand(
    'confirmations recorded for a duty',
    'dutybot history <duty> [--json]',
    (_values, positionals) => chatWords('history', positionals),
    {},
    'read',
  ),
  digest: botCommand(
    'build the digest now',
    'dutybot digest [--at ISO] [--json]',
    () => ({ command: { name: 'digest' }, lang: CLI_LANG }),
    {},
    'read',
  ),
  settings: botCommand(
    'show or change workspace settings',
    'dutybot settings show | set <key> <value> | import <file.yaml> [--replace] [--by user] [--json]',
    settingsCommand,
    { replace: { type: 'boolean' } },
    (positionals) => (positionals.length === 0 || positionals[0] === 'show' ? 'read' : 'write'),
  ),
  export: {
    summary: "export a workspace's whole ledger with its chain hashes (admins)",
    usage:
      'dutybot export [--format csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out file [--force]] [--by user] [--workspace <id|name>]\n  dutybot export --auditor-pack [--out file.zip [--force]] [--workspace <id|name>]   one zip an auditor can verify offline',
    options: {
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      by: { type: 'string' },
      'auditor-pack': { type: 'boolean' },
      ...workspaceOption,
    },
    run: (values) =>
      withBot(async (bot) => {
        if (values['auditor-pack'] === true) return writeAuditorPack(bot, values);
        const format = str(values, 'format') ?? 'csv';
        if (format !== 'csv' && format !== 'json') throw new CliUsageError('--format must be csv or json');
        const { conversation } = await chooseWorkspace(bot, str(values, 'workspace'), 'read');
        const reply = await bot.run(
          {
            command: { name: 'export', format, from: str(values, 'from') ?? null, to: str(values, 'to') ?? null },
            lang: CLI_LANG,
          },
          { actor: localActor(str(values, 'by')), conversation },
        );
        if (reply.kind === 'export') return writeExport(reply, str(values, 'out'), values.force === true);
        return printReply(reply, false, bot, conversation.workspaceId);
      }, 'read'),
  },
  audit: {
    summary:
      "verify a workspace's ledger (its chain and every row shown; --all: every workspace), or print its head to note elsewhere",
    usage:
      'dutybot audit verify [--workspace <id|name> | --all] [--against <hash | seq:hash>] [--json] | dutybot audit head [--workspace <id|name>] [--json]',
    options: {
      json: { type: 'boolean' },
      by: { type: 'string' },
      all: { type: 'boolean' },
      against: { type: 'string' },
      ...workspaceOption,
    },
    run: (values, positionals) => {
      const action = positionals[0];
      if (action !== 'verify' && action !== 'head')
        throw new CliUsageError(
          'usage: dutybot audit verify [--workspace <id|name> | --all] [--against <hash | seq:hash>] [--json] | dutybot audit head [--workspace <id|name>] [--json]',
        );
      const against = str(values, 'against');
      if (action === 'head' && (against !== undefined || values.all === true))
        throw new CliUsageError('--against and --all go with audit verify');
      if (against !== undefined && values.all === true)
        throw new CliUsageError("--against is one workspace's head: use it with --workspace, not --all");
      const audit = (bot: Dutybot, conversation: Conversation) =>
        bot.run(
          {
            command: {
              name: 'audit',
              ...(action === 'head' ? { action: 'head' as const } : {}),
              ...(against !== undefined ? { against } : {}),
            },
            lang: CLI_LANG,
          },
          { actor: localActor(str(values, 'by')), conversation },
        );
      return withBot(async (bot) => {
        if (values.all !== true) {
          const { conversation } = await chooseWorkspace(bot, str(values, 'workspace'), 'read');
          return printReply(await audit(bot, conversation), values.json === true, bot, conversation.workspaceId);
        }
        const broken: string[] = [];
        for (const workspace of await bot.workspaces()) {
          const reply = await audit(bot, conversationOf(workspace));
          const ok = reply.kind === 'audit' && reply.ok;
          if (!ok) broken.push(workspace.id);
          if (values.json === true) process.stdout.write(`${JSON.stringify({ workspace: workspace.id, ...reply })}\n`);
          else {
            const problem = reply.kind === 'audit' ? (reply.problems[0] ?? reply.message) : JSON.stringify(reply);
            const line = ok
              ? OPERATOR.auditOk(workspace.id, workspace.entries)
              : OPERATOR.auditBroken(workspace.id, problem);
            (ok ? process.stdout : process.stderr).write(`${line}\n`);
          }
        }
        if (values.json !== true)
          (broken.length ? process.stderr : process.stdout).write(`${OPERATOR.auditSummary(broken)}\n`);
        return broken.length ? 1 : 0;
      }, 'read');
    },
  },
  calendar: {
    summary: 'secret calendar (ICS) feed URLs: create one for a workspace or a person, list them, revoke one',
    usage:
      'dutybot calendar url --workspace <id> [--user <id>] | dutybot calendar list [--workspace <id>] [--json] | dutybot calendar revoke <token id>',
    options: { user: { type: 'string' }, json: { type: 'boolean' }, ...workspaceOption },
    run: (values, positionals) => {
      const [action, ...rest] = positionals;
      if (action === 'url' && rest.length === 0) return calendarUrl(values);
      if (action === 'list' && rest.length === 0) return calendarList(values);
      if (action === 'revoke' && rest.length === 1 && rest[0]) return calendarRevoke(rest[0]);
      throw new CliUsageError(OPERATOR.calendarUsage);
    },
  },
  workspaces: {
    summary: 'list every workspace of the store: platform, id, name, home channel, ledger, last activity, failures',
    usage: 'dutybot workspaces [--json]',
    options: { json: { type: 'boolean' } },
    run: (values) =>
      withBot(async (bot) => {
        const all = await bot.workspaces();
        if (values.json === true) {
          for (const w of all) process.stdout.write(`${terminalJson(JSON.stringify(w))}\n`);
          return 0;
        }
        if (all.length === 0) {
          process.stdout.write(`${OPERATOR.noWorkspaces}\n`);
          return 0;
        }
        const rows = all.map((w) => [
          w.platform,
          w.id,
          w.name === null ? '—' : userField(w.name),
          w.status,
          w.homeChannel ?? '—',
          String(w.entries),
          w.chainHead.slice(0, 12),
          w.lastActivityAt?.toISOString() ?? '—',
          String(w.failedDeliveries),
        ]);
        process.stdout.write(`${table([[...OPERATOR.workspacesHeader], ...rows])}\n`);
        return 0;
      }, 'read'),
  },
  ...DATA_COMMANDS,
};

function calendarUrl(values: Values): Promise<number> {
  return withBot(async (bot) => {
    const { summary } = await chooseWorkspace(bot, str(values, 'workspace'), 'read');
    const workspaceId = summary?.id;
    if (!workspaceId) throw new CliFailure(OPERATOR.noWorkspaceYet);
    const userId = str(values, 'user') ?? null;
    const issued = await bot.createCalendarToken({ workspaceId, userId, createdBy: localActor(undefined).userId });
    if (!issued) throw new CliFailure(OPERATOR.noSuchWorkspace(workspaceId, []));
    const { absoluteUrl, calendarFeedPath } = await import('../../src/views/dashboard-links.js');
    const path = calendarFeedPath(issued.token);
    const url = absoluteUrl(process.env.DUTYBOT_PUBLIC_URL?.trim(), path);
    process.stdout.write(`${url ?? path}\n`);
    if (!url) process.stderr.write(`${OPERATOR.calendarNoPublicUrl}\n`);
    const scope = userId
      ? OPERATOR.calendarScopeUser(workspaceId, inertPlain(userId))
      : OPERATOR.calendarScopeWorkspace(workspaceId);
    process.stderr.write(`${OPERATOR.calendarIssued(issued.row.id, scope)}\n`);
    return 0;
  });
}

function calendarList(values: Values): Promise<number> {
  return withBot(async (bot) => {
    const requested = str(values, 'workspace');
    const workspaceId = requested ? (await chooseWorkspace(bot, requested, 'read')).summary?.id : undefined;
    const tokens = await bot.calendarTokens(workspaceId);
    if (values.json === true) {
      for (const t of tokens) process.stdout.write(`${terminalJson(JSON.stringify(t))}\n`);
      return 0;
    }
    if (tokens.length === 0) {
      process.stdout.write(`${OPERATOR.calendarNone}\n`);
      return 0;
    }
    const rows = tokens.map((t) => [
      t.id,
      t.workspaceId,
      t.userId === null ? OPERATOR.calendarEveryone : inertPlain(t.userId),
      t.createdAt.toISOString(),
      inertPlain(t.createdBy),
      t.revokedAt?.toISOString() ?? '—',
    ]);
    process.stdout.write(`${table([[...OPERATOR.calendarHeader], ...rows])}\n`);
    return 0;
  }, 'read');
}

function calendarRevoke(id: string): Promise<number> {
  return withBot(async (bot) => {
    if (!(await bot.revokeCalendarToken(id))) throw new CliFailure(OPERATOR.calendarNotRevoked(inertPlain(id)));
    process.stdout.write(`${OPERATOR.calendarRevoked(id)}\n`);
    return 0;
  });
}

/** Columns padded to their widest cell (the last one is not padded). */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n');
}

export function globalHelp(commands: Record<string, CliCommand> = COMMANDS): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return [
    "dutybot — a provider's shared-responsibility duties: answers, reminders, ledger",
    '',
    'Usage: dutybot <command> [options]   (dutybot <command> --help for details)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'DATABASE_URL selects the store (default sqlite:./data/dutybot.sqlite; postgres://… for PostgreSQL).',
    '--knowledge <folder> (any command) or DUTYBOT_KNOWLEDGE selects the knowledge pack (default: knowledge/).',
  ].join('\n');
}

export function commandHelp(name: string, command: CliCommand): string {
  return [`dutybot ${name} — ${command.summary}`, '', `Usage: ${command.usage}`].join('\n');
}
