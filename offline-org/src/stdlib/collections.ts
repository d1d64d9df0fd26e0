/**
 * List, Set and Map: constructors, element conversion, and their instance methods.
 */
import { textOf } from '../apex/runtime/format.js';
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import { apexEquals, keyOf } from '../apex/runtime/equality.js';
import type { RtType } from '../apex/runtime/types.js';
import { typeName } from '../apex/runtime/types.js';
import { ApexList, ApexMap, ApexSet, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { sobjectTypeToken } from './schema-tokens.js';
import { compare } from '../apex/runtime/operators.js';

export function listAdd(rt: ApexHost, l: ApexList, v: Value, pos: SourcePos): void {
    l.items.push(rt.coerce(l.elType, v, pos));
}

export function setAdd(rt: ApexHost, s: ApexSet, v: Value, pos: SourcePos): boolean {
    const cv = rt.coerce(s.elType, v, pos);
    const k = keyOf(cv);
    if (s.entries.has(k)) return false;
    s.entries.set(k, cv);
    return true;
}

export function mapPut(rt: ApexHost, m: ApexMap, k: Value, v: Value, pos: SourcePos): Value {
    const ck = rt.coerce(m.keyType, k, pos);
    const key = keyOf(ck);
    const old = m.entries.get(key);
    m.entries.set(key, [old ? old[0] : ck, rt.coerce(m.valType, v, pos)]);
    return old ? old[1] : null;
}

function itemsOf(v: Value): Value[] | null {
    if (v instanceof ApexList) return v.items;
    if (v instanceof ApexSet) return [...v.entries.values()];
    return null;
}

export function newCollectionFrom(rt: ApexHost, t: RtType, args: Value[], pos: SourcePos): Value {
    const [src] = args;
    if (t.k === 'list') {
        const l = new ApexList(t.el, []);
        if (args.length === 0) return l;
        if (typeof src === 'number') return l;
        const items = itemsOf(src ?? null);
        if (!items)
            return src === null ? rt.npe() : rt.fail('TypeException', `Invalid initial value for ${typeName(t)}`);
        for (const i of items) listAdd(rt, l, i, pos);
        return l;
    }
    if (t.k === 'set') {
        const s = new ApexSet(t.el);
        if (args.length === 0) return s;
        const items = itemsOf(src ?? null);
        if (!items) return rt.npe();
        for (const i of items) setAdd(rt, s, i, pos);
        return s;
    }
    if (t.k === 'map') {
        const m = new ApexMap(t.key, t.val);
        if (args.length === 0) return m;
        if (src instanceof ApexMap) {
            for (const [k, v] of src.entries.values()) mapPut(rt, m, k, v, pos);
            return m;
        }
        const items = itemsOf(src ?? null);
        if (!items) return rt.npe();
        for (const so of items) {
            if (!(so instanceof SObjectValue)) return rt.fail('TypeException', 'Map from list requires sObjects');
            const id = so.fields.get('id');
            if (!id || id.value === null)
                return rt.fail('ListException', 'Row with null Id at index: ' + items.indexOf(so));
            mapPut(rt, m, id.value, so, pos);
        }
        return m;
    }
    return rt.fail('TypeException', 'not a collection');
}

function idx(rt: ApexHost, l: ApexList, i: Value, allowEnd = false): number {
    if (typeof i !== 'number') return rt.npe();
    if (i < 0 || i > l.items.length || (!allowEnd && i === l.items.length))
        return rt.fail('ListException', `List index out of bounds: ${i}`);
    return i;
}

export function sortValues(rt: ApexHost, items: Value[], pos: SourcePos): void {
    items.sort((a, b) => {
        if (a === null) return b === null ? 0 : -1;
        if (b === null) return 1;
        if (a !== null && typeof a === 'object' && 'cls' in a) return rt.callMethod(a, 'compareto', [b], pos) as number;
        if (a instanceof SObjectValue && b instanceof SObjectValue) return compareSObjects(rt, a, b, pos);
        // List.sort orders strings by code unit (String.compareTo), unlike the case-insensitive < operator.
        if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
        return compare(a, b, rt.fail);
    });
}

export function registerCollections(reg: Registry): void {
    reg.instanceMethods('list', {
        add: (rt, s, a, pos) => {
            const l = s as ApexList;
            if (a.length === 2) l.items.splice(idx(rt, l, a[0], true), 0, rt.coerce(l.elType, a[1], pos));
            else listAdd(rt, l, a[0], pos);
            return null;
        },
        addall: (rt, s, a, pos) => {
            const items = itemsOf(a[0]);
            if (!items) return rt.npe();
            for (const i of items) listAdd(rt, s as ApexList, i, pos);
            return null;
        },
        get: (rt, s, a) => (s as ApexList).items[idx(rt, s as ApexList, a[0])]!,
        set: (rt, s, a, pos) => {
            const l = s as ApexList;
            l.items[idx(rt, l, a[0])] = rt.coerce(l.elType, a[1], pos);
            return null;
        },
        remove: (rt, s, a) => {
            const l = s as ApexList;
            return l.items.splice(idx(rt, l, a[0]), 1)[0]!;
        },
        size: (_rt, s) => (s as ApexList).items.length,
        isempty: (_rt, s) => (s as ApexList).items.length === 0,
        clear: (_rt, s) => {
            (s as ApexList).items.length = 0;
            return null;
        },
        // contains / indexOf use equals(), not ==: Strings compare with case, Decimals with scale (as Set and Map do).
        contains: (_rt, s, a) => {
            const k = keyOf(a[0]);
            return (s as ApexList).items.some((x) => keyOf(x) === k);
        },
        indexof: (_rt, s, a) => {
            const k = keyOf(a[0]);
            return (s as ApexList).items.findIndex((x) => keyOf(x) === k);
        },
        clone: (_rt, s) => new ApexList((s as ApexList).elType, (s as ApexList).items.slice()),
        deepclone: (rt, s, _a, pos) =>
            new ApexList(
                (s as ApexList).elType,
                (s as ApexList).items.map((x) => (x instanceof SObjectValue ? rt.callMethod(x, 'clone', [], pos) : x)),
            ),
        sort: (rt, s, a, pos) => {
            const cmp = a[0];
            if (cmp === undefined || cmp === null) sortValues(rt, (s as ApexList).items, pos);
            else (s as ApexList).items.sort((x, y) => rt.callMethod(cmp, 'compare', [x, y], pos) as number);
            return null;
        },
        equals: (_rt, s, a) => apexEquals(s, a[0]),
        hashcode: (_rt, s) => hashString(keyOf(s)),
        tostring: (rt, s) => rt.stringOf(s),
        getsobjecttype: (rt, s, _a, pos) => {
            const t = (s as ApexList).elType;
            return t.k === 'sobject' && t.name ? sobjectTypeToken(rt, t.name, pos) : null;
        },
        iterator: (_rt, s) =>
            new NativeObject('System.Iterator', {
                items: (s as ApexList).items.slice(),
                at: 0,
            } satisfies IteratorState),
    });
    reg.instanceMethods('system.iterator', {
        hasnext: (_rt, s) => iter(s).at < iter(s).items.length,
        next: (rt, s) => {
            const it = iter(s);
            if (it.at >= it.items.length) return rt.fail('NoSuchElementException', 'Iterator has no more elements.');
            return it.items[it.at++]!;
        },
    });
    reg.instanceMethods('set', {
        add: (rt, s, a, pos) => setAdd(rt, s as ApexSet, a[0], pos),
        addall: (rt, s, a, pos) => {
            const items = itemsOf(a[0]);
            if (!items) return rt.npe();
            let changed = false;
            for (const i of items) changed = setAdd(rt, s as ApexSet, i, pos) || changed;
            return changed;
        },
        contains: (_rt, s, a) => (s as ApexSet).entries.has(keyOf(a[0])),
        containsall: (_rt, s, a) => (itemsOf(a[0]) ?? []).every((x) => (s as ApexSet).entries.has(keyOf(x))),
        remove: (_rt, s, a) => (s as ApexSet).entries.delete(keyOf(a[0])),
        removeall: (_rt, s, a) => {
            let c = false;
            for (const x of itemsOf(a[0]) ?? []) c = (s as ApexSet).entries.delete(keyOf(x)) || c;
            return c;
        },
        retainall: (_rt, s, a) => {
            const keep = new Set((itemsOf(a[0]) ?? []).map(keyOf));
            let c = false;
            for (const k of [...(s as ApexSet).entries.keys()])
                if (!keep.has(k)) {
                    (s as ApexSet).entries.delete(k);
                    c = true;
                }
            return c;
        },
        size: (_rt, s) => (s as ApexSet).entries.size,
        isempty: (_rt, s) => (s as ApexSet).entries.size === 0,
        clear: (_rt, s) => {
            (s as ApexSet).entries.clear();
            return null;
        },
        clone: (_rt, s) => {
            const n = new ApexSet((s as ApexSet).elType);
            for (const [k, v] of (s as ApexSet).entries) n.entries.set(k, v);
            return n;
        },
        equals: (_rt, s, a) => apexEquals(s, a[0]),
        hashcode: (_rt, s) => hashString(keyOf(s)),
        tostring: (rt, s) => rt.stringOf(s),
        iterator: (_rt, s) =>
            new NativeObject('System.Iterator', {
                items: [...(s as ApexSet).entries.values()],
                at: 0,
            } satisfies IteratorState),
    });
    reg.instanceMethods('map', {
        put: (rt, s, a, pos) => mapPut(rt, s as ApexMap, a[0], a[1], pos),
        putall: (rt, s, a, pos) => {
            const src = a[0]!;
            if (src instanceof ApexMap) for (const [k, v] of src.entries.values()) mapPut(rt, s as ApexMap, k, v, pos);
            else
                for (const so of itemsOf(src) ?? [])
                    if (so instanceof SObjectValue)
                        mapPut(rt, s as ApexMap, so.fields.get('id')?.value ?? null, so, pos);
            return null;
        },
        get: (_rt, s, a) => (s as ApexMap).entries.get(lookupKey(s as ApexMap, a[0]))?.[1] ?? null,
        containskey: (_rt, s, a) => (s as ApexMap).entries.has(lookupKey(s as ApexMap, a[0])),
        remove: (_rt, s, a) => {
            const m = s as ApexMap;
            const k = lookupKey(m, a[0]);
            const old = m.entries.get(k);
            m.entries.delete(k);
            return old ? old[1] : null;
        },
        keyset: (_rt, s) => {
            const m = s as ApexMap;
            const set = new ApexSet(m.keyType);
            for (const [k, [kv]] of m.entries) set.entries.set(k, kv);
            return set;
        },
        values: (_rt, s) => {
            const m = s as ApexMap;
            return new ApexList(
                m.valType,
                [...m.entries.values()].map(([, v]) => v),
            );
        },
        size: (_rt, s) => (s as ApexMap).entries.size,
        isempty: (_rt, s) => (s as ApexMap).entries.size === 0,
        clear: (_rt, s) => {
            (s as ApexMap).entries.clear();
            return null;
        },
        clone: (_rt, s) => {
            const m = s as ApexMap;
            const n = new ApexMap(m.keyType, m.valType);
            for (const [k, e] of m.entries) n.entries.set(k, [e[0], e[1]]);
            return n;
        },
        equals: (_rt, s, a) => apexEquals(s, a[0]),
        hashcode: (_rt, s) => hashString(keyOf(s)),
        tostring: (rt, s) => rt.stringOf(s),
    });
}

interface IteratorState {
    items: Value[];
    at: number;
}

function iter(v: Value): IteratorState {
    return (v as NativeObject).state as IteratorState;
}

/** The entry key for a lookup; describe maps ignore the case of String keys. */
function lookupKey(m: ApexMap, k: Value): string {
    return keyOf(m.caseInsensitiveKeys && typeof k === 'string' ? k.toLowerCase() : k);
}

export function hashString(s: string): number {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
    return h;
}

/**
 * Default sObject order of List.sort (documented): by the object's label, then by the Name field. Ordering by the
 * remaining fields is not implemented: such a tie between records that differ raises the loud error.
 */
function compareSObjects(rt: ApexHost, a: SObjectValue, b: SObjectValue, pos: SourcePos): number {
    const la = rt.schema.getObject(a.objectName)?.label ?? a.objectName;
    const lb = rt.schema.getObject(b.objectName)?.label ?? b.objectName;
    if (la !== lb) return la < lb ? -1 : 1;
    const na = a.fields.get('name')?.value ?? null;
    const nb = b.fields.get('name')?.value ?? null;
    if (na !== nb) {
        if (na === null) return -1;
        if (nb === null) return 1;
        const x = textOf(na);
        const y = textOf(nb);
        if (x !== y) return x < y ? -1 : 1;
    }
    if (apexEquals(a, b)) return 0;
    return rt.unsupported('List.sort of sObjects that tie on the Name field (ordering by the other fields)', pos);
}
