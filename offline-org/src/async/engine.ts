/**
 * The org's async engine, independent of Apex values: queueables (chaining, AsyncOptions, finalizers), future
 * calls, batches, scheduled jobs and platform-event delivery; AsyncApexJob / CronTrigger rows; the enqueue rules;
 * Test.startTest/stopTest; and a local scheduler that runs due work in order on a (virtual) clock.
 *
 * Transactions: the interpreter opens its synchronous transaction with beginTransaction() and closes it with
 * endTransaction(committed). Work enqueued there is staged and reaches the queue only on commit. Each job the
 * engine runs gets its own AsyncTransaction, passed to host.runStep.
 *
 * AsyncEngine is the engine's face; its parts share an EngineCore (engine-core.ts): enqueueing is enqueue.ts's,
 * running jobs and schedule fires job-runner.ts's, and exporting and importing the committed work
 * engine-persistence.ts's.
 */
import { NotSupportedError } from '../data/errors.js';
import type { Clock } from './clock.js';
import { isMovable } from './clock.js';
import { EngineCore } from './engine-core.js';
import type { QueuedJob } from './engine-core.js';
import { ACTIVE } from './engine-core.js';
import { exportState, importState } from './engine-persistence.js';
import type { EngineState } from './engine-persistence.js';
import { Enqueuer } from './enqueue.js';
import type { AsyncHost, EnqueueRequest, TxLimits } from './host.js';
import { JobRunner } from './job-runner.js';
import { raise } from './platform-exception.js';
import type { AsyncApexJobRecord, RecordSink } from './records.js';
import type { ScheduleTable } from './schedule-table.js';
import { AsyncTransaction } from './transaction.js';

export type { EngineState };

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

export class AsyncEngine<P> {
    readonly schedules: ScheduleTable;
    /** Failures of finalizers and event deliveries, which no caller sees (the platform logs them). */
    readonly backgroundErrors: { jobId: string | null; error: unknown }[];
    private readonly core: EngineCore<P>;
    private readonly enqueuer: Enqueuer<P>;
    private readonly runner: JobRunner<P>;

    constructor(private readonly options: AsyncEngineOptions<P>) {
        this.core = new EngineCore(options);
        this.schedules = this.core.schedules;
        this.backgroundErrors = this.core.backgroundErrors;
        this.enqueuer = new Enqueuer(this.core, options);
        this.runner = new JobRunner(this.core);
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
        const core = this.core;
        if (core.stack.length > 0) throw new Error('AsyncEngine: a transaction is already open');
        const tx = new AsyncTransaction<P>('sync', opts.isTest ?? false, null, true);
        core.stack.push(tx);
        core.createdInTopLevel.length = 0;
        core.testWindow = 'before';
        return tx;
    }

    /**
     * Closes it: on commit, staged work joins the queue; on rollback (and always after a test method) every job and
     * schedule the transaction created, directly or through stopTest, disappears.
     */
    endTransaction(committed: boolean): void {
        const core = this.core;
        const tx = core.stack.pop();
        if (!tx || core.stack.length > 0)
            throw new Error('AsyncEngine: endTransaction without a matching beginTransaction');
        if (committed && !tx.isTest) {
            for (const s of tx.staged) s.commit();
        } else {
            for (const s of tx.staged) s.rollback();
            for (const id of core.createdInTopLevel) core.forget(id);
        }
        core.createdInTopLevel.length = 0;
    }

    /** Whether a transaction (synchronous, or a running job's) is open. */
    get inTransaction(): boolean {
        return this.core.stack.length > 0;
    }

    current(): AsyncTransaction<P> {
        const stack = this.core.stack;
        const tx = stack[stack.length - 1];
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
        return this.core.stack.length > 0 && this.current().hasUncommittedWork();
    }

    // ---- enqueue and abort --------------------------------------------------------------------------------------

    /**
     * System.enqueueJob, @future calls, Database.executeBatch, System.schedule, EventBus.publish. Returns the
     * AsyncApexJob Id (the CronTrigger Id for a schedule; '' for an event). Increments the transaction's counters.
     */
    enqueue(req: EnqueueRequest<P>, limits: TxLimits): string {
        return this.enqueuer.enqueue(this.current(), req, limits);
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
        const core = this.core;
        const entry = core.schedules.get(id) ?? core.schedules.byJobId(id);
        if (entry) {
            entry.trigger.State = 'DELETED';
            entry.trigger.NextFireTime = null;
            core.sink?.upsert('CronTrigger', entry.trigger);
            core.finishRecord(entry.jobId, 'Aborted');
            return;
        }
        const record = core.records.get(id);
        if (!record) throw new NotSupportedError(`System.abortJob of an unknown job ${id}`, '<async>:1');
        if (!ACTIVE.has(record.Status)) {
            throw new NotSupportedError(`System.abortJob of a job in status ${record.Status}`, '<async>:1');
        }
        const index = core.queue.findIndex((q) => q.record.Id === id);
        if (index >= 0) core.queue.splice(index, 1);
        core.finishRecord(id, 'Aborted');
        core.promoteHolding();
    }

    // ---- records ------------------------------------------------------------------------------------------------

