import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible server on 127.0.0.1 for the real `openai` SDK: the Responses API
 * (`POST /v1/responses`), Chat Completions (`POST /v1/chat/completions`) and Azure OpenAI's path
 * shapes (`/openai/deployments/{deployment}/chat/completions?api-version=…`, `/openai/responses`).
 * Every request is recorded. What it answers is up to the test: a selection, or a slow, 429, 500
 * or malformed reply.
 */

export type FakeApi = 'responses' | 'chat';

export interface RecordedLlmRequest {
  api: FakeApi;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are inspected freely by tests.
  body: any;
  /** The question line the bot sent ("Question (en): …" without its label). */
  question: string;
  /** Everything before the question: instructions and the pack (the cacheable prefix). */
  prefix: string;
}

export interface FakeSelection {
  status: 'answered' | 'not_in_pack' | 'ambiguous';
  ids: string[];
  quotes?: { id: string; quote: string }[];
}

export type FakeReply =
  | { kind: 'select'; selection: FakeSelection; delayMs?: number }
  /** Any HTTP error status, with an OpenAI-shaped error body. */
  | { kind: 'status'; status: number; delayMs?: number }
  /** 200 with output text that is not JSON. */
  | { kind: 'malformed'; delayMs?: number }
  /** 200 with a refusal instead of output. */
  | { kind: 'refusal'; delayMs?: number };

export interface FakeOpenAi {
  /** http://127.0.0.1:PORT/v1 — an OPENAI_BASE_URL. */
  baseURL: string;
  /** http://127.0.0.1:PORT — an AZURE_OPENAI_ENDPOINT. */
  origin: string;
  requests: RecordedLlmRequest[];
  /** Decides each reply; the default says every question is not in the pack. */
  reply: (request: RecordedLlmRequest) => FakeReply;
  /** Tokens reported per call. */
  usage: { input: number; output: number; cached: number };
  close(): Promise<void>;
}

const RESPONSES = /^(?:\/v1|\/openai)\/responses$/;
const CHAT = /^(?:\/v1|\/openai\/deployments\/[^/]+)\/chat\/completions$/;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? JSON.parse(raw) : null;
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies are free-form JSON.
function promptOf(api: FakeApi, body: any): { prefix: string; user: string } {
  if (api === 'responses') return { prefix: String(body?.instructions ?? ''), user: String(body?.input ?? '') };
  const messages: { role: string; content: string }[] = body?.messages ?? [];
  return {
    prefix: messages
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n'),
    user: messages
      .filter((m) => m.role === 'user')
      .map((m) => m.content)
      .join('\n'),
  };
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedLlmRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let sequence = 0;

  const fake: FakeOpenAi = {
    baseURL: '',
    origin: '',
    requests,
    reply: () => ({ kind: 'select', selection: { status: 'not_in_pack', ids: [] } }),
    usage: { input: 1200, output: 20, cached: 1024 },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    // No x-should-retry header: whether the client retries is the client's own setting (maxRetries: 0).
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api: FakeApi | null = RESPONSES.test(url.pathname) ? 'responses' : CHAT.test(url.pathname) ? 'chat' : null;
    if (req.method !== 'POST' || !api) {
      send(res, 404, { error: { message: `no route ${req.method} ${url.pathname}`, type: 'invalid_request_error' } });
      return;
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      send(res, 400, { error: { message: 'invalid JSON', type: 'invalid_request_error' } });
      return;
    }
    const { prefix, user } = promptOf(api, body);
    const question = /Question \([a-z]{2}\): (.*)$/s.exec(user)?.[1] ?? user;
    const recorded: RecordedLlmRequest = {
      api,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      question,
      prefix,
    };
    requests.push(recorded);
    const reply = fake.reply(recorded);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (reply.kind === 'status') {
      send(res, reply.status, { error: { message: `fake status ${reply.status}`, type: 'server_error', code: null } });
      return;
    }
    const id = ++sequence;
    const text =
      reply.kind === 'malformed'
        ? '{"status": "answered", "ids": ["1backup.customer.rest'
        : reply.kind === 'select'
          ? JSON.stringify({ quotes: [], ...reply.selection })
          : '';
    const refusal = reply.kind === 'refusal' ? 'I cannot help with that.' : null;
    const { input, output, cached } = fake.usage;
    // biome-ignore lint/suspicious/noExplicitAny: request bodies are free-form JSON.
    const model = String((body as any)?.model ?? 'fake');
    if (api === 'responses') {
      send(res, 200, {
        id: `resp_${id}`,
        object: 'response',
        created_at: Math.floor(Date.now() / 1000),
        status: 'completed',
        model,
        output: [
          {
            type: 'message',
            id: `msg_${id}`,
            status: 'completed',
            role: 'assistant',
            content: refusal ? [{ type: 'refusal', refusal }] : [{ type: 'output_text', text, annotations: [] }],
          },
        ],
        usage: {
          input_tokens: input,
          input_tokens_details: { cached_tokens: cached },
          output_tokens: output,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: input + output,
        },
      });
      return;
    }
    send(res, 200, {
      id: `chatcmpl-${id}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: refusal ? null : text, refusal },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: input,
        completion_tokens: output,
        total_tokens: input + output,
        prompt_tokens_details: { cached_tokens: cached },
      },
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  fake.origin = `http://127.0.0.1:${port}`;
  fake.baseURL = `${fake.origin}/v1`;
  return fake;
}

/** Replies by question: the first entry whose key the question contains; otherwise "not in the pack". */
export function byQuestion(entries: Record<string, FakeReply>): (request: RecordedLlmRequest) => FakeReply {
  return (request) => {
    const hit = Object.entries(entries).find(([key]) => request.question.toLowerCase().includes(key.toLowerCase()));
    return hit ? hit[1] : { kind: 'select', selection: { status: 'not_in_pack', ids: [] } };
  };
}
