/**
 * What the throughput benchmark judges a run by: its target calls by phase against the platform's minimum (issue 14's
 * table), and the highest share of each governor limit its asynchronous transactions reached.
 */

/** Records one target call can write (a Composite request of five sObject Collections of 200) or read. */
export const RECORDS_PER_CALL = 1000;
/** The most planning may call the target, whatever the number of objects. */
export const PLANNING_GOAL = 3;
/** How far above the minimum a phase may go. */
export const MAX_RATIO = 1.05;
/** The highest share of a governor limit a transaction may reach. */
export const MAX_LIMIT_SHARE = 0.8;

export interface Call {
    method: string;
    path: string;
    /** A Composite request's subrequests, `METHOD url` each. */
    subrequests?: string[];
}

/** A call's phase: planning (describes, limits), a read of records, or a write. */
export function phaseOf(call: Call): 'planning' | 'read' | 'write' {
    const resource = resourceOf(call.path);
    if (call.method === 'GET' && isPlanning(resource)) return 'planning';
    if (call.method === 'POST' && resource === '/composite') {
        const parts = (call.subrequests ?? []).map((part) => part.split(' '));
        // A Composite request of describes only is planning; of reads only (queries) a read; anything else a write.
        if (parts.length > 0 && parts.every(([method, url]) => method === 'GET' && isPlanning(resourceOf(url))))
            return 'planning';
        if (parts.length > 0 && parts.every(([method]) => method === 'GET')) return 'read';
        return 'write';
    }
    return 'read';
}

/** A path's resource under the API version: `/sobjects/Account/describe`. */
function resourceOf(path: string): string {
    return path.replace(/\?.*$/, '').replace(/^\/services\/data\/v[\d.]+/, '');
}

function isPlanning(resource: string): boolean {
    return /\/describe$/.test(resource) || resource === '/limits' || resource === '';
}

export interface RunShape {
    /** FullResync into an empty target, FailedMissedResync with nothing changed, or FullResync with nothing changed. */
    kind: 'full-empty' | 'failed-missed-unchanged' | 'full-unchanged';
    /** Records of the run's objects. */
    records: number;
    /** Records whose lookups the second pass set. */
    deferred: number;
}

/** The fewest read and write calls a run of this shape can make (planning apart). */
export function minimumCalls(shape: RunShape): { read: number; write: number } {
    const chunks = (n: number): number => Math.ceil(n / RECORDS_PER_CALL);
    switch (shape.kind) {
        case 'full-empty':
            return { read: chunks(shape.deferred), write: chunks(shape.records) + chunks(shape.deferred) };
        case 'failed-missed-unchanged':
            return { read: 0, write: 0 };
        case 'full-unchanged':
            return { read: chunks(shape.records), write: 0 };
    }
}

/** Made over the minimum: 1 when equal, Infinity when the minimum is none and calls were made. */
export function ratio(made: number, minimum: number): number {
    if (minimum === 0) return made === 0 ? 1 : Number.POSITIVE_INFINITY;
    return made / minimum;
}

export interface LimitFigures {
    queries: number;
    queryRows: number;
    dmlStatements: number;
    dmlRows: number;
    callouts: number;
    cpuTime: number;
    heap: number;
}

/** The highest share of each limit seen across transactions. */
export class LimitShares {
    readonly highest: LimitFigures = {
        queries: 0,
        queryRows: 0,
        dmlStatements: 0,
        dmlRows: 0,
        callouts: 0,
        cpuTime: 0,
        heap: 0,
    };
    transactions = 0;

    add(used: LimitFigures, max: LimitFigures): void {
        this.transactions++;
        for (const key of Object.keys(this.highest) as (keyof LimitFigures)[]) {
            const share = max[key] > 0 ? used[key] / max[key] : 0;
            if (share > this.highest[key]) this.highest[key] = share;
        }
    }

    /** The limits above MAX_LIMIT_SHARE, by name. */
    over(): string[] {
        return (Object.keys(this.highest) as (keyof LimitFigures)[]).filter(
            (key) => this.highest[key] > MAX_LIMIT_SHARE,
        );
    }
}
