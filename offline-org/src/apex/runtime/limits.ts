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
    heapSize: number;
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
        heapSize: 0,
    };
    readonly startedAt = performance.now();
    constructor(readonly isAsync: boolean) {}

    get max(): LimitCounters & { cpuTime: number } {
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
        return Math.round(performance.now() - this.startedAt);
    }
}
