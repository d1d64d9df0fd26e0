/**
 * The org's async engine, independent of Apex values: queueables (chaining, AsyncOptions, finalizers), future
 * calls, batches, scheduled jobs and platform-event delivery; AsyncApexJob / CronTrigger rows; the enqueue rules;
 * Test.startTest/stopTest; and a local scheduler that runs due work in order on a (virtual) clock.
 *
 * Transactions: the interpreter opens its synchronous transaction with beginTransaction() and closes it with
 * endTransaction(committed). Work enqueued there is staged and reaches the queue only on commit. Each job the
 * engine runs gets its own AsyncTransaction, passed to host.runStep.
 */
import { NotSupportedError } from '../data/errors.js';
import { IdGenerator } from '../data/ids/ids.js';
import { runBatch } from './batch-run.js';
import type { StepOutcome } from './batch-run.js';
import type { Clock } from './clock.js';
import { isMovable, systemClock } from './clock.js';
import {
    batchScope,
    chainDepthFor,
    checkBatchContext,
    checkFuture,
    checkQueueable,
    MAX_CONCURRENT_BATCHES,
    MAX_FLEX_QUEUE,
} from './enqueue-rules.js';
import type { AsyncHost, EnqueueRequest, JobStep, TxLimits } from './host.js';
import { raise } from './platform-exception.js';
import type { AsyncApexJobRecord, CronJobDetailRecord, CronTriggerRecord, JobType, RecordSink } from './records.js';
import { parseCron } from './cron-parse.js';
import { ScheduleTable } from './schedule-table.js';
import type { ScheduledEntry } from './schedule-table.js';
import { AsyncTransaction } from './transaction.js';
import type { TransactionOrigin } from './transaction.js';

export interface AsyncEngineOptions<P> {
    host: AsyncHost<P>;
    clock?: Clock;
    /** Ids for AsyncApexJob (707), CronTrigger (08e), CronJobDetail (08a); default: a private generator. */
    newId?: (objectName: 'AsyncApexJob' | 'CronTrigger' | 'CronJobDetail') => string;
    sink?: RecordSink;
    /** The running user's time zone, for System.schedule (default America/Los_Angeles). */
    timeZone?: string;
    /** The org's default maximum queueable chain depth (5 in Developer Edition; none in production). */
    defaultMaxStackDepth?: number;
    orgId?: string;
}

/** The engine's committed work as plain data (exportState / importState). */
export interface EngineState {
    seq: number;
    jobs: {
        seq: number;
        record: AsyncApexJobRecord;
        request: Record<string, unknown>;
        frozen: unknown;
        readyAt: number;
        depth: number;
        maxDepth: number | null;
        signature: string | null;
    }[];
    schedules: {
        trigger: CronTriggerRecord;
        detail: CronJobDetailRecord;
        jobId: string;
        className: string;
        frozen: unknown;
        record: AsyncApexJobRecord | null;
    }[];
}

interface QueuedJob<P> {
    seq: number;
    record: AsyncApexJobRecord;
    request: EnqueueRequest<P>;
    frozen: unknown;
    readyAt: number;
    depth: number;
    maxDepth: number | undefined;
    signature: string | undefined;
    inTestWindow: boolean;
}

function jobKey<P>(job: QueuedJob<P>): string {
    return job.record.Id || `event-${job.seq}`;
}

/** Whether System.abortJob ended the trigger while its job ran (the fire set it EXECUTING first). */
function abortedWhileFiring(entry: ScheduledEntry): boolean {
    return entry.trigger.State === 'DELETED';
}

const ACTIVE: ReadonlySet<string> = new Set(['Holding', 'Queued', 'Preparing', 'Processing']);
const PREFIXES = { AsyncApexJob: '707', CronTrigger: '08e', CronJobDetail: '08a' } as const;

