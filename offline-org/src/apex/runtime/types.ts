/**
 * Resolved Apex types and the runtime type rules: instanceof, checked casts and assignment conversions
 * (Integer -> Long -> Double/Decimal promotion, String -> Id).
 */
import { Decimal } from './decimal.js';
import type { RtClass } from './classes.js';
import { canonicalNative } from './type-names.js';
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

export type PrimName =
    | 'integer'
    | 'long'
    | 'double'
    | 'decimal'
    | 'string'
    | 'boolean'
    | 'id'
    | 'date'
    | 'datetime'
    | 'time'
    | 'blob'
    | 'object';

export type RtType =
    | { k: 'prim'; p: PrimName }
    | { k: 'list'; el: RtType }
    | { k: 'set'; el: RtType }
    | { k: 'map'; key: RtType; val: RtType }
    | { k: 'class'; cls: RtClass }
    | { k: 'sobject'; name: string | null }
    | { k: 'enum'; name: string }
    | { k: 'native'; name: string }
    | { k: 'void' };

const primCache = new Map<PrimName, RtType>();
export function prim(p: PrimName): RtType {
    let t = primCache.get(p);
    if (!t) {
        t = { k: 'prim', p };
        primCache.set(p, t);
    }
    return t;
}
export const OBJECT = prim('object');

export const PRIM_DISPLAY: Record<PrimName, string> = {
    integer: 'Integer',
    long: 'Long',
    double: 'Double',
    decimal: 'Decimal',
    string: 'String',
    boolean: 'Boolean',
    id: 'Id',
    date: 'Date',
    datetime: 'Datetime',
    time: 'Time',
    blob: 'Blob',
    object: 'Object',
};

export function typeName(t: RtType): string {
    switch (t.k) {
        case 'prim':
            return PRIM_DISPLAY[t.p];
        case 'list':
            return `List<${typeName(t.el)}>`;
        case 'set':
            return `Set<${typeName(t.el)}>`;
        case 'map':
            return `Map<${typeName(t.key)},${typeName(t.val)}>`;
        case 'class':
            return t.cls.name;
        case 'sobject':
            return t.name ?? 'SObject';
        case 'enum':
            return t.name;
        case 'native':
            return t.name;
        case 'void':
            return 'void';
    }
}

/** The runtime type name of a value, as the platform prints it in conversion errors. */
export function valueTypeName(v: Value): string {
    if (v === null) return 'null';
    switch (typeof v) {
        case 'boolean':
            return 'Boolean';
        case 'number':
            return 'Integer';
        case 'bigint':
            return 'Long';
        case 'string':
            return 'String';
    }
    if (v instanceof ApexDouble) return 'Double';
    if (v instanceof Decimal) return 'Decimal';
    if (v instanceof IdValue) return 'Id';
    if (v instanceof DateValue) return 'Date';
    if (v instanceof DatetimeValue) return 'Datetime';
    if (v instanceof TimeValue) return 'Time';
    if (v instanceof BlobValue) return 'Blob';
    if (v instanceof ApexList) return `List<${typeName(v.elType)}>`;
    if (v instanceof ApexSet) return `Set<${typeName(v.elType)}>`;
    if (v instanceof ApexMap) return `Map<${typeName(v.keyType)},${typeName(v.valType)}>`;
    if (v instanceof SObjectValue) return v.objectName;
    if (v instanceof ApexObject) return v.cls.name;
    if (v instanceof EnumValue) return v.enumType;
    if (v instanceof TypeValue) return 'System.Type';
    return v.typeName;
}

export function isSubclass(c: RtClass, target: RtClass): boolean {
    for (let k: RtClass | null = c; k; k = k.superClass) {
        if (k === target) return true;
        for (const i of k.interfaces) if (isSubclass(i, target)) return true;
    }
    return false;
}

function sameType(a: RtType, b: RtType): boolean {
    return typeName(a).toLowerCase() === typeName(b).toLowerCase();
}

/** Collection covariance used by instanceof / casts: a List<Account> is a List<SObject>, anything is a List<Object>. */
function elementCompatible(actual: RtType, wanted: RtType): boolean {
    if (wanted.k === 'prim' && wanted.p === 'object') return true;
    if (sameType(actual, wanted)) return true;
    if (wanted.k === 'sobject' && wanted.name === null && actual.k === 'sobject') return true;
    if (wanted.k === 'class' && actual.k === 'class') return isSubclass(actual.cls, wanted.cls);
    if (wanted.k === 'prim' && wanted.p === 'string' && actual.k === 'prim' && actual.p === 'id') return true;
    // Nested collections are covariant too: a Map<Id, List<Contact>> is a Map<Id, List<SObject>>.
    if ((wanted.k === 'list' && actual.k === 'list') || (wanted.k === 'set' && actual.k === 'set'))
        return elementCompatible(actual.el, wanted.el);
    if (wanted.k === 'map' && actual.k === 'map')
        return elementCompatible(actual.key, wanted.key) && elementCompatible(actual.val, wanted.val);
    return false;
}

