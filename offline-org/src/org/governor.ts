/**
 * Governor-limit accounting for SOQL and DML: counts against the transaction's Limits and raises the platform's
 * uncatchable `System.LimitException` (`Too many SOQL queries: 101`) when one is exceeded.
 */
import type { Limits } from '../apex/runtime/limits.js';

type Fail = (exceptionName: string, message: string) => never;

function charge(used: number, max: number, label: string, fail: Fail): void {
    if (used > max) fail('LimitException', `${label}: ${used}`);
}

/** One SOQL query issued (counted before it runs, as the platform does). */
export function chargeQuery(limits: Limits, fail: Fail): void {
    limits.used.queries++;
    charge(limits.used.queries, limits.max.queries, 'Too many SOQL queries', fail);
}

/** Rows returned by a query (child-subquery rows included). */
export function chargeQueryRows(limits: Limits, rows: number, fail: Fail): void {
    limits.used.queryRows += rows;
    charge(limits.used.queryRows, limits.max.queryRows, 'Too many query rows', fail);
}

/** One DML statement (also Database.setSavepoint / rollback) over `rows` records. */
export function chargeDml(limits: Limits, rows: number, fail: Fail): void {
    limits.used.dmlStatements++;
    charge(limits.used.dmlStatements, limits.max.dmlStatements, 'Too many DML statements', fail);
    limits.used.dmlRows += rows;
    charge(limits.used.dmlRows, limits.max.dmlRows, 'Too many DML rows', fail);
}
