/**
 * The platform's partial-save protocol shared by every DML operation: with allOrNone=false, records that fail are
 * set aside and the statement is rolled back and retried with the rest (at most three attempts, triggers firing on
 * each); with allOrNone=true any failure rolls back the statement and raises DmlException.
 */
import type { DataContext } from '../store/data-context.js';
import { DmlException, type DmlError, type DmlOperation, type DmlResult } from './types.js';

/** One attempt over `indices` (positions in the request): returns the errors of the records that failed. */
export type Attempt = (indices: number[]) => { failures: Map<number, DmlError[]>; ids: Map<number, string> };

export function runAttempts(
    ctx: DataContext,
    operation: DmlOperation | 'upsert',
    size: number,
    allOrNone: boolean,
    sentIds: (string | null)[],
    attempt: Attempt,
): DmlResult[] {
    const results: (DmlResult | undefined)[] = Array.from({ length: size }, () => undefined);
    let pending = Array.from({ length: size }, (_, i) => i);
    for (let round = 1; round <= 3 && pending.length > 0; round++) {
        const last = round === 3;
        const outcome = ctx.tx.atomically(() => {
            const value = attempt(pending);
            const keep = value.failures.size === 0 || (!allOrNone && last);
            return { keep, value };
        });
        for (const [index, errors] of outcome.failures)
            results[index] = { id: sentIds[index] ?? null, success: false, errors };
        if (outcome.failures.size === 0 || allOrNone || last) {
            for (const index of pending) {
                if (!outcome.failures.has(index)) {
                    results[index] =
                        allOrNone && outcome.failures.size > 0
                            ? { id: sentIds[index] ?? null, success: false, errors: [] }
                            : { id: outcome.ids.get(index) ?? sentIds[index] ?? null, success: true, errors: [] };
                }
            }
            break;
        }
        pending = pending.filter((i) => !outcome.failures.has(i));
    }
    const final = results.map((r, i) => r ?? { id: sentIds[i] ?? null, success: false, errors: [] });
    if (allOrNone && final.some((r) => !r.success)) throw new DmlException(operation, final, sentIds);
    return final;
}

/** Collects errors per request index. */
export class FailureSet {
    readonly failures = new Map<number, DmlError[]>();

    add(index: number, error: DmlError): void {
        const list = this.failures.get(index);
        if (list) list.push(error);
        else this.failures.set(index, [error]);
    }

    has(index: number): boolean {
        return this.failures.has(index);
    }
}
