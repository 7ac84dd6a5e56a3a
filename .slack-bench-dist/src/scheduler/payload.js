export function readPayload(raw) {
    switch (raw.kind) {
        case 'reminder':
        case 'digest':
            return { kind: raw.kind };
        case 'followup':
            return typeof raw.threadKey === 'string' ? { kind: 'followup', threadKey: raw.threadKey } : null;
        case 'escalation':
            return typeof raw.workingDays === 'number' ? { kind: 'escalation', workingDays: raw.workingDays } : null;
        case 'update':
            return typeof raw.targetKey === 'string' ? { kind: 'update', targetKey: raw.targetKey } : null;
        case 'welcome':
            return isWelcomeView(raw.view) ? { kind: 'welcome', view: raw.view } : null;
        default:
            return null;
    }
}
function isWelcomeView(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const view = value;
    return ((view.lang === 'en' || view.lang === 'it') && typeof view.workspaceId === 'string' && Array.isArray(view.lines));
}
//# sourceMappingURL=payload.js.map