/**
 * sObject Collections: create (`POST /composite/sobjects`), update (`PATCH /composite/sobjects`), upsert on an
 * external id field (`PATCH /composite/sobjects/{object}/{field}`) and delete (`DELETE /composite/sobjects?ids=
 * &allOrNone=`), up to 200 records, each record's result in request order (`{id, success, errors[, created]}` with
 * errors `{statusCode, message, fields}`). The records go through the target org's own DML: its validation answers
 * (required fields, references to records that do not exist or of the wrong object, duplicates on unique and external
 * id fields, lengths, restricted picklists, read-only fields, Ids on insert). A request the API would refuse as a
 * whole answers 400: an unknown object or field, a value it could not deserialize, more than 200 records, more than
 * 10 chunks of records of one type. With allOrNone, any failed record rolls the whole request back and the others
 * answer ALL_OR_NONE_OPERATION_ROLLED_BACK. The fault plan may fail records with UNABLE_TO_LOCK_ROW before they
 * reach the store.
 */
import {
    DmlException as DataDmlException,
    keyPrefixOf,
    NotSupportedError as DataNotSupported,
    SecurityException,
    SObjectException,
} from '../data/index.js';
import type { DmlError, DmlResult, ObjectDescribe, Row } from '../data/index.js';
import type { FaultPlan } from './faults.js';
import { fromJson } from './json-values.js';
import { notSupported, RestError } from './rest-error.js';
import type { TargetOrg } from './target-org.js';

export const MAX_COLLECTION_RECORDS = 200;

/**
 * Runs a collection's writes under a savepoint of the target's store: an error escaping them undoes them all and
 * answers as the API would; with allOrNone, one failed record undoes them all (`undone`).
 */
function underSavepoint(
    org: TargetOrg,
    allOrNone: boolean,
    work: () => DmlResult[],
): { results: DmlResult[]; undone: boolean } {
    const store = org.store;
    const savepoint = store.setSavepoint();
    let results: DmlResult[];
    try {
        results = work();
    } catch (e) {
        store.rollbackTo(savepoint);
        store.releaseSavepoint(savepoint);
        throw asRestError(e);
    }
    const undone = allOrNone && results.some((r) => !r.success);
    if (undone) store.rollbackTo(savepoint);
    store.releaseSavepoint(savepoint);
    return { results, undone };
}
const MAX_CHUNKS = 10;

export type WriteOperation = 'create' | 'update' | 'upsert';

/** One record's result as the API writes it. */
export interface CollectionResult {
    id?: string | null;
    success: boolean;
    errors: { statusCode: string; message: string; fields: string[] }[];
    created?: boolean;
}

const ROLLED_BACK: DmlError = {
    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
    fields: [],
};

function lockError(id: string | null): DmlError {
    return {
        statusCode: 'UNABLE_TO_LOCK_ROW',
        message: id
            ? `unable to obtain exclusive access to this record or 1 records: ${id}`
            : 'unable to obtain exclusive access to this record',
        fields: [],
    };
}

