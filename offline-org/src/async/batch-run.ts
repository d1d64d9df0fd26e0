/**
 * Batch Apex: start (Preparing) -> execute per scope (Processing) -> finish, each in its own transaction.
 * Database.Stateful keeps the instance's state from one successful step to the next; otherwise every step gets a
 * fresh copy of the instance as enqueued. A failing execute counts in NumberOfErrors (ExtendedStatus "First error:
 * ...") and the job goes on; a failing start or finish fails the job. In a test only one execute may run
 * (System.UnexpectedException otherwise, as the platform raises), and an execute's failure surfaces at stopTest.
 */
import type { BatchSource, JobStep } from './host.js';
import { PlatformException } from './platform-exception.js';
import type { AsyncApexJobRecord } from './records.js';
import type { AsyncTransaction, TransactionOrigin } from './transaction.js';

export type StepOutcome<P> =
    | { ok: true; result: BatchSource | null; tx: AsyncTransaction<P> }
    | { ok: false; error: unknown; tx: AsyncTransaction<P> };

export interface BatchRun<P> {
    record: AsyncApexJobRecord;
    frozen: unknown;
    stateful: boolean;
    scope: number;
    isTest: boolean;
    thaw(frozen: unknown): P;
    freeze(payload: P): unknown;
    run(step: JobStep<P>, origin: TransactionOrigin): StepOutcome<P>;
    update(changes: Partial<AsyncApexJobRecord>): void;
    describe(error: unknown): string;
    now(): number;
    /** Called when the job has ended (frees a concurrent-batch slot). */
    done(): void;
}

const TEST_SINGLE_EXECUTE =
    'No more than one executeBatch can be called from within a test method. Please make sure the iterable returned ' +
    'from your start method matches the batch size, resulting in one executeBatch invocation.';

function drain(source: BatchSource, scope: number): unknown[][] {
    const chunks: unknown[][] = [];
    for (let chunk = source.take(scope); chunk.length > 0; chunk = source.take(scope)) chunks.push(chunk);
    return chunks;
}

/** Runs the whole batch; returns its unhandled failure (start, finish or the test rule), or null. */
export function runBatch<P>(b: BatchRun<P>): unknown {
    let state = b.frozen;
    const instance = (): P => b.thaw(b.stateful ? state : b.frozen);
    const keep = (out: StepOutcome<P>, payload: P): void => {
        if (out.ok && b.stateful) state = b.freeze(payload);
    };
    const fail = (error: unknown): unknown => {
        b.update({ Status: 'Failed', ExtendedStatus: `First error: ${b.describe(error)}`, CompletedDate: b.now() });
        b.done();
        return error;
    };

    b.update({ Status: 'Preparing' });
    const startPayload = instance();
    const started = b.run({ kind: 'batchStart', jobId: b.record.Id, payload: startPayload }, 'batch');
    if (!started.ok) return fail(started.error);
    keep(started, startPayload);
    if (!started.result) return fail(new Error('batch start returned no records source'));
    const chunks = drain(started.result, b.scope);
    if (b.isTest && chunks.length > 1) return fail(new PlatformException('UnexpectedException', TEST_SINGLE_EXECUTE));

    b.update({ Status: 'Processing', TotalJobItems: chunks.length });
    let errors = 0;
    let firstError: string | null = null;
    let executeError: unknown = null;
    for (const [i, scope] of chunks.entries()) {
        const payload = instance();
        const out = b.run({ kind: 'batchExecute', jobId: b.record.Id, payload, scope }, 'batch');
        keep(out, payload);
        if (!out.ok) {
            errors++;
            firstError ??= `First error: ${b.describe(out.error)}`;
            executeError ??= out.error;
        }
        b.update({ JobItemsProcessed: i + 1, NumberOfErrors: errors, ExtendedStatus: firstError });
    }

    const finishPayload = instance();
    const finished = b.run({ kind: 'batchFinish', jobId: b.record.Id, payload: finishPayload }, 'batchFinish');
    if (!finished.ok) return fail(finished.error);
    b.update({ Status: 'Completed', CompletedDate: b.now() });
    b.done();
    return b.isTest ? executeError : null;
}
