/**
 * SObject values: creation, field get/put validated against the schema (unknown field -> error, as the platform),
 * assignment conversion by field type, relationship traversal, and the SObject instance methods.
 */
import { textOf } from '../apex/runtime/format.js';
import type { SourcePos } from '../apex/errors.js';
import { compileError } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import type { FieldDescribe, ObjectDescribe } from '../data/schema-types.js';
import { prim } from '../apex/runtime/types.js';
import type { RtType } from '../apex/runtime/types.js';
import { ApexList, ApexMap, ApexObject, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { sobjectTypeToken } from './schema-tokens.js';

/** Rows of aggregate queries: fields are the query's aliases (expr0, expr1, ... by default), read-only. */
export const AGGREGATE = 'AggregateResult';

export function describeOf(rt: ApexHost, name: string, pos: SourcePos): ObjectDescribe {
    const d = rt.schema.getObject(name);
    if (!d) return compileError(`Invalid type: ${name}`, pos);
    return d;
}

export function newSObject(rt: ApexHost, name: string, pos: SourcePos): SObjectValue {
    return new SObjectValue(describeOf(rt, name, pos).name);
}

export function fieldRtType(f: FieldDescribe): RtType {
    switch (f.type) {
        case 'id':
        case 'reference':
            return prim('id');
        case 'boolean':
            return prim('boolean');
        case 'integer':
            return prim('integer');
        case 'long':
            return prim('long');
        case 'double':
        case 'currency':
        case 'percent':
            return prim('decimal');
        case 'date':
            return prim('date');
        case 'datetime':
            return prim('datetime');
        case 'time':
            return prim('time');
        case 'base64':
            return prim('blob');
        case 'address':
        case 'location':
            return prim('object');
        default:
            return prim('string');
    }
}

interface Resolved {
    field: FieldDescribe | null;
    relationship: { name: string; target: string | null } | null;
}

function resolveField(rt: ApexHost, so: SObjectValue, name: string, pos: SourcePos): Resolved {
    const d = describeOf(rt, so.objectName, pos);
    const l = name.toLowerCase();
    const f = d.fields.get(l);
    if (f) return { field: f, relationship: null };
    for (const fd of d.fields.values()) {
        if (fd.relationshipName && fd.relationshipName.toLowerCase() === l)
            return { field: null, relationship: { name: fd.relationshipName, target: fd.referenceTo[0] ?? null } };
    }
    for (const cr of d.childRelationships) {
        if (cr.relationshipName && cr.relationshipName.toLowerCase() === l)
            return { field: null, relationship: { name: cr.relationshipName, target: cr.childSObject } };
    }
    return rt.fail('SObjectException', `Invalid field ${name} for ${so.objectName}`);
}

export function sobjectGet(rt: ApexHost, so: SObjectValue, name: string, pos: SourcePos): Value {
    const l = name.toLowerCase();
    const e = so.fields.get(l);
    if (e) return e.value;
    if (so.objectName === AGGREGATE) return rt.fail('SObjectException', `Invalid field ${name} for AggregateResult`);
    const r = resolveField(rt, so, name, pos);
    if (so.queriedFields && !so.queriedFields.has(l)) {
        const canonical = r.field ? r.field.name : r.relationship!.name;
        return rt.fail(
            'SObjectException',
            `SObject row was retrieved via SOQL without querying the requested field: ${so.objectName}.${canonical}`,
        );
    }
    return null;
}

export function sobjectPut(rt: ApexHost, so: SObjectValue, name: string, v: Value, pos: SourcePos): Value {
    if (so.readOnly) return rt.fail('FinalException', 'Record is read-only');
    if (so.objectName === AGGREGATE) return rt.fail('SObjectException', 'AggregateResult is read-only');
    const r = resolveField(rt, so, name, pos);
    if (r.field) {
        const cv = rt.coerce(fieldRtType(r.field), v, pos);
        so.fields.set(r.field.name.toLowerCase(), { name: r.field.name, value: cv });
        return cv;
    }
    so.fields.set(name.toLowerCase(), { name: r.relationship!.name, value: v });
    return v;
}

export function registerSObject(reg: Registry): void {
    reg.instanceMethods('sobject', {
        get: (rt, s, a, pos) => {
            const path = textOf(a[0]);
            let cur: Value = s;
            for (const part of path.split('.')) {
                if (!(cur instanceof SObjectValue)) return cur === null ? null : rt.npe();
                cur = sobjectGet(rt, cur, part, pos);
            }
            return cur;
        },
        put: (rt, s, a, pos) => {
            const so = s as SObjectValue;
            const old = sobjectGet(rt, so, textOf(a[0]), pos);
            sobjectPut(rt, so, textOf(a[0]), a[1], pos);
            return old;
        },
        getsobject: (rt, s, a, pos) => sobjectGet(rt, s as SObjectValue, textOf(a[0]), pos),
        putsobject: (rt, s, a, pos) => sobjectPut(rt, s as SObjectValue, textOf(a[0]), a[1], pos),
        getsobjects: (rt, s, a, pos) => sobjectGet(rt, s as SObjectValue, textOf(a[0]), pos),
        getpopulatedfieldsasmap: (_rt, s) => {
            const m = new ApexMap(prim('string'), prim('object'));
            for (const f of (s as SObjectValue).fields.values()) m.entries.set('s' + f.name, [f.name, f.value]);
            return m;
        },
        isset: (_rt, s, a) => (s as SObjectValue).fields.has(textOf(a[0]).toLowerCase()),
        clone: (rt, s, a) =>
            cloneSObject(rt, s as SObjectValue, {
                preserveId: a[0] === true,
                deep: a[1] === true,
                preserveTimestamps: a[2] === true,
                preserveAutonumber: a[3] === true,
            }),
        getsobjecttype: (rt, s, _a, pos) => {
            return sobjectTypeToken(rt, (s as SObjectValue).objectName, pos);
        },
        adderror: (rt, s, a, pos) => {
            const so = s as SObjectValue;
            if (a.length >= 2 && typeof a[1] === 'boolean') so.errors.push({ field: null, message: rt.stringOf(a[0]) });
            else if (a.length >= 2) {
                const f = a[0];
                const field =
                    typeof f === 'string'
                        ? f
                        : f instanceof NativeObject
                          ? textOf(rt.callMethod(f, 'tostring', [], pos))
                          : null;
                so.errors.push({ field, message: rt.stringOf(a[1]) });
            } else
                so.errors.push({
                    field: null,
                    message: a[0] instanceof ApexObject && a[0].exc ? rt.stringOf(a[0].exc.message) : rt.stringOf(a[0]),
                });
            return null;
        },
        haserrors: (_rt, s) => (s as SObjectValue).errors.length > 0,
        geterrors: (_rt, s) =>
            new ApexList(
                { k: 'native', name: 'Database.Error' },
                (s as SObjectValue).errors.map(
                    (e) =>
                        new NativeObject('Database.Error', {
                            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                            message: e.message,
                            fields: e.field ? [e.field] : [],
                        }),
                ),
            ),
        id: (_rt, s) => (s as SObjectValue).fields.get('id')?.value ?? null,
    });
}

/** The audit fields `clone` clears unless asked to keep read-only timestamps. */
const READONLY_TIMESTAMPS = new Set(['createdbyid', 'createddate', 'lastmodifiedbyid', 'lastmodifieddate']);
/** System fields a copy never carries: they describe the stored record, not the values to save. */
const NEVER_CLONED = new Set(['isdeleted', 'systemmodstamp']);

interface CloneOptions {
    preserveId: boolean;
    deep: boolean;
    preserveTimestamps: boolean;
    preserveAutonumber: boolean;
}

/**
 * SObject.clone(preserveId, isDeepClone, preserveReadonlyTimestamps, preserveAutonumber): the Id, the audit
 * timestamps and auto-number values are cleared unless asked for; a deep clone copies related records too.
 */
function cloneSObject(rt: ApexHost, src: SObjectValue, options: CloneOptions): SObjectValue {
    const object = rt.schema.getObject(src.objectName);
    const c = new SObjectValue(src.objectName);
    for (const [k, f] of src.fields) {
        if (k === 'id' && !options.preserveId) continue;
        if (NEVER_CLONED.has(k)) continue;
        if (READONLY_TIMESTAMPS.has(k) && !options.preserveTimestamps) continue;
        if (!options.preserveAutonumber && object?.fields.get(k)?.autoNumber === true) continue;
        let value = f.value;
        if (options.deep && value instanceof SObjectValue) value = cloneSObject(rt, value, options);
        c.fields.set(k, { name: f.name, value });
    }
    return c;
}
