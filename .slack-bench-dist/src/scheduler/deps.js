export const DEFAULT_OPTIONS = {
    workspaceBatch: 500,
    dispatchBatch: 50,
    dispatchConcurrency: 4,
    maxDispatchRounds: 20,
    leaseMs: 60_000,
    retryBaseMs: 30_000,
    retryMaxMs: 3_600_000,
    random: Math.random,
};
export function optionsOf(deps) {
    return { ...DEFAULT_OPTIONS, ...deps.options };
}
export function logOf(deps) {
    return deps.log ?? ((message) => console.warn(`[dutybot scheduler] ${message}`));
}
//# sourceMappingURL=deps.js.map