/** The org's clock: real time, or a virtual clock tests and the local scheduler move by hand. */
export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class VirtualClock implements Clock {
    constructor(private current: number) {}

    now(): number {
        return this.current;
    }

    /** Moves forward only: the scheduler never runs time backwards. */
    advanceTo(ms: number): void {
        if (ms > this.current) this.current = ms;
    }

    advanceBy(ms: number): void {
        this.current += Math.max(0, ms);
    }
}
