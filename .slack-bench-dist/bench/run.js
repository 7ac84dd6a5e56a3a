const sections = [
    { name: 'answers (in-process)', load: async () => (await import('./answer-bench.js')).benchAnswer },
    { name: 'answers (CLI batch)', load: async () => (await import('./cli-bench.js')).benchCli },
    { name: 'store', load: async () => (await import('./store-bench.js')).benchStore },
    { name: 'scheduler tick', load: async () => (await import('./tick-bench.js')).benchTick },
    { name: 'slack', load: async () => (await import('./slack-bench.js')).benchSlack },
    { name: 'teams', load: async () => (await import('./teams-bench.js')).benchTeams },
];
const only = process.argv.slice(2);
let failed = 0;
for (const section of sections) {
    if (only.length && !only.some((o) => section.name.includes(o)))
        continue;
    process.stdout.write(`\n## ${section.name}\n`);
    try {
        const run = await section.load();
        for (const line of await run())
            process.stdout.write(`${line}\n`);
    }
    catch (error) {
        failed++;
        process.stdout.write(`FAILED: ${error.stack ?? error}\n`);
    }
}
process.exitCode = failed ? 1 : 0;
export {};
//# sourceMappingURL=run.js.map