import type { BotFrameworkAuthentication, ConnectorClient } from 'botframework-connector';

/** Longest one Bot Connector attempt may take (Teams gives a bot about 15 s to answer an activity). */
export const CONNECTOR_TIMEOUT_MS = 5_000;
/** Retries inside one call: only quick ones (a throttle asking for more than this goes to the outbox). */
const MAX_RETRIES = 2;
const MAX_IN_CALL_WAIT_MS = 2_000;

/** core-rest-pipeline's retry policy: 3 retries, waits out any Retry-After inside the call. */
const DEFAULT_RETRY_POLICY = 'defaultRetryPolicy';

interface PipelineRequest {
  timeout: number;
}
interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
type Next = (request: PipelineRequest) => Promise<PipelineResponse>;
interface Policy {
  name: string;
  sendRequest(request: PipelineRequest, next: Next): Promise<PipelineResponse>;
}
interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: Policy, options?: { phase?: 'Retry' }): void;
}

/**
 * Makes every connector client this authentication hands out answer promptly. The connector's own
 * retry policy waits out a 429's Retry-After (20 s and more) inside the call — holding Teams'
 * inbound request past its limit on the reply path, and an outbox lease past its end. It is
 * replaced by one that retries only what is quick (a 5xx, a throttle asking ≤ 2 s, at most twice)
 * and every attempt times out. What is left surfaces at once with its Retry-After, and the outbox
 * schedules the retry.
 */
export function boundConnectorCalls(auth: BotFrameworkAuthentication, timeoutMs = CONNECTOR_TIMEOUT_MS): void {
  type Factory = ReturnType<BotFrameworkAuthentication['createConnectorFactory']>;
  const bound = (factory: Factory): Factory =>
    ({
      create: async (serviceUrl: string, audience?: string) =>
        boundClient(await factory.create(serviceUrl, audience), timeoutMs),
    }) as Factory;
  // Proactive messages (continueConversation, createConversation) …
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => bound(createFactory(identity));
  // … and replies to an inbound activity (the factory comes with the authenticated request).
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: bound(result.connectorFactory) } : result;
  };
}

export function boundClient(connector: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (connector as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (!pipeline) throw new Error('botframework-connector changed shape: cannot bound its calls');
  for (const name of [DEFAULT_RETRY_POLICY, 'dutybotTimeout', 'dutybotQuickRetry']) pipeline.removePolicy({ name });
  pipeline.addPolicy({
    name: 'dutybotTimeout',
    sendRequest: (request, next) => {
      if (!request.timeout || request.timeout > timeoutMs) request.timeout = timeoutMs;
      return next(request);
    },
  });
  pipeline.addPolicy({ name: 'dutybotQuickRetry', sendRequest: quickRetry }, { phase: 'Retry' });
  return connector;
}

async function quickRetry(request: PipelineRequest, next: Next): Promise<PipelineResponse> {
  for (let attempt = 0; ; attempt++) {
    const response = await next(request);
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= MAX_RETRIES) return response;
    const header = Number(response.headers.get('retry-after'));
    const waitMs = Number.isFinite(header) && header >= 0 ? header * 1000 : 250 * 2 ** attempt;
    if (waitMs > MAX_IN_CALL_WAIT_MS) return response;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}
