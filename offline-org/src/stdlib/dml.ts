/**
 * DML statements and Database.* DML methods: collect the records and hand them to the platform seam.
 */
import type { SourcePos } from '../apex/errors.js';
import type { Runtime } from '../apex/interpreter/runtime.js';
import type { DmlOperation } from '../apex/platform.js';
import { ApexList, IdValue, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { failDml } from './dml-exception.js';

function records(rt: Runtime, v: Value): SObjectValue[] {
  if (v === null) return rt.npe();
  if (v instanceof SObjectValue) return [v];
  if (v instanceof ApexList) return v.items.map((x) => (x instanceof SObjectValue ? x : rt.fail('DmlException', 'DML requires SObject values')));
  return rt.fail('TypeException', 'DML requires an SObject or a list of SObjects');
}

export function dmlStatement(rt: Runtime, op: DmlOperation, target: Value, extra: Value, field: string | null, accessLevel: 'user' | 'system', pos: SourcePos): void {
  const recs = records(rt, target);
  const merge = op === 'merge' && extra !== null ? records(rt, extra) : [];
  const results = rt.platform.dml({ op, records: recs, allOrNone: true, externalIdField: field, mergeRecords: merge, accessLevel }, { limits: rt.tx.limits, pos });
  results.forEach((r, i) => {
    if (r.success && r.id && (op === 'insert' || op === 'upsert')) recs[i]!.fields.set('id', { name: 'Id', value: new IdValue(r.id) });
  });
  const failed = results.findIndex((r) => !r.success);
  if (failed >= 0) {
    failDml(rt, op, results, recs);
  }
}
