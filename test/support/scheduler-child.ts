/**
 * A scheduler process for the crash test (run with `node --import tsx`): opens the store at
 * argv[2], runs ONE tick at the instant argv[4] as worker argv[5], delivering through an HTTP
 * "platform" owned by the parent test on 127.0.0.1:argv[3].
 *
 * Before each post it announces the delivery (`POST /intent`) and waits a little, so the parent
 * can SIGKILL it at a moment when the previous message is fully recorded and the next one has not
 * been posted yet. See test/scheduler-concurrency.test.ts for the residual window this leaves.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../src/logging/pino-logger.js';
import type { MessageRef, Messenger, OutboundMessage, PostRequest } from '../../src/ports/messenger.js';
import { tick } from '../../src/scheduler/index.js';
import { createStore } from '../../src/store/create-store.js';
import { testKnowledge } from './scheduler-knowledge.js';

const [databaseUrl, port, nowIso, workerId] = process.argv.slice(2);
if (!databaseUrl || !port || !nowIso || !workerId) {
  console.error('usage: scheduler-child <databaseUrl> <port> <nowIso> <workerId>');
  process.exit(2);
}
const base = `http://127.0.0.1:${port}`;
const PRE_POST_DELAY_MS = 100;

async function call(path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as { id: string };
}

const messenger: Messenger = {
  async post(request: PostRequest): Promise<MessageRef> {
    await call('/intent', { key: request.deliveryKey, worker: workerId });
    await sleep(PRE_POST_DELAY_MS);
    const { id } = await call('/deliver', { key: request.deliveryKey, worker: workerId, channel: request.channel });
    return { channel: request.channel, id };
  },
  async update(_workspaceId: string, ref: MessageRef, _message: OutboundMessage): Promise<void> {
    await call('/update', { ref, worker: workerId });
  },
  async sendToUser(_workspaceId: string, userId: string): Promise<MessageRef> {
    return { channel: userId, id: 'dm' };
  },
};

const store = await createStore(databaseUrl);
try {
  const report = await tick(
    {
      store,
      knowledge: testKnowledge(),
      messengerFor: () => messenger,
      workerId,
      logger: createLogger({ format: 'json' }),
      // One message at a time, so the parent's kill lands between two fully recorded deliveries.
      options: { dispatchConcurrency: 1 },
    },
    new Date(nowIso),
  );
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await store.close();
}
