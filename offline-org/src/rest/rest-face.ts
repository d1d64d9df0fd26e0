/**
 * The REST face: an HttpTransport that answers callouts whose resolved URL belongs to a configured target org (its
 * base URL, e.g. `https://resync-target.target.offline`) from that org's store, through the REST subset of
 * target-endpoint.ts. Any other URL goes to the fallback transport (by default the offline org's loud refusal of
 * callouts with no transport).
 */
import type { HttpTransport } from '../http/callout-service.js';
import { noTransport } from '../http/callout-service.js';
import { HeaderMap, reasonPhrase } from '../http/http-message.js';
import type { CalloutRequest, CalloutResponse } from '../http/http-message.js';
import type { TargetEndpoint } from './target-endpoint.js';

export class RestFace implements HttpTransport {
    private readonly endpoints = new Map<string, TargetEndpoint>();

    constructor(private readonly fallback: HttpTransport = noTransport) {}

    /** Serves a target org at a base URL (scheme and host, e.g. `https://resync-target.target.offline`). */
    serve(baseUrl: string, endpoint: TargetEndpoint): void {
        this.endpoints.set(new URL(baseUrl).origin.toLowerCase(), endpoint);
    }

    send(req: CalloutRequest, url: string): { response: CalloutResponse; elapsedMs: number } {
        const parsed = URL.canParse(url) ? new URL(url) : null;
        const endpoint = parsed ? this.endpoints.get(parsed.origin.toLowerCase()) : undefined;
        if (!parsed || !endpoint) return this.fallback.send(req, url);
        const started = performance.now();
        const answer = endpoint.answer(
            req.method.toUpperCase(),
            parsed.pathname + parsed.search,
            req.body,
            req.headers.get('Sforce-Query-Options'),
        );
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(answer.headers)) headers.set(name, value);
        const response: CalloutResponse = {
            statusCode: answer.status,
            status: reasonPhrase(answer.status),
            headers,
            body: answer.body === undefined ? '' : JSON.stringify(answer.body),
        };
        return { response, elapsedMs: Math.round(performance.now() - started) };
    }
}
