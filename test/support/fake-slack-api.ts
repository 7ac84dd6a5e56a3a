import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A recording stand-in for Slack's Web API on 127.0.0.1, for end-to-end tests and benchmarks.
 * It speaks the real wire format (form-encoded calls with a Bearer token, JSON answers), records
 * every call with its decoded arguments, and also serves the URLs Slack hands out: response URLs
 * (`respond()`), and file upload URLs (files upload v2).
 */

export interface RecordedCall {
  method: string;
  /** Form fields, with JSON-valued fields (blocks, view, …) decoded. */
  args: Record<string, unknown>;
  token: string | null;
  /** HTTP status answered (429 for a rate-limited attempt) and Slack's `ok`. */
  status: number;
  ok: boolean;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  answer: Record<string, unknown> | null;
  /** When it arrived, on the fake's clock. */
  at: number;
}

export interface RecordedResponse {
  /** The response URL's id (see `responseUrl()`). */
  id: string;
  body: Record<string, unknown>;
}

export interface RecordedUpload {
  fileId: string;
  content: string;
}

export interface OAuthGrant {
  teamId: string;
  teamName?: string;
  enterpriseId?: string | null;
  installerId: string;
  botToken: string;
  botUserId?: string;
  /**
   * Token rotation on: the bot token expires after this many seconds and comes with a refresh
   * token; `oauth.v2.access` with `grant_type=refresh_token` then issues a new pair (each new
   * token lasts `refreshedExpiresIn`, default 12 hours, like Slack's).
   */
  expiresIn?: number;
  refreshedExpiresIn?: number;
}

/** One refresh Slack granted: which refresh token was spent and what it gave. */
export interface TokenRefresh {
  refreshToken: string;
  accessToken: string;
  newRefreshToken: string;
}

/**
 * A fault the fake injects into matching calls (method, and channel when given) while it is
 * active: until `untilMs` on the fake's clock and/or for the next `count` matching calls.
 *  - `status`: answers that HTTP status (429 carries `Retry-After: retryAfter`).
 *  - `error`: answers HTTP 200 `{ ok: false, error }` (Slack's platform errors).
 *  - `hang`: never answers (the socket stays open until the client gives up).
 */
export type Fault = { method: string; channel?: string; untilMs?: number; count?: number } & (
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'error'; error: string }
  | { kind: 'hang' }
);

