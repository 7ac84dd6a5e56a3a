import { outboundText } from '../../src/views/text.js';
/**
 * Delivers scheduler messages into the terminal: reminders and digests are printed into the
 * chat as they come due; an "update" (a reminder closed by a confirmation) prints the new state.
 */
export class TerminalMessenger {
    print;
    sequence = 0;
    constructor(print) {
        this.print = print;
    }
    async post(request) {
        const id = String(++this.sequence);
        const thread = request.thread ? ` (in reply to #${request.thread.id})` : '';
        this.print(`\n── #${id} ${label(request.message)} → ${request.channel}${thread}\n${outboundText(request.message)}`);
        return { channel: request.channel, id };
    }
    async update(_workspaceId, ref, message) {
        this.print(`\n── #${ref.id} updated\n${outboundText(message)}`);
    }
    async sendToUser(_workspaceId, userId, message) {
        const id = String(++this.sequence);
        this.print(`\n── #${id} ${label(message)} → @${userId}\n${outboundText(message)}`);
        return { channel: `@${userId}`, id };
    }
}
function label(message) {
    return message.kind;
}
//# sourceMappingURL=terminal-messenger.js.map