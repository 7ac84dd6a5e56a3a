/**
 * The one logger every part of dutybot writes to: the composition root creates it (see
 * `src/logging/pino-logger.ts`) and passes it down; each part adds its own bindings with `child()`
 * (`{ component: 'scheduler' }`, `{ workspaceId }`, `{ deliveryKey }`), so a line says where it
 * comes from without the message repeating it.
 *
 * Fields are structured data, not text to interpolate. An error goes in the `error` field as the
 * thrown value: implementations turn it into `describeError(error)`, so tokens never reach a log.
 */
export interface LogFields {
  error?: unknown;
  [key: string]: unknown;
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger adding `bindings` to every line it writes. */
  child(bindings: Record<string, unknown>): Logger;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** For callers that must not log (and tests that assert nothing is logged through another path). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};

/**
 * Error texts from platform clients can echo request details; before an error is stored in the
 * outbox or logged, anything shaped like a credential is masked (Slack tokens, bearer headers,
 * JWTs such as Bot Framework tokens, API keys, `token=`/`secret=`/`password=` parameters).
 */
const SECRET_PATTERNS: RegExp[] = [
  /xox[a-z]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /Bearer\s+[^\s"',]+/gi,
  /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /((?:token|secret|password|client_secret|api[_-]?key)["']?\s*[=:]\s*["']?)[^\s&"',]+/gi,
];

export function redactSecrets(text: string): string {
  let result = text;
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]',
    );
  }
  return result;
}

/**
 * The one way an error becomes text for a log line or an outbox row: what failed, never the
 * request or a token. Platform client errors carrying a code (Slack's `slack_webapi_platform_error`
 * with `data.error`, Node's `ECONNREFUSED`) keep it, since that is what an operator acts on.
 */
export function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const coded = error as Error & { code?: unknown; data?: { error?: unknown } };
    text = `${error.name}: ${error.message}`;
    for (const detail of [coded.code, coded.data?.error]) {
      if (typeof detail === 'string' && detail !== '' && !text.includes(detail)) text += ` [${detail}]`;
    }
  } else {
    text = String(error);
  }
  return redactSecrets(text).slice(0, 500);
}
