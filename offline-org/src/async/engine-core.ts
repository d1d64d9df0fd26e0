/**
 * The async engine's shared state, for the parts of the engine (engine.ts, enqueue.ts, job-runner.ts,
 * engine-persistence.ts) and no one else: the committed queue, the AsyncApexJob rows, the jobs staged in open
 * transactions, the schedules, the transaction stack and the Test.startTest window; with the bookkeeping they share
 * (a row's updates reaching the sink, forgetting rolled-back work, promoting Holding batches) and the host's
 * freeze / thaw / describe with their defaults.
 */
import { IdGenerator } from '../data/ids/ids.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { MAX_CONCURRENT_BATCHES } from './enqueue-rules.js';
import type { AsyncHost, EnqueueRequest } from './host.js';
import type { AsyncApexJobRecord, RecordSink } from './records.js';
import { ScheduleTable } from './schedule-table.js';
import type { AsyncTransaction } from './transaction.js';

export type EngineIdKind = 'AsyncApexJob' | 'CronTrigger' | 'CronJobDetail';

/** A job enqueued: its row, its request and frozen payload, when it may run and its queueable chain depth. */
export interface QueuedJob<P> {
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

/** The key a job is staged under: its AsyncApexJob Id, or for an event (which has no row) its sequence number. */
export function jobKey<P>(job: QueuedJob<P>): string {
    return job.record.Id || `event-${job.seq}`;
}

/** The statuses of a job that has not ended. */
export const ACTIVE: ReadonlySet<string> = new Set(['Holding', 'Queued', 'Preparing', 'Processing']);
const PREFIXES = { AsyncApexJob: '707', CronTrigger: '08e', CronJobDetail: '08a' } as const;

export class EngineCore<P> {
    readonly schedules = new ScheduleTable();
    /** Failures of finalizers and event deliveries, which no caller sees (the platform logs them). */
    readonly backgroundErrors: { jobId: string | null; error: unknown }[] = [];
    readonly host: AsyncHost<P>;
    readonly clock: Clock;
    readonly newId: (objectName: EngineIdKind) => string;
    readonly sink: RecordSink | undefined;
    readonly queue: QueuedJob<P>[] = [];
    readonly records = new Map<string, AsyncApexJobRecord>();
    /** Who enqueued or scheduled each job, by AsyncApexJob Id: its steps run as that user. */
    readonly jobUsers = new Map<string, string>();
    readonly stack: AsyncTransaction<P>[] = [];
    /** What the open top-level transaction created, removed again on rollback and after a test method. */
    readonly createdInTopLevel: string[] = [];
    testWindow: 'before' | 'open' | 'closed' = 'before';
    /** Jobs staged in an open transaction, by key. */
    readonly pendingJobs = new Map<string, QueuedJob<P>>();
    seq = 0;

    constructor(options: {
        host: AsyncHost<P>;
        clock?: Clock;
        newId?: (objectName: EngineIdKind) => string;
        sink?: RecordSink;
    }) {
        this.host = options.host;
        this.clock = options.clock ?? systemClock;
        const ids = new IdGenerator();
        this.newId = options.newId ?? ((name) => ids.newId(PREFIXES[name]));
        this.sink = options.sink;
    }

    jobs(): Readonly<AsyncApexJobRecord>[] {
        return [...this.records.values()];
    }

    update(record: AsyncApexJobRecord, changes: Partial<AsyncApexJobRecord>): void {
        Object.assign(record, changes);
        this.sink?.upsert('AsyncApexJob', record);
    }

    finishRecord(id: string, status: 'Completed' | 'Failed' | 'Aborted'): void {
        const record = this.records.get(id);
        if (record) this.update(record, { Status: status, CompletedDate: this.clock.now() });
    }

    /** A Holding batch becomes Queued when fewer than the maximum of batches run. */
    promoteHolding(): void {
        const running = this.jobs().filter(
            (r) => r.JobType === 'BatchApex' && ACTIVE.has(r.Status) && r.Status !== 'Holding',
        );
        if (running.length >= MAX_CONCURRENT_BATCHES) return;
        const next = this.queue.find((q) => q.record.Status === 'Holding');
        if (next) this.update(next.record, { Status: 'Queued' });
    }

    /** Removes a job or schedule as if it had never been enqueued (rollback). */
    forget(id: string): void {
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

    freeze(payload: P): unknown {
        return this.host.freeze ? this.host.freeze(payload) : payload;
    }

    thaw(frozen: unknown): P {
        return this.host.thaw ? this.host.thaw(frozen) : (frozen as P);
    }

    describe(error: unknown): string {
        if (this.host.describeError) return this.host.describeError(error);
        return error instanceof Error ? error.message : String(error);
    }
}
