import type { ParseArgsConfig } from 'node:util';

/** One `dutybot` sub-command: its options, its help and what it runs. */
export interface CliCommand {
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

/** Bad usage: the CLI prints one line and exits with code 2 (any other failure exits with 1). */
export class CliUsageError extends Error {}
