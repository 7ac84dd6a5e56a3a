/** Bad usage of the CLI (exit 2): the line says what to type instead. */
export class CliUsageError extends Error {}

/** The command could not do what was asked (exit 1): the line says why and what to do. */
export class CliFailure extends Error {}
