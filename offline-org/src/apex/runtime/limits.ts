/**
 * Per-transaction governor-limit counters. The platform layer increments them; Limits.get*() reads them.
 */
export interface LimitCounters {
    queries: number;
    queryRows: number;
    dmlStatements: number;
    dmlRows: number;
    callouts: number;
    queueableJobs: number;
    futureCalls: number;
    emailInvocations: number;
    publishImmediateDml: number;
    soslQueries: number;
}

export class Limits {
    readonly used: LimitCounters = {
        queries: 0,
        queryRows: 0,
        dmlStatements: 0,
        dmlRows: 0,
        callouts: 0,
        queueableJobs: 0,
        futureCalls: 0,
        emailInvocations: 0,
        publishImmediateDml: 0,
        soslQueries: 0,
    };
    /**
     * The largest heap estimate (heap.ts) taken in this transaction: at each Limits.getHeapSize() and, when the
     * runtime samples the heap (RuntimeOptions.heapSampleEvery), at every so many method returns.
     */
    peakHeap = 0;
    readonly startedAt = performance.now();
    /**
     * Wall time the platform does not charge as CPU time: waiting for callouts answered outside the transaction (the
     * platform pauses the CPU timer for a callout) and the offline org's own heap estimate (instrumentation).
     */
    uncountedMs = 0;
    constructor(readonly isAsync: boolean) {}

    get max(): LimitCounters & { cpuTime: number; heapSize: number } {
        return {
            queries: this.isAsync ? 200 : 100,
            queryRows: 50000,
            dmlStatements: 150,
            dmlRows: 10000,
            callouts: 100,
            queueableJobs: this.isAsync ? 1 : 50,
            futureCalls: this.isAsync ? 0 : 50,
            emailInvocations: 10,
            publishImmediateDml: 150,
            soslQueries: 20,
            heapSize: this.isAsync ? 12000000 : 6000000,
            cpuTime: this.isAsync ? 60000 : 10000,
        };
    }

    cpuTime(): number {
        return Math.round(performance.now() - this.startedAt - this.uncountedMs);
    }

    /** The figures used so far, frozen (CPU time measured now), with their limits. */
    usage(): LimitUsage {
        const max = this.max;
        const used = this.used;
        return {
            queries: { used: used.queries, max: max.queries },
            queryRows: { used: used.queryRows, max: max.queryRows },
            dmlStatements: { used: used.dmlStatements, max: max.dmlStatements },
            dmlRows: { used: used.dmlRows, max: max.dmlRows },
            callouts: { used: used.callouts, max: max.callouts },
            queueableJobs: { used: used.queueableJobs, max: max.queueableJobs },
            futureCalls: { used: used.futureCalls, max: max.futureCalls },
            cpuTime: { used: this.cpuTime(), max: max.cpuTime },
        };
    }
}

/** A snapshot of governor-limit use, as printed per test method (heap is not measured, so it is not here). */
export interface LimitUsage {
    queries: LimitFigure;
    queryRows: LimitFigure;
    dmlStatements: LimitFigure;
    dmlRows: LimitFigure;
    callouts: LimitFigure;
    queueableJobs: LimitFigure;
    futureCalls: LimitFigure;
    cpuTime: LimitFigure;
}

export interface LimitFigure {
    used: number;
    max: number;
}
