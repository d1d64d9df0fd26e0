/**
 * Custom settings: hierarchy (`getOrgDefaults()`, `getInstance()`, `getInstance(userOrProfileId)`,
 * `getValues(userOrProfileId)`) and list (`getAll()`, `getInstance(name)`, `getValues(name)`). The rows live in the
 * data layer, so they are read through the platform's query in system mode; as on the platform (the application
 * cache), these reads do not count against the SOQL limits. Every call returns a fresh record, so changing it does
 * not change what the next call returns.
 *
 * Documented behaviour followed (Apex Reference, "Hierarchy Custom Setting Methods"): `getInstance` merges field by
 * field from the lowest level that defines a value (user, then the user's profile, then the org); when nothing is
 * defined at the asked level it returns a new record with a null Id, the merged fields and `SetupOwnerId` set to the
 * asked user or profile. `getOrgDefaults` returns an empty record when the org level is not defined; `getValues`
 * returns only the asked level's record, or null. Our reading: field default values are not applied to those empty
 * records ("empty fields", as the docs say).
 */
import { textOf } from '../apex/runtime/format.js';
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import { keyOf } from '../apex/runtime/equality.js';
import { prim } from '../apex/runtime/types.js';
import { ApexMap, IdValue, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { ObjectDescribe } from '../data/schema-types.js';
import { describeOf } from './sobject.js';

/** Runs a query through the platform without counting it, as the platform's cached reads are not counted. */
function uncounted(rt: ApexHost, soql: string, binds: Value[], pos: SourcePos): SObjectValue[] {
    const used = { ...rt.tx.limits.used };
    try {
        const rows = rt.platform.query(soql, binds, { limits: rt.tx.limits, pos });
        return Array.isArray(rows) ? rows : [];
    } finally {
        rt.tx.limits.used.queries = used.queries;
        rt.tx.limits.used.queryRows = used.queryRows;
    }
}

function readAll(rt: ApexHost, d: ObjectDescribe, pos: SourcePos): SObjectValue[] {
    const fields = [...d.fields.values()].map((f) => f.name).join(', ');
    return uncounted(rt, `SELECT ${fields} FROM ${d.name} ORDER BY Name`, [], pos);
}

function idOf(v: Value | undefined): string | null {
    return v instanceof IdValue ? v.v.slice(0, 15) : null;
}

function copy(d: ObjectDescribe, r: SObjectValue): SObjectValue {
    const out = new SObjectValue(d.name);
    for (const [k, entry] of r.fields) out.fields.set(k, { name: entry.name, value: entry.value });
    return out;
}

function nameOf(r: SObjectValue): string {
    const v = r.fields.get('name')?.value;
    return typeof v === 'string' ? v : '';
}

function ownerOf(r: SObjectValue): string | null {
    return idOf(r.fields.get('setupownerid')?.value);
}

function argId(rt: ApexHost, v: Value | undefined): IdValue {
    if (v === null || v === undefined) return rt.npe();
    return v instanceof IdValue ? v : rt.toId(textOf(v));
}

/** The levels above and including `ownerId`, lowest first: user, the user's profile, the org. */
function levels(rt: ApexHost, ownerId: IdValue, pos: SourcePos): string[] {
    const org = rt.platform.organizationId?.() ?? null;
    const chain: string[] = [ownerId.v.slice(0, 15)];
    if (ownerId.v.startsWith('005')) {
        const user = uncounted(rt, 'SELECT ProfileId FROM User WHERE Id = :bind0', [ownerId], pos)[0];
        const profile = user ? idOf(user.fields.get('profileid')?.value) : null;
        if (profile) chain.push(profile);
    }
    if (org && !chain.includes(org.slice(0, 15))) chain.push(org.slice(0, 15));
    return chain;
}

function hierarchyInstance(rt: ApexHost, d: ObjectDescribe, ownerId: IdValue, pos: SourcePos): SObjectValue {
    const rows = readAll(rt, d, pos);
    const chain = levels(rt, ownerId, pos);
    const found = chain.map((owner) => rows.find((r) => ownerOf(r) === owner));
    const own = found[0];
    const result = own ? copy(d, own) : new SObjectValue(d.name);
    if (!own) {
        result.fields.set('id', { name: 'Id', value: null });
        result.fields.set('setupownerid', { name: 'SetupOwnerId', value: ownerId });
    }
    for (const higher of found.slice(1)) {
        if (!higher) continue;
        for (const f of d.fields.values()) {
            if (!f.custom) continue;
            const key = f.name.toLowerCase();
            const current = result.fields.get(key)?.value ?? null;
            const above = higher.fields.get(key)?.value ?? null;
            if (current === null && above !== null) result.fields.set(key, { name: f.name, value: above });
        }
    }
    return result;
}

function hierarchyMethod(rt: ApexHost, d: ObjectDescribe, method: string, args: Value[], pos: SourcePos): Value {
    switch (method) {
        case 'getorgdefaults': {
            const org = rt.platform.organizationId?.() ?? null;
            const row = org ? readAll(rt, d, pos).find((r) => ownerOf(r) === org.slice(0, 15)) : undefined;
            return row ? copy(d, row) : new SObjectValue(d.name);
        }
        case 'getinstance': {
            const owner =
                args.length === 0 ? rt.toId(rt.platform.runningUserId?.() ?? '005000000000001AAA') : argId(rt, args[0]);
            return hierarchyInstance(rt, d, owner, pos);
        }
        case 'getvalues': {
            const owner = argId(rt, args[0]).v.slice(0, 15);
            const row = readAll(rt, d, pos).find((r) => ownerOf(r) === owner);
            return row ? copy(d, row) : null;
        }
        default:
            return rt.unsupported(`${d.name}.${method} (hierarchy custom setting)`, pos);
    }
}

function listMethod(rt: ApexHost, d: ObjectDescribe, method: string, args: Value[], pos: SourcePos): Value {
    switch (method) {
        case 'getall': {
            const m = new ApexMap(prim('string'), { k: 'sobject', name: d.name });
            for (const r of readAll(rt, d, pos)) m.entries.set(keyOf(nameOf(r)), [nameOf(r), copy(d, r)]);
            return m;
        }
        case 'getinstance':
        case 'getvalues': {
            const key = args[0] ?? null;
            if (key === null) return rt.npe();
            const row = readAll(rt, d, pos).find((r) => nameOf(r) === textOf(key));
            return row ? copy(d, row) : null;
        }
        default:
            return rt.unsupported(`${d.name}.${method} (list custom setting)`, pos);
    }
}

/** `X__c.method(...)` on a custom setting; anything else on a custom object is not supported. */
export function customSettingMethod(
    rt: ApexHost,
    objectName: string,
    method: string,
    args: Value[],
    pos: SourcePos,
): Value {
    const d = describeOf(rt, objectName, pos);
    if (!d.customSetting) return rt.unsupported(`${objectName}.${method}`, pos);
    const l = method.toLowerCase();
    return d.customSettingsType === 'List' ? listMethod(rt, d, l, args, pos) : hierarchyMethod(rt, d, l, args, pos);
}
