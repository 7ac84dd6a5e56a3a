import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { describeError, type LogFields, type Logger, type LogLevel, redactSecrets } from './logger.js';

/**
 * The Logger port on pino. One logger per process, made by the composition root
 * (`adapters/server/start.ts`, `adapters/server/main.ts`, or `createDutybot` when none is given):
 * JSON lines in production, readable lines in a terminal, always on stderr so a command's own
 * output on stdout stays clean for pipes.
 *
 * - `DUTYBOT_LOG_FORMAT=json|pretty` chooses the format; by default pretty when stderr is a terminal.
 * - `DUTYBOT_LOG_LEVEL=debug|info|warn|error|silent` (default info).
 */
export interface LoggerOptions {
  env?: NodeJS.ProcessEnv;
  level?: LogLevel | 'silent';
  format?: 'json' | 'pretty';
  /** Where lines go; default stderr. Tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
  bindings?: Record<string, unknown>;
}

/** Field names whose values are credentials whatever they contain (pino masks them before writing). */
const SECRET_PATHS = [
  'token',
  'botToken',
  'appToken',
  'accessToken',
  'password',
  'appPassword',
  'secret',
  'clientSecret',
  'signingSecret',
  'stateSecret',
  'apiKey',
  'authorization',
  'headers.authorization',
  '*.token',
  '*.botToken',
  '*.password',
  '*.secret',
  '*.authorization',
  '*.apiKey',
];

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export function createLogger(options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  const requested = (options.level ?? env.DUTYBOT_LOG_LEVEL ?? 'info').toLowerCase();
  const level = (LEVELS as readonly string[]).includes(requested) ? requested : 'info';
  const destination = options.destination ?? process.stderr;
  const format = options.format ?? formatFromEnv(env, destination);
  const stream =
    format === 'pretty'
      ? pinoPretty({
          destination: destination as NodeJS.WritableStream,
          sync: true,
          singleLine: true,
          colorize: (destination as { isTTY?: boolean }).isTTY === true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,name,component',
          messageKey: 'msg',
          messageFormat: '{if component}{component}: {end}{msg}',
          // Our `error` field is already a described, redacted string: keep it on the line.
          errorLikeObjectKeys: ['err'],
        })
      : destination;
  const root = pino(
    {
      level,
      base: { name: 'dutybot', ...options.bindings },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names, not numbers: JSON lines read by people and by log tools alike.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    },
    stream,
  );
  return wrap(root);
}

let shared: Logger | undefined;

/**
 * The process's logger for code that was not handed one (a CLI command opening the core, a store
 * opened by a script): created once, from the environment, so every such part writes alike.
 */
export function processLogger(): Logger {
  shared ??= createLogger();
  return shared;
}

function formatFromEnv(env: NodeJS.ProcessEnv, destination: pino.DestinationStream): 'json' | 'pretty' {
  const chosen = env.DUTYBOT_LOG_FORMAT?.toLowerCase();
  if (chosen === 'json' || chosen === 'pretty') return chosen;
  return (destination as { isTTY?: boolean }).isTTY === true ? 'pretty' : 'json';
}

function wrap(target: pino.Logger): Logger {
  const write =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (!target.isLevelEnabled(level)) return;
      if (fields) target[level](safeFields(fields), redactSecrets(message));
      else target[level](redactSecrets(message));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (bindings) => wrap(target.child(safeFields(bindings))),
  };
}

/** Errors become `describeError` text and strings are scrubbed: a token never reaches a line by value. */
export function safeFields(fields: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value instanceof Error || key === 'error') safe[key] = describeError(value);
    else if (typeof value === 'string') safe[key] = redactSecrets(value);
    else safe[key] = value;
  }
  return safe;
}
