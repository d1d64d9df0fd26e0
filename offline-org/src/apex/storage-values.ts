/**
 * The interpreter's side of the boundary with the data layer (see offline-org/README.md): Apex values <-> storage
 * values by field describe, and query rows <-> SObjectValues (parent rows nested under the relationship name, child
 * subqueries as arrays). A platform implementation uses these to hand records to src/data and back.
 */
import { textOf } from './runtime/format.js';
import type { FieldDescribe, ObjectDescribe, Row, SchemaProvider, StorageValue } from '../data/schema-types.js';
import { Decimal } from './runtime/decimal.js';
import { formatDate, formatTime } from './runtime/format.js';
import {
    ApexDouble,
    ApexList,
    BlobValue,
    DateValue,
    DatetimeValue,
    IdValue,
    SObjectValue,
    TimeValue,
} from './runtime/values.js';
import type { Value } from './runtime/values.js';

export class StorageConversionError extends Error {}

function numberOf(v: Value): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof Decimal) return v.toNumber();
    if (v instanceof ApexDouble) return v.v;
    throw new StorageConversionError(`not a number: ${textOf(v)}`);
}

/** Apex value -> storage value for a field. */
export function toStorage(field: FieldDescribe, v: Value): StorageValue {
    if (v === null) return null;
    switch (field.type) {
        case 'boolean':
            if (typeof v !== 'boolean') throw new StorageConversionError(`${field.name}: not a Boolean`);
            return v;
        case 'integer':
        case 'long':
        case 'double':
        case 'currency':
        case 'percent':
            return numberOf(v);
        case 'date':
            if (v instanceof DateValue) return formatDate(v);
            if (v instanceof DatetimeValue) return new Date(v.ms).toISOString().slice(0, 10);
            throw new StorageConversionError(`${field.name}: not a Date`);
        case 'datetime':
            if (v instanceof DatetimeValue) return new Date(v.ms).toISOString();
            throw new StorageConversionError(`${field.name}: not a Datetime`);
        case 'time':
            if (v instanceof TimeValue) return formatTime(v);
            throw new StorageConversionError(`${field.name}: not a Time`);
        case 'base64':
            if (v instanceof BlobValue) return Buffer.from(v.bytes).toString('base64');
            throw new StorageConversionError(`${field.name}: not a Blob`);
        case 'address':
        case 'location':
            throw new StorageConversionError(`${field.name}: compound fields are not stored directly`);
        default:
            if (v instanceof IdValue) return v.v;
            if (typeof v === 'string') return v;
            throw new StorageConversionError(`${field.name}: not a String`);
    }
}

/** Storage value -> Apex value for a field (Decimal fields carry the field's scale). */
export function fromStorage(field: FieldDescribe, s: StorageValue): Value {
    if (s === null) return null;
    switch (field.type) {
        case 'boolean':
            return s === true || s === 1 || s === 'true';
        case 'integer':
            return Number(s) | 0;
        case 'long':
            return BigInt(Math.trunc(Number(s)));
        case 'double':
        case 'currency':
        case 'percent': {
            const d = typeof s === 'number' ? Decimal.fromDouble(s) : Decimal.parse(String(s));
            if (!d) throw new StorageConversionError(`${field.name}: not a number: ${String(s)}`);
            return d.scale === field.scale ? d : d.setScale(field.scale, 'HALF_UP');
        }
        case 'date': {
            const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(s));
            if (!m) throw new StorageConversionError(`${field.name}: not a date: ${String(s)}`);
            return new DateValue(Number(m[1]), Number(m[2]), Number(m[3]));
        }
        case 'datetime': {
            const ms = Date.parse(String(s));
            if (Number.isNaN(ms)) throw new StorageConversionError(`${field.name}: not a datetime: ${String(s)}`);
            return new DatetimeValue(ms);
        }
        case 'time': {
            const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/.exec(String(s));
            if (!m) throw new StorageConversionError(`${field.name}: not a time: ${String(s)}`);
            return new TimeValue(
                ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number((m[4] ?? '0').padEnd(3, '0')),
            );
        }
        case 'base64':
            return new BlobValue(new Uint8Array(Buffer.from(String(s), 'base64')));
        case 'id':
        case 'reference':
            return new IdValue(String(s));
        default:
            return String(s);
    }
}