/** `Iterable<T>` (System.Iterable): lists and sets are iterables of their elements. */
function isIterableName(name: string): boolean {
    const lower = name.toLowerCase();
    return lower === 'iterable' || lower === 'system.iterable';
}

/**
 * Type.isAssignableFrom: whether a variable of `wanted` can hold a value of `actual` (a subclass or implementation,
 * any sObject for SObject, an Id for String, anything for Object).
 */
export function isAssignableFrom(wanted: RtType, actual: RtType): boolean {
    if (wanted.k === 'native' && actual.k === 'class') {
        const name = wanted.name.toLowerCase();
        for (let c: RtClass | null = actual.cls; c; c = c.superClass) if (c.nativeInterfaces.has(name)) return true;
        return false;
    }
    if ((wanted.k === 'list' && actual.k === 'list') || (wanted.k === 'set' && actual.k === 'set'))
        return elementCompatible(actual.el, wanted.el);
    return elementCompatible(actual, wanted);
}

export function isInstance(v: Value, t: RtType): boolean {
    if (v === null) return false;
    switch (t.k) {
        case 'prim':
            switch (t.p) {
                case 'object':
                    return true;
                case 'integer':
                    return typeof v === 'number';
                case 'long':
                    return typeof v === 'bigint';
                case 'double':
                    return v instanceof ApexDouble;
                case 'decimal':
                    return v instanceof Decimal;
                case 'string':
                    return typeof v === 'string' || v instanceof IdValue;
                case 'boolean':
                    return typeof v === 'boolean';
                case 'id':
                    return v instanceof IdValue;
                case 'date':
                    return v instanceof DateValue;
                case 'datetime':
                    return v instanceof DatetimeValue;
                case 'time':
                    return v instanceof TimeValue;
                case 'blob':
                    return v instanceof BlobValue;
            }
            return false;
        case 'list':
            return v instanceof ApexList && elementCompatible(v.elType, t.el);
        case 'set':
            return v instanceof ApexSet && elementCompatible(v.elType, t.el);
        case 'map':
            return v instanceof ApexMap && elementCompatible(v.keyType, t.key) && elementCompatible(v.valType, t.val);
        case 'class':
            return v instanceof ApexObject && isSubclass(v.cls, t.cls);
        case 'sobject':
            return (
                v instanceof SObjectValue && (t.name === null || v.objectName.toLowerCase() === t.name.toLowerCase())
            );
        case 'enum':
            return v instanceof EnumValue && v.enumType.toLowerCase() === t.name.toLowerCase();
        case 'native':
            if (t.name.toLowerCase() === 'system.type' || t.name.toLowerCase() === 'type')
                return v instanceof TypeValue;
            if (isIterableName(t.name) && (v instanceof ApexList || v instanceof ApexSet)) return true;
            if (v instanceof ApexObject) {
                const wanted = t.name.toLowerCase();
                for (let c: RtClass | null = v.cls; c; c = c.superClass)
                    if (c.nativeInterfaces.has(wanted)) return true;
                return false;
            }
            return (
                v instanceof NativeObject &&
                canonicalNative(v.typeName).toLowerCase() === canonicalNative(t.name).toLowerCase()
            );
        case 'void':
            return false;
    }
}

export type ConvResult = { ok: true; v: Value } | { ok: false };

/**
 * Implicit conversion for assignment / parameter passing / return. Returns ok:false when the value does not fit.
 */
export function convert(t: RtType, v: Value): ConvResult {
    if (v === null) return { ok: true, v };
    if (t.k === 'prim') {
        switch (t.p) {
            case 'object':
                return { ok: true, v };
            case 'integer':
                return typeof v === 'number' ? { ok: true, v } : { ok: false };
            case 'long':
                if (typeof v === 'bigint') return { ok: true, v };
                if (typeof v === 'number') return { ok: true, v: BigInt(v) };
                return { ok: false };
            case 'double':
                if (v instanceof ApexDouble) return { ok: true, v };
                if (typeof v === 'number') return { ok: true, v: new ApexDouble(v) };
                if (typeof v === 'bigint') return { ok: true, v: new ApexDouble(Number(v)) };
                if (v instanceof Decimal) return { ok: true, v: new ApexDouble(v.toNumber()) };
                return { ok: false };
            case 'decimal':
                if (v instanceof Decimal) return { ok: true, v };
                if (typeof v === 'number' || typeof v === 'bigint') return { ok: true, v: Decimal.fromInt(v) };
                if (v instanceof ApexDouble) return { ok: true, v: Decimal.fromDouble(v.v) };
                return { ok: false };
            case 'string':
                if (typeof v === 'string') return { ok: true, v };
                if (v instanceof IdValue) return { ok: true, v: v.v };
                return { ok: false };
            case 'id':
                if (v instanceof IdValue) return { ok: true, v };
                return { ok: false };
            default:
                return isInstance(v, t) ? { ok: true, v } : { ok: false };
        }
    }
    return isInstance(v, t) ? { ok: true, v } : { ok: false };
}

export function isNumericPrim(t: RtType): boolean {
    return t.k === 'prim' && (t.p === 'integer' || t.p === 'long' || t.p === 'double' || t.p === 'decimal');
}
