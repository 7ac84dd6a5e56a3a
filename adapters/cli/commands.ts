import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ParseArgsConfig } from 'node:util';
import type { Dutybot } from '../../src/bot/types.js';
import { type ParsedCommand, parseCommand, type UsageError } from '../../src/commands/grammar.js';
import type { Reply } from '../../src/views/types.js';
import { type CliCommand, CliUsageError } from './command.js';
import { evalCommand } from './eval.js';
import { LOCAL, localActor } from './local.js';

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

async function openBot(): Promise<Dutybot> {
  const [{ createDutybot }, { answerModelFromEnv }] = await Promise.all([
    import('../../src/bot/dutybot.js'),
    import('../llm/from-env.js'),
  ]);
  return createDutybot({
    databaseUrl: process.env.DATABASE_URL || undefined,
    commandPrefix: 'dutybot',
    // One-shot commands stay quiet about the model; `start` and `chat` say when it is on.
    answerModel: await answerModelFromEnv(process.env, () => undefined),
  });
}

async function withBot<T>(fn: (bot: Dutybot) => Promise<T>): Promise<T> {
  const bot = await openBot();
  try {
    return await fn(bot);
  } finally {
    await bot.close();
  }
}

async function printReply(reply: Reply, json: boolean, bot?: Dutybot): Promise<number> {
  const { replyText } = await import('../../src/views/text.js');
  const failed = reply.kind === 'error' || (reply.kind === 'audit' && !reply.ok);
  // Times read best in the workspace's own time zone.
  const zone = bot ? (await bot.workspace(LOCAL.workspaceId))?.timezone : undefined;
  if (json) process.stdout.write(`${JSON.stringify(reply)}\n`);
  else (failed ? process.stderr : process.stdout).write(`${replyText(reply, { zone })}\n`);
  return failed ? 1 : 0;
}

/**
 * What a CLI command asks the bot to do. The duty words and other positionals are chat words and go
 * through the grammar; option values (`--note`, `--reason`, `--occurrence`, `--evidence`, files)
 * are set on the command value as typed, so a note saying "for 2026-11" or holding a link stays a note.
 */
type CommandBuilder = (values: Values, positionals: string[]) => ParsedCommand | UsageError;

