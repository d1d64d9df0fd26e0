/**
 * Routes one REST request of a target org to its resource: `/services/data/vXX.X` then describe, query (and its
 * locators), limits, Composite, sObject Collections. A path outside that subset answers 404 NOT_FOUND naming what the
 * offline org's REST face answers; a known resource with another method answers 405. Composite subrequests come back
 * through the same router.
 */
import type { ApiUsage } from './api-usage.js';
import type { CollectionsResource } from './collections-resource.js';
import { compositeResource } from './composite-resource.js';
import type { RestAnswer } from './composite-resource.js';
import { describeResource } from './describe-resource.js';
import { limitsResource } from './limits-resource.js';
import type { QueryResource } from './query-resource.js';
import { requestedBatchSize } from './query-resource.js';
import { notFound, notSupported, RestError } from './rest-error.js';
import type { TargetOrg } from './target-org.js';

const VERSIONED = /^\/services\/data\/v(\d{2,3}\.0)(\/[^?]*)?(?:\?(.*))?$/;

export interface RouterParts {
    org: TargetOrg;
    usage: ApiUsage;
    query: QueryResource;
    collections: CollectionsResource;
}

function methodNotAllowed(method: string, allowed: string): RestError {
    return new RestError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed}`);
}

export class RestRouter {
    constructor(private readonly parts: RouterParts) {}

    /**
     * Answers one request. `path` is the URL's path and query string; `body` the parsed JSON body (undefined when
     * there is none); `queryOptions` the `Sforce-Query-Options` header.
     */
    route(
        method: string,
        path: string,
        body: unknown,
        queryOptions: string | null,
        forceAllOrNone = false,
    ): RestAnswer {
        try {
            return { status: 200, body: this.dispatch(method.toUpperCase(), path, body, queryOptions, forceAllOrNone) };
        } catch (e) {
            if (e instanceof RestError) return { status: e.status, body: e.body() };
            throw e;
        }
    }

    private dispatch(method: string, path: string, body: unknown, queryOptions: string | null, all: boolean): unknown {
        const m = VERSIONED.exec(path);
        if (!m) throw notFound(method, path.split('?')[0]);
        const version = m[1];
        const resource = (m[2] ?? '/').replace(/\/+$/, '') || '/';
        const params = new URLSearchParams(m[3] ?? '');
        const { org, usage, query, collections } = this.parts;
        const describe = /^\/sobjects\/([A-Za-z0-9_]+)\/describe$/.exec(resource);
        if (describe) {
            if (method !== 'GET') throw methodNotAllowed(method, 'GET,HEAD');
            return describeResource(org.schema, describe[1], version);
        }
        if (resource === '/query') {
            if (method !== 'GET') throw methodNotAllowed(method, 'GET,HEAD');
            if (params.has('explain')) throw notSupported('query plans (/query?explain=)');
            const soql = params.get('q');
            if (soql === null) throw new RestError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
            return query.query(soql, requestedBatchSize(queryOptions), version);
        }
        const more = /^\/query\/([^/]+)$/.exec(resource);
        if (more) {
            if (method !== 'GET') throw methodNotAllowed(method, 'GET,HEAD');
            return query.more(more[1]);
        }
        if (resource === '/limits') {
            if (method !== 'GET') throw methodNotAllowed(method, 'GET,HEAD');
            return limitsResource(usage);
        }
        if (resource === '/composite') {
            if (method !== 'POST') throw notFound(method, resource);
            return compositeResource(org.store, body, (subMethod, url, subBody, allOrNone) =>
                this.route(subMethod, url, subBody, null, allOrNone),
            );
        }
        if (resource === '/composite/sobjects') {
            if (method === 'POST') return collections.write('create', body, undefined, all);
            if (method === 'PATCH') return collections.write('update', body, undefined, all);
            if (method === 'DELETE')
                return collections.delete(params.get('ids'), all ? 'true' : params.get('allOrNone'));
            if (method === 'GET') throw notSupported('GET /composite/sobjects (reading records by Id)');
            throw methodNotAllowed(method, 'GET,POST,PATCH,DELETE');
        }
        const retrieve = /^\/composite\/sobjects\/([A-Za-z0-9_]+)$/.exec(resource);
        if (retrieve && method === 'POST') return query.retrieve(retrieve[1], body, version);
        const upsert = /^\/composite\/sobjects\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/.exec(resource);
        if (upsert && method === 'PATCH') {
            return collections.write('upsert', body, { objectName: upsert[1], externalIdField: upsert[2] }, all);
        }
        throw notFound(method, resource);
    }
}
