/**
 * DML statements and Database.* DML methods: collect the records and hand them to the platform seam.
 */
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import type { DmlOperation, DmlRowResult } from '../apex/platform.js';
import { newException } from '../apex/runtime/exceptions.js';
import { ApexList, ApexThrow, IdValue, SObjectValue } from '../apex/runtime/values.js';
import type { DmlFailure } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';

function records(rt: ApexHost, v: Value): SObjectValue[] {
    if (v === null) return rt.npe();
    if (v instanceof SObjectValue) return [v];
    if (v instanceof ApexList)
        return v.items.map((x) =>
            x instanceof SObjectValue ? x : rt.fail('DmlException', 'DML requires SObject values'),
        );
    return rt.fail('TypeException', 'DML requires an SObject or a list of SObjects');
}

export function dmlStatement(
    rt: ApexHost,
    op: DmlOperation,
    target: Value,
    extra: Value,
    field: string | null,
    accessLevel: 'user' | 'system' | null,
    pos: SourcePos,
): void {
    const recs = records(rt, target);
    const merge = op === 'merge' && extra !== null ? records(rt, extra) : [];
    const results = rt.platform.dml(
        { op, records: recs, allOrNone: true, externalIdField: field, mergeRecords: merge, accessLevel },
        { limits: rt.tx.limits, pos },
    );
    rt.enforceLimits();
    results.forEach((r, i) => {
        if (r.success && r.id && (op === 'insert' || op === 'upsert'))
            recs[i].fields.set('id', { name: 'Id', value: new IdValue(r.id) });
    });
    throwIfFailed(rt, op, results, recs);
}

/** Raises the DmlException of an all-or-none DML operation with failed rows, carrying every failed row. */
export function throwIfFailed(rt: ApexHost, op: DmlOperation, results: DmlRowResult[], recs: SObjectValue[]): void {
    const failures: DmlFailure[] = [];
    // With allOrNone, rows that were fine are reported unsuccessful with no error of their own (rolled back with the
    // rest): the exception lists only the rows that failed, as the platform's does.
    const anyWithError = results.some((r) => !r.success && r.errors.length > 0);
    results.forEach((r, index) => {
        if (r.success || (anyWithError && r.errors.length === 0)) return;
        const e = r.errors[0];
        const id = recs[index]?.fields.get('id')?.value;
        failures.push({
            index,
            id: id instanceof IdValue ? id.v : null,
            statusCode: e?.statusCode ?? 'UNKNOWN',
            message: e?.message ?? '',
            fields: e?.fields ?? [],
        });
    });
    const first = failures[0];
    if (!first) return;
    const fieldList = first.fields.length ? `: [${first.fields.join(', ')}]` : ': []';
    const message = `${op.charAt(0).toUpperCase() + op.slice(1)} failed. First exception on row ${first.index}; first error: ${first.statusCode}, ${first.message}${fieldList}`;
    const exc = newException(rt.exceptionClass('DmlException'), message, null, rt.top);
    exc.exc!.dml = failures;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- ApexThrow carries an Apex exception object through JS frames
    throw new ApexThrow(exc);
}
