/**
 * The platform's rules for adding async work from a transaction. Messages confirmed from public reports:
 * "Too many queueable jobs added to the queue: N", "Maximum stack depth has been reached.", "Database.executeBatch
 * cannot be called from a batch start, batch execute, or future method.", "Attempted to schedule too many concurrent
 * batch jobs in this org (limit is 5).". The others are our closest reading and are listed in the README.
 */
import type { QueueableOptions, TxLimits } from './host.js';
import { raise } from './platform-exception.js';
import type { AsyncTransaction } from './transaction.js';

export const SYNC_QUEUEABLE_LIMIT = 50;
export const ASYNC_QUEUEABLE_LIMIT = 1;
export const FUTURE_CALL_LIMIT = 50;
export const MAX_CONCURRENT_BATCHES = 5;
export const MAX_FLEX_QUEUE = 100;
export const MAX_SCHEDULED_JOBS = 100;
export const MAX_QUEUEABLE_DELAY_MINUTES = 10;
export const DEFAULT_BATCH_SCOPE = 200;
export const MAX_QUERY_LOCATOR_SCOPE = 2000;

export function checkQueueable<P>(
    tx: AsyncTransaction<P>,
    limits: TxLimits,
    options: QueueableOptions | undefined,
): void {
    const max = tx.isAsync ? ASYNC_QUEUEABLE_LIMIT : SYNC_QUEUEABLE_LIMIT;
    if (limits.used.queueableJobs + 1 > max) {
        raise('LimitException', `Too many queueable jobs added to the queue: ${limits.used.queueableJobs + 1}`);
    }
    const delay = options?.minimumQueueableDelayInMinutes;
    if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > MAX_QUEUEABLE_DELAY_MINUTES)) {
        raise('InvalidParameterValueException', `Invalid delay: ${delay}. The delay must be between 0 and 10 minutes.`);
    }
    const depth = options?.maximumQueueableStackDepth;
    if (depth !== undefined && (!Number.isInteger(depth) || depth < 1)) {
        raise('InvalidParameterValueException', `Invalid maximum queueable stack depth: ${depth}`);
    }
}

/** The depth cap of the chain a new queueable joins, and a check that it is not exceeded. */
export function chainDepthFor<P>(
    tx: AsyncTransaction<P>,
    options: QueueableOptions | undefined,
    orgDefault: number | undefined,
): { depth: number; maxDepth: number | undefined } {
    const depth = tx.childDepth;
    const maxDepth = tx.chainMaxDepth ?? options?.maximumQueueableStackDepth ?? orgDefault;
    if (maxDepth !== undefined && depth > maxDepth) raise('AsyncException', 'Maximum stack depth has been reached.');
    return { depth, maxDepth };
}

export function checkFuture<P>(tx: AsyncTransaction<P>, limits: TxLimits, className: string, methodName: string): void {
    if (tx.origin === 'future' || tx.origin === 'batch') {
        raise(
            'AsyncException',
            `Future method cannot be called from a future or batch method: ${className}.${methodName}`,
        );
    }
    if (limits.used.futureCalls + 1 > FUTURE_CALL_LIMIT) {
        raise('LimitException', `Too many future calls: ${limits.used.futureCalls + 1}`);
    }
}

export function checkBatchContext<P>(tx: AsyncTransaction<P>): void {
    if (tx.origin === 'future' || tx.origin === 'batch') {
        raise(
            'AsyncException',
            'Database.executeBatch cannot be called from a batch start, batch execute, or future method.',
        );
    }
}

/** The scope a batch runs with: 200 by default; a QueryLocator's is capped at 2,000. */
export function batchScope(scope: number | undefined, queryLocator: boolean): number {
    if (scope === undefined) return DEFAULT_BATCH_SCOPE;
    if (!Number.isInteger(scope) || scope < 1) {
        raise('InvalidParameterValueException', `Invalid scope: ${scope}. The scope must be greater than 0.`);
    }
    return queryLocator ? Math.min(scope, MAX_QUERY_LOCATOR_SCOPE) : scope;
}
