/**
 * `GET /query?q=<SOQL>` and `GET /query/<locator>-<offset>`: the query runs in the org's store as the integration
 * user (user mode, System Administrator), the answer is `{totalSize, done, records[, nextRecordsUrl]}` with records as
 * the API writes them. A result larger than the batch (2,000 by default; `Sforce-Query-Options: batchSize=n` asks for
 * 200..2,000, and the org may be set to answer smaller batches, as the platform may) keeps a query locator until its
 * last batch is read; `nextRecordsUrl` is `/services/data/vXX.X/query/01g...-<offset>`. A locator unused for 15
 * minutes of the org's clock is gone (INVALID_QUERY_LOCATOR). SOQL errors answer 400 with the platform's code
 * (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE, INVALID_QUERY_FILTER_OPERATOR); SOQL the offline org does not model
 * answers 400 NOT_SUPPORTED_BY_OFFLINE_ORG.
 */
import {
    NotSupportedError as DataNotSupported,
    QueryException,
    SecurityException,
    SObjectException,
} from '../data/index.js';
import type { TargetOrg } from './target-org.js';
import { recordJson } from './json-values.js';
import { notSupported, RestError } from './rest-error.js';

export const DEFAULT_QUERY_BATCH = 2000;
export const MIN_QUERY_BATCH = 200;
const LOCATOR_IDLE_MS = 15 * 60 * 1000;

interface Locator {
    records: unknown[];
    totalSize: number;
    batchSize: number;
    version: string;
    lastUsed: number;
}

export interface QueryAnswer {
    totalSize: number;
    done: boolean;
    nextRecordsUrl?: string;
    records: unknown[];
}

