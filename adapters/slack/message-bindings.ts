import type { MessageBinding } from '../../src/bot/types.js';
import type { KeyValueStore } from '../../src/ports/key-value.js';
import type { MessageRef, Messenger, OutboundMessage, PostRequest } from '../../src/ports/messenger.js';

/**
 * Which duty and occurrence each reminder posted on Slack is about, keyed by the message
 * (workspace, channel, ts), so a click on its buttons is judged by the message it came from and
 * not by the value the payload carries.
 */
const NAMESPACE = 'slack-messages';

/** As long as a reminder card is kept on Teams: a quarterly duty can be confirmed late. */
const BINDING_TTL_MS = 180 * 24 * 60 * 60 * 1000;

function bindingOf(message: OutboundMessage): MessageBinding | null {
  if (message.kind !== 'reminder' && message.kind !== 'followup' && message.kind !== 'escalation') return null;
  return { dutyId: message.view.occurrence.duty.id, occurrence: message.view.occurrence.occurrence };
}

export class SlackMessageBindings {
  constructor(private readonly store: KeyValueStore) {}

  async record(workspaceId: string, ref: MessageRef, binding: MessageBinding): Promise<void> {
    await this.store.kvSet(NAMESPACE, key(workspaceId, ref.channel, ref.id), binding, BINDING_TTL_MS);
  }

  /** null when the message is not one of the reminders dutybot posted (a reply, the App Home, an older post). */
  async lookup(workspaceId: string, channel: string | null, ts: string | null): Promise<MessageBinding | null> {
    if (!channel || !ts) return null;
    return (await this.store.kvGet<MessageBinding>(NAMESPACE, key(workspaceId, channel, ts))) ?? null;
  }

  /** The messenger the core uses, recording what each posted reminder is about. */
  recording(inner: Messenger): Messenger {
    const remember = async (workspaceId: string, ref: MessageRef, message: OutboundMessage) => {
      const binding = bindingOf(message);
      if (binding) await this.record(workspaceId, ref, binding);
      return ref;
    };
    // Everything else goes straight through (notifyAdmins only where the inner messenger has it).
    const notifyAdmins = inner.notifyAdmins?.bind(inner);
    return {
      ...(notifyAdmins ? { notifyAdmins } : {}),
      post: async (request: PostRequest) => remember(request.workspaceId, await inner.post(request), request.message),
      update: (workspaceId, ref, message) => inner.update(workspaceId, ref, message),
      sendToUser: async (workspaceId, userId, message, deliveryKey) =>
        remember(workspaceId, await inner.sendToUser(workspaceId, userId, message, deliveryKey), message),
    };
  }
}

function key(workspaceId: string, channel: string, ts: string): string {
  return `${workspaceId}|${channel}|${ts}`;
}
