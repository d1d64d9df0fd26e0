/**
 * The platform's equality rules: `==` (strings ignore case; collections and sObjects compare by content; user objects
 * use their equals() when defined), `===` (reference identity for objects, value for primitives), and the keys that
 * Set and Map use (strings are case-SENSITIVE there, Ids compare across 15/18 characters).
 */
import { Decimal } from './decimal.js';
import {
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    BlobValue,
    DateValue,
    DatetimeValue,
    EnumValue,
    IdValue,
    NativeObject,
    SObjectValue,
    TimeValue,
    TypeValue,
} from './values.js';
import type { Value } from './values.js';
import { typeName } from './types.js';
import { to18 } from './id-format.js';

/** Calls into user code for classes that define equals/hashCode. Installed by the interpreter. */
export interface UserEquality {
    equals(a: ApexObject, b: Value): boolean | null;
    hashCode(a: ApexObject): number | null;
    /** Built-in objects with value semantics (sObject type tokens, ...): equality and a stable key, or null. */
    nativeEquals(a: NativeObject, b: Value): boolean | null;
    nativeKey(a: NativeObject): string | null;
}

let user: UserEquality = { equals: () => null, hashCode: () => null, nativeEquals: () => null, nativeKey: () => null };
export function installUserEquality(u: UserEquality): void {
    user = u;
}

function numeric(v: Value): number | bigint | Decimal | null {
    if (typeof v === 'number' || typeof v === 'bigint') return v;
    if (v instanceof ApexDouble) return v.v;
    if (v instanceof Decimal) return v;
    return null;
}

/** Compares two numeric values; null when either is not numeric. */
export function compareNumbers(a: Value, b: Value): number | null {
    const x = numeric(a);
    const y = numeric(b);
    if (x === null || y === null) return null;
    if (typeof x === 'number' && typeof y === 'number') return x === y ? 0 : x < y ? -1 : 1;
    if (x instanceof Decimal || y instanceof Decimal) {
        const dx = x instanceof Decimal ? x : typeof x === 'bigint' ? Decimal.fromInt(x) : Decimal.fromDouble(x);
        const dy = y instanceof Decimal ? y : typeof y === 'bigint' ? Decimal.fromInt(y) : Decimal.fromDouble(y);
        return dx.compare(dy);
    }
    if (typeof x === 'bigint' && typeof y === 'bigint') return x === y ? 0 : x < y ? -1 : 1;
    const nx = Number(x);
    const ny = Number(y);
    return nx === ny ? 0 : nx < ny ? -1 : 1;
}

export function idEquals(a: string, b: string): boolean {
    if (a.length === b.length) return a === b;
    return a.slice(0, 15) === b.slice(0, 15);
}

