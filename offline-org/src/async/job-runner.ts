/**
 * Running jobs, for the async engine: each step in its own AsyncTransaction (committing or rolling back what it
 * enqueued), queueables with their finalizers, future calls, batches (batch-run.ts), schedule fires with their
 * CronTrigger bookkeeping, and platform-event deliveries; the AsyncApexJob rows follow each outcome.
 */
import { runBatch } from './batch-run.js';
import type { StepOutcome } from './batch-run.js';
import type { EngineCore, QueuedJob } from './engine-core.js';
import { jobKey } from './engine-core.js';
import { batchScope } from './enqueue-rules.js';
import type { JobStep } from './host.js';
import type { AsyncApexJobRecord } from './records.js';
import type { ScheduledEntry } from './schedule-table.js';
import { AsyncTransaction } from './transaction.js';
import type { TransactionOrigin } from './transaction.js';

/** Whether System.abortJob ended the trigger while its job ran (the fire set it EXECUTING first). */
function abortedWhileFiring(entry: ScheduledEntry): boolean {
    return entry.trigger.State === 'DELETED';
}

export class JobRunner<P> {
    constructor(private readonly core: EngineCore<P>) {}

    /** Runs one step in its own transaction; commits or rolls back what the step enqueued. */
    private runInTx(
        step: JobStep<P>,
        origin: TransactionOrigin,
        isTest: boolean,
        allowsCallouts: boolean,
        depth = 0,
        maxDepth?: number,
    ): StepOutcome<P> {
        const jobId = 'jobId' in step ? step.jobId : null;
        const tx = new AsyncTransaction<P>(origin, isTest, jobId, allowsCallouts, depth);
        tx.childDepth = origin === 'queueable' ? depth + 1 : 1;
        tx.chainMaxDepth = origin === 'queueable' ? maxDepth : undefined;
        tx.userId = jobId === null ? null : (this.core.jobUsers.get(jobId) ?? null);
        this.core.stack.push(tx);
        try {
            const result = this.core.host.runStep(step, tx);
            for (const s of tx.staged) s.commit();
            return { ok: true, result: result ?? null, tx };
        } catch (error) {
            for (const s of tx.staged) s.rollback();
            return { ok: false, error, tx };
        } finally {
            this.core.stack.pop();
        }
    }

    /** Runs a job to its end; returns its unhandled failure (or null). */
    runJob(job: QueuedJob<P>, isTest: boolean): unknown {
        const core = this.core;
        core.pendingJobs.delete(jobKey(job));
        const index = core.queue.indexOf(job);
        if (index >= 0) core.queue.splice(index, 1);
        const { request, record } = job;
        switch (request.kind) {
            case 'queueable':
                return this.runQueueable(job, isTest);
            case 'future': {
                core.update(record, { Status: 'Processing' });
                const out = this.runInTx(
                    { kind: 'future', jobId: record.Id, payload: core.thaw(job.frozen) },
                    'future',
                    isTest,
                    request.allowsCallouts ?? false,
                );
                this.settle(record, out);
                return out.ok ? null : out.error;
            }
            case 'batch':
                return runBatch({
                    record,
                    frozen: job.frozen,
                    stateful: request.stateful ?? false,
                    scope: batchScope(request.scope, request.queryLocator ?? false),
                    isTest,
                    thaw: (f) => core.thaw(f),
                    freeze: (p) => core.freeze(p),
                    run: (step, origin) => this.runInTx(step, origin, isTest, request.allowsCallouts ?? false),
                    update: (changes) => core.update(record, changes),
                    describe: (e) => core.describe(e),
                    now: () => core.clock.now(),
                    done: () => core.promoteHolding(),
                });
            case 'schedule': {
                const entry = record.CronTriggerId ? core.schedules.get(record.CronTriggerId) : undefined;
                return entry ? this.fire(entry, entry.trigger.NextFireTime ?? core.clock.now(), isTest) : null;
            }
            case 'event': {
                const out = this.runInTx({ kind: 'event', payload: core.thaw(job.frozen) }, 'event', isTest, true);
                if (!out.ok) core.backgroundErrors.push({ jobId: null, error: out.error });
                return null;
            }
        }
    }

