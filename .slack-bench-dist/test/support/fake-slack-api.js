import { once } from 'node:events';
import { createServer } from 'node:http';
/** Fields Slack's SDK sends as JSON strings inside the form. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'files', 'metadata', 'file_uploads']);
export class FakeSlackApi {
    calls = [];
    responses = [];
    uploads = [];
    /** Users whose users.info says is_admin. */
    admins = new Set();
    /** Which team a bot token belongs to (auth.test). */
    teamsByToken = new Map();
    botUserId = 'UDUTYBOT';
    rateLimits = new Map();
    failures = new Map();
    grants = new Map();
    nextTs = 1_700_000_000_000_100;
    nextId = 1;
    server = null;
    base = '';
    /** Base URL for `slackApiUrl` (ends with `/api/`). */
    get url() {
        return `${this.base}/api/`;
    }
    get origin() {
        return this.base;
    }
    async start() {
        this.server = createServer((req, res) => {
            this.route(req, res).catch((error) => {
                res.writeHead(500, { 'content-type': 'text/plain' });
                res.end(String(error));
            });
        });
        this.server.keepAliveTimeout = 30_000;
        this.server.listen(0, '127.0.0.1');
        await once(this.server, 'listening');
        const { port } = this.server.address();
        this.base = `http://127.0.0.1:${port}`;
        return this;
    }
    async close() {
        if (!this.server)
            return;
        this.server.closeAllConnections();
        await new Promise((resolve) => this.server?.close(() => resolve()));
        this.server = null;
    }
    /** A fresh loopback response URL (put it in slash-command and interaction payloads). */
    responseUrl() {
        return `${this.base}/response/R${this.nextId++}`;
    }
    /** The next `count` calls of `method` answer HTTP 429 with `Retry-After: seconds`. */
    rateLimit(method, seconds, count = 1) {
        this.rateLimits.set(method, [...(this.rateLimits.get(method) ?? []), ...Array(count).fill(seconds)]);
    }
    /** The next call of `method` answers `{ ok: false, error }`. */
    failNext(method, error) {
        this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
    }
    /** What oauth.v2.access answers for `code`. */
    grant(code, grant) {
        this.grants.set(code, grant);
        this.teamsByToken.set(grant.botToken, grant.teamId);
    }
    callsTo(method) {
        return this.calls.filter((call) => call.method === method);
    }
    responsesTo(url) {
        const id = url.slice(url.lastIndexOf('/') + 1);
        return this.responses.filter((response) => response.id === id);
    }
    reset() {
        this.calls.length = 0;
        this.responses.length = 0;
        this.uploads.length = 0;
    }
    /** Polls until `predicate` holds (for effects that happen after Slack's request was acknowledged). */
    async waitFor(probe, what = 'condition', timeoutMs = 5_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const value = probe();
            if (value)
                return value;
            if (Date.now() > deadline)
                throw new Error(`timed out waiting for ${what}`);
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
    }
    async route(req, res) {
        const raw = await readBody(req);
        const path = (req.url ?? '/').split('?')[0];
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
        if (!path.startsWith('/api/'))
            return send(res, 404, { ok: false, error: 'not_found' });
        const method = path.slice('/api/'.length);
        const args = decodeArgs(raw.toString('utf8'), req.headers['content-type']);
        const header = req.headers.authorization;
        const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : (args.token ?? null);
        const call = { method, args, token, status: 200, ok: true, answer: null };
        this.calls.push(call);
        const limits = this.rateLimits.get(method);
        if (limits && limits.length > 0) {
            const seconds = limits.shift();
            call.status = 429;
            call.ok = false;
            res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(seconds) });
            res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
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
    answer(method, args, token) {
        const ts = () => {
            const n = this.nextTs++;
            return `${Math.floor(n / 1_000_000)}.${String(n % 1_000_000).padStart(6, '0')}`;
        };
        switch (method) {
            case 'auth.test':
                return {
                    ok: true,
                    url: 'https://example.slack.com/',
                    team: 'Example',
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
                return { ok: true, view: { id: `V${this.nextId++}`, ...args.view } };
            case 'users.info': {
                const user = String(args.user);
                return {
                    ok: true,
                    user: { id: user, name: user.toLowerCase(), is_admin: this.admins.has(user), is_owner: false },
                };
            }
            case 'conversations.open':
                return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, '')}` } };
            case 'files.getUploadURLExternal': {
                const fileId = `F${this.nextId++}`;
                return { ok: true, upload_url: `${this.base}/upload/${fileId}`, file_id: fileId };
            }
            case 'files.completeUploadExternal':
                return { ok: true, files: args.files ?? [] };
            case 'oauth.v2.access': {
                const grant = this.grants.get(String(args.code));
                if (!grant)
                    return { ok: false, error: 'invalid_code' };
                return {
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
}
function decodeArgs(body, contentType) {
    if (contentType?.includes('application/json'))
        return JSON.parse(body || '{}');
    const args = {};
    for (const [key, value] of new URLSearchParams(body)) {
        args[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
    }
    return args;
}
function safeJson(value) {
    try {
        return JSON.parse(value);
    }
    catch {
        return value;
    }
}
async function readBody(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
function send(res, status, body) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
}
export async function startFakeSlackApi() {
    return new FakeSlackApi().start();
}
//# sourceMappingURL=fake-slack-api.js.map