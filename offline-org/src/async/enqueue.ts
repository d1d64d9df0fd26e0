/**
 * Enqueueing, for the async engine: System.enqueueJob, @future calls, Database.executeBatch, System.schedule and
 * EventBus.publish checked against the enqueue rules (enqueue-rules.ts), counted in the transaction's limits, given
 * their AsyncApexJob row (and CronTrigger / CronJobDetail rows for a schedule) at once, and staged in the transaction
 * so that they reach the queue only when it commits.
 */
import {
    batchScope,
    chainDepthFor,
    checkBatchContext,
    checkFuture,
    checkQueueable,
    MAX_CONCURRENT_BATCHES,
    MAX_FLEX_QUEUE,
} from './enqueue-rules.js';
import type { EngineCore, QueuedJob } from './engine-core.js';
import { ACTIVE, jobKey } from './engine-core.js';
import type { EnqueueRequest, TxLimits } from './host.js';
import { raise } from './platform-exception.js';
import type { AsyncApexJobRecord, JobType } from './records.js';
import type { ScheduledEntry } from './schedule-table.js';
import type { AsyncTransaction } from './transaction.js';

/** The engine options enqueueing reads (read at each enqueue: the default chain depth can change). */
export interface EnqueueSettings {
    timeZone?: string;
    defaultMaxStackDepth?: number;
    orgId?: string;
}

export class Enqueuer<P> {
    constructor(
        private readonly core: EngineCore<P>,
        private readonly settings: EnqueueSettings,
    ) {}

    /**
     * Enqueues in `tx`. Returns the AsyncApexJob Id (the CronTrigger Id for a schedule; '' for an event).
     * Increments the transaction's counters.
     */
    enqueue(tx: AsyncTransaction<P>, req: EnqueueRequest<P>, limits: TxLimits): string {
        switch (req.kind) {
            case 'queueable':
                return this.enqueueQueueable(tx, req, limits);
            case 'future':
                checkFuture(tx, limits, req.className, req.methodName);
                limits.used.futureCalls++;
                return this.stage(tx, req, 'Future', req.className, { methodName: req.methodName }).record.Id;
            case 'batch':
                return this.enqueueBatch(tx, req);
            case 'schedule':
                return this.enqueueSchedule(tx, req);
            case 'event':
                this.stage(tx, req, null, '', {});
                return '';
        }
    }

    private enqueueQueueable(
        tx: AsyncTransaction<P>,
        req: Extract<EnqueueRequest<P>, { kind: 'queueable' }>,
        limits: TxLimits,
    ): string {
        checkQueueable(tx, limits, req.options);
        const { depth, maxDepth } = chainDepthFor(tx, req.options, this.settings.defaultMaxStackDepth);
        const signature = req.options?.duplicateSignature;
        if (signature !== undefined && this.isDuplicate(tx, signature)) {
            raise('DuplicateMessageException', 'Attempt to enqueue job with a duplicate queueable signature');
        }
        limits.used.queueableJobs++;
        const delayMs = (req.options?.minimumQueueableDelayInMinutes ?? 0) * 60_000;
        const job = this.stage(tx, req, 'Queueable', req.className, { depth, maxDepth, signature, delayMs });
        return job.record.Id;
    }

    private isDuplicate(tx: AsyncTransaction<P>, signature: string): boolean {
        const core = this.core;
        const staged = tx.staged.some((s) => core.pendingJobs.get(s.key)?.signature === signature);
        return staged || core.queue.some((q) => q.signature === signature && ACTIVE.has(q.record.Status));
    }

    private enqueueBatch(tx: AsyncTransaction<P>, req: Extract<EnqueueRequest<P>, { kind: 'batch' }>): string {
        checkBatchContext(tx);
        batchScope(req.scope, req.queryLocator ?? false);
        const active = [...this.core.records.values()].filter((r) => r.JobType === 'BatchApex' && ACTIVE.has(r.Status));
        const running = active.filter((r) => r.Status !== 'Holding').length;
        let status: 'Queued' | 'Holding' = 'Queued';
        if (running >= MAX_CONCURRENT_BATCHES) {
            if (tx.isTest) {
                raise(
                    'LimitException',
                    'Attempted to schedule too many concurrent batch jobs in this org (limit is 5).',
                );
            }
            if (active.length - running >= MAX_FLEX_QUEUE) {
                raise(
                    'AsyncException',
                    `You've exceeded the limit of 100 jobs in the flex queue for org ${this.settings.orgId ?? '00D000000000000'}. ` +
                        'Wait for some of your batch jobs to finish before adding more. To monitor and reorder jobs, ' +
                        'use the Apex Flex Queue page in Setup.',
                );
            }
            status = 'Holding';
        }
        return this.stage(tx, req, 'BatchApex', req.className, { status }).record.Id;
    }

