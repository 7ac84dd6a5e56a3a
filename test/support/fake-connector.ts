import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';

/**
 * A local recording Bot Framework connector (the `serviceUrl` Teams gives a bot), on 127.0.0.1.
 * Records every call the bot makes — replies, proactive posts, in-place updates, roster look-ups —
 * checks the test bearer the bot signs outgoing calls with, and can fail the next N calls with
 * 429/5xx to exercise retries.
 */

export interface RecordedCall {
  method: string;
  path: string;
  /** Decoded conversation id, when the path has one. */
  conversationId: string | null;
  /** Reply target (POST …/activities/{replyToId}) or updated activity (PUT …/activities/{id}). */
  activityId: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies are inspected freely by tests.
  body: any;
  authorization: string | undefined;
  /** Status the fake answered with. */
  status: number;
  /** Id the fake assigned to a posted activity. */
  assignedId: string | null;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId?: string;
  userRole?: 'owner' | 'user' | 'guest';
  tenantId?: string;
}

export interface FakeConnector {
  /** With the trailing slash, as Teams sends it. */
  serviceUrl: string;
  /** The bearer outgoing calls must carry. */
  bearer: string;
  /**
   * The bot was taken out of a team or chat: posts and updates to conversations starting with
   * `conversationId` are refused with 403 `BotNotInConversationRoster`, as Teams does, until `restoreBot`.
   */
  removeBot(conversationId: string): void;
  restoreBot(conversationId: string): void;
  /**
   * The user blocked the bot: posts into their personal chat (`a:personal-<user id>`, as the fake
   * creates it) are refused with 403 `MessageWritesBlocked`, as Teams does, until `unblockBot`.
   */
  blockBot(userId: string): void;
  unblockBot(userId: string): void;
  calls: RecordedCall[];
  /** Successful message posts and updates (typing indicators excluded). */
  messages(): RecordedCall[];
  /** Roster of a team or conversation id. */
  setMembers(conversationId: string, members: RosterMember[]): void;
  /** A team's channel list (GET /v3/teams/{id}/conversations); a team without one has only its General channel. */
  setChannels(teamId: string, channels: { id: string; name?: string }[]): void;
  /** A team's name in its details (GET /v3/teams/{id}); a team without one answers 404. */
  setTeamName(teamId: string, name: string): void;
  /** Answer the next `count` activity posts/updates with `status` (e.g. 429 with Retry-After). */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /**
   * A lasting fault on activity posts/updates (to one conversation when given): answer `status`
   * (with Retry-After), or never answer (`hang`), until `untilMs` on `clock` (default: forever).
   */
  inject(fault: ConnectorFault): void;
  clearFaults(): void;
  /** The clock fault windows are measured on (tests share the scheduler's fake clock). */
  clock: () => number;
  /** Resolves once `predicate` holds for some recorded call (or rejects after `timeoutMs`). */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  reset(): void;
  close(): Promise<void>;
}

export type ConnectorFault = { conversationId?: string; untilMs?: number } & (
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'hang' }
);

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/(?:paged)?members$/;
const TEAM_CHANNELS = /^\/v3\/teams\/([^/]+)\/conversations$/;
const TEAM_DETAILS = /^\/v3\/teams\/([^/]+)$/;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? JSON.parse(raw) : null;
}

