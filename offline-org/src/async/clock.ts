/** The org's clock: real time, or a clock the local scheduler may move forward. */
export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock the local scheduler may move forward to the next due job or schedule fire. */
export interface MovableClock extends Clock {
    /** Moves forward only: the scheduler never runs time backwards. */
    advanceTo(ms: number): void;
}

export function isMovable(clock: Clock): clock is MovableClock {
    return typeof (clock as Partial<MovableClock>).advanceTo === 'function';
}

/** A clock that stands still until moved by hand (tests of the engine). */
export class VirtualClock implements MovableClock {
    constructor(private current: number) {}

    now(): number {
        return this.current;
    }

    advanceTo(ms: number): void {
        if (ms > this.current) this.current = ms;
    }

    advanceBy(ms: number): void {
        this.current += Math.max(0, ms);
    }
}

/** One forward jump of a SkippingClock: from when, to when. */
export interface ClockSkip {
    from: number;
    to: number;
}

/**
 * The org's clock outside tests of the engine: real time plus the time the local scheduler skipped. When nothing is
 * due and a queueable waits for its delay (or a schedule for its fire), the scheduler moves this clock to that time
 * instead of sleeping; every jump is recorded in `skips`. `System.now()`, the store's timestamps and the engine all
 * read this one clock, so the Apex of a delayed job sees the delay as having passed.
 */
export class SkippingClock implements MovableClock {
    private offset = 0;
    readonly skips: ClockSkip[] = [];

    constructor(private readonly realTime: () => number = () => Date.now()) {}

    now(): number {
        return this.realTime() + this.offset;
    }

    advanceTo(ms: number): void {
        const from = this.now();
        if (ms <= from) return;
        this.offset += ms - from;
        this.skips.push({ from, to: ms });
    }

    /** Takes up the skipped time of an earlier run of the same org (its clock never runs backwards). */
    restoreSkipped(ms: number): void {
        if (ms > this.offset) this.offset = ms;
    }

    /** The time skipped so far, in ms. */
    skipped(): number {
        return this.offset;
    }
}