function tooMany(): RestError {
    return new RestError(
        400,
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${MAX_COLLECTION_RECORDS} records into this call`,
    );
}

interface Prepared {
    object: ObjectDescribe;
    row: Row;
    sentId: string | null;
}

export class CollectionsResource {
    constructor(
        private readonly org: TargetOrg,
        private readonly faults: FaultPlan,
    ) {}

    /** Create, update, or upsert on `externalIdField` of `upsertObject`. */
    write(
        operation: WriteOperation,
        body: unknown,
        upsert?: { objectName: string; externalIdField: string },
        forceAllOrNone = false,
    ): CollectionResult[] {
        if (body === null || typeof body !== 'object' || Array.isArray(body))
            throw new RestError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object with "records"');
        const { allOrNone, records } = body as { allOrNone?: unknown; records?: unknown };
        if (!Array.isArray(records) || records.length === 0)
            throw new RestError(400, 'INVALID_FIELD', 'records is required and must hold at least one record');
        if (records.length > MAX_COLLECTION_RECORDS) throw tooMany();
        if (allOrNone !== undefined && typeof allOrNone !== 'boolean')
            throw new RestError(400, 'JSON_PARSER_ERROR', 'allOrNone must be true or false');
        let upsertObject: ObjectDescribe | undefined;
        if (operation === 'upsert' && upsert) {
            upsertObject = this.org.schema.getObject(upsert.objectName);
            if (!upsertObject) throw new RestError(404, 'NOT_FOUND', 'The requested resource does not exist');
            const key = upsertObject.fields.get(upsert.externalIdField.toLowerCase());
            if (!key || !(key.externalId || key.idLookup) || key.name === 'Id')
                throw new RestError(
                    404,
                    'NOT_FOUND',
                    `Provided external ID field does not exist or is not accessible: ${upsert.externalIdField}`,
                );
        }
        const prepared = records.map((r, i) => this.prepare(r, i, upsertObject));
        const chunks = chunksOf(prepared);
        if (chunks.length > MAX_CHUNKS)
            throw new RestError(
                400,
                'INVALID_FIELD',
                `A request can process up to ${MAX_CHUNKS} chunks of records of one type; this one has ${chunks.length}`,
            );
        const all = forceAllOrNone || allOrNone === true;
        const store = this.org.store;
        const { results, undone } = underSavepoint(this.org, all, () => {
            const stored: DmlResult[] = new Array<DmlResult>(prepared.length);
            for (const chunk of chunks) {
                const object = prepared[chunk[0]].object;
                const toStore: number[] = [];
                for (const i of chunk) {
                    if (this.faults.recordLocked())
                        stored[i] = { id: null, success: false, errors: [lockError(prepared[i].sentId)] };
                    else toStore.push(i);
                }
                if (toStore.length === 0) continue;
                const rows = toStore.map((i) => prepared[i].row);
                const opts = { allOrNone: false, mode: 'user' as const };
                const written =
                    operation === 'create'
                        ? store.insert(object.name, rows, opts)
                        : operation === 'update'
                          ? store.update(object.name, rows, opts)
                          : store.upsert(object.name, rows, { ...opts, externalIdField: upsert?.externalIdField });
                toStore.forEach((i, k) => (stored[i] = written[k]));
            }
            return stored;
        });
        return results.map((r, i) => {
            const rolledBack = undone && r.success;
            const errors = rolledBack ? [ROLLED_BACK] : r.errors;
            const success = r.success && !rolledBack;
            const out: CollectionResult = { success, errors };
            const id = success ? r.id : operation === 'update' ? prepared[i].sentId : null;
            if (id) out.id = id;
            else if (success) out.id = null;
            if (operation === 'upsert') out.created = success ? r.created === true : false;
            return out;
        });
    }

    /** A record of the request as a row of its object; 400 for what the API would refuse as a whole. */
    private prepare(raw: unknown, index: number, upsertObject: ObjectDescribe | undefined): Prepared {
        if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
            throw new RestError(400, 'JSON_PARSER_ERROR', `Record ${index} is not a JSON object`);
        const record = raw as Record<string, unknown>;
        const attributes = record.attributes as { type?: unknown } | undefined;
        const type = typeof attributes?.type === 'string' ? attributes.type : undefined;
        if (!upsertObject && type === undefined)
            throw new RestError(
                400,
                'INVALID_TYPE',
                `Record ${index} has no "attributes": {"type": ...}; each record must say its object`,
            );
        if (upsertObject && type !== undefined && type.toLowerCase() !== upsertObject.name.toLowerCase())
            throw new RestError(
                400,
                'INVALID_TYPE',
                `Record ${index} is a ${type}: an upsert takes records of ${upsertObject.name} only`,
            );
        const object = upsertObject ?? this.org.schema.getObject(type ?? '');
        if (!object) throw new RestError(400, 'INVALID_TYPE', `sObject type '${type ?? ''}' is not supported.`);
        const row: Row = {};
        for (const [key, value] of Object.entries(record)) {
            if (key === 'attributes') continue;
            const field = object.fields.get(key.toLowerCase());
            if (!field) {
                const relation = [...object.fields.values()].some(
                    (f) => f.relationshipName?.toLowerCase() === key.toLowerCase(),
                );
                if (relation)
                    throw notSupported(`setting ${object.name}.${key} through a related record's external id`);
                throw new RestError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`);
            }
            row[field.name] = fromJson(field, value);
        }
        const sentId = typeof row.Id === 'string' ? row.Id : null;
        return { object, row, sentId };
    }

    /** `DELETE /composite/sobjects?ids=...&allOrNone=...`. */
    delete(idsParam: string | null, allOrNoneParam: string | null): CollectionResult[] {
        if (idsParam === null || idsParam.trim() === '')
            throw new RestError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
        const ids = idsParam.split(',').map((s) => s.trim());
        if (ids.length > MAX_COLLECTION_RECORDS) throw tooMany();
        const all = allOrNoneParam?.toLowerCase() === 'true';
        const { results, undone } = underSavepoint(this.org, all, () => ids.map((id) => this.deleteOne(id)));
        return results.map((r, i) => {
            const rolledBack = undone && r.success;
            return {
                id: r.id ?? ids[i],
                success: r.success && !rolledBack,
                errors: rolledBack ? [ROLLED_BACK] : r.errors,
            };
        });
    }

    private deleteOne(id: string): DmlResult {
        const object = /^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(id)
            ? this.org.schema.objectByKeyPrefix(keyPrefixOf(id))
            : undefined;
        if (!object)
            return {
                id,
                success: false,
                errors: [{ statusCode: 'MALFORMED_ID', message: `malformed id ${id}`, fields: [] }],
            };
        if (this.faults.recordLocked()) return { id, success: false, errors: [lockError(id)] };
        return this.org.store.delete(object.name, [id], { allOrNone: false, mode: 'user' })[0];
    }
}

/** The data layer's errors a request can meet, as the API's answers; anything else is a fault of the face itself. */
function asRestError(e: unknown): unknown {
    if (e instanceof SObjectException) return new RestError(400, 'INVALID_FIELD', e.message);
    if (e instanceof SecurityException) return new RestError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', e.message);
    if (e instanceof DataNotSupported) return notSupported(e.what);
    if (e instanceof DataDmlException) return new Error(`unexpected all-or-none DML failure: ${e.message}`);
    return e;
}

/** Runs of consecutive records of the same object (the API processes a request in such chunks). */
function chunksOf(prepared: Prepared[]): number[][] {
    const chunks: number[][] = [];
    prepared.forEach((p, i) => {
        const last = chunks[chunks.length - 1];
        if (last && prepared[last[0]].object === p.object) last.push(i);
        else chunks.push([i]);
    });
    return chunks;
}