    private enqueueSchedule(tx: AsyncTransaction<P>, req: Extract<EnqueueRequest<P>, { kind: 'schedule' }>): string {
        const core = this.core;
        const now = core.clock.now();
        const timeZone = req.timeZone ?? this.settings.timeZone ?? 'America/Los_Angeles';
        const { schedule, first } = core.schedules.validate(req.jobName, req.cronExpression, timeZone, now);
        const detail = { Id: core.newId('CronJobDetail'), Name: req.jobName, JobType: '7' as const };
        const trigger = {
            Id: core.newId('CronTrigger'),
            CronJobDetailId: detail.Id,
            CronExpression: req.cronExpression,
            State: 'WAITING' as const,
            NextFireTime: first,
            PreviousFireTime: null,
            StartTime: now,
            EndTime: null,
            TimesTriggered: 0,
            TimeZoneSidKey: timeZone,
        };
        const job = this.stage(tx, req, 'ScheduledApex', req.className, { cronTriggerId: trigger.Id });
        const entry: ScheduledEntry = {
            trigger,
            detail,
            schedule,
            jobId: job.record.Id,
            className: req.className,
            frozen: job.frozen,
        };
        core.schedules.add(entry);
        core.sink?.upsert('CronJobDetail', detail);
        core.sink?.upsert('CronTrigger', trigger);
        core.createdInTopLevel.push(trigger.Id);
        return trigger.Id;
    }

    /** Creates the job (its AsyncApexJob row exists at once) and stages it in the transaction. */
    private stage(
        tx: AsyncTransaction<P>,
        request: EnqueueRequest<P>,
        jobType: JobType | null,
        className: string,
        extra: {
            methodName?: string;
            depth?: number;
            maxDepth?: number;
            signature?: string;
            delayMs?: number;
            status?: 'Queued' | 'Holding';
            cronTriggerId?: string;
        },
    ): QueuedJob<P> {
        const core = this.core;
        const now = core.clock.now();
        const record: AsyncApexJobRecord = {
            Id: jobType === null ? '' : core.newId('AsyncApexJob'),
            JobType: jobType ?? 'Queueable',
            Status: extra.status ?? 'Queued',
            ApexClassName: className,
            MethodName: extra.methodName ?? null,
            NumberOfErrors: 0,
            JobItemsProcessed: 0,
            TotalJobItems: 0,
            ExtendedStatus: null,
            CreatedDate: now,
            CompletedDate: null,
            ParentJobId: tx.jobId,
            CronTriggerId: extra.cronTriggerId ?? null,
        };
        const enqueuer = core.host.runningUserId?.();
        if (record.Id && enqueuer) core.jobUsers.set(record.Id, enqueuer);
        const job: QueuedJob<P> = {
            seq: ++core.seq,
            record,
            request,
            frozen: core.freeze(request.payload),
            readyAt: now + (extra.delayMs ?? 0),
            depth: extra.depth ?? 0,
            maxDepth: extra.maxDepth,
            signature: extra.signature,
            inTestWindow: tx.origin === 'sync' && tx.isTest && core.testWindow === 'open',
        };
        if (jobType !== null) {
            core.records.set(record.Id, record);
            core.sink?.upsert('AsyncApexJob', record);
            core.createdInTopLevel.push(record.Id);
        }
        const isSchedule = request.kind === 'schedule';
        const immediateEvent = request.kind === 'event' && !request.publishAfterCommit;
        const key = jobKey(job);
        tx.staged.push({
            key,
            blocksCallouts: !immediateEvent,
            commit: () => {
                core.pendingJobs.delete(key);
                if (!isSchedule) core.queue.push(job);
            },
            rollback: () => {
                core.pendingJobs.delete(key);
                if (immediateEvent) core.queue.push(job);
                else if (isSchedule && record.CronTriggerId) core.forget(record.CronTriggerId);
                else if (record.Id !== '') core.forget(record.Id);
            },
        });
        core.pendingJobs.set(key, job);
        return job;
    }
}
