/** Errors the store throws for requests about things that do not exist. */
export class UnknownWorkspaceError extends Error {
    workspaceId;
    name = 'UnknownWorkspaceError';
    constructor(workspaceId) {
        super(`workspace "${workspaceId}" does not exist (it is created when the bot is installed or first contacted)`);
        this.workspaceId = workspaceId;
    }
}
export class UnknownDeliveryError extends Error {
    key;
    name = 'UnknownDeliveryError';
    constructor(key) {
        super(`delivery "${key}" does not exist in the outbox`);
        this.key = key;
    }
}
//# sourceMappingURL=errors.js.map