/** Runs a command value for the local workspace, as the CLI user; usage hints show CLI syntax. */
function botCommand(
  summary: string,
  usage: string,
  build: CommandBuilder,
  extra: ParseArgsConfig['options'] = {},
): CliCommand {
  return {
    summary,
    usage,
    options: { at: { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean' }, ...extra },
    run: (values, positionals) =>
      withBot(async (bot) => {
        const reply = await bot.run(build(values, positionals), {
          actor: localActor(str(values, 'by')),
          conversation: LOCAL,
          now: instant(values),
          idempotencyKey: str(values, 'key'),
        });
        if (reply.kind === 'export') return writeExport(reply, str(values, 'out'));
        return printReply(withCliUsage(reply, usage), values.json === true, bot);
      }),
  };
}

/** The core's usage hints quote chat syntax (`skip <duty> -- reason`); at the terminal the CLI's own usage applies. */
function withCliUsage(reply: Reply, usage: string): Reply {
  return reply.kind === 'error' && reply.code === 'bad_usage' ? { ...reply, hint: `Usage: ${usage}` } : reply;
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
function settingsCommand(_values: Values, positionals: string[]): ParsedCommand | UsageError {
  if (positionals[0] !== 'import') return chatWords('settings', positionals);
  const file = positionals[1];
  if (!file) throw new CliUsageError('usage: dutybot settings import <file.yaml>');
  try {
    return { command: { name: 'settings', action: 'import', yaml: readFileSync(file, 'utf8') }, lang: CLI_LANG };
  } catch (error) {
    throw new CliUsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function writeExport(reply: Extract<Reply, { kind: 'export' }>, out: string | undefined): number {
  if (out) {
    try {
      writeFileSync(out, reply.content);
    } catch (error) {
      throw new Error(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    process.stderr.write(`wrote ${reply.entries} entries to ${out}\n`);
  } else process.stdout.write(reply.content.endsWith('\n') ? reply.content : `${reply.content}\n`);
  return 0;
}

async function readLines(onLine: (line: string) => Promise<void>): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  for await (const line of rl) await onLine(line);
}

const confirmOptions: ParseArgsConfig['options'] = {
  occurrence: { type: 'string' },
  key: { type: 'string' },
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
    summary: 'answer a question from the knowledge base (no database, no network)',
    usage:
      'dutybot ask [--json] "<question>"   exits 0 when answered, 1 when it does not know\n  dutybot ask --json < questions.txt   one question per line in, one JSON object per line out',
    options: { json: { type: 'boolean' }, lang: { type: 'string' } },
    run: async (values, positionals) => {
      const [{ loadKnowledge }, { answer, toJsonContract }, { renderAnswerText }] = await Promise.all([
        import('../../src/knowledge/load.js'),
        import('../../src/answer/answer.js'),
        import('../../src/views/answer-text.js'),
      ]);
      const knowledge = loadKnowledge();
      const lang = str(values, 'lang');
      if (lang !== undefined && lang !== 'en' && lang !== 'it') throw new CliUsageError('--lang must be en or it');
      const context = lang ? { lang: lang as 'en' | 'it' } : {};
      const render = (result: ReturnType<typeof answer>) =>
        values.json ? JSON.stringify(toJsonContract(result)) : renderAnswerText(result.view);
      const reply = (question: string) => render(answer(question, knowledge, context));
      const question = positionals.join(' ').trim();
      if (question) {
        // Scripts can tell an answer (0) from an honest "I don't know" (1).
        const result = answer(question, knowledge, context);
        process.stdout.write(`${render(result)}\n`);
        return result.view.abstained ? 1 : 0;
      }
      if (!values.json) throw new CliUsageError('ask needs a question (or --json to read questions from stdin)');
      const out: string[] = [];
      await readLines(async (line) => {
        out.push(reply(line));
        // Flush in chunks: fewer writes keep batch mode fast, and order is preserved.
        if (out.length >= 64) process.stdout.write(`${out.splice(0).join('\n')}\n`);
      });
      if (out.length) process.stdout.write(`${out.join('\n')}\n`);
      return 0;
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
      const service = str(values, 'service');
      const party = str(values, 'party');
      if (service && !knowledge.serviceById.has(service as never))
        throw new CliUsageError(
          `unknown service "${service}" (one of: ${knowledge.services.map((s) => s.id).join(', ')})`,
        );
      if (party && party !== 'provider' && party !== 'customer')
        throw new CliUsageError('--party must be provider or customer');
      const duties = knowledge.duties.filter(
        (d) => (!service || d.service === service) && (!party || d.party === party),
      );
      if (values.json) {
        process.stdout.write(`${JSON.stringify(duties.map(({ position: _p, ...d }) => d))}\n`);
        return 0;
      }
      for (const d of duties) {
        process.stdout.write(`${d.id}\t${d.party === 'provider' ? 'CoreTech' : 'customer'}\t${d.cadence}\t${d.text}\n`);
      }
      return 0;
    },
  },
  services: {
    summary: 'list the CoreTech services and their aliases',
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
    summary: 'check the knowledge base: schema, completeness against the source, errata report',
    usage: 'dutybot knowledge lint [--file path.yaml]',
    options: { file: { type: 'string' } },
    run: async (values, positionals) => {
      if (positionals[0] !== 'lint') throw new CliUsageError('usage: dutybot knowledge lint [--file path.yaml]');
      const { lintKnowledge } = await import('../../src/knowledge/lint.js');
      const result = lintKnowledge(str(values, 'file'));
      (result.ok ? process.stdout : process.stderr).write(`${result.lines.join('\n')}\n`);
      return result.ok ? 0 : 1;
    },
  },
  tick: {
    summary: 'run one scheduler pass at an instant (deliveries to the terminal workspace are printed)',
    usage: 'dutybot tick [--at <ISO instant>] [--json]',
    options: { at: { type: 'string' }, json: { type: 'boolean' } },
    run: (values) =>
      withBot(async (bot) => {
        const { TerminalMessenger } = await import('./terminal-messenger.js');
        const json = values.json === true;
        const zone = async () => (await bot.workspace(LOCAL.workspaceId))?.timezone ?? 'UTC';
        const print = json ? () => {} : (text: string) => process.stdout.write(`${text}\n`);
        bot.useMessenger('local', new TerminalMessenger(print, zone));
        await bot.ensureWorkspace(LOCAL, localActor(undefined).userId);
        const report = await bot.tick(instant(values) ?? new Date());
        if (json) {
          for (const d of report.deliveries) {
            process.stdout.write(
              `${JSON.stringify({ kind: d.kind, workspace: d.workspaceId, duty: d.dutyId, occurrence: d.occurrence, channel: d.channel, key: d.key, status: d.status })}\n`,
            );
          }
        } else
          process.stderr.write(
            `tick ${report.at}: ${report.enqueued} enqueued, ${report.deliveries.length} delivered or attempted\n`,
          );
        return report.deliveries.some((d) => d.status === 'failed') ? 1 : 0;
      }),
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
  history: botCommand('confirmations recorded for a duty', 'dutybot history <duty> [--json]', (_values, positionals) =>
    chatWords('history', positionals),
  ),
  digest: botCommand('build the digest now', 'dutybot digest [--at ISO] [--json]', () => ({
    command: { name: 'digest' },
    lang: CLI_LANG,
  })),
  settings: botCommand(
    'show or change workspace settings',
    'dutybot settings show | set <key> <value> | import <file.yaml> [--by user] [--json]',
    settingsCommand,
  ),
  export: {
    summary: 'export the ledger with its chain hashes (admins)',
    usage: 'dutybot export [--format csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out file] [--by user]',
    options: {
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      by: { type: 'string' },
    },
    run: (values) =>
      withBot(async (bot) => {
        const format = str(values, 'format') ?? 'csv';
        if (format !== 'csv' && format !== 'json') throw new CliUsageError('--format must be csv or json');
        const reply = await bot.run(
          {
            command: { name: 'export', format, from: str(values, 'from') ?? null, to: str(values, 'to') ?? null },
            lang: CLI_LANG,
          },
          { actor: localActor(str(values, 'by')), conversation: LOCAL },
        );
        if (reply.kind === 'export') return writeExport(reply, str(values, 'out'));
        return printReply(reply, false, bot);
      }),
  },
  audit: {
    summary: 'verify the ledger (chain and every row shown), or print its head to note elsewhere',
    usage: 'dutybot audit verify [--against <hash | seq:hash>] [--json] | dutybot audit head [--json]',
    options: { json: { type: 'boolean' }, by: { type: 'string' }, against: { type: 'string' } },
    run: (values, positionals) => {
      const action = positionals[0];
      if (action !== 'verify' && action !== 'head')
        throw new CliUsageError(
          'usage: dutybot audit verify [--against <hash | seq:hash>] [--json] | dutybot audit head [--json]',
        );
      const against = str(values, 'against');
      if (action === 'head' && against !== undefined) throw new CliUsageError('--against goes with audit verify');
      return withBot(async (bot) =>
        printReply(
          await bot.run(
            {
              command: {
                name: 'audit',
                ...(action === 'head' ? { action: 'head' as const } : {}),
                ...(against !== undefined ? { against } : {}),
              },
              lang: CLI_LANG,
            },
            { actor: localActor(str(values, 'by')), conversation: LOCAL },
          ),
          values.json === true,
          bot,
        ),
      );
    },
  },
};

export function globalHelp(commands: Record<string, CliCommand> = COMMANDS): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return [
    'dutybot — CoreTech GDPR shared-responsibility duties: answers, reminders, ledger',
    '',
    'Usage: dutybot <command> [options]   (dutybot <command> --help for details)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'DATABASE_URL selects the store (default sqlite:./data/dutybot.sqlite; postgres://… for PostgreSQL).',
  ].join('\n');
}

export function commandHelp(name: string, command: CliCommand): string {
  return [`dutybot ${name} — ${command.summary}`, '', `Usage: ${command.usage}`].join('\n');
}
