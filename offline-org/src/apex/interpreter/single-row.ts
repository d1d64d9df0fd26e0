/**
 * Assigning a SOQL result (a List of sObjects) to a single sObject variable: exactly one row is required.
 */
import type { ApexList, Value } from '../runtime/values.js';

export function singleRow(rt: { fail: (name: string, message: string) => never }, list: ApexList): Value {
    if (list.items.length === 0) return rt.fail('QueryException', 'List has no rows for assignment to SObject');
    if (list.items.length > 1) return rt.fail('QueryException', 'List has more than 1 row for assignment to SObject');
    return list.items[0]!;
}
