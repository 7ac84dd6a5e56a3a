/**
 * Outbox keys. The key IS the claim: `store.enqueue` inserts only if the key is absent, so two
 * planners (replicas, or a planner re-running after a crash) can never enqueue the same message
 * twice. Keys name what a message is about, never when it was planned.
 */
export function reminderKey(workspaceId, dutyId, occurrence) {
    return `${workspaceId}|reminder|${dutyId}|${occurrence}`;
}
/** The reminder sent again when a snooze ends; one per snooze (the snooze's ledger seq). */
export function reReminderKey(workspaceId, dutyId, occurrence, snoozeSeq) {
    return `${reminderKey(workspaceId, dutyId, occurrence)}|snooze-${snoozeSeq}`;
}
export function followUpKey(workspaceId, dutyId, occurrence) {
    return `${workspaceId}|followup|${dutyId}|${occurrence}`;
}
export function escalationKey(workspaceId, dutyId, occurrence) {
    return `${workspaceId}|escalation|${dutyId}|${occurrence}`;
}
export function digestKey(workspaceId, channel, week) {
    return `${workspaceId}|digest|${channel}|${week}`;
}
/** Updating one posted message (`targetKey`) after the confirmation with ledger seq `seq`. */
export function updateKey(targetKey, seq) {
    const [workspaceId, kind, ...rest] = targetKey.split('|');
    return `${workspaceId}|update|${rest.join('|')}|${kind}|seq-${seq}`;
}
//# sourceMappingURL=keys.js.map