/** The error code the REST API gives a SOQL error. */
function queryErrorCode(message: string): string {
    if (/^sObject type '.*' is not supported/.test(message)) return 'INVALID_TYPE';
    if (/^No such column|^Didn't understand relationship/.test(message)) return 'INVALID_FIELD';
    if (/^value of filter criterion|^invalid ID field/.test(message)) return 'INVALID_QUERY_FILTER_OPERATOR';
    return 'MALFORMED_QUERY';
}

/** The batch size a request asks for in `Sforce-Query-Options` (null when it asks for none). */
export function requestedBatchSize(header: string | null): number | null {
    if (header === null) return null;
    const m = /(?:^|[;,\s])batchSize\s*=\s*(\d+)/i.exec(header);
    if (!m) return null;
    return Math.min(DEFAULT_QUERY_BATCH, Math.max(MIN_QUERY_BATCH, Number(m[1])));
}

/** The most records one sObject Collections retrieve answers. */
const MAX_RETRIEVE_IDS = 2000;

export class QueryResource {
    private readonly locators = new Map<string, Locator>();

    constructor(
        private readonly org: TargetOrg,
        private readonly clock: () => number,
        /** The most records the org answers in one batch, whatever is asked (2,000 on the platform). */
        public batchLimit = DEFAULT_QUERY_BATCH,
    ) {}

    query(soql: string, requested: number | null, version: string): QueryAnswer {
        if (soql.trim() === '') throw new RestError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
        const { records, totalSize } = this.rows(soql, version);
        const batchSize = Math.min(requested ?? DEFAULT_QUERY_BATCH, this.batchLimit);
        if (records.length <= batchSize) return { totalSize, done: true, records };
        this.expireIdle();
        const id = this.org.store.ids.newId('01g');
        this.locators.set(id, { records, totalSize, batchSize, version, lastUsed: this.clock() });
        return this.batch(id, 0);
    }

    /** Every record a query answers, as JSON, in user mode; its errors as the REST API words them. */
    private rows(soql: string, version: string): { records: Record<string, unknown>[]; totalSize: number } {
        let result;
        try {
            result = this.org.store.query(
                soql,
                (text) => {
                    throw new RestError(400, 'MALFORMED_QUERY', `unexpected token: ':${text.trim()}'`);
                },
                { mode: 'user', location: '<rest query>:1' },
            );
        } catch (e) {
            if (e instanceof RestError) throw e;
            if (e instanceof DataNotSupported) throw notSupported(`SOQL: ${e.what}`);
            if (e instanceof QueryException || e instanceof SObjectException || e instanceof SecurityException)
                throw new RestError(400, queryErrorCode(e.message), e.message);
            throw e;
        }
        const from = /\bfrom\s+([A-Za-z0-9_]+)/i.exec(soql)?.[1] ?? '';
        const records = result.rows.map((row) => recordJson(this.org.schema, from, row, version));
        return { records, totalSize: result.totalSize };
    }

    /**
     * `POST /composite/sobjects/{object}` with `{ids, fields}`: up to 2,000 records of one object, one entry per Id
     * in the order asked, null for an Id that is not a readable record of that object; an unknown field is 400.
     */
    retrieve(objectName: string, body: unknown, version: string): (Record<string, unknown> | null)[] {
        const request = (body ?? {}) as { ids?: unknown; fields?: unknown };
        const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
        if (!strings(request.ids) || request.ids.length === 0)
            throw new RestError(400, 'MISSING_ARGUMENT', 'ids: a list of one or more record Ids is required');
        if (!strings(request.fields) || request.fields.length === 0)
            throw new RestError(400, 'MISSING_ARGUMENT', 'fields: a list of one or more field names is required');
        if (request.ids.length > MAX_RETRIEVE_IDS)
            throw new RestError(
                400,
                'EXCEEDED_ID_LIMIT',
                `record limit reached. cannot submit more than ${MAX_RETRIEVE_IDS} records into this call`,
            );
        if (!this.org.schema.getObject(objectName))
            throw new RestError(404, 'NOT_FOUND', `The requested resource does not exist`);
        const fields = request.fields.map((f) => {
            if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(f))
                throw new RestError(400, 'INVALID_FIELD', `No such column '${f}' on entity '${objectName}'`);
            return f;
        });
        const valid = request.ids.filter((id) => /^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(id));
        const selected = [...new Set(['Id', ...fields])];
        const found = new Map<string, Record<string, unknown>>();
        if (valid.length > 0) {
            const soql = `SELECT ${selected.join(', ')} FROM ${objectName} WHERE Id IN (${valid.map((id) => `'${id}'`).join(', ')})`;
            for (const record of this.rows(soql, version).records) {
                const id = record['Id'];
                if (typeof id === 'string') found.set(id.slice(0, 15), record);
            }
        }
        return request.ids.map((id) => found.get(id.slice(0, 15)) ?? null);
    }

    /** `GET /query/<locator>-<offset>`. */
    more(locatorAndOffset: string): QueryAnswer {
        this.expireIdle();
        const m = /^([0-9A-Za-z]{15,18})-(\d+)$/.exec(locatorAndOffset);
        const locator = m ? this.locators.get(m[1]) : undefined;
        if (!m || !locator || Number(m[2]) > locator.records.length)
            throw new RestError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        return this.batch(m[1], Number(m[2]));
    }

    private batch(id: string, offset: number): QueryAnswer {
        const locator = this.locators.get(id);
        if (!locator) throw new RestError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        locator.lastUsed = this.clock();
        const end = Math.min(offset + locator.batchSize, locator.records.length);
        const records = locator.records.slice(offset, end);
        if (end >= locator.records.length) {
            this.locators.delete(id);
            return { totalSize: locator.totalSize, done: true, records };
        }
        return {
            totalSize: locator.totalSize,
            done: false,
            nextRecordsUrl: `/services/data/v${locator.version}/query/${id}-${end}`,
            records,
        };
    }

    private expireIdle(): void {
        const now = this.clock();
        for (const [id, locator] of this.locators) {
            if (now - locator.lastUsed > LOCATOR_IDLE_MS) this.locators.delete(id);
        }
    }

    /** Open query locators (for tests). */
    openLocators(): number {
        return this.locators.size;
    }
}