export class AsyncEngine<P> {
    readonly schedules = new ScheduleTable();
    /** Failures of finalizers and event deliveries, which no caller sees (the platform logs them). */
    readonly backgroundErrors: { jobId: string | null; error: unknown }[] = [];
    private readonly host: AsyncHost<P>;
    private readonly clock: Clock;
    private readonly newId: (objectName: 'AsyncApexJob' | 'CronTrigger' | 'CronJobDetail') => string;
    private readonly sink: RecordSink | undefined;
    private readonly queue: QueuedJob<P>[] = [];
    private readonly records = new Map<string, AsyncApexJobRecord>();
    private readonly stack: AsyncTransaction<P>[] = [];
    private readonly createdInTopLevel: string[] = [];
    private testWindow: 'before' | 'open' | 'closed' = 'before';
    /** Jobs staged in an open transaction, by key. */
    private readonly pendingJobs = new Map<string, QueuedJob<P>>();
    private seq = 0;

    constructor(private readonly options: AsyncEngineOptions<P>) {
        this.host = options.host;
        this.clock = options.clock ?? systemClock;
        const ids = new IdGenerator();
        this.newId = options.newId ?? ((name) => ids.newId(PREFIXES[name]));
        this.sink = options.sink;
    }

    /**
     * Sets the org's default maximum queueable chain depth: 5 plays a Developer Edition or trial org (the sixth job of
     * a chain is refused with `AsyncException: Maximum stack depth has been reached.`), undefined a production org.
     */
    setDefaultMaxStackDepth(depth: number | undefined): void {
        this.options.defaultMaxStackDepth = depth;
    }

    // ---- transactions -------------------------------------------------------------------------------------------

    /** Opens the interpreter's synchronous transaction (anonymous Apex, a test method, a REST request). */
    beginTransaction(opts: { isTest?: boolean } = {}): AsyncTransaction<P> {
        if (this.stack.length > 0) throw new Error('AsyncEngine: a transaction is already open');
        const tx = new AsyncTransaction<P>('sync', opts.isTest ?? false, null, true);
        this.stack.push(tx);
        this.createdInTopLevel.length = 0;
        this.testWindow = 'before';
        return tx;
    }

    /**
     * Closes it: on commit, staged work joins the queue; on rollback (and always after a test method) every job and
     * schedule the transaction created, directly or through stopTest, disappears.
     */
    endTransaction(committed: boolean): void {
        const tx = this.stack.pop();
        if (!tx || this.stack.length > 0)
            throw new Error('AsyncEngine: endTransaction without a matching beginTransaction');
        if (committed && !tx.isTest) {
            for (const s of tx.staged) s.commit();
        } else {
            for (const s of tx.staged) s.rollback();
            for (const id of this.createdInTopLevel) this.forget(id);
        }
        this.createdInTopLevel.length = 0;
    }

    /** Whether a transaction (synchronous, or a running job's) is open. */
    get inTransaction(): boolean {
        return this.stack.length > 0;
    }

    current(): AsyncTransaction<P> {
        const tx = this.stack[this.stack.length - 1];
        if (!tx) throw new Error('AsyncEngine: no open transaction (call beginTransaction first)');
        return tx;
    }

    /** System.AsyncInfo.getCurrentQueueableStackDepth(): the running queueable's depth, 0 outside one. */
    currentStackDepth(): number {
        return this.current().stackDepth;
    }

    /**
     * For the callout layer: why the current transaction may not call out, or null. Messages confirmed for future
     * methods and scheduled Apex; a Queueable or batch without Database.AllowsCallouts is refused as not supported.
     */
    calloutRestriction(): string | null {
        const tx = this.current();
        if (tx.allowsCallouts) return null;
        if (tx.origin === 'future') {
            return 'Callout not allowed from this future method. Please enable callout by annotating the future method. eg: @Future(callout=true)';
        }
        if (tx.origin === 'schedule') return 'Callout from scheduled Apex not supported.';
        throw new NotSupportedError(`callout from a ${tx.origin} job without Database.AllowsCallouts`, '<async>:1');
    }

