/**
 * The async engine's host: runs each step of a job (a queueable's execute, a future method, a batch's start /
 * execute / finish, a schedule's execute, a finalizer, platform-event triggers) in a fresh asynchronous Apex
 * transaction of the org, committing its data on success and rolling it back on an unhandled exception. Inside a test
 * the step's data transaction is a savepoint of the test's, so the test's rollback still removes everything, and the
 * step shares the test's static variables (the platform runs the test's async code in the test's context).
 */
import type { AsyncHost, BatchSource, JobStep } from '../async/host.js';
import type { AsyncTransaction } from '../async/transaction.js';
import { PlatformException } from '../async/platform-exception.js';
import type { OrgStore } from '../data/index.js';
import type { Runtime, Transaction } from '../apex/interpreter/runtime.js';
import { exceptionTypeName, newException } from '../apex/runtime/exceptions.js';
import type { RtMethod } from '../apex/runtime/classes.js';
import type { RtType } from '../apex/runtime/types.js';
import type { Limits } from '../apex/runtime/limits.js';
import { ApexList, ApexObject, ApexThrow, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { copyValue } from './value-copy.js';

/** The engine's opaque payload of a job. */
export type OrgJob =
    | { kind: 'object'; value: Value }
    | { kind: 'future'; method: RtMethod; args: Value[] }
    | { kind: 'events'; objectName: string; events: SObjectValue[] };

const POS = { file: '<async>', line: 0 };
const OBJECT: RtType = { k: 'prim', p: 'object' };

type AsyncKind = Transaction['asyncKind'];

function asyncKindOf(step: JobStep<OrgJob>): AsyncKind {
    switch (step.kind) {
        case 'batchStart':
        case 'batchExecute':
        case 'batchFinish':
            return 'batch';
        case 'event':
            return null;
        default:
            return step.kind;
    }
}

export class OrgAsyncHost implements AsyncHost<OrgJob> {
    /** System.debug lines of every step run, in order (printed by `apex run`). */
    readonly debug: { line: number; level: string; message: string }[] = [];
    /**
     * Subscribers outside Apex (a page's empApi through the LWC host): told of each platform event delivery, as the
     * event bus delivers it (after commit, or at once, per the event's publish behaviour), before the triggers run.
     */
    readonly eventListeners: ((objectName: string, events: SObjectValue[]) => void)[] = [];
    /**
     * Told of every async transaction when it ends, with its kind and the limits it used (benchmarks read the
     * highest share of each limit a run's jobs reached).
     */
    readonly transactionListeners: ((kind: string, limits: Limits) => void)[] = [];
    /** The element type of each batch's scope lists, fixed by what start() returned. */
    private readonly scopeTypes = new Map<string, RtType>();

    constructor(
        private readonly rt: Runtime,
        private readonly store: OrgStore,
        private readonly openLocator: (locator: NativeObject) => BatchSource,
        /** The platform's running user, read and switched for a step that runs as its job's user. */
        private readonly user: { get(): string; set(userId: string): void } | null = null,
    ) {}

    runningUserId(): string {
        return this.user?.get() ?? this.store.defaultUserId;
    }

    runStep(step: JobStep<OrgJob>, tx: AsyncTransaction<OrgJob>): BatchSource | void {
        const rt = this.rt;
        const saved = { tx: rt.tx, top: rt.top, depth: rt.depth, user: this.user?.get() };
        if (tx.userId && this.user) this.user.set(tx.userId);
        const fresh = rt.beginTransaction({ isTest: tx.isTest, isAsync: true, asyncKind: asyncKindOf(step) });
        // In a test, the async code Test.stopTest runs sees the test's static variables (and the test sees what it
        // set), as on the platform; outside tests each step starts with fresh statics.
        if (tx.isTest && saved.tx) fresh.statics = saved.tx.statics;
        const data = this.beginData();
        try {
            const result = this.dispatch(step);
            data.commit();
            return result;
        } catch (e) {
            data.rollback();
            throw e;
        } finally {
            for (const listener of this.transactionListeners) listener(fresh.asyncKind ?? 'async', fresh.limits);
            this.debug.push(...fresh.debug);
            rt.tx = saved.tx;
            rt.top = saved.top;
            rt.depth = saved.depth;
            if (saved.user !== undefined && this.user) this.user.set(saved.user);
        }
    }

    freeze(payload: OrgJob): unknown {
        return copyJob(payload);
    }

    thaw(frozen: unknown): OrgJob {
        return copyJob(frozen as OrgJob);
    }

    describeError(error: unknown): string {
        if (error instanceof ApexThrow)
            return `${exceptionTypeName(error.exc.cls)}: ${this.rt.stringOf(error.exc.exc?.message ?? null)}`;
        if (error instanceof PlatformException) return error.toString();
        return error instanceof Error ? error.message : String(error);
    }

    /** A savepoint of the enclosing data transaction (in a test), or a transaction of its own. */
    private beginData(): { commit(): void; rollback(): void } {
        const store = this.store;
        if (store.inTransaction) {
            const sp = store.setSavepoint();
            return {
                commit: () => store.releaseSavepoint(sp),
                rollback: () => {
                    store.rollbackTo(sp);
                    store.releaseSavepoint(sp);
                },
            };
        }
        store.begin();
        return { commit: () => store.commit(), rollback: () => store.rollback() };
    }

    private dispatch(step: JobStep<OrgJob>): BatchSource | void {
        const rt = this.rt;
        const p = step.payload;
        if (step.kind === 'future') {
            if (p.kind !== 'future') throw new Error('future step without a future payload');
            rt.invoke(p.method, null, p.args, null);
            return;
        }
        if (step.kind === 'event') {
            if (p.kind !== 'events') throw new Error('event step without events');
            for (const listener of this.eventListeners) listener(p.objectName, p.events);
            rt.runTriggers({ objectName: p.objectName, event: 'after insert', newRecords: p.events, oldRecords: null });
            return;
        }
        if (p.kind !== 'object') throw new Error(`${step.kind} step without a job object`);
        const job = p.value;
        const ctx = (name: string, state: object): NativeObject => new NativeObject(name, state);
        switch (step.kind) {
            case 'queueable':
                rt.callMethod(job, 'execute', [ctx('System.QueueableContext', { jobId: step.jobId })], POS);
                return;
            case 'batchStart':
                return this.source(
                    step.jobId,
                    rt.callMethod(job, 'start', [ctx('Database.BatchableContext', { jobId: step.jobId })], POS),
                );
            case 'batchExecute': {
                const scope = new ApexList(this.scopeTypes.get(step.jobId) ?? OBJECT, step.scope as Value[]);
                rt.callMethod(job, 'execute', [ctx('Database.BatchableContext', { jobId: step.jobId }), scope], POS);
                return;
            }
            case 'batchFinish':
                rt.callMethod(job, 'finish', [ctx('Database.BatchableContext', { jobId: step.jobId })], POS);
                return;
            case 'schedule':
                rt.callMethod(job, 'execute', [ctx('System.SchedulableContext', { jobId: step.triggerId })], POS);
                return;
            case 'finalizer': {
                const exception = this.exceptionValue(step.error);
                const state = { jobId: step.jobId, result: step.result, exception };
                rt.callMethod(job, 'execute', [ctx('System.FinalizerContext', state)], POS);
                return;
            }
        }
    }

    /** What a batch's start() returned: a QueryLocator (read through the store's cursor) or an Iterable. */
    private source(jobId: string, started: Value): BatchSource {
        const rt = this.rt;
        if (started instanceof NativeObject && started.typeName === 'Database.QueryLocator') {
            const from = /\bfrom\s+([A-Za-z0-9_]+)/i.exec((started.state as { text: string }).text)?.[1];
            const object = from ? rt.schema.getObject(from)?.name : undefined;
            this.scopeTypes.set(jobId, { k: 'sobject', name: object ?? null });
            return this.openLocator(started);
        }
        let items: Value[];
        if (started instanceof ApexList) {
            items = started.items.slice();
            this.scopeTypes.set(jobId, started.elType);
        } else if (started instanceof ApexObject) {
            // An Iterable: drawn to the end inside start's transaction, as its iterator may query.
            const it = rt.callMethod(started, 'iterator', [], POS);
            items = [];
            while (rt.callMethod(it, 'hasnext', [], POS) === true) items.push(rt.callMethod(it, 'next', [], POS));
        } else return rt.fail('NullPointerException', 'Attempt to de-reference a null object');
        let at = 0;
        return {
            take: (n) => {
                const chunk = items.slice(at, at + n);
                at += chunk.length;
                return chunk;
            },
        };
    }

    private exceptionValue(error: unknown): Value {
        if (error === null || error === undefined) return null;
        if (error instanceof ApexThrow) return error.exc;
        const type = error instanceof PlatformException ? error.exceptionType : 'UnexpectedException';
        const message =
            error instanceof Error ? error.message : typeof error === 'string' ? error : 'an unknown failure';
        return newException(this.rt.exceptionClass(type), message, null, null);
    }
}

function copyJob(job: OrgJob): OrgJob {
    switch (job.kind) {
        case 'object':
            return { kind: 'object', value: copyValue(job.value) };
        case 'future':
            return { kind: 'future', method: job.method, args: job.args.map((a) => copyValue(a)) };
        case 'events':
            return {
                kind: 'events',
                objectName: job.objectName,
                events: job.events.map((e) => copyValue(e) as SObjectValue),
            };
    }
}
