import { createHmac } from 'node:crypto';
/**
 * Signs requests the way Slack does (`v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the
 * app's signing secret) and sends them to a Bolt app, so tests exercise the real verification.
 */
export function slackSignature(signingSecret, timestamp, rawBody) {
    return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}
export class SlackRequester {
    url;
    signingSecret;
    constructor(
    /** e.g. http://127.0.0.1:1234/slack/events */
    url, signingSecret) {
        this.url = url;
        this.signingSecret = signingSecret;
    }
    /** A slash command: form fields as Slack sends them. */
    command(fields, options = {}) {
        return this.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
    }
    /** An interaction (block_actions, view_submission): JSON in the `payload` form field. */
    interaction(payload, options = {}) {
        const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
        return this.send(body, 'application/x-www-form-urlencoded', options);
    }
    /** An Events API envelope (event_callback, url_verification): JSON body. */
    event(envelope, options = {}) {
        return this.send(JSON.stringify(envelope), 'application/json', options);
    }
    async send(rawBody, contentType, options = {}) {
        const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
        const headers = {
            'content-type': contentType,
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': options.signature ?? slackSignature(this.signingSecret, timestamp, rawBody),
        };
        if (options.retryNum !== undefined) {
            headers['x-slack-retry-num'] = String(options.retryNum);
            headers['x-slack-retry-reason'] = 'http_timeout';
        }
        const response = await fetch(this.url, { method: 'POST', headers, body: rawBody });
        const text = await response.text();
        return {
            status: response.status,
            text,
            json: () => JSON.parse(text),
        };
    }
}
//# sourceMappingURL=slack-signing.js.map