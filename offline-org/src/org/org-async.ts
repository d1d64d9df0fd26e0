/**
 * The org's async side: the AsyncEngine over the org's store and interpreter. Turns the interpreter's AsyncRequests
 * (System.enqueueJob, @future, Database.executeBatch, System.schedule, System.attachFinalizer) and EventBus.publish
 * into the engine's requests, and keeps the engine's transactions in step with the org's.
 */
import { AsyncEngine } from '../async/engine.js';
import type { BatchSource, EnqueueRequest, QueueableOptions } from '../async/host.js';
import type { MovableClock } from '../async/clock.js';
import { SkippingClock } from '../async/clock.js';
import type { OrgStore } from '../data/index.js';
import type { Runtime } from '../apex/interpreter/runtime.js';
import type { AsyncRequest, DmlRowResult } from '../apex/platform.js';
import type { Limits } from '../apex/runtime/limits.js';
import { isInstance } from '../apex/runtime/types.js';
import { ApexObject, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { OrgAsyncHost } from './async-host.js';
import type { OrgJob } from './async-host.js';
import { storeRecordSink } from './async-records.js';

const implementsIface = (v: Value, name: string): boolean => isInstance(v, { k: 'native', name });

function className(rt: Runtime, job: Value): string {
    if (job instanceof ApexObject) return job.cls.name;
    return rt.npe();
}

export class OrgAsync {
    readonly engine: AsyncEngine<OrgJob>;
    readonly host: OrgAsyncHost;
    /**
     * The scheduler's clock (the org's clock: real time plus what the scheduler skipped); `runQueued` moves it to
     * each next due time.
     */
    readonly clock: MovableClock;

    constructor(
        private readonly rt: Runtime,
        store: OrgStore,
        openLocator: (locator: NativeObject) => BatchSource,
        clock: MovableClock = new SkippingClock(),
        user: { get(): string; set(userId: string): void } | null = null,
    ) {
        this.clock = clock;
        this.host = new OrgAsyncHost(rt, store, openLocator, user);
        this.engine = new AsyncEngine<OrgJob>({
            host: this.host,
            clock: this.clock,
            newId: (o) => store.newId(o),
            sink: storeRecordSink(store),
            timeZone: rt.orgTimeZone,
        });
    }

    private open = false;

    /** Opens the engine's view of a synchronous transaction (closing one left open by a crashed run). */
    begin(isTest: boolean): void {
        if (this.open) this.engine.endTransaction(false);
        this.engine.beginTransaction({ isTest });
        this.open = true;
    }

    /** Commit: the staged work joins the queue. Rollback (and every test's end): it disappears. */
    end(committed: boolean): void {
        if (!this.open) return;
        this.open = false;
        this.engine.endTransaction(committed);
    }

    /**
     * The local scheduler after a committed top-level transaction: runs what is due now, then, up to `untilMs` on
     * the scheduler's virtual clock, delayed jobs and schedule fires in time order. Returns the number of runs.
     */
    runQueued(untilMs = this.clock.now()): number {
        return this.engine.runUntilIdle(untilMs);
    }

    /** For callouts: async work enqueued in the current transaction and not yet committed. */
    hasUncommittedWork(): boolean {
        return this.engine.hasUncommittedWork();
    }

    /** For callouts: why the running job may not call out (null outside any engine transaction). */
    calloutRestriction(): string | null {
        return this.engine.inTransaction ? this.engine.calloutRestriction() : null;
    }

    enqueue(req: AsyncRequest, limits: Limits): string {
        const rt = this.rt;
        const job = req.job;
        const object: OrgJob = { kind: 'object', value: job };
        const callouts = implementsIface(job, 'Database.AllowsCallouts');
        let request: EnqueueRequest<OrgJob>;
        switch (req.kind) {
            case 'queueable': {
                const options: QueueableOptions = { ...req.asyncOptions };
                if (req.delayMinutes !== undefined) options.minimumQueueableDelayInMinutes = req.delayMinutes;
                request = {
                    kind: 'queueable',
                    className: className(rt, job),
                    payload: object,
                    options,
                    allowsCallouts: callouts,
                };
                break;
            }
            case 'future': {
                const f = req.future;
                if (!f) throw new Error('future request without its method');
                const payload: OrgJob = { kind: 'future', method: f.method, args: f.args };
                const future = f.method.decl?.mods.annotations.find((a) => a.name === 'future');
                const allows = future !== undefined && /callout\s*=\s*true/i.test(future.params);
                request = {
                    kind: 'future',
                    className: f.method.owner.name,
                    methodName: f.method.name,
                    payload,
                    allowsCallouts: allows,
                };
                break;
            }
            case 'batch':
                request = {
                    kind: 'batch',
                    className: className(rt, job),
                    payload: object,
                    scope: req.scope,
                    stateful: implementsIface(job, 'Database.Stateful'),
                    allowsCallouts: callouts,
                    queryLocator: true,
                };
                break;
            case 'schedule':
                request = {
                    kind: 'schedule',
                    className: className(rt, job),
                    jobName: req.name ?? '',
                    cronExpression: req.cron ?? '',
                    payload: object,
                };
                break;
            case 'finalizer':
                if (!(job instanceof ApexObject)) return rt.npe();
                this.engine.attachFinalizer(object);
                return '';
        }
        return this.engine.enqueue(request, limits);
    }

    /** EventBus.publish: one delivery per event type, after commit or at once as the event's publishBehavior says. */
    publish(events: SObjectValue[], limits: Limits): DmlRowResult[] {
        const byType = new Map<string, SObjectValue[]>();
        // An event missing a required field is not published: its SaveResult says so, as the platform's does.
        const results = events.map((e) => this.requiredMissing(e));
        for (const e of events.filter((_, i) => results[i].success)) {
            const list = byType.get(e.objectName.toLowerCase()) ?? [];
            list.push(e);
            byType.set(e.objectName.toLowerCase(), list);
        }
        for (const list of byType.values()) {
            const payload: OrgJob = { kind: 'events', objectName: list[0].objectName, events: list };
            const described = this.rt.schema.getObject(list[0].objectName);
            const publishAfterCommit = described?.publishBehavior === 'PublishAfterCommit';
            this.engine.enqueue({ kind: 'event', payload, publishAfterCommit }, limits);
        }
        return results;
    }

    private requiredMissing(event: SObjectValue): DmlRowResult {
        const described = this.rt.schema.getObject(event.objectName);
        const missing = [...(described?.fields.values() ?? [])]
            .filter((f) => f.custom && !f.nillable && f.createable && f.type !== 'boolean')
            .filter((f) => {
                const value = event.fields.get(f.name.toLowerCase())?.value;
                return value === undefined || value === null || value === '';
            })
            .map((f) => f.name);
        if (missing.length === 0) return { success: true, id: null, created: true, errors: [] };
        return {
            success: false,
            id: null,
            created: false,
            errors: [
                {
                    statusCode: 'REQUIRED_FIELD_MISSING',
                    message: `Required fields are missing: [${missing.join(', ')}]`,
                    fields: missing,
                },
            ],
        };
    }
}
