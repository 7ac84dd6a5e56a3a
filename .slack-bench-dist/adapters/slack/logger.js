import { LogLevel } from '@slack/bolt';
const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
/** Bolt's Logger on the console, prefixed so Slack lines are easy to find among the server's. */
export function createSlackLogger(level = LogLevel.INFO) {
    let current = level;
    let name = 'slack';
    const enabled = (at) => ORDER.indexOf(at) >= ORDER.indexOf(current);
    const write = (at, sink) => (...messages) => {
        if (enabled(at))
            sink(`[${at.toUpperCase()}] ${name}`, ...messages);
    };
    return {
        debug: write(LogLevel.DEBUG, console.debug),
        info: write(LogLevel.INFO, console.info),
        warn: write(LogLevel.WARN, console.warn),
        error: write(LogLevel.ERROR, console.error),
        setLevel: (next) => {
            current = next;
        },
        getLevel: () => current,
        setName: (next) => {
            name = next;
        },
    };
}
//# sourceMappingURL=logger.js.map