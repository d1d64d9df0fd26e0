/**
 * A target org's daily API allowance: the calls of the last 24 hours (a rolling window on the org's clock, as the
 * platform counts them) against the allowance. Each REST call the face answers counts once (a Composite request
 * once, whatever it holds); a call refused before it reached the org (an injected 503, a request beyond the
 * allowance) does not count. `preset` plays an org whose other integrations already used part of the day.
 * Every answer carries `Sforce-Limit-Info: api-usage=<used>/<allowance>`.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_DAILY_ALLOWANCE = 15_000;

export class ApiUsage {
    /** Calls counted, as [time, count] blocks in time order (a preset is one block). */
    private readonly blocks: { at: number; count: number }[] = [];

    constructor(
        private readonly clock: () => number,
        /** DailyApiRequests Max. */
        public allowance = DEFAULT_DAILY_ALLOWANCE,
    ) {}

    /** Counts `calls` made now by others (they leave the window 24 hours from now). */
    preset(calls: number): void {
        if (!Number.isInteger(calls) || calls < 0) throw new Error(`API usage preset must be a count, not ${calls}`);
        if (calls > 0) this.blocks.push({ at: this.clock(), count: calls });
    }

    /** Forgets every call counted so far (as if a day had passed without any). */
    reset(): void {
        this.blocks.length = 0;
    }

    /** Counts one call made now. */
    record(): void {
        const now = this.clock();
        const last = this.blocks[this.blocks.length - 1];
        if (last && last.at === now) last.count++;
        else this.blocks.push({ at: now, count: 1 });
    }

    /** Calls in the last 24 hours. */
    used(): number {
        const since = this.clock() - DAY_MS;
        while (this.blocks.length > 0 && this.blocks[0].at <= since) this.blocks.shift();
        return this.blocks.reduce((sum, b) => sum + b.count, 0);
    }

    remaining(): number {
        return Math.max(0, this.allowance - this.used());
    }

    /** Whether the allowance is used up (the next call is refused with REQUEST_LIMIT_EXCEEDED). */
    exhausted(): boolean {
        return this.used() >= this.allowance;
    }

    /** The `Sforce-Limit-Info` header value. */
    header(): string {
        return `api-usage=${this.used()}/${this.allowance}`;
    }
}