/** Fields Slack's SDK sends as JSON strings inside the form. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'files', 'metadata', 'file_uploads']);

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly uploads: RecordedUpload[] = [];
  /** Users whose users.info says is_admin. */
  readonly admins = new Set<string>();
  /** A user's home team when it is not the calling token's (a Slack Connect member): users.info `team_id`. */
  readonly userTeams = new Map<string, string>();
  /** Channels conversations.info finds, by id → the team they belong to; any other id is `channel_not_found`. */
  readonly channels = new Map<string, string>();
  /** Channels of `channels` the bot was not invited to: conversations.info says `is_member: false`. */
  readonly botNotIn = new Set<string>();
  /** Private channels of `channels`, by id → their name (conversations.info says `is_private`). */
  readonly privateChannels = new Map<string, string>();
  /** Which team a bot token belongs to (auth.test). */
  readonly teamsByToken = new Map<string, string>();
  /** The team name auth.test reports for a bot token (default "Example"). */
  readonly teamNames = new Map<string, string>();
  botUserId = 'UDUTYBOT';
  /** Tokens of an uninstalled app: every call with one answers `account_inactive`, as Slack does. */
  readonly revokedTokens = new Set<string>();
  /** Milliseconds each call of a method waits before answering (a slow Slack). */
  readonly delays = new Map<string, number>();
  private readonly rateLimits = new Map<string, number[]>();
  private readonly failures = new Map<string, string[]>();
  private readonly grants = new Map<string, OAuthGrant>();
  /** Live refresh tokens, to the grant they renew. */
  private readonly refreshTokens = new Map<string, OAuthGrant>();
  /** Refreshes answered, in order. */
  readonly refreshes: TokenRefresh[] = [];
  private nextTs = 1_700_000_000_000_100;
  private nextId = 1;
  private server: Server | null = null;
  private base = '';
  private port = 0;
  private readonly faults: Fault[] = [];
  private readonly hung = new Set<ServerResponse>();
  /** The clock fault windows are measured on (tests share the scheduler's fake clock). */
  clock: () => number = Date.now;

  /** Base URL for `slackApiUrl` (ends with `/api/`). */
  get url(): string {
    return `${this.base}/api/`;
  }

  get origin(): string {
    return this.base;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
    this.server.keepAliveTimeout = 30_000;
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as AddressInfo;
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }

  /** Slack unreachable: the port refuses connections until `goOnline()` (same port, same records). */
  async goOffline(): Promise<void> {
    await this.close();
  }

  async goOnline(): Promise<void> {
    if (!this.server) await this.start();
  }

  /** Injects a fault (see `Fault`); `clearFaults()` removes them all. */
  inject(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Successful posts (what a channel actually shows), optionally to one channel. */
  posted(channel?: string): RecordedCall[] {
    return this.callsTo('chat.postMessage').filter(
      (c) => c.ok && (channel === undefined || c.args.channel === channel),
    );
  }

  private activeFault(method: string, args: Record<string, unknown>): Fault | null {
    const now = this.clock();
    for (const fault of this.faults) {
      if (fault.method !== method) continue;
      if (fault.channel !== undefined && fault.channel !== args.channel) continue;
      if (fault.untilMs !== undefined && now >= fault.untilMs) continue;
      if (fault.count !== undefined) {
        if (fault.count <= 0) continue;
        fault.count -= 1;
      }
      return fault;
    }
    return null;
  }

  /** A fresh loopback response URL (put it in slash-command and interaction payloads). */
  responseUrl(): string {
    return `${this.base}/response/R${this.nextId++}`;
  }

  /** The next `count` calls of `method` answer HTTP 429 with `Retry-After: seconds`. */
  rateLimit(method: string, seconds: number, count = 1): void {
    this.rateLimits.set(method, [...(this.rateLimits.get(method) ?? []), ...Array(count).fill(seconds)]);
  }

  /** The next call of `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** What oauth.v2.access answers for `code`. */
  grant(code: string, grant: OAuthGrant): void {
    this.grants.set(code, grant);
    this.teamsByToken.set(grant.botToken, grant.teamId);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(url: string): RecordedResponse[] {
    const id = url.slice(url.lastIndexOf('/') + 1);
    return this.responses.filter((response) => response.id === id);
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.uploads.length = 0;
  }

  /** Polls until `predicate` holds (for effects that happen after Slack's request was acknowledged). */
  async waitFor<T>(probe: () => T | undefined | null | false, what = 'condition', timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw.toString('utf8') || '{}') });
      return send(res, 200, { ok: true });
    }
    if (path.startsWith('/upload/')) {
      this.uploads.push({ fileId: path.slice('/upload/'.length), content: raw.toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${raw.length}`);
      return;
    }
    if (!path.startsWith('/api/')) return send(res, 404, { ok: false, error: 'not_found' });

    const method = path.slice('/api/'.length);
    const args = decodeArgs(raw.toString('utf8'), req.headers['content-type']);
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : ((args.token as string) ?? null);
    const call: RecordedCall = { method, args, token, status: 200, ok: true, answer: null, at: this.clock() };
    this.calls.push(call);

    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    if (token && this.revokedTokens.has(token)) {
      call.ok = false;
      return send(res, 200, { ok: false, error: 'account_inactive' });
    }
    const limits = this.rateLimits.get(method);
    if (limits && limits.length > 0) {
      const seconds = limits.shift() as number;
      call.status = 429;
      call.ok = false;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(seconds) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const fault = this.activeFault(method, args);
    if (fault) {
      call.ok = false;
      if (fault.kind === 'hang') {
        call.status = 0;
        this.hung.add(res);
        res.on('close', () => this.hung.delete(res));
        return;
      }
      if (fault.kind === 'error') return send(res, 200, { ok: false, error: fault.error });
      call.status = fault.status;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }));
      return;
    }
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      call.ok = false;
      return send(res, 200, { ok: false, error: failure });
    }
    const answer = this.answer(method, args, token);
    call.ok = answer.ok === true;
    call.answer = answer;
    return send(res, 200, answer);
  }

  private answer(method: string, args: Record<string, unknown>, token: string | null): Record<string, unknown> {
    const ts = () => {
      const n = this.nextTs++;
      return `${Math.floor(n / 1_000_000)}.${String(n % 1_000_000).padStart(6, '0')}`;
    };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: (token && this.teamNames.get(token)) ?? 'Example',
          user: 'dutybot',
          team_id: (token && this.teamsByToken.get(token)) ?? 'T0001',
          user_id: this.botUserId,
          bot_id: 'B0001',
        };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: ts(), message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${this.nextId++}`, ...(args.view as object) } };
      case 'users.info': {
        const user = String(args.user);
        return {
          ok: true,
          user: {
            id: user,
            name: user.toLowerCase(),
            team_id: this.userTeams.get(user) ?? (token && this.teamsByToken.get(token)) ?? 'T0001',
            is_admin: this.admins.has(user),
            is_owner: false,
          },
        };
      }
      case 'conversations.info': {
        const id = String(args.channel);
        const team = this.channels.get(id);
        if (!team || team !== ((token && this.teamsByToken.get(token)) ?? 'T0001'))
          return { ok: false, error: 'channel_not_found' };
        const secret = this.privateChannels.get(id);
        return {
          ok: true,
          channel: {
            id,
            name: secret ?? id.toLowerCase(),
            is_channel: true,
            is_private: secret !== undefined,
            is_archived: false,
            is_member: !this.botNotIn.has(id),
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, '')}` } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${this.nextId++}`;
        return { ok: true, upload_url: `${this.base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as { id: string; title?: string }[]) ?? [] };
      case 'oauth.v2.access': {
        if (args.grant_type === 'refresh_token') return this.refresh(args);
        const grant = this.grants.get(String(args.code));
        if (!grant) return { ok: false, error: 'invalid_code' };
        const rotation =
          grant.expiresIn === undefined
            ? {}
            : { refresh_token: this.issueRefreshToken(grant), expires_in: grant.expiresIn };
        return {
          ...rotation,
          ok: true,
          app_id: 'A0001',
          access_token: grant.botToken,
          token_type: 'bot',
          scope: 'app_mentions:read,chat:write,commands',
          bot_user_id: grant.botUserId ?? this.botUserId,
          team: { id: grant.teamId, name: grant.teamName ?? grant.teamId },
          enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseId } : null,
          is_enterprise_install: false,
          authed_user: { id: grant.installerId },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** A refresh token for `grant`, made at run time (nothing in the repository looks like a secret). */
  private issueRefreshToken(grant: OAuthGrant): string {
    const token = ['xoxe', '1', grant.teamId, String(this.nextId++)].join('-');
    this.refreshTokens.set(token, grant);
    return token;
  }

  /** `oauth.v2.access` with `grant_type=refresh_token`: the refresh token is spent, a new pair issued. */
  private refresh(args: Record<string, unknown>): Record<string, unknown> {
    const spent = String(args.refresh_token);
    const grant = this.refreshTokens.get(spent);
    if (!grant || !args.client_id || !args.client_secret) return { ok: false, error: 'invalid_refresh_token' };
    this.refreshTokens.delete(spent);
    const accessToken = [grant.botToken, 'r', String(this.nextId++)].join('-');
    this.teamsByToken.set(accessToken, grant.teamId);
    const newRefreshToken = this.issueRefreshToken(grant);
    this.refreshes.push({ refreshToken: spent, accessToken, newRefreshToken });
    return {
      ok: true,
      app_id: 'A0001',
      access_token: accessToken,
      token_type: 'bot',
      refresh_token: newRefreshToken,
      expires_in: grant.refreshedExpiresIn ?? 43_200,
      scope: 'app_mentions:read,chat:write,commands',
      bot_user_id: grant.botUserId ?? this.botUserId,
      team: { id: grant.teamId, name: grant.teamName ?? grant.teamId },
      enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseId } : null,
      is_enterprise_install: false,
    };
  }
}

function decodeArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(body || '{}');
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  return new FakeSlackApi().start();
}
