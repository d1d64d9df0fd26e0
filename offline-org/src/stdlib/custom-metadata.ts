/**
 * Custom metadata types: `My__mdt.getAll()`, `getInstance(developerNameOrId)`. The records live in the data layer
 * (loaded from customMetadata/ files), so they are read through the platform's query; as on the platform, these
 * reads do not count against the SOQL limits. Custom settings (`getOrgDefaults`, `getInstance`, `getValues`,
 * `getAll`) are answered by custom-settings.ts.
 */
import { textOf } from '../apex/runtime/format.js';
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import { keyOf } from '../apex/runtime/equality.js';
import { prim } from '../apex/runtime/types.js';
import { ApexMap, IdValue, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { customSettingMethod } from './custom-settings.js';
import { describeOf } from './sobject.js';

function readAll(rt: ApexHost, objectName: string, pos: SourcePos): SObjectValue[] {
    const d = describeOf(rt, objectName, pos);
    const fields = [...d.fields.values()].map((f) => f.name).join(', ');
    const used = { ...rt.tx.limits.used };
    try {
        const rows = rt.platform.query(`SELECT ${fields} FROM ${d.name}`, [], { limits: rt.tx.limits, pos });
        return Array.isArray(rows) ? rows : [];
    } finally {
        rt.tx.limits.used.queries = used.queries;
        rt.tx.limits.used.queryRows = used.queryRows;
    }
}

function devName(r: SObjectValue): string {
    const v = r.fields.get('developername')?.value;
    return typeof v === 'string' ? v : '';
}

export function registerCustomMetadata(reg: Registry): void {
    reg.sobjectStaticMethod = (rt, objectName, method, args, pos) => {
        const l = method.toLowerCase();
        if (!objectName.toLowerCase().endsWith('__mdt')) return customSettingMethod(rt, objectName, method, args, pos);
        if (l === 'getall') {
            const m = new ApexMap(prim('string'), { k: 'sobject', name: objectName });
            for (const r of readAll(rt, objectName, pos)) m.entries.set(keyOf(devName(r)), [devName(r), r]);
            return m;
        }
        if (l === 'getinstance') {
            const key: Value = args[0] ?? null;
            if (key === null) return rt.npe();
            const byId =
                key instanceof IdValue || (typeof key === 'string' && /^m[0-9A-Za-z]{14}([0-9A-Za-z]{3})?$/.test(key));
            const wanted = key instanceof IdValue ? key.v : textOf(key);
            const hit = readAll(rt, objectName, pos).find((r) => {
                if (!byId) return devName(r) === wanted;
                const id = r.fields.get('id')?.value;
                return id instanceof IdValue && id.v.slice(0, 15) === wanted.slice(0, 15);
            });
            return hit ?? null;
        }
        return rt.unsupported(`${objectName}.${method}`, pos);
    };
}
