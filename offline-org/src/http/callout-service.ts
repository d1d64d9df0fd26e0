/**
 * Http.send: the checks the platform makes, in order, then the answer from the test's HttpCalloutMock or from a
 * transport. Messages confirmed from public reports: "You have uncommitted work pending. Please commit or rollback
 * before calling out", "Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = ...",
 * "Methods defined as TestMethod do not support Web service callouts", "Too many callouts: 101". The size and
 * time messages are our reading (see the README).
 */
import { NotSupportedError } from '../data/errors.js';
import { raise } from '../async/platform-exception.js';
import type { EndpointTable } from './named-credentials.js';
import { byteLength, validateForSend } from './http-message.js';
import type { CalloutRequest, CalloutResponse } from './http-message.js';
import type { MockRegistry } from './mock-registry.js';

export const MAX_CALLOUTS = 100;
export const MAX_CUMULATIVE_CALLOUT_MS = 120_000;
export const MAX_SYNC_SIZE = 6_000_000;
export const MAX_ASYNC_SIZE = 12_000_000;

/** A real HTTP client (the offline org's local REST face, later); no network is used in tests. */
export interface HttpTransport {
    /** Sends the resolved request; reports how long it took. Throws a CalloutException on timeout. */
    send(req: CalloutRequest, url: string): { response: CalloutResponse; elapsedMs: number };
}

/** The transport of an org with none configured: refuses loudly. */
export const noTransport: HttpTransport = {
    send: (_req, url) => {
        throw new NotSupportedError(`HTTP callout to ${url} outside a test (no transport configured)`, '<http>:1');
    },
};

/** What the callout layer needs to know about the transaction making the callout. */
export interface CalloutContext {
    isTest: boolean;
    isAsync: boolean;
    /** Limits.getCallouts() counter (structurally `limits.used`). */
    used: { callouts: number };
    /** Cumulative callout time of the transaction (ms), kept by the caller per transaction. */
    calloutTime: { ms: number };
    /** Uncommitted DML, or async work enqueued in this transaction. */
    hasUncommittedWork(): boolean;
    /** Why this transaction may not call out (AsyncEngine.calloutRestriction), or null. */
    calloutRestriction(): string | null;
}

export class CalloutService {
    constructor(
        private readonly endpoints: EndpointTable,
        private readonly mocks: MockRegistry,
        private readonly transport: HttpTransport = noTransport,
    ) {}

    send(req: CalloutRequest, ctx: CalloutContext): CalloutResponse {
        validateForSend(req);
        if (ctx.hasUncommittedWork()) {
            raise(
                'CalloutException',
                'You have uncommitted work pending. Please commit or rollback before calling out',
            );
        }
        const restriction = ctx.calloutRestriction();
        if (restriction !== null) raise('CalloutException', restriction);
        if (ctx.used.callouts + 1 > MAX_CALLOUTS)
            raise('LimitException', `Too many callouts: ${ctx.used.callouts + 1}`);
        const maxSize = ctx.isAsync ? MAX_ASYNC_SIZE : MAX_SYNC_SIZE;
        const requestSize = byteLength(req.body);
        if (requestSize > maxSize) {
            raise('CalloutException', `Exceeded max size limit of ${maxSize} with request size ${requestSize}`);
        }
        const mocked = ctx.isTest;
        ctx.used.callouts++;
        let response: CalloutResponse;
        if (mocked) {
            // The mock gets the request as the code built it: a `callout:` endpoint is not resolved, so neither the
            // named credential nor the remote sites are consulted (our reading: the test's HttpCalloutMock replaces
            // the whole callout machinery; mocks are commonly written against `callout:Name/...` endpoints).
            response = this.mocks.respond(req);
        } else {
            const resolved = this.endpoints.resolve(req.endpoint, true);
            const outgoing: CalloutRequest = { ...req, endpoint: resolved.url, headers: req.headers };
            for (const [name, value] of Object.entries(resolved.headers)) {
                if (!outgoing.headers.has(name)) outgoing.headers.set(name, value);
            }
            const remaining = MAX_CUMULATIVE_CALLOUT_MS - ctx.calloutTime.ms;
            if (remaining <= 0) raise('LimitException', 'Total callout time exceeded 120 seconds');
            const sent = this.transport.send(
                { ...outgoing, timeoutMs: Math.min(outgoing.timeoutMs, remaining) },
                resolved.url,
            );
            ctx.calloutTime.ms += sent.elapsedMs;
            response = sent.response;
        }
        const responseSize = byteLength(response.body);
        if (responseSize > maxSize) {
            raise('CalloutException', `Exceeded max size limit of ${maxSize} with response size ${responseSize}`);
        }
        return response;
    }
}
