/**
 * `POST /composite`: up to 25 subrequests, of which at most 5 are sObject Collections or queries, run in order
 * against the same org as one API call. The answer is `{compositeResponse: [{body, httpHeaders, httpStatusCode,
 * referenceId}]}` in request order. allOrNone false: each subrequest stands alone (sObject Collections subrequests
 * follow their own allOrNone). allOrNone true: the collections inside are all-or-none too, and the first failed
 * subrequest (status >= 400, or a collection with a failed record) rolls everything back; every other subrequest then
 * answers 400 PROCESSING_HALTED. References between subrequests (`@{ref.id}`) are not modelled and refused as a whole
 * (400 NOT_SUPPORTED_BY_OFFLINE_ORG), as are nested Composite requests.
 */
import type { OrgStore } from '../data/index.js';
import { errorEntry, notSupported, RestError } from './rest-error.js';

export const MAX_SUBREQUESTS = 25;
export const MAX_COLLECTION_OR_QUERY_SUBREQUESTS = 5;

/** What the router answers for one (sub)request. */
export interface RestAnswer {
    status: number;
    body: unknown;
}

/** Routes one subrequest; `allOrNone` forces sObject Collections inside it to all-or-none. */
export type SubrequestRouter = (method: string, url: string, body: unknown, allOrNone: boolean) => RestAnswer;

interface Subrequest {
    method: string;
    url: string;
    referenceId: string;
    body: unknown;
}

const HALTED = [
    errorEntry(
        'PROCESSING_HALTED',
        'The transaction was rolled back since another operation in the same transaction failed.',
    ),
];

function parse(body: unknown): { allOrNone: boolean; subrequests: Subrequest[] } {
    if (body === null || typeof body !== 'object' || Array.isArray(body))
        throw new RestError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
    const { allOrNone, compositeRequest } = body as { allOrNone?: unknown; compositeRequest?: unknown };
    if (!Array.isArray(compositeRequest) || compositeRequest.length === 0)
        throw new RestError(400, 'JSON_PARSER_ERROR', "'compositeRequest' is a required field.");
    if (compositeRequest.length > MAX_SUBREQUESTS)
        throw new RestError(
            400,
            'LIMIT_EXCEEDED',
            `A composite request holds at most ${MAX_SUBREQUESTS} subrequests, not ${compositeRequest.length}.`,
        );
    const seen = new Set<string>();
    const subrequests = compositeRequest.map((raw: unknown, i): Subrequest => {
        const sub = (raw ?? {}) as Record<string, unknown>;
        for (const name of ['method', 'url', 'referenceId'])
            if (typeof sub[name] !== 'string' || sub[name] === '')
                throw new RestError(400, 'JSON_PARSER_ERROR', `'${name}' is a required field.`);
        const referenceId = sub.referenceId as string;
        if (!/^[A-Za-z0-9_]+$/.test(referenceId))
            throw new RestError(400, 'JSON_PARSER_ERROR', `Invalid referenceId: ${referenceId} (subrequest ${i})`);
        if (seen.has(referenceId))
            throw new RestError(400, 'JSON_PARSER_ERROR', `Duplicate value for referenceId: ${referenceId}`);
        seen.add(referenceId);
        const text = `${sub.url as string} ${JSON.stringify(sub.body ?? null)}`;
        if (/@\{[^}]*\}/.test(text)) throw notSupported('references between Composite subrequests (@{...})');
        return { method: sub.method as string, url: sub.url as string, referenceId, body: sub.body };
    });
    const heavy = subrequests.filter((s) => /\/composite\/sobjects|\/query(All)?[/?]/.test(s.url)).length;
    if (heavy > MAX_COLLECTION_OR_QUERY_SUBREQUESTS)
        throw new RestError(
            400,
            'LIMIT_EXCEEDED',
            `A composite request holds at most ${MAX_COLLECTION_OR_QUERY_SUBREQUESTS} sObject Collections or query subrequests, not ${heavy}.`,
        );
    if (subrequests.some((s) => /\/composite\/?(\?|$)/.test(s.url)))
        throw notSupported('a Composite request inside a Composite request');
    return { allOrNone: allOrNone === true, subrequests };
}

/** Whether a subrequest's answer counts as a failure for allOrNone. */
function failed(answer: RestAnswer): boolean {
    if (answer.status >= 400) return true;
    return (
        Array.isArray(answer.body) &&
        answer.body.some((r) => r !== null && typeof r === 'object' && (r as { success?: unknown }).success === false)
    );
}

export function compositeResource(store: OrgStore, body: unknown, route: SubrequestRouter): unknown {
    const { allOrNone, subrequests } = parse(body);
    const savepoint = store.setSavepoint();
    const answers: RestAnswer[] = [];
    let haltedAt = -1;
    for (const sub of subrequests) {
        const answer = route(sub.method, sub.url, sub.body, allOrNone);
        answers.push(answer);
        if (allOrNone && failed(answer)) {
            haltedAt = answers.length - 1;
            break;
        }
    }
    if (haltedAt >= 0) store.rollbackTo(savepoint);
    store.releaseSavepoint(savepoint);
    return {
        compositeResponse: subrequests.map((sub, i) => {
            const answer =
                haltedAt >= 0 && i !== haltedAt
                    ? { status: 400, body: HALTED }
                    : haltedAt >= 0 && i === haltedAt && answers[i].status < 400
                      ? { status: 400, body: answers[i].body }
                      : answers[i];
            return {
                body: answer.body,
                httpHeaders: {},
                httpStatusCode: answer.status,
                referenceId: sub.referenceId,
            };
        }),
    };
}
