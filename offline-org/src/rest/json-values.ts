/**
 * Field values between the REST API's JSON and the data layer's storage values. Into the org: numbers as JSON numbers
 * (or numeric strings), booleans, dates `YYYY-MM-DD`, datetimes with any offset (`...+0000`, `...Z`, `...+01:00`),
 * times `HH:mm:ss[.SSS][Z]`, everything else as strings; a value the API could not deserialize fails the whole request
 * with 400 JSON_PARSER_ERROR. Out of the org: datetimes as the API writes them (`2026-01-01T09:05:07.000+0000`),
 * numbers as JSON numbers, and query rows with `attributes`, parents as nested records and child subqueries as nested
 * query results (null when empty).
 */
import type { FieldDescribe, ObjectDescribe, Row, SchemaProvider, StorageValue } from '../data/index.js';
import { rowType } from '../data/index.js';
import { notSupported, RestError } from './rest-error.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseError(field: FieldDescribe, value: unknown, expected: string): RestError {
    const token =
        value === null
            ? 'VALUE_NULL'
            : typeof value === 'string'
              ? 'VALUE_STRING'
              : typeof value === 'number'
                ? 'VALUE_NUMBER'
                : typeof value === 'boolean'
                  ? 'VALUE_TRUE_OR_FALSE'
                  : Array.isArray(value)
                    ? 'START_ARRAY'
                    : 'START_OBJECT';
    return new RestError(
        400,
        'JSON_PARSER_ERROR',
        `Cannot deserialize instance of ${expected} from ${token} value ${JSON.stringify(value)} for field ${field.name}`,
    );
}

function toNumber(field: FieldDescribe, value: unknown, expected: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
    throw parseError(field, value, expected);
}

/** A datetime in any offset the API accepts, as the storage's ISO UTC form. */
function toDatetime(field: FieldDescribe, value: unknown): string {
    if (typeof value !== 'string') throw parseError(field, value, 'datetime');
    const m = DATETIME.exec(value.trim());
    if (!m) throw parseError(field, value, 'datetime');
    const [, date, hh, mi, ss = '00', frac = '0', zone = 'Z'] = m;
    const ms = Number(frac.padEnd(3, '0').slice(0, 3));
    let offsetMin = 0;
    if (zone !== 'Z') {
        const digits = zone.slice(1).replace(':', '');
        offsetMin = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * (zone.startsWith('-') ? -1 : 1);
    }
    const local = Date.parse(`${date}T${hh}:${mi}:${ss}.000Z`);
    if (Number.isNaN(local)) throw parseError(field, value, 'datetime');
    return new Date(local + ms - offsetMin * 60_000).toISOString();
}

function toTime(field: FieldDescribe, value: unknown): string {
    if (typeof value !== 'string') throw parseError(field, value, 'time');
    const m = TIME.exec(value.trim());
    if (!m) throw parseError(field, value, 'time');
    const [, hh, mi, ss = '00', ms = '0'] = m;
    return `${hh}:${mi}:${ss}.${ms.padEnd(3, '0')}Z`;
}

/** A JSON value of a record sent to the org, as the storage value of its field. */
export function fromJson(field: FieldDescribe, value: unknown): StorageValue {
    if (value === null || value === undefined) return null;
    switch (field.type) {
        case 'boolean':
            if (typeof value === 'boolean') return value;
            if (value === 'true' || value === 'false') return value === 'true';
            throw parseError(field, value, 'boolean');
        case 'integer':
        case 'long': {
            const n = toNumber(field, value, field.type === 'long' ? 'long' : 'int');
            if (!Number.isInteger(n)) throw parseError(field, value, field.type === 'long' ? 'long' : 'int');
            return n;
        }
        case 'double':
        case 'currency':
        case 'percent':
            return toNumber(field, value, 'double');
        case 'date':
            if (typeof value === 'string' && DATE.test(value.trim())) return value.trim();
            if (typeof value === 'string' && DATETIME.test(value.trim())) return value.trim().slice(0, 10);
            throw parseError(field, value, 'date');
        case 'datetime':
            return toDatetime(field, value);
        case 'time':
            return toTime(field, value);
        case 'address':
        case 'location':
            throw notSupported(`writing the compound field ${field.name}`);
        default:
            if (typeof value === 'string') return value;
            if (typeof value === 'number' || typeof value === 'boolean') return String(value);
            throw parseError(field, value, 'String');
    }
}

/** A storage value as the REST API writes it. */
export function toJson(field: FieldDescribe | undefined, value: StorageValue): unknown {
    if (value === null || field === undefined) return value;
    if (field.type === 'datetime' && typeof value === 'string' && value.endsWith('Z'))
        return `${value.slice(0, -1)}+0000`;
    return value;
}

/** The `attributes` of a record in a query answer. */
function attributes(objectName: string, id: unknown, version: string): { type: string; url?: string } {
    return typeof id === 'string'
        ? { type: objectName, url: `/services/data/v${version}/sobjects/${objectName}/${id}` }
        : { type: objectName };
}

/** A query row as the REST API writes it: `attributes` first, then the selected fields in query order. */
export function recordJson(
    schema: SchemaProvider,
    objectName: string,
    row: Row,
    version: string,
): Record<string, unknown> {
    const type = rowType(row) ?? objectName;
    const object: ObjectDescribe | undefined = schema.getObject(type);
    const out: Record<string, unknown> = { attributes: attributes(object?.name ?? type, row.Id, version) };
    for (const [key, value] of Object.entries(row)) {
        if (value === undefined) continue;
        if (Array.isArray(value)) {
            const child = object?.childRelationships.find((c) => c.relationshipName === key)?.childSObject ?? key;
            out[key] =
                value.length === 0
                    ? null
                    : {
                          totalSize: value.length,
                          done: true,
                          records: value.map((r) => recordJson(schema, child, r, version)),
                      };
        } else if (value !== null && typeof value === 'object') {
            const parentField = [...(object?.fields.values() ?? [])].find((f) => f.relationshipName === key);
            out[key] = recordJson(schema, parentField?.referenceTo[0] ?? key, value, version);
        } else {
            out[key] = toJson(object?.fields.get(key.toLowerCase()), value);
        }
    }
    return out;
}
