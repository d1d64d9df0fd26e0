/**
 * A deep copy of an Apex object graph, as the platform serialises a job when it is enqueued: later changes by the
 * caller do not reach the job, and a non-Stateful batch gets a fresh copy of its instance for every step. Shared
 * references inside the graph stay shared; immutable values (numbers, strings, Ids, dates, enums, types) are reused.
 * Built-in platform objects (NativeObject) are shared, not copied: their state is the runtime's own.
 */
import { ApexList, ApexMap, ApexObject, ApexSet, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';

export function copyValue(v: Value, seen = new Map<object, Value>()): Value {
    if (v === null || typeof v !== 'object') return v;
    const known = seen.get(v);
    if (known !== undefined) return known;
    if (v instanceof ApexObject) {
        const o = new ApexObject(v.cls, new Array<Value>(v.fields.length).fill(null));
        seen.set(v, o);
        v.fields.forEach((f, i) => (o.fields[i] = copyValue(f, seen)));
        o.exc = v.exc ? { ...v.exc } : null;
        o.stub = v.stub;
        return o;
    }
    if (v instanceof SObjectValue) {
        const s = new SObjectValue(v.objectName);
        seen.set(v, s);
        for (const [k, f] of v.fields) s.fields.set(k, { name: f.name, value: copyValue(f.value, seen) });
        s.queriedFields = v.queriedFields ? new Set(v.queriedFields) : null;
        return s;
    }
    if (v instanceof ApexList) {
        const l = new ApexList(v.elType, []);
        seen.set(v, l);
        l.items = v.items.map((x) => copyValue(x, seen));
        return l;
    }
    if (v instanceof ApexSet) {
        const s = new ApexSet(v.elType);
        seen.set(v, s);
        for (const [k, x] of v.entries) s.entries.set(k, copyValue(x, seen));
        return s;
    }
    if (v instanceof ApexMap) {
        const m = new ApexMap(v.keyType, v.valType);
        seen.set(v, m);
        m.caseInsensitiveKeys = v.caseInsensitiveKeys;
        for (const [k, [key, x]] of v.entries) m.entries.set(k, [copyValue(key, seen), copyValue(x, seen)]);
        return m;
    }
    return v;
}
