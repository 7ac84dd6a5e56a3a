import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/(?:paged)?members$/;
async function readJson(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    return raw ? JSON.parse(raw) : null;
}
export async function startFakeConnector(options = {}) {
    const bearer = options.bearer ?? `test-bearer-${randomUUID()}`;
    const calls = [];
    const rosters = new Map();
    let failures = {
        remaining: 0,
        status: 500,
        retryAfter: undefined,
    };
    let sequence = 0;
    const waiters = new Set();
    const send = (res, status, body, headers = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
    };
    const handle = async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const path = url.pathname;
        const body = await readJson(req);
        const call = {
            method: req.method ?? 'GET',
            path,
            conversationId: null,
            activityId: null,
            body,
            authorization: req.headers.authorization,
            status: 200,
            assignedId: null,
        };
        const record = (status) => {
            call.status = status;
            calls.push(call);
            for (const wake of waiters)
                wake();
        };
        if (req.headers.authorization !== `Bearer ${bearer}`) {
            record(401);
            send(res, 401, { error: { code: 'Unauthorized', message: 'missing or wrong bearer' } });
            return;
        }
        const activities = ACTIVITIES.exec(path);
        if (activities && (call.method === 'POST' || call.method === 'PUT')) {
            call.conversationId = decodeURIComponent(activities[1]);
            call.activityId = activities[2] ? decodeURIComponent(activities[2]) : null;
            if (failures.remaining > 0) {
                failures.remaining -= 1;
                record(failures.status);
                const headers = failures.retryAfter !== undefined ? { 'retry-after': String(failures.retryAfter) } : {};
                send(res, failures.status, { error: { code: 'Throttled', message: 'injected failure' } }, headers);
                return;
            }
            const id = call.method === 'PUT' ? call.activityId : `activity-${++sequence}`;
            call.assignedId = id;
            record(200);
            send(res, 200, { id });
            return;
        }
        if (path === '/v3/conversations' && call.method === 'POST') {
            // Creating a 1:1 chat: Teams answers with the personal conversation id.
            // biome-ignore lint/suspicious/noExplicitAny: request body shape is the Bot Framework's.
            const member = body?.members?.[0]?.id ?? 'unknown';
            const id = `a:personal-${member}`;
            call.assignedId = id;
            record(200);
            send(res, 200, { id });
            return;
        }
        const member = MEMBER.exec(path);
        if (member && call.method === 'GET') {
            call.conversationId = decodeURIComponent(member[1]);
            const userId = decodeURIComponent(member[2]);
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
            call.conversationId = decodeURIComponent(members[1]);
            const list = rosters.get(call.conversationId) ?? [];
            record(200);
            send(res, 200, path.endsWith('pagedmembers') ? { members: list } : list);
            return;
        }
        record(404);
        send(res, 404, { error: { code: 'NotFound', message: `no route for ${call.method} ${path}` } });
    };
    const server = createServer((req, res) => {
        handle(req, res).catch((error) => send(res, 500, { error: { message: String(error) } }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    return {
        serviceUrl: `http://127.0.0.1:${port}/`,
        bearer,
        calls,
        messages: () => calls.filter((c) => c.status === 200 && c.conversationId !== null && c.body?.type === 'message' && /activities/.test(c.path)),
        setMembers: (conversationId, list) => {
            rosters.set(conversationId, list);
        },
        failNext: (count, status, retryAfterSeconds) => {
            failures = { remaining: count, status, retryAfter: retryAfterSeconds };
        },
        waitFor: (predicate, timeoutMs = 5_000) => new Promise((resolve, reject) => {
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
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=fake-connector.js.map