    /** For the callout layer: has the current transaction enqueued anything not yet committed? */
    hasUncommittedWork(): boolean {
        return this.stack.length > 0 && this.current().hasUncommittedWork();
    }

    // ---- enqueue ------------------------------------------------------------------------------------------------

    /**
     * System.enqueueJob, @future calls, Database.executeBatch, System.schedule, EventBus.publish. Returns the
     * AsyncApexJob Id (the CronTrigger Id for a schedule; '' for an event). Increments the transaction's counters.
     */
    enqueue(req: EnqueueRequest<P>, limits: TxLimits): string {
        const tx = this.current();
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
        const { depth, maxDepth } = chainDepthFor(tx, req.options, this.options.defaultMaxStackDepth);
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
        const staged = tx.staged.some((s) => this.pendingJobs.get(s.key)?.signature === signature);
        return staged || this.queue.some((q) => q.signature === signature && ACTIVE.has(q.record.Status));
    }

    private enqueueBatch(tx: AsyncTransaction<P>, req: Extract<EnqueueRequest<P>, { kind: 'batch' }>): string {
        checkBatchContext(tx);
        batchScope(req.scope, req.queryLocator ?? false);
        const active = [...this.records.values()].filter((r) => r.JobType === 'BatchApex' && ACTIVE.has(r.Status));
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
                    `You've exceeded the limit of 100 jobs in the flex queue for org ${this.options.orgId ?? '00D000000000000'}. ` +
                        'Wait for some of your batch jobs to finish before adding more. To monitor and reorder jobs, ' +
                        'use the Apex Flex Queue page in Setup.',
                );
            }
            status = 'Holding';
        }
        return this.stage(tx, req, 'BatchApex', req.className, { status }).record.Id;
    }

    private enqueueSchedule(tx: AsyncTransaction<P>, req: Extract<EnqueueRequest<P>, { kind: 'schedule' }>): string {
        const now = this.clock.now();
        const timeZone = req.timeZone ?? this.options.timeZone ?? 'America/Los_Angeles';
        const { schedule, first } = this.schedules.validate(req.jobName, req.cronExpression, timeZone, now);
        const detail = { Id: this.newId('CronJobDetail'), Name: req.jobName, JobType: '7' as const };
        const trigger = {
            Id: this.newId('CronTrigger'),
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
        this.schedules.add(entry);
        this.sink?.upsert('CronJobDetail', detail);
        this.sink?.upsert('CronTrigger', trigger);
        this.createdInTopLevel.push(trigger.Id);
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
        const now = this.clock.now();
        const record: AsyncApexJobRecord = {
            Id: jobType === null ? '' : this.newId('AsyncApexJob'),
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
        const job: QueuedJob<P> = {
            seq: ++this.seq,
            record,
            request,
            frozen: this.freeze(request.payload),
            readyAt: now + (extra.delayMs ?? 0),
            depth: extra.depth ?? 0,
            maxDepth: extra.maxDepth,
            signature: extra.signature,
            inTestWindow: tx.origin === 'sync' && tx.isTest && this.testWindow === 'open',
        };
        if (jobType !== null) {
            this.records.set(record.Id, record);
            this.sink?.upsert('AsyncApexJob', record);
            this.createdInTopLevel.push(record.Id);
        }
        const isSchedule = request.kind === 'schedule';
        const immediateEvent = request.kind === 'event' && !request.publishAfterCommit;
        const key = jobKey(job);
        tx.staged.push({
            key,
            commit: () => {
                this.pendingJobs.delete(key);
                if (!isSchedule) this.queue.push(job);
            },
            rollback: () => {
                this.pendingJobs.delete(key);
                if (immediateEvent) this.queue.push(job);
                else if (isSchedule && record.CronTriggerId) this.forget(record.CronTriggerId);
                else if (record.Id !== '') this.forget(record.Id);
            },
        });
        this.pendingJobs.set(key, job);
        return job;
    }

    /** Removes a job or schedule as if it had never been enqueued (rollback). */
    private forget(id: string): void {
        const entry = this.schedules.get(id);
        if (entry) {
            this.schedules.remove(id);
            this.sink?.remove('CronTrigger', id);
            this.sink?.remove('CronJobDetail', entry.detail.Id);
            this.forget(entry.jobId);
            return;
        }
        if (this.records.delete(id)) this.sink?.remove('AsyncApexJob', id);
        this.pendingJobs.delete(id);
        const index = this.queue.findIndex((q) => q.record.Id === id);
        if (index >= 0) this.queue.splice(index, 1);
    }

    /** System.attachFinalizer: once per queueable execution. */
    attachFinalizer(finalizer: P): void {
        const tx = this.current();
        if (tx.origin !== 'queueable') {
            raise('AsyncException', 'System.attachFinalizer(Finalizer) is only allowed in a Queueable context');
        }
        if (tx.finalizer !== null) raise('AsyncException', 'Only one finalizer can be attached to a Queueable job');
        tx.finalizer = finalizer;
    }

    /** System.abortJob(id) with an AsyncApexJob or CronTrigger Id. */
    abort(id: string): void {
        const entry = this.schedules.get(id) ?? this.schedules.byJobId(id);
        if (entry) {
            entry.trigger.State = 'DELETED';
            entry.trigger.NextFireTime = null;
            this.sink?.upsert('CronTrigger', entry.trigger);
            this.finishRecord(entry.jobId, 'Aborted');
            return;
        }
        const record = this.records.get(id);
        if (!record) throw new NotSupportedError(`System.abortJob of an unknown job ${id}`, '<async>:1');
        if (!ACTIVE.has(record.Status)) {
            throw new NotSupportedError(`System.abortJob of a job in status ${record.Status}`, '<async>:1');
        }
        const index = this.queue.findIndex((q) => q.record.Id === id);
        if (index >= 0) this.queue.splice(index, 1);
        this.finishRecord(id, 'Aborted');
        this.promoteHolding();
    }

    // ---- records ------------------------------------------------------------------------------------------------

    job(id: string): Readonly<AsyncApexJobRecord> | undefined {
        return this.records.get(id);
    }

    jobs(): Readonly<AsyncApexJobRecord>[] {
        return [...this.records.values()];
    }

    private update(record: AsyncApexJobRecord, changes: Partial<AsyncApexJobRecord>): void {
        Object.assign(record, changes);
        this.sink?.upsert('AsyncApexJob', record);
    }

    private finishRecord(id: string, status: 'Completed' | 'Failed' | 'Aborted'): void {
        const record = this.records.get(id);
        if (record) this.update(record, { Status: status, CompletedDate: this.clock.now() });
    }

    private promoteHolding(): void {
        const running = this.jobs().filter(
            (r) => r.JobType === 'BatchApex' && ACTIVE.has(r.Status) && r.Status !== 'Holding',
        );
        if (running.length >= MAX_CONCURRENT_BATCHES) return;
        const next = this.queue.find((q) => q.record.Status === 'Holding');
        if (next) this.update(next.record, { Status: 'Queued' });
    }

    // ---- Test.startTest / Test.stopTest -------------------------------------------------------------------------

    startTest(): void {
        const tx = this.current();
        if (!tx.isTest || this.stack.length !== 1) throw new Error('AsyncEngine.startTest outside a test transaction');
        if (this.testWindow !== 'before')
            raise('UnexpectedException', 'Test.startTest() can only be called once per test');
        this.testWindow = 'open';
    }

    /**
     * Runs, synchronously and in order, the work the test enqueued since startTest: queueables (their chained
     * children stay queued), future calls, batches (one execute only, as the platform allows in tests), scheduled jobs
     * (once, whatever their fire time) and platform events. The first unhandled failure is rethrown afterwards.
     */
    stopTest(): void {
        const tx = this.current();
        if (!tx.isTest || this.stack.length !== 1) throw new Error('AsyncEngine.stopTest outside a test transaction');
        if (this.testWindow === 'closed')
            raise('UnexpectedException', 'Test.stopTest() can only be called once per test');
        this.testWindow = 'closed';
        const windowJobs = tx.staged.filter((s) => this.pendingJobs.get(s.key)?.inTestWindow === true);
        let firstError: unknown = null;
        for (const staged of windowJobs) {
            tx.staged.splice(tx.staged.indexOf(staged), 1);
            const job = this.pendingJobs.get(staged.key);
            if (!job) continue;
            const error = this.runJob(job, true);
            if (error !== null && firstError === null) firstError = error;
        }
        // The host's own exception (an Apex exception value), rethrown unchanged.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        if (firstError !== null) throw firstError;
    }

    // ---- running ------------------------------------------------------------------------------------------------

    private freeze(payload: P): unknown {
        return this.host.freeze ? this.host.freeze(payload) : payload;
    }

    private thaw(frozen: unknown): P {
        return this.host.thaw ? this.host.thaw(frozen) : (frozen as P);
    }

    private describe(error: unknown): string {
        if (this.host.describeError) return this.host.describeError(error);
        return error instanceof Error ? error.message : String(error);
    }

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
        this.stack.push(tx);
        try {
            const result = this.host.runStep(step, tx);
            for (const s of tx.staged) s.commit();
            return { ok: true, result: result ?? null, tx };
        } catch (error) {
            for (const s of tx.staged) s.rollback();
            return { ok: false, error, tx };
        } finally {
            this.stack.pop();
        }
    }

    /** Runs a job to its end; returns its unhandled failure (or null). */
    private runJob(job: QueuedJob<P>, isTest: boolean): unknown {
        this.pendingJobs.delete(jobKey(job));
        const index = this.queue.indexOf(job);
        if (index >= 0) this.queue.splice(index, 1);
        const { request, record } = job;
        switch (request.kind) {
            case 'queueable':
                return this.runQueueable(job, isTest);
            case 'future': {
                this.update(record, { Status: 'Processing' });
                const out = this.runInTx(
                    { kind: 'future', jobId: record.Id, payload: this.thaw(job.frozen) },
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
                    thaw: (f) => this.thaw(f),
                    freeze: (p) => this.freeze(p),
                    run: (step, origin) => this.runInTx(step, origin, isTest, request.allowsCallouts ?? false),
                    update: (changes) => this.update(record, changes),
                    describe: (e) => this.describe(e),
                    now: () => this.clock.now(),
                    done: () => this.promoteHolding(),
                });
            case 'schedule': {
                const entry = record.CronTriggerId ? this.schedules.get(record.CronTriggerId) : undefined;
                return entry ? this.fire(entry, entry.trigger.NextFireTime ?? this.clock.now(), isTest) : null;
            }
            case 'event': {
                const out = this.runInTx({ kind: 'event', payload: this.thaw(job.frozen) }, 'event', isTest, true);
                if (!out.ok) this.backgroundErrors.push({ jobId: null, error: out.error });
                return null;
            }
        }
    }

    private settle(record: AsyncApexJobRecord, out: StepOutcome<P>): void {
        if (out.ok) {
            this.update(record, { Status: 'Completed', CompletedDate: this.clock.now() });
        } else {
            this.update(record, {
                Status: 'Failed',
                NumberOfErrors: 1,
                ExtendedStatus: this.describe(out.error),
                CompletedDate: this.clock.now(),
            });
        }
    }

    private runQueueable(job: QueuedJob<P>, isTest: boolean): unknown {
        const { record } = job;
        this.update(record, { Status: 'Processing' });
        const step: JobStep<P> = { kind: 'queueable', jobId: record.Id, payload: this.thaw(job.frozen) };
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
        if (!fin.ok) this.backgroundErrors.push({ jobId: record.Id, error: fin.error });
        return null;
    }

    private fire(entry: ScheduledEntry, firedAt: number, isTest: boolean): unknown {
        const record = this.records.get(entry.jobId);
        entry.trigger.State = 'EXECUTING';
        if (record) this.update(record, { Status: 'Processing' });
        const out = this.runInTx(
            { kind: 'schedule', jobId: entry.jobId, triggerId: entry.trigger.Id, payload: this.thaw(entry.frozen) },
            'schedule',
            isTest,
            false,
        );
        if (abortedWhileFiring(entry)) {
            // System.abortJob during its own fire (a job that ends its schedule): the trigger stays deleted and its
            // job Aborted; the fire still counts.
            entry.trigger.TimesTriggered++;
            entry.trigger.PreviousFireTime = firedAt;
            entry.trigger.EndTime = this.clock.now();
            this.sink?.upsert('CronTrigger', entry.trigger);
            if (record && !out.ok) {
                this.update(record, {
                    NumberOfErrors: record.NumberOfErrors + 1,
                    ExtendedStatus: this.describe(out.error),
                });
            }
            if (!out.ok && !isTest) this.backgroundErrors.push({ jobId: entry.jobId, error: out.error });
            return out.ok ? null : out.error;
        }
        this.schedules.recordFire(entry, firedAt, this.clock.now());
        this.sink?.upsert('CronTrigger', entry.trigger);
        if (record) {
            const ended = entry.trigger.NextFireTime === null;
            this.update(record, {
                Status: ended ? 'Completed' : 'Queued',
                NumberOfErrors: record.NumberOfErrors + (out.ok ? 0 : 1),
                ExtendedStatus: out.ok ? record.ExtendedStatus : this.describe(out.error),
                CompletedDate: ended ? this.clock.now() : null,
            });
        }
        if (!out.ok && !isTest) this.backgroundErrors.push({ jobId: entry.jobId, error: out.error });
        return out.ok ? null : out.error;
    }

    // ---- the local scheduler ------------------------------------------------------------------------------------

    /** Runs every job and schedule due at the clock's time, in order (ready time, then enqueue order). */
    runDue(): number {
        let ran = 0;
        while (this.runNext()) ran++;
        return ran;
    }

    /**
     * Runs the one job step or schedule fire due first at the clock's time; false when nothing is due. A background
     * pump calls it repeatedly, giving other work (a page's requests) a turn between steps.
     */
    runNext(): boolean {
        if (this.stack.length > 0) throw new Error('AsyncEngine.runNext inside an open transaction');
        const now = this.clock.now();
        const job = this.nextReady(now);
        const trigger = this.schedules.due(now)[0];
        if (!job && !trigger) return false;
        const triggerFirst = trigger && (!job || (trigger.trigger.NextFireTime ?? 0) < job.readyAt);
        if (triggerFirst) this.fire(trigger, trigger.trigger.NextFireTime ?? now, false);
        else if (job) {
            const error = this.runJob(job, false);
            if (error !== null && job.request.kind !== 'schedule')
                this.backgroundErrors.push({ jobId: job.record.Id, error });
        }
        return true;
    }

    /** When the next queued job (not Holding) or schedule fire is due, and which; null when nothing waits. */
    nextDue(): { at: number; kind: 'job' | 'schedule' } | null {
        let next: { at: number; kind: 'job' | 'schedule' } | null = null;
        for (const q of this.queue) {
            if (q.record.Status === 'Holding') continue;
            if (next === null || q.readyAt < next.at) next = { at: q.readyAt, kind: 'job' };
        }
        const fire = this.schedules.nextDue();
        if (fire !== null && (next === null || fire < next.at)) next = { at: fire, kind: 'schedule' };
        return next;
    }

    /** The queued job to run next at `now`: earliest ready time, then enqueue order (one linear scan). */
    private nextReady(now: number): QueuedJob<P> | undefined {
        let best: QueuedJob<P> | undefined;
        for (const q of this.queue) {
            if (q.readyAt > now || q.record.Status === 'Holding') continue;
            if (!best || q.readyAt < best.readyAt || (q.readyAt === best.readyAt && q.seq < best.seq)) best = q;
        }
        return best;
    }

    /**
     * Runs due work, then moves a movable clock to the next due time and repeats, until nothing is due before
     * `untilMs` (or `maxRuns` runs). Returns the number of runs.
     */
    runUntilIdle(untilMs: number, maxRuns = 10_000): number {
        let ran = 0;
        while (ran < maxRuns) {
            ran += this.runDue();
            const nextJob = this.queue.filter((q) => q.record.Status !== 'Holding').map((q) => q.readyAt);
            const nextTrigger = this.schedules.nextDue();
            const candidates = nextTrigger === null ? nextJob : [...nextJob, nextTrigger];
            if (candidates.length === 0) return ran;
            const next = Math.min(...candidates);
            if (next > untilMs || !isMovable(this.clock)) return ran;
            this.clock.advanceTo(next);
        }
        return ran;
    }

    // ---- persistence --------------------------------------------------------------------------------------------

    /**
     * The committed queue and schedules as plain data, for a host that keeps them across restarts: each job's
     * request (without its payload), AsyncApexJob record, ready time, chain depth and frozen payload (passed through
     * `encode`). Taken between transactions only (nothing staged, nothing running).
     */
    exportState(encode: (frozen: unknown) => unknown): EngineState {
        if (this.stack.length > 0) throw new Error('AsyncEngine.exportState inside an open transaction');
        const jobs = this.queue.map((q) => {
            const request: Record<string, unknown> = { ...q.request };
            delete request['payload'];
            return {
                seq: q.seq,
                record: { ...q.record },
                request,
                frozen: encode(q.frozen),
                readyAt: q.readyAt,
                depth: q.depth,
                maxDepth: q.maxDepth ?? null,
                signature: q.signature ?? null,
            };
        });
        const schedules = this.schedules.all().map((e) => ({
            trigger: { ...e.trigger },
            detail: { ...e.detail },
            jobId: e.jobId,
            className: e.className,
            frozen: encode(e.frozen),
            record: this.records.get(e.jobId) ? { ...this.records.get(e.jobId)! } : null,
        }));
        return { seq: this.seq, jobs, schedules };
    }

    /**
     * Takes up a state exported by `exportState` (a fresh engine, after a restart): the jobs join the queue as they
     * were, the schedules their table. Returns the number of jobs and schedules taken up. The store already holds
     * their AsyncApexJob / CronTrigger rows.
     */
    importState(state: EngineState, decode: (encoded: unknown) => unknown): number {
        if (this.queue.length > 0 || this.schedules.all().length > 0)
            throw new Error('AsyncEngine.importState into an engine that already has work');
        this.seq = Math.max(this.seq, state.seq);
        for (const j of state.jobs) {
            const frozen = decode(j.frozen);
            const request = { ...j.request, payload: null } as unknown as EnqueueRequest<P>;
            const record = { ...j.record };
            if (record.Id !== '') this.records.set(record.Id, record);
            this.queue.push({
                seq: j.seq,
                record,
                request,
                frozen,
                readyAt: j.readyAt,
                depth: j.depth,
                maxDepth: j.maxDepth ?? undefined,
                signature: j.signature ?? undefined,
                inTestWindow: false,
            });
        }
        for (const s of state.schedules) {
            const entry: ScheduledEntry = {
                trigger: { ...s.trigger },
                detail: { ...s.detail },
                schedule: parseCron(s.trigger.CronExpression),
                jobId: s.jobId,
                className: s.className,
                frozen: decode(s.frozen),
            };
            this.schedules.add(entry);
            if (s.record) this.records.set(s.record.Id, { ...s.record });
        }
        return state.jobs.length + state.schedules.length;
    }

    /** Jobs waiting in the queue (committed, not yet run), in run order. */
    queued(): Readonly<AsyncApexJobRecord>[] {
        return [...this.queue].sort((a, b) => a.readyAt - b.readyAt || a.seq - b.seq).map((q) => q.record);
    }
}
