import type { MessageRef, Messenger, OutboundMessage, PostRequest } from '../../src/ports/messenger.js';
import { outboundText } from '../../src/views/text.js';

/**
 * Delivers scheduler messages into the terminal: reminders and digests are printed into the
 * chat as they come due; an "update" (a reminder closed by a confirmation) prints the new state.
 */
export class TerminalMessenger implements Messenger {
  private sequence = 0;

  constructor(
    private readonly print: (text: string) => void,
    private readonly zone: () => Promise<string> = async () => 'UTC',
  ) {}

  async post(request: PostRequest): Promise<MessageRef> {
    const id = String(++this.sequence);
    const thread = request.thread ? ` (in reply to #${request.thread.id})` : '';
    this.print(
      `\n── #${id} ${label(request.message)} → ${request.channel}${thread}\n${outboundText(request.message, { zone: await this.zone() })}`,
    );
    return { channel: request.channel, id };
  }

  async update(_workspaceId: string, ref: MessageRef, message: OutboundMessage): Promise<void> {
    this.print(`\n── #${ref.id} updated\n${outboundText(message, { zone: await this.zone() })}`);
  }

  async sendToUser(_workspaceId: string, userId: string, message: OutboundMessage): Promise<MessageRef> {
    const id = String(++this.sequence);
    this.print(`\n── #${id} ${label(message)} → @${userId}\n${outboundText(message, { zone: await this.zone() })}`);
    return { channel: `@${userId}`, id };
  }
}

function label(message: OutboundMessage): string {
  return message.kind;
}
