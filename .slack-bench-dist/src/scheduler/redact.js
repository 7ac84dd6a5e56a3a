/**
 * Error texts from platform clients can echo request details; before an error is stored in the
 * outbox or logged, anything shaped like a credential is masked (Slack tokens, bearer headers,
 * JWTs such as Bot Framework tokens, `token=`/`secret=`/`password=` parameters).
 */
const PATTERNS = [
    /xox[a-z]-[A-Za-z0-9-]+/g,
    /xapp-[A-Za-z0-9-]+/g,
    /Bearer\s+[^\s"',]+/gi,
    /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
    /((?:token|secret|password|client_secret)["']?\s*[=:]\s*["']?)[^\s&"',]+/gi,
];
export function redactSecrets(text) {
    let result = text;
    for (const pattern of PATTERNS) {
        result = result.replace(pattern, (match, prefix) => typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]');
    }
    return result;
}
export function describeError(error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return redactSecrets(text).slice(0, 500);
}
//# sourceMappingURL=redact.js.map