/**
 * HttpRequest / HttpResponse as plain data, independent of Apex values. Header names are case-insensitive (the
 * first spelling set is kept for output); the timeout defaults to 10 s and may be 1..120,000 ms.
 */
import { raise } from '../async/platform-exception.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_TIMEOUT_MS = 120_000;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'TRACE']);

export class HeaderMap {
    private readonly entries = new Map<string, { name: string; value: string }>();

    set(name: string, value: string): void {
        const key = name.toLowerCase();
        const existing = this.entries.get(key);
        this.entries.set(key, { name: existing?.name ?? name, value });
    }

    get(name: string): string | null {
        return this.entries.get(name.toLowerCase())?.value ?? null;
    }

    has(name: string): boolean {
        return this.entries.has(name.toLowerCase());
    }

    /** Names in the order first set (HttpResponse.getHeaderKeys()). */
    names(): string[] {
        return [...this.entries.values()].map((e) => e.name);
    }

    toRecord(): Record<string, string> {
        return Object.fromEntries([...this.entries.values()].map((e) => [e.name, e.value]));
    }
}

export interface CalloutRequest {
    method: string;
    endpoint: string;
    headers: HeaderMap;
    body: string;
    timeoutMs: number;
    compressed: boolean;
}

export interface CalloutResponse {
    statusCode: number;
    status: string;
    headers: HeaderMap;
    body: string;
}

export function newRequest(): CalloutRequest {
    return {
        method: '',
        endpoint: '',
        headers: new HeaderMap(),
        body: '',
        timeoutMs: DEFAULT_TIMEOUT_MS,
        compressed: false,
    };
}

export function newResponse(statusCode = 200, body = '', status = reasonPhrase(statusCode)): CalloutResponse {
    return { statusCode, status, headers: new HeaderMap(), body };
}

/** HttpRequest.setTimeout. */
export function setTimeoutMs(req: CalloutRequest, ms: number): void {
    if (!Number.isInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
        raise('CalloutException', `Timeout must be between 1 and ${MAX_TIMEOUT_MS} milliseconds: ${ms}`);
    }
    req.timeoutMs = ms;
}

/** Checks what Http.send checks before anything leaves: a method and an endpoint. */
export function validateForSend(req: CalloutRequest): void {
    if (req.endpoint === '') raise('CalloutException', 'Endpoint URL is not set');
    if (!METHODS.has(req.method.toUpperCase())) raise('CalloutException', `Invalid HTTP method: ${req.method}`);
}

/** Size in bytes of a body as the limits count it (UTF-8). */
export function byteLength(body: string): number {
    return Buffer.byteLength(body, 'utf8');
}

const PHRASES: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    204: 'No Content',
    301: 'Moved Permanently',
    302: 'Found',
    304: 'Not Modified',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
};

export function reasonPhrase(statusCode: number): string {
    return PHRASES[statusCode] ?? '';
}