export async function startFakeConnector(options: { bearer?: string } = {}): Promise<FakeConnector> {
  const bearer = options.bearer ?? `test-bearer-${randomUUID()}`;
  const calls: RecordedCall[] = [];
  const rosters = new Map<string, RosterMember[]>();
  const teamChannels = new Map<string, { id: string; name?: string }[]>();
  const teamNames = new Map<string, string>();
  let failures: { remaining: number; status: number; retryAfter: number | undefined } = {
    remaining: 0,
    status: 500,
    retryAfter: undefined,
  };
  let sequence = 0;
  const waiters = new Set<() => void>();
  const removedFrom = new Set<string>();
  const blockedBy = new Set<string>();
  const faults: ConnectorFault[] = [];
  const hung = new Set<ServerResponse>();
  const state = { clock: Date.now as () => number };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const body = await readJson(req);
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: null,
      activityId: null,
      body,
      authorization: req.headers.authorization,
      status: 200,
      assignedId: null,
    };
    const record = (status: number) => {
      call.status = status;
      calls.push(call);
      for (const wake of waiters) wake();
    };

    if (req.headers.authorization !== `Bearer ${bearer}`) {
      record(401);
      send(res, 401, { error: { code: 'Unauthorized', message: 'missing or wrong bearer' } });
      return;
    }

    const target = ACTIVITIES.exec(path)?.[1];
    const gone = target && [...removedFrom].some((id) => decodeURIComponent(target).startsWith(id));
    if (gone && (call.method === 'POST' || call.method === 'PUT')) {
      call.conversationId = decodeURIComponent(target);
      record(403);
      send(res, 403, {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      });
      return;
    }

    const blocked = target && [...blockedBy].some((id) => decodeURIComponent(target) === `a:personal-${id}`);
    if (blocked && call.method === 'POST') {
      call.conversationId = decodeURIComponent(target);
      record(403);
      send(res, 403, { error: { code: 'MessageWritesBlocked', message: 'The user has blocked the bot.' } });
      return;
    }

    const activities = ACTIVITIES.exec(path);
    if (activities && (call.method === 'POST' || call.method === 'PUT')) {
      call.conversationId = decodeURIComponent(activities[1] as string);
      call.activityId = activities[2] ? decodeURIComponent(activities[2]) : null;
      const fault = faults.find(
        (f) =>
          (f.conversationId === undefined || call.conversationId?.startsWith(f.conversationId)) &&
          (f.untilMs === undefined || state.clock() < f.untilMs),
      );
      if (fault?.kind === 'hang') {
        record(0);
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return;
      }
      if (fault) {
        record(fault.status);
        const headers: Record<string, string> =
          fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
        send(res, fault.status, { error: { code: 'InjectedFault', message: `injected ${fault.status}` } }, headers);
        return;
      }
      if (failures.remaining > 0) {
        failures.remaining -= 1;
        record(failures.status);
        const headers: Record<string, string> =
          failures.retryAfter !== undefined ? { 'retry-after': String(failures.retryAfter) } : {};
        send(res, failures.status, { error: { code: 'Throttled', message: 'injected failure' } }, headers);
        return;
      }
      const id = call.method === 'PUT' ? (call.activityId as string) : `activity-${++sequence}`;
      call.assignedId = id;
      record(200);
      send(res, 200, { id });
      return;
    }

    if (path === '/v3/conversations' && call.method === 'POST') {
      // Creating a 1:1 chat: Teams answers with the personal conversation id.
      // biome-ignore lint/suspicious/noExplicitAny: request body shape is the Bot Framework's.
      const member = (body as any)?.members?.[0]?.id ?? 'unknown';
      const id = `a:personal-${member}`;
      call.assignedId = id;
      record(200);
      send(res, 200, { id });
      return;
    }

    const member = MEMBER.exec(path);
    if (member && call.method === 'GET') {
      call.conversationId = decodeURIComponent(member[1] as string);
      const userId = decodeURIComponent(member[2] as string);
      const found = (rosters.get(call.conversationId) ?? []).find((m) => m.id === userId || m.aadObjectId === userId);
      if (!found) {
        record(404);
        send(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the roster' } });
        return;
      }
      record(200);
      send(res, 200, found);
      return;
    }

    const members = MEMBERS.exec(path);
    if (members && call.method === 'GET') {
      call.conversationId = decodeURIComponent(members[1] as string);
      const list = rosters.get(call.conversationId) ?? [];
      record(200);
      send(res, 200, path.endsWith('pagedmembers') ? { members: list } : list);
      return;
    }

    const listed = TEAM_CHANNELS.exec(path);
    if (listed && call.method === 'GET') {
      call.conversationId = decodeURIComponent(listed[1] as string);
      const list = teamChannels.get(call.conversationId) ?? [{ id: call.conversationId, name: 'General' }];
      record(200);
      send(res, 200, { conversations: list });
      return;
    }

    const details = TEAM_DETAILS.exec(path);
    if (details && call.method === 'GET') {
      call.conversationId = decodeURIComponent(details[1] as string);
      const name = teamNames.get(call.conversationId);
      if (name === undefined) {
        record(404);
        send(res, 404, { error: { code: 'NotFound', message: 'team not found' } });
        return;
      }
      record(200);
      send(res, 200, { id: call.conversationId, name, aadGroupId: 'aad-group' });
      return;
    }

    record(404);
    send(res, 404, { error: { code: 'NotFound', message: `no route for ${call.method} ${path}` } });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    bearer,
    removeBot: (conversationId) => {
      removedFrom.add(conversationId);
    },
    restoreBot: (conversationId) => {
      removedFrom.delete(conversationId);
    },
    blockBot: (userId) => {
      blockedBy.add(userId);
    },
    unblockBot: (userId) => {
      blockedBy.delete(userId);
    },
    calls,
    messages: () =>
      calls.filter(
        (c) => c.status === 200 && c.conversationId !== null && c.body?.type === 'message' && /activities/.test(c.path),
      ),
    setMembers: (conversationId, list) => {
      rosters.set(conversationId, list);
    },
    setChannels: (teamId, list) => {
      teamChannels.set(teamId, list);
    },
    setTeamName: (teamId, name) => {
      teamNames.set(teamId, name);
    },
    failNext: (count, status, retryAfterSeconds) => {
      failures = { remaining: count, status, retryAfter: retryAfterSeconds };
    },
    inject: (fault) => {
      faults.push(fault);
    },
    clearFaults: () => {
      faults.length = 0;
    },
    get clock() {
      return state.clock;
    },
    set clock(clock: () => number) {
      state.clock = clock;
    },
    waitFor: (predicate, timeoutMs = 5_000) =>
      new Promise<RecordedCall>((resolve, reject) => {
        const check = () => {
          const hit = calls.find(predicate);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake connector: no matching call within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    reset: () => {
      calls.length = 0;
      failures = { remaining: 0, status: 500, retryAfter: undefined };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Signs outgoing connector calls with the fake connector's bearer instead of an Entra token. */
export function testCredentials(appId: string, bearer: string): ServiceClientCredentialsFactory {
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', `Bearer ${bearer}`);
        return request;
      },
    }),
  } as unknown as ServiceClientCredentialsFactory;
}
