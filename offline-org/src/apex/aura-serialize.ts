/**
 * The value an `@AuraEnabled` method returns, as Lightning hands it to a component (our reading of the platform,
 * not JSON.serialize): an Apex object carries only its `@AuraEnabled` fields and properties; sObjects carry their
 * fields without `attributes`, parents nested, child relationships as plain arrays (absent when empty); null values are left out of
 * objects and sObjects (kept in lists and as map values); Sets are arrays, Maps objects keyed by the key's text;
 * Decimal and Long are numbers; Date `YYYY-MM-DD`, Datetime ISO-8601 UTC with milliseconds, Time `HH:mm:ss.SSSZ`;
 * an enum its name. A value Lightning cannot serialize here (a platform object) is refused loudly.
 */
import type { Runtime } from './interpreter/runtime.js';
import { NotSupportedError } from '../data/errors.js';
import { Decimal } from './runtime/decimal.js';
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
} from './runtime/values.js';
import type { Value } from './runtime/values.js';
import { formatDate, formatTime } from './runtime/format.js';

export type LightningJson = null | boolean | number | string | LightningJson[] | { [key: string]: LightningJson };

const POS = { file: '<aura>', line: 0 };

/** A number as JSON reads it (Decimal text keeps its digits up to double precision). */
function numberOf(text: string): number {
    return Number(text);
}

export function toLightningValue(rt: Runtime, v: Value, seen: Set<object> = new Set()): LightningJson {
    if (v === null) return null;
    switch (typeof v) {
        case 'string':
        case 'boolean':
            return v;
        case 'number':
            return v;
        case 'bigint':
            return Number(v);
    }
    if (v instanceof Decimal) return numberOf(v.toPlainString());
    if (v instanceof ApexDouble) return v.v;
    if (v instanceof IdValue) return v.v;
    if (v instanceof DateValue) return formatDate(v);
    if (v instanceof DatetimeValue) return new Date(v.ms).toISOString();
    if (v instanceof TimeValue) return formatTime(v);
    if (v instanceof BlobValue) return Buffer.from(v.bytes).toString('base64');
    if (v instanceof EnumValue) return v.name;
    if (v instanceof TypeValue) return rt.stringOf(v);
    if (seen.has(v)) throw new NotSupportedError('serializing a cyclic object graph to Lightning', POS.file + ':1');
    seen.add(v);
    try {
        if (v instanceof ApexList) return v.items.map((x) => toLightningValue(rt, x, seen));
        if (v instanceof ApexSet) return [...v.entries.values()].map((x) => toLightningValue(rt, x, seen));
        if (v instanceof ApexMap) {
            const out: Record<string, LightningJson> = {};
            for (const [key, x] of v.entries.values()) out[rt.stringOf(key)] = toLightningValue(rt, x, seen);
            return out;
        }
        if (v instanceof SObjectValue) {
            const out: Record<string, LightningJson> = {};
            for (const f of v.fields.values()) {
                // An empty child relationship is absent, as a null field is.
                if (f.value === null || (f.value instanceof ApexList && f.value.items.length === 0)) continue;
                out[f.name] = toLightningValue(rt, f.value, seen);
            }
            return out;
        }
        if (v instanceof ApexObject) {
            if (v.exc) return { message: rt.stringOf(v.exc.message) };
            const out: Record<string, LightningJson> = {};
            for (const f of v.cls.instanceFields.values()) {
                if (!f.auraEnabled) continue;
                const x = f.prop ? rt.getField(f, v, POS) : (v.fields[f.slot] ?? null);
                if (x === null) continue;
                out[f.name] = toLightningValue(rt, x, seen);
            }
            return out;
        }
    } finally {
        seen.delete(v);
    }
    if (v instanceof NativeObject) {
        throw new NotSupportedError(`returning a ${v.typeName} to Lightning`, POS.file + ':1');
    }
    throw new NotSupportedError('returning this value to Lightning', POS.file + ':1');
}
