/**
 * Faults a target org can be told to show, for tests: a share of record writes failing with UNABLE_TO_LOCK_ROW, a
 * share of calls answered HTTP 503, and storms (the next N calls answered 503). Draws come from a seeded generator
 * (mulberry32), so a run with the same seed and the same calls meets the same faults. Every injected fault is counted.
 */

export interface FaultOptions {
    /** Seed of the generator (default 1). */
    seed?: number;
    /** Share of record writes (create, update, upsert, delete) that fail with UNABLE_TO_LOCK_ROW, 0..1. */
    lockShare?: number;
    /** Share of calls answered HTTP 503 before they reach the org, 0..1. */
    unavailableShare?: number;
}

function share(name: string, value: number | undefined): number {
    const v = value ?? 0;
    if (!(v >= 0 && v <= 1)) throw new Error(`${name} must be between 0 and 1, not ${String(value)}`);
    return v;
}

export class FaultPlan {
    private state: number;
    lockShare: number;
    unavailableShare: number;
    /** Calls still to be answered 503 whatever the share (a storm). */
    private stormLeft = 0;
    /** Faults injected so far. */
    readonly injected = { locks: 0, unavailable: 0 };

    constructor(options: FaultOptions = {}) {
        this.state = (options.seed ?? 1) >>> 0;
        this.lockShare = share('lockShare', options.lockShare);
        this.unavailableShare = share('unavailableShare', options.unavailableShare);
    }

    /** The next `calls` calls are answered HTTP 503. */
    storm(calls: number): void {
        if (!Number.isInteger(calls) || calls < 0) throw new Error(`a storm lasts a number of calls, not ${calls}`);
        this.stormLeft = calls;
    }

    /** Calls of the current storm still to be answered 503. */
    get stormRemaining(): number {
        return this.stormLeft;
    }

    /** Whether the call being answered meets a 503 (a storm first, then the share). */
    callUnavailable(): boolean {
        const hit = this.stormLeft > 0 ? (this.stormLeft--, true) : this.draw(this.unavailableShare);
        if (hit) this.injected.unavailable++;
        return hit;
    }

    /** Whether the record write being made meets a row lock. */
    recordLocked(): boolean {
        const hit = this.draw(this.lockShare);
        if (hit) this.injected.locks++;
        return hit;
    }

    private draw(p: number): boolean {
        if (p <= 0) return false;
        return this.random() < p;
    }

    /** mulberry32: a small seeded generator, uniform in [0, 1). */
    private random(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
}