/** `==` */
export function apexEquals(a: Value, b: Value): boolean {
    if (a === b) return true;
    if (a === null || b === null) return false;
    if (typeof a === 'string' || a instanceof IdValue) {
        if (a instanceof IdValue && b instanceof IdValue) return idEquals(a.v, b.v);
        const sa = typeof a === 'string' ? a : a.v;
        const sb = typeof b === 'string' ? b : b instanceof IdValue ? b.v : null;
        if (sb === null) return false;
        if (a instanceof IdValue || b instanceof IdValue) return idEquals(sa, sb);
        return sa.length === sb.length && sa.toLowerCase() === sb.toLowerCase();
    }
    const c = compareNumbers(a, b);
    if (c !== null) return c === 0;
    if (typeof a === 'boolean') return false;
    if (a instanceof DateValue && b instanceof DateValue) return a.y === b.y && a.m === b.m && a.d === b.d;
    if (a instanceof DatetimeValue && b instanceof DatetimeValue) return a.ms === b.ms;
    if (a instanceof TimeValue && b instanceof TimeValue) return a.ms === b.ms;
    if (a instanceof BlobValue && b instanceof BlobValue) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
    if (a instanceof EnumValue && b instanceof EnumValue) return a.enumType === b.enumType && a.name === b.name;
    if (a instanceof TypeValue && b instanceof TypeValue)
        return typeName(a.type).toLowerCase() === typeName(b.type).toLowerCase();
    if (a instanceof ApexList && b instanceof ApexList) {
        return a.items.length === b.items.length && a.items.every((x, i) => apexEquals(x, b.items[i]));
    }
    if (a instanceof ApexSet && b instanceof ApexSet) {
        if (a.entries.size !== b.entries.size) return false;
        for (const k of a.entries.keys()) if (!b.entries.has(k)) return false;
        return true;
    }
    if (a instanceof ApexMap && b instanceof ApexMap) {
        if (a.entries.size !== b.entries.size) return false;
        for (const [k, [, v]] of a.entries) {
            const o = b.entries.get(k);
            if (!o || !apexEquals(v, o[1])) return false;
        }
        return true;
    }
    if (a instanceof SObjectValue && b instanceof SObjectValue) {
        if (a.objectName.toLowerCase() !== b.objectName.toLowerCase() || a.fields.size !== b.fields.size) return false;
        for (const [k, f] of a.fields) {
            const o = b.fields.get(k);
            if (!o || !apexEquals(f.value, o.value)) return false;
        }
        return true;
    }
    if (a instanceof ApexObject) {
        const r = user.equals(a, b);
        return r === null ? false : r;
    }
    if (a instanceof NativeObject) return user.nativeEquals(a, b) ?? false;
    return false;
}

/** `===`: identity for objects and collections, value for primitives. */
export function apexIdentical(a: Value, b: Value): boolean {
    if (a === b) return true;
    if (a === null || b === null) return false;
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    if (
        a instanceof ApexList ||
        a instanceof ApexSet ||
        a instanceof ApexMap ||
        a instanceof SObjectValue ||
        a instanceof ApexObject ||
        a instanceof NativeObject
    )
        return false;
    if (a instanceof IdValue && b instanceof IdValue) return a.v === b.v;
    return apexEquals(a, b);
}

/** The key a value has in a Set or Map. */
export function keyOf(v: Value): string {
    if (v === null) return 'null';
    switch (typeof v) {
        case 'string':
            return 's' + v;
        case 'number':
            return 'n' + v;
        case 'bigint':
            return 'n' + v.toString();
        case 'boolean':
            return v ? 'T' : 'F';
    }
    if (v instanceof IdValue) return 's' + (v.v.length === 15 ? to18(v.v) : v.v);
    if (v instanceof ApexDouble) return 'n' + v.v;
    if (v instanceof Decimal) return 'd' + v.unscaled + 'e' + v.scale;
    if (v instanceof DateValue) return 'D' + v.y + '-' + v.m + '-' + v.d;
    if (v instanceof DatetimeValue) return 'T' + v.ms;
    if (v instanceof TimeValue) return 't' + v.ms;
    if (v instanceof EnumValue) return 'E' + v.enumType + '.' + v.name;
    if (v instanceof TypeValue) return 'Y' + typeName(v.type).toLowerCase();
    if (v instanceof BlobValue) return 'B' + Buffer.from(v.bytes).toString('base64');
    if (v instanceof ApexList) return 'L(' + v.items.map(keyOf).join(',') + ')';
    if (v instanceof ApexSet) return 'S{' + [...v.entries.keys()].join(',') + '}';
    if (v instanceof ApexMap)
        return 'M{' + [...v.entries.entries()].map(([k, [, x]]) => k + '=' + keyOf(x)).join(',') + '}';
    if (v instanceof SObjectValue) {
        return (
            'O' +
            v.objectName.toLowerCase() +
            '{' +
            [...v.fields.entries()].map(([k, f]) => k + '=' + keyOf(f.value)).join(',') +
            '}'
        );
    }
    if (v instanceof ApexObject) {
        const h = user.hashCode(v);
        return h === null ? '#' + v.identity : 'h' + h;
    }
    return user.nativeKey(v) ?? '#' + v.identity;
}
