import type { Logger } from '../../src/logging/logger.js';
import { createLogger } from '../../src/logging/pino-logger.js';

/**
 * The production logger (pino, JSON, redaction included) writing into an array instead of stderr:
 * tests read back exactly the lines an operator would see, and failures a test provokes on
 * purpose stay out of the test run's output. Each entry is one JSON line.
 */
export function recordingLogger(lines: string[] = []): Logger & { lines: string[] } {
  const logger = createLogger({
    format: 'json',
    level: 'debug',
    destination: { write: (line: string) => lines.push(line.trimEnd()) },
  });
  return Object.assign(Object.create(null), logger, { lines }) as Logger & { lines: string[] };
}

/** The parsed lines, for assertions on structured fields. */
export function parsedLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