    private settle(record: AsyncApexJobRecord, out: StepOutcome<P>): void {
        const core = this.core;
        if (out.ok) {
            core.update(record, { Status: 'Completed', CompletedDate: core.clock.now() });
        } else {
            core.update(record, {
                Status: 'Failed',
                NumberOfErrors: 1,
                ExtendedStatus: core.describe(out.error),
                CompletedDate: core.clock.now(),
            });
        }
    }

    private runQueueable(job: QueuedJob<P>, isTest: boolean): unknown {
        const core = this.core;
        const { record } = job;
        core.update(record, { Status: 'Processing' });
        const step: JobStep<P> = { kind: 'queueable', jobId: record.Id, payload: core.thaw(job.frozen) };
        const allows = job.request.kind === 'queueable' && (job.request.allowsCallouts ?? false);
        const out = this.runInTx(step, 'queueable', isTest, allows, job.depth, job.maxDepth);
        this.settle(record, out);
        const finalizer = out.tx.finalizer;
        if (finalizer === null) return out.ok ? null : out.error;
        const fin = this.runInTx(
            {
                kind: 'finalizer',
                jobId: record.Id,
                payload: finalizer,
                result: out.ok ? 'SUCCESS' : 'UNHANDLED_EXCEPTION',
                error: out.ok ? null : out.error,
            },
            'finalizer',
            isTest,
            true,
        );
        if (!fin.ok) core.backgroundErrors.push({ jobId: record.Id, error: fin.error });
        return null;
    }

    /** Fires a schedule: runs its job, then records the fire on the CronTrigger and the job's row. */
    fire(entry: ScheduledEntry, firedAt: number, isTest: boolean): unknown {
        const core = this.core;
        const record = core.records.get(entry.jobId);
        entry.trigger.State = 'EXECUTING';
        if (record) core.update(record, { Status: 'Processing' });
        const out = this.runInTx(
            { kind: 'schedule', jobId: entry.jobId, triggerId: entry.trigger.Id, payload: core.thaw(entry.frozen) },
            'schedule',
            isTest,
            false,
        );
        if (abortedWhileFiring(entry)) {
            // System.abortJob during its own fire (a job that ends its schedule): the trigger stays deleted and its
            // job Aborted; the fire still counts.
            entry.trigger.TimesTriggered++;
            entry.trigger.PreviousFireTime = firedAt;
            entry.trigger.EndTime = core.clock.now();
            core.sink?.upsert('CronTrigger', entry.trigger);
            if (record && !out.ok) {
                core.update(record, {
                    NumberOfErrors: record.NumberOfErrors + 1,
                    ExtendedStatus: core.describe(out.error),
                });
            }
            if (!out.ok && !isTest) core.backgroundErrors.push({ jobId: entry.jobId, error: out.error });
            return out.ok ? null : out.error;
        }
        // The run Test.stopTest gives a schedule leaves its CronTrigger as scheduled (TimesTriggered 0, the same next
        // fire time): public tests that pass on the platform assert both after stopTest.
        if (isTest) entry.trigger.State = 'WAITING';
        else core.schedules.recordFire(entry, firedAt, core.clock.now());
        core.sink?.upsert('CronTrigger', entry.trigger);
        if (record) {
            const ended = entry.trigger.NextFireTime === null;
            core.update(record, {
                Status: ended ? 'Completed' : 'Queued',
                NumberOfErrors: record.NumberOfErrors + (out.ok ? 0 : 1),
                ExtendedStatus: out.ok ? record.ExtendedStatus : core.describe(out.error),
                CompletedDate: ended ? core.clock.now() : null,
            });
        }
        if (!out.ok && !isTest) core.backgroundErrors.push({ jobId: entry.jobId, error: out.error });
        return out.ok ? null : out.error;
    }
}
