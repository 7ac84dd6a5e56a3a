import type { BotFrameworkAuthentication, ConnectorClient } from 'botframework-connector';

/** Longest one Bot Connector call may take (Teams gives a bot about 15 s to answer an activity). */
export const CONNECTOR_TIMEOUT_MS = 8_000;

/** core-rest-pipeline's retry policy (429 with Retry-After, 5xx, network errors; 3 retries). */
const RETRY_POLICY = 'defaultRetryPolicy';

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest: (request: { timeout: number }, next: (r: never) => unknown) => unknown;
  }): void;
}

/**
 * Makes every connector client this authentication hands out answer promptly: no retries inside a
 * call (the connector's pipeline would wait out a 429's Retry-After — holding Teams' inbound request
 * past its limit on the reply path, and a lease past its end on the outbox path) and a timeout per
 * call. Failures surface at once; the outbox schedules the retry (honouring Retry-After).
 */
export function boundConnectorCalls(auth: BotFrameworkAuthentication, timeoutMs = CONNECTOR_TIMEOUT_MS): void {
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => {
    const factory = createFactory(identity);
    return {
      create: async (serviceUrl: string, audience?: string) =>
        boundClient(await factory.create(serviceUrl, audience), timeoutMs),
    } as ReturnType<BotFrameworkAuthentication['createConnectorFactory']>;
  };
}

export function boundClient(connector: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (connector as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (!pipeline) throw new Error('botframework-connector changed shape: cannot bound its calls');
  pipeline.removePolicy({ name: RETRY_POLICY });
  pipeline.removePolicy({ name: 'dutybotTimeout' });
  pipeline.addPolicy({
    name: 'dutybotTimeout',
    sendRequest: (request, next) => {
      if (!request.timeout || request.timeout > timeoutMs) request.timeout = timeoutMs;
      return next(request as never);
    },
  });
  return connector;
}
