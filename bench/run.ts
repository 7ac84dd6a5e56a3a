/**
 * `npm run bench`: every benchmark of the project, printed as figures. Speed is measured here,
 * never in unit tests. Each section runs on its own so one failing section does not hide the rest.
 */
type Section = { name: string; load: () => Promise<() => Promise<string[]>> };

const sections: Section[] = [
  { name: 'answers (in-process)', load: async () => (await import('./answer-bench.js')).benchAnswer },
  { name: 'answers (CLI batch)', load: async () => (await import('./cli-bench.js')).benchCli },
  { name: 'answers with a model (llm)', load: async () => (await import('./llm-bench.js')).benchLlm },
  { name: 'store', load: async () => (await import('./store-bench.js')).benchStore },
  { name: 'scheduler tick', load: async () => (await import('./tick-bench.js')).benchTick },
  { name: 'calendar feed', load: async () => (await import('./calendar-bench.js')).benchCalendar },
  { name: 'slack', load: async () => (await import('./slack-bench.js')).benchSlack },
  { name: 'teams', load: async () => (await import('./teams-bench.js')).benchTeams },
  { name: 'dashboard', load: async () => (await import('./dashboard-bench.js')).benchDashboard },
];

const only = process.argv.slice(2);
let failed = 0;
for (const section of sections) {
  if (only.length && !only.some((o) => section.name.includes(o))) continue;
  process.stdout.write(`\n## ${section.name}\n`);
  try {
    const run = await section.load();
    for (const line of await run()) process.stdout.write(`${line}\n`);
  } catch (error) {
    failed++;
    process.stdout.write(`FAILED: ${(error as Error).stack ?? error}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
