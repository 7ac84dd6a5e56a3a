import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACK_ENV } from '../../src/knowledge/pack.js';
import { processLogger } from '../../src/logging/pino-logger.js';
import { inertPlain } from '../../src/views/text.js';
import { type CliCommand, CliUsageError, commandHelp, globalHelp } from './commands.js';
import { loadEnvFile } from './env-file.js';
import { OPERATOR } from './wording.js';

/**
 * `dutybot <command> …` — the scripting surface. The process entry (`adapters/server/main.ts`)
 * hands it the command table, adding `start`, which composes the surfaces.
 * Each command loads only what it needs (answering a question never opens the database), so
 * `dutybot ask --json` stays fast enough for batch evaluation.
 *
 * Output meant for the user (answers, `--json` lines, the one-line error) goes to stdout/stderr as
 * is; diagnostics go to the process's logger (stderr; `DUTYBOT_LOG_LEVEL`, `DUTYBOT_LOG_FORMAT`),
 * which every command that opens the core shares.
 */
async function dispatch(argv: string[], commands: Record<string, CliCommand>): Promise<number> {
  // `.env` first, so every command (and `start`) sees the configuration the docs say to put there.
  loadEnvFile(process.env);
  // DUTYBOT_DEBUG=1 is the developer's switch: it also turns on debug lines, unless a level is chosen.
  if (process.env.DUTYBOT_DEBUG && !process.env.DUTYBOT_LOG_LEVEL) process.env.DUTYBOT_LOG_LEVEL = 'debug';
  const [name, ...rest] = takeKnowledgeOption(argv);
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`dutybot ${packageVersion()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${globalHelp(commands)}\n`);
    return 0;
  }
  const command: CliCommand | undefined = commands[name];
  if (!command) throw new CliUsageError(`unknown command "${name}" (run \`dutybot --help\` for the list)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${commandHelp(name, command)}\n`);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  const { args, restore } = protectGrammarWords(rest);
  try {
    parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(usageLine(error as NodeJS.ErrnoException, name));
  }
  const values = Object.fromEntries(
    Object.entries(parsed.values).map(([key, value]) => [key, typeof value === 'string' ? restore(value) : value]),
  ) as Record<string, string | boolean | undefined>;
  return command.run(values, parsed.positionals.map(restore));
}

/**
 * `--knowledge <folder>` belongs to every command: it is DUTYBOT_KNOWLEDGE for this process, so
 * each command, and the server `start` composes, loads the same pack by the one rule in
 * src/knowledge/pack.ts. Taken out before a command's own options are parsed.
 */
function takeKnowledgeOption(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const inline = /^--knowledge=(.*)$/.exec(arg);
    if (inline || arg === '--knowledge') {
      const folder = inline ? inline[1] : argv[++i];
      if (!folder) throw new CliUsageError(OPERATOR.optionNeedsValue('--knowledge', argv[0] ?? 'dutybot'));
      process.env[PACK_ENV] = folder;
      continue;
    }
    rest.push(arg);
  }
  return rest;
}

/** parseArgs' messages suggest `--` tricks that do not apply here; say it the project's way. */
function usageLine(error: NodeJS.ErrnoException, command: string): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return OPERATOR.unknownOption(option, command);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return OPERATOR.optionNeedsValue(option, command);
  return `${error.message.split('\n')[0]} (run \`dutybot ${command} --help\`)`;
}

/** The version in package.json, found from this file in src (tsx) and in dist alike. */
function packageVersion(): string {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'dutybot') return pkg.version ?? 'unknown';
  }
  return 'unknown';
}

/** Marks a protected word so `parseArgs` sees a positional; NUL never appears in typed arguments. */
const PROTECTED = '\u0000';

/**
 * In the chat grammar `--` separates the duty from a note (`done restore test backup1 -- all good`)
 * and numbers may be negative (`settings set … -1`). For `parseArgs` a bare `--` ends the options,
 * so `--at`/`--by` typed after it would silently become part of the note (recorded as the wrong
 * person, at the wrong time). Both are passed through as positionals instead.
 */
function protectGrammarWords(argv: string[]): { args: string[]; restore: (word: string) => string } {
  return {
    args: argv.map((arg) => (arg === '--' || /^-\d/.test(arg) ? `${PROTECTED}${arg}` : arg)),
    restore: (word) => (word.startsWith(PROTECTED) ? word.slice(PROTECTED.length) : word),
  };
}

/** Runs one command line and sets the process's exit code: 2 for bad usage, 1 for a failure. */
export function runCli(argv: string[], commands: Record<string, CliCommand>): Promise<void> {
  // `dutybot history | head`: the reader has what it wanted; the rest of the output has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return dispatch(argv, commands).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Users get one clear line, never a stack trace; DUTYBOT_DEBUG=1 logs the stack for developers.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`dutybot: ${inertPlain(message)}\n`);
      if (process.env.DUTYBOT_DEBUG && error instanceof Error && error.stack) {
        processLogger().debug('command failed', { error, stack: error.stack });
      }
      process.exitCode = error instanceof CliUsageError ? 2 : 1;
    },
  );
}
