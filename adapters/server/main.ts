#!/usr/bin/env node
import { COMMANDS } from '../cli/commands.js';
import { runCli } from '../cli/main.js';
import { dashboardCommand } from './dashboard-command.js';

/**
 * The `dutybot` executable and `npm start`. It is the composition root: the CLI's commands plus
 * `start`, which serves the configured surfaces (or opens the terminal chat). Only this folder
 * imports more than one adapter, so the CLI never depends on the server it is started from.
 */
await runCli(process.argv.slice(2), {
  start: {
    summary: 'run the bot: Slack/Teams when configured in the environment, else the terminal chat',
    usage: 'dutybot start',
    // Loaded on demand: the other commands never pay for express, Bolt or botbuilder.
    run: async () => (await import('./start.js')).start(process.env),
  },
  status: {
    summary: "what npm start would serve, whether the store answers, and each workspace's backlog and next wake-up",
    usage: 'dutybot status [--json]',
    options: { json: { type: 'boolean' } },
    run: async (values) => (await import('./status.js')).status(process.env, values.json === true),
  },
  dashboard: dashboardCommand,
  ...COMMANDS,
});
