/**
 * Apex values <-> the data layer's storage values (see the table in offline-org/README.md), using the field's
 * describe: Decimal with the field's scale, Date, Datetime, Time, Id, Boolean, Integer, picklists as strings.
 */
import type { FieldDescribe, StorageValue } from '../data/index.js';
import { Decimal } from '../apex/runtime/decimal.js';
import { formatDate, formatTime } from '../apex/runtime/format.js';
import {
    ApexDouble,
    ApexList,
    BlobValue,
    ApexSet,
    DateValue,
    DatetimeValue,
    IdValue,
    SObjectValue,
    TimeValue,
} from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';

/** Thrown when an Apex value has no storage form (a List in a field, a user object ...). */
export class UnstorableValueError extends Error {}

/** Any scalar Apex value as a storage value (also used for bind values, which have no field describe). */
export function scalarToStorage(v: Value): StorageValue {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof IdValue) return v.v;
    if (v instanceof Decimal) return v.toNumber();
    if (v instanceof ApexDouble) return v.v;
    if (v instanceof DateValue) return formatDate(v);
    if (v instanceof DatetimeValue) return new Date(v.ms).toISOString();
    if (v instanceof TimeValue) return formatTime(v);
    if (v instanceof SObjectValue) {
        const id = v.fields.get('id')?.value ?? null;
        return id instanceof IdValue ? id.v : null;
    }
    throw new UnstorableValueError(`a value of this type cannot be stored in a field`);
}

/** A bind value: scalars, or a List / Set (an IN list; a list of sObjects binds their Ids). */
export function bindToStorage(v: Value): StorageValue | StorageValue[] {
    if (v instanceof ApexList) return v.items.map(scalarToStorage);
    if (v instanceof ApexSet) return [...v.entries.values()].map(scalarToStorage);
    return scalarToStorage(v);
}

/** A field's storage value, checked against the field's type only as far as the data layer does not do it. */
export function fieldToStorage(f: FieldDescribe, v: Value): StorageValue {
    if (f.type === 'integer' && v instanceof Decimal) return Math.trunc(v.toNumber());
    // A base64 field (ContentVersion.VersionData, Attachment.Body) keeps a Blob as its base64 text.
    if (f.type === 'base64' && v instanceof BlobValue) return Buffer.from(v.bytes).toString('base64');
    return scalarToStorage(v);
}

function parseTime(s: string): TimeValue {
    const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/.exec(s);
    if (!m) throw new UnstorableValueError(`bad stored time ${s}`);
    const ms = Number((m[4] ?? '0').padEnd(3, '0'));
    return new TimeValue(((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + ms);
}

function decimalWithScale(f: FieldDescribe, n: number): Decimal {
    const d = Decimal.fromDouble(n);
    // Number, Currency and Percent fields come back with the field's scale (e.g. 12 in a scale-2 field is 12.00).
    return f.type === 'double' && f.scale === 0 && d.scale === 0 ? d : d.setScale(f.scale);
}

/** A storage value of a field as the Apex value a query returns. */
export function storageToApex(f: FieldDescribe, sv: StorageValue): Value {
    if (sv === null) return null;
    switch (f.type) {
        case 'id':
        case 'reference':
            return new IdValue(String(sv));
        case 'boolean':
            return sv === true || sv === 1 || sv === '1' || sv === 'true';
        case 'integer':
            return Number(sv) | 0;
        case 'long':
            return BigInt(Math.trunc(Number(sv)));
        case 'double':
        case 'currency':
        case 'percent':
            return decimalWithScale(f, Number(sv));
        case 'date': {
            const [y, m, d] = String(sv).slice(0, 10).split('-').map(Number);
            return new DateValue(y, m, d);
        }
        case 'datetime':
            return new DatetimeValue(Date.parse(String(sv)));
        case 'time':
            return parseTime(String(sv));
        case 'base64':
            return new BlobValue(new Uint8Array(Buffer.from(String(sv), 'base64')));
        default:
            return String(sv);
    }
}
