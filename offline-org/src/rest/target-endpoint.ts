/**
 * One target org behind the REST face: its store, daily API usage, fault plan, query locators and the log of the
 * calls it answered. `answer` is one REST call as the org sees it: an injected 503 or an exhausted allowance refuse
 * it before it reaches the org (not counted); otherwise it counts against the allowance, runs in its own database
 * transaction (committed, or rolled back when the handler fails unexpectedly) and every answer carries
 * `Sforce-Limit-Info`.
 */
import { ApiUsage } from './api-usage.js';
import { CollectionsResource } from './collections-resource.js';
import type { RestAnswer } from './composite-resource.js';
import { FaultPlan } from './faults.js';
import type { FaultOptions } from './faults.js';
import { QueryResource } from './query-resource.js';
import { errorEntry, RestError } from './rest-error.js';
import { RestRouter } from './rest-router.js';
import type { TargetOrg } from './target-org.js';

export interface TargetEndpointOptions {
    /** DailyApiRequests Max (default 15,000). */
    dailyAllowance?: number;
    /** Calls already used today by others when the face starts. */
    usedBefore?: number;
    /** Faults to inject. */
    faults?: FaultOptions;
    /** The most records a query batch holds (default and maximum 2,000). */
    queryBatchLimit?: number;
}

/** One call answered, for tests and reports. */
export interface CallRecord {
    method: string;
    path: string;
    status: number;
    /** Whether it counted against the daily allowance. */
    counted: boolean;
    /** A Composite request's subrequests (`GET /services/data/v66.0/sobjects/Account/describe`), in order. */
    subrequests?: string[];
}

export interface EndpointAnswer extends RestAnswer {
    headers: Record<string, string>;
}

/** The most bytes of a request's URI and headers the platform answers (more in the URI alone: 414). */
export const MAX_URI_BYTES = 16_384;

export class TargetEndpoint {
    readonly usage: ApiUsage;
    readonly faults: FaultPlan;
    readonly query: QueryResource;
    readonly log: CallRecord[] = [];
    private readonly router: RestRouter;

    constructor(
        readonly org: TargetOrg,
        private readonly clock: () => number,
        options: TargetEndpointOptions = {},
    ) {
        this.usage = new ApiUsage(clock, options.dailyAllowance);
        this.usage.preset(options.usedBefore ?? 0);
        this.faults = new FaultPlan(options.faults);
        this.query = new QueryResource(org, clock, options.queryBatchLimit);
        const collections = new CollectionsResource(org, this.faults);
        this.router = new RestRouter({ org, usage: this.usage, query: this.query, collections });
    }

    /** Answers one call; `path` is the URL's path and query string, `body` the request body text. */
    answer(method: string, path: string, body: string, queryOptions: string | null): EndpointAnswer {
        const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=UTF-8' };
        // Filled once the body is read; answers given before (refusals) have none.
        const composite: { subrequests?: string[] } = {};
        const done = (answer: RestAnswer, counted: boolean): EndpointAnswer => {
            headers['Sforce-Limit-Info'] = this.usage.header();
            // The target's clock, as every HTTP answer carries it (RFC 9110 IMF-fixdate).
            headers.Date = new Date(this.clock()).toUTCString();
            this.log.push(
                composite.subrequests
                    ? { method, path, status: answer.status, counted, subrequests: composite.subrequests }
                    : { method, path, status: answer.status, counted },
            );
            return { ...answer, headers };
        };
        // The platform limits a request's URI and headers to 16,384 bytes; a longer URI is answered 414 URI Too Long
        // before anything is read (the body is the offline org's own wording: the platform's 414 carries none).
        if (Buffer.byteLength(path, 'utf8') > MAX_URI_BYTES) {
            return done(
                {
                    status: 414,
                    body: [
                        errorEntry(
                            'URI_TOO_LONG',
                            `URI Too Long: ${Buffer.byteLength(path, 'utf8')} bytes, the most is ${MAX_URI_BYTES}.`,
                        ),
                    ],
                },
                false,
            );
        }
        if (this.faults.callUnavailable()) {
            return done(
                {
                    status: 503,
                    body: [
                        errorEntry(
                            'SERVER_UNAVAILABLE',
                            'The server is unavailable (an HTTP 503 injected by the offline org fault plan).',
                        ),
                    ],
                },
                false,
            );
        }
        if (this.usage.exhausted()) {
            return done(
                { status: 403, body: [errorEntry('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')] },
                false,
            );
        }
        this.usage.record();
        let parsed: unknown;
        if (body.trim() !== '') {
            try {
                parsed = JSON.parse(body);
            } catch (e) {
                const reason = e instanceof Error ? e.message : String(e);
                return done({ status: 400, body: new RestError(400, 'JSON_PARSER_ERROR', reason).body() }, true);
            }
        }
        composite.subrequests = compositeParts(parsed);
        const store = this.org.store;
        store.begin();
        let answer: RestAnswer;
        try {
            answer = this.router.route(method, path, parsed, queryOptions);
        } catch (e) {
            store.rollback();
            throw e;
        }
        store.commit();
        return done(answer, true);
    }

    /** Calls answered with a status (all calls when none given). */
    calls(status?: number): CallRecord[] {
        return status === undefined ? [...this.log] : this.log.filter((c) => c.status === status);
    }
}

/** The method and URL of each subrequest of a Composite body, or undefined when the body is not one. */
function compositeParts(parsed: unknown): string[] | undefined {
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const parts = (parsed as { compositeRequest?: unknown }).compositeRequest;
    if (!Array.isArray(parts)) return undefined;
    return parts.map((part: unknown) => {
        const { method, url } = (part ?? {}) as { method?: unknown; url?: unknown };
        return `${String(method)} ${String(url)}`;
    });
}
