import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { describeError, type Logger } from '../../src/logging/logger.js';

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt's Logger interface on top of the process's one logger, so Bolt's and the receivers' own
 * lines come out in the same format, with the same redaction, as everything else. Bolt logs free
 * arguments (text, errors, objects); they are joined into one message, errors described (never
 * their request details).
 */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let target = logger.child({ component: 'slack' });
  const enabled = (at: LogLevel) => ORDER.indexOf(at) >= ORDER.indexOf(current);
  const write =
    (at: LogLevel) =>
    (...parts: unknown[]) => {
      if (enabled(at)) target[at](parts.map(partText).join(' '));
    };
  return {
    debug: write(LogLevel.DEBUG),
    info: write(LogLevel.INFO),
    warn: write(LogLevel.WARN),
    error: write(LogLevel.ERROR),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: (name) => {
      target = logger.child({ component: 'slack', name });
    },
  };
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return describeError(part);
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}