/** An SObjectValue as a row for DML: canonical field names, storage values; relationship values are left out. */
export function recordToRow(schema: SchemaProvider, so: SObjectValue): Row {
    const d = schema.getObject(so.objectName);
    if (!d) throw new StorageConversionError(`unknown object ${so.objectName}`);
    const row: Row = {};
    for (const [key, f] of so.fields) {
        const field = d.fields.get(key);
        if (field) row[field.name] = toStorage(field, f.value);
    }
    return row;
}

function relationshipTarget(d: ObjectDescribe, name: string): { parent: string | null; child: string | null } {
    const l = name.toLowerCase();
    for (const f of d.fields.values())
        if (f.relationshipName?.toLowerCase() === l) return { parent: f.referenceTo[0] ?? null, child: null };
    for (const c of d.childRelationships)
        if (c.relationshipName?.toLowerCase() === l) return { parent: null, child: c.childSObject };
    return { parent: null, child: null };
}

/**
 * A query row as an SObjectValue. The row's keys become the record's queried fields, so reading a field the query did
 * not select raises the platform's SObjectException. A polymorphic parent row may name its type in `attributes.type`.
 */
export function rowToRecord(schema: SchemaProvider, objectName: string, row: Row): SObjectValue {
    if (objectName === 'AggregateResult') return aggregateRow(row);
    const d = schema.getObject(objectName);
    if (!d) throw new StorageConversionError(`unknown object ${objectName}`);
    const so = new SObjectValue(d.name);
    so.queriedFields = new Set<string>();
    for (const [key, raw] of Object.entries(row)) {
        if (raw === undefined || key === 'attributes') continue;
        const l = key.toLowerCase();
        so.queriedFields.add(l);
        const field = d.fields.get(l);
        if (field && !(typeof raw === 'object' && raw !== null)) {
            so.fields.set(l, { name: field.name, value: fromStorage(field, raw) });
            continue;
        }
        const rel = relationshipTarget(d, key);
        if (Array.isArray(raw)) {
            const child = rel.child ?? objectName;
            so.fields.set(l, {
                name: key,
                value: new ApexList(
                    { k: 'sobject', name: child },
                    raw.map((r) => rowToRecord(schema, child, r)),
                ),
            });
        } else if (raw !== null && typeof raw === 'object') {
            const attrs = (raw as { attributes?: { type?: unknown } }).attributes;
            const parent = typeof attrs?.type === 'string' ? attrs.type : rel.parent;
            if (!parent) throw new StorageConversionError(`${objectName}.${key}: unknown relationship`);
            so.fields.set(l, { name: key, value: rowToRecord(schema, parent, raw) });
        } else if (raw === null && (rel.parent || rel.child)) {
            so.fields.set(l, { name: key, value: null });
        } else if (!field) {
            throw new StorageConversionError(`${objectName}.${key}: unknown field`);
        }
    }
    return so;
}

/** An aggregate row: aliases as fields; whole numbers as Integer (COUNT), other numbers as Decimal, text as String. */
function aggregateRow(row: Row): SObjectValue {
    const so = new SObjectValue('AggregateResult');
    for (const [key, raw] of Object.entries(row)) {
        if (raw === undefined || (typeof raw === 'object' && raw !== null)) continue;
        const value: Value =
            typeof raw === 'number'
                ? Number.isInteger(raw) && Math.abs(raw) <= 2147483647
                    ? raw
                    : Decimal.fromDouble(raw)
                : raw;
        so.fields.set(key.toLowerCase(), { name: key, value });
    }
    return so;
}