    job(id: string): Readonly<AsyncApexJobRecord> | undefined {
        return this.core.records.get(id);
    }

    jobs(): Readonly<AsyncApexJobRecord>[] {
        return this.core.jobs();
    }

    /** Jobs waiting in the queue (committed, not yet run), in run order. */
    queued(): Readonly<AsyncApexJobRecord>[] {
        return [...this.core.queue].sort((a, b) => a.readyAt - b.readyAt || a.seq - b.seq).map((q) => q.record);
    }

    // ---- Test.startTest / Test.stopTest -------------------------------------------------------------------------

    startTest(): void {
        const tx = this.current();
        if (!tx.isTest || this.core.stack.length !== 1)
            throw new Error('AsyncEngine.startTest outside a test transaction');
        if (this.core.testWindow !== 'before')
            raise('UnexpectedException', 'Test.startTest() can only be called once per test');
        this.core.testWindow = 'open';
    }

    /**
     * Runs, synchronously and in order, the work the test enqueued since startTest: queueables (their chained
     * children stay queued), future calls, batches (one execute only, as the platform allows in tests), scheduled jobs
     * (once, whatever their fire time) and platform events. The first unhandled failure is rethrown afterwards.
     */
    stopTest(): void {
        const core = this.core;
        const tx = this.current();
        if (!tx.isTest || core.stack.length !== 1) throw new Error('AsyncEngine.stopTest outside a test transaction');
        if (core.testWindow === 'closed')
            raise('UnexpectedException', 'Test.stopTest() can only be called once per test');
        core.testWindow = 'closed';
        const windowJobs = tx.staged.filter((s) => core.pendingJobs.get(s.key)?.inTestWindow === true);
        let firstError: unknown = null;
        for (const staged of windowJobs) {
            tx.staged.splice(tx.staged.indexOf(staged), 1);
            const job = core.pendingJobs.get(staged.key);
            if (!job) continue;
            const error = this.runner.runJob(job, true);
            if (error !== null && firstError === null) firstError = error;
        }
        // The host's own exception (an Apex exception value), rethrown unchanged.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        if (firstError !== null) throw firstError;
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
        const core = this.core;
        if (core.stack.length > 0) throw new Error('AsyncEngine.runNext inside an open transaction');
        const now = core.clock.now();
        const job = this.nextReady(now);
        const trigger = core.schedules.due(now)[0];
        if (!job && !trigger) return false;
        const triggerFirst = trigger && (!job || (trigger.trigger.NextFireTime ?? 0) < job.readyAt);
        if (triggerFirst) this.runner.fire(trigger, trigger.trigger.NextFireTime ?? now, false);
        else if (job) {
            const error = this.runner.runJob(job, false);
            if (error !== null && job.request.kind !== 'schedule')
                core.backgroundErrors.push({ jobId: job.record.Id, error });
        }
        return true;
    }

    /** When the next queued job (not Holding) or schedule fire is due, and which; null when nothing waits. */
    nextDue(): { at: number; kind: 'job' | 'schedule' } | null {
        let next: { at: number; kind: 'job' | 'schedule' } | null = null;
        for (const q of this.core.queue) {
            if (q.record.Status === 'Holding') continue;
            if (next === null || q.readyAt < next.at) next = { at: q.readyAt, kind: 'job' };
        }
        const fire = this.core.schedules.nextDue();
        if (fire !== null && (next === null || fire < next.at)) next = { at: fire, kind: 'schedule' };
        return next;
    }

    /** The queued job to run next at `now`: earliest ready time, then enqueue order (one linear scan). */
    private nextReady(now: number): QueuedJob<P> | undefined {
        let best: QueuedJob<P> | undefined;
        for (const q of this.core.queue) {
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
        const core = this.core;
        let ran = 0;
        while (ran < maxRuns) {
            ran += this.runDue();
            const nextJob = core.queue.filter((q) => q.record.Status !== 'Holding').map((q) => q.readyAt);
            const nextTrigger = core.schedules.nextDue();
            const candidates = nextTrigger === null ? nextJob : [...nextJob, nextTrigger];
            if (candidates.length === 0) return ran;
            const next = Math.min(...candidates);
            if (next > untilMs || !isMovable(core.clock)) return ran;
            core.clock.advanceTo(next);
        }
        return ran;
    }

    // ---- persistence (engine-persistence.ts) --------------------------------------------------------------------

    /**
     * The committed queue and schedules as plain data, for a host that keeps them across restarts: each job's
     * request (without its payload), AsyncApexJob record, ready time, chain depth and frozen payload (passed through
     * `encode`). Taken between transactions only (nothing staged, nothing running).
     */
    exportState(encode: (frozen: unknown) => unknown): EngineState {
        return exportState(this.core, encode);
    }

    /**
     * Takes up a state exported by `exportState` (a fresh engine, after a restart): the jobs join the queue as they
     * were, the schedules their table. Returns the number of jobs and schedules taken up. The store already holds
     * their AsyncApexJob / CronTrigger rows.
     */
    importState(state: EngineState, decode: (encoded: unknown) => unknown): number {
        return importState(this.core, state, decode);
    }
}
