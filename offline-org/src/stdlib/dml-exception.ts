/**
 * System.DmlException as DML raises it: the platform's message (`Insert failed. First exception on row 0; first
 * error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]`) and the per-row accessors
 * getNumDml / getDmlMessage / getDmlType / getDmlFields / getDmlFieldNames / getDmlId / getDmlIndex.
 */
import type { Runtime } from '../apex/interpreter/runtime.js';
import type { DmlOperation, DmlRowResult } from '../apex/platform.js';
import { prim } from '../apex/runtime/types.js';
import { ApexList, ApexObject, ApexThrow, EnumValue, IdValue } from '../apex/runtime/values.js';
import type { SObjectValue, Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { BUILTIN_ENUMS } from './type-names.js';

interface FailedRow {
    index: number;
    id: string | null;
    statusCode: string;
    message: string;
    fields: string[];
}

const failures = new WeakMap<ApexObject, FailedRow[]>();

export function statusCodeValue(code: string): EnumValue {
    const e = BUILTIN_ENUMS.get('system.statuscode')!;
    return new EnumValue(e.qualified, code, e.values.indexOf(code));
}

/** Throws the DmlException of a failed all-or-none DML operation. */
export function failDml(rt: Runtime, op: DmlOperation, results: DmlRowResult[], records: SObjectValue[]): never {
    const rows: FailedRow[] = [];
    results.forEach((r, index) => {
        if (r.success) return;
        const sent = records[index]?.fields.get('id')?.value;
        const id = op === 'insert' ? null : sent instanceof IdValue ? sent.v : r.id;
        const e = r.errors[0] ?? { statusCode: 'UNKNOWN_EXCEPTION', message: '', fields: [] };
        rows.push({ index, id, statusCode: e.statusCode, message: e.message, fields: e.fields });
    });
    const first = rows[0];
    const verb = op.charAt(0).toUpperCase() + op.slice(1);
    const where = `row ${first.index}${first.id ? ` with id ${first.id}` : ''}`;
    const message = `${verb} failed. First exception on ${where}; first error: ${first.statusCode}, ${first.message}: [${first.fields.join(', ')}]`;
    try {
        return rt.fail('DmlException', message);
    } catch (e) {
        if (e instanceof ApexThrow) failures.set(e.exc, rows);
        throw e;
    }
}

export function registerDmlException(reg: Registry): void {
    const row = (rt: Runtime, self: Value, i: Value): FailedRow | null => {
        const rows = self instanceof ApexObject ? failures.get(self) : undefined;
        if (!rows) return null;
        const r = rows[typeof i === 'number' ? i : -1];
        return r ?? rt.fail('ListException', `List index out of bounds: ${rt.stringOf(i)}`);
    };
    reg.instanceMethods('exception', {
        getnumdml: (_rt, s) => (s instanceof ApexObject ? (failures.get(s)?.length ?? 0) : 0),
        getdmlmessage: (rt, s, a) => row(rt, s, a[0])?.message ?? null,
        getdmltype: (rt, s, a) => {
            const r = row(rt, s, a[0]);
            return r ? statusCodeValue(r.statusCode) : null;
        },
        getdmlfieldnames: (rt, s, a) => new ApexList(prim('string'), (row(rt, s, a[0])?.fields ?? []).slice()),
        getdmlid: (rt, s, a) => {
            const r = row(rt, s, a[0]);
            return r?.id ? new IdValue(r.id) : null;
        },
        getdmlindex: (rt, s, a) => row(rt, s, a[0])?.index ?? null,
    });
}
