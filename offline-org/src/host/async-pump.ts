/**
 * The background pump: the org's scheduler running queueables (and their finalizers), future calls, batches,
 * schedule fires and platform-event deliveries in real time while the host is open, one job step per turn of the
 * event loop so that the page's requests are served between steps.
 *
 * A queueable's delay (`System.enqueueJob(job, minutes)`) is waited in real time; with `fastDelays`, the pump waits
 * at most `fastDelayMs` of real time and then moves the org's clock forward to the job's ready time (a recorded skip
 * of the SkippingClock, so the job's Apex sees its delay as passed). Schedule fires always wait for their time.
 */
import type { OfflineOrg } from '../org/open-org.js';

export interface PumpOptions {
    fastDelays?: boolean;
    /** Real time waited for a delayed queueable with fastDelays (default 1,000 ms). */
    fastDelayMs?: number;
    /** How often an idle pump looks again (default 250 ms). */
    idleMs?: number;
    /** After every step run (to report state changes, persist the queue). */
    afterStep?: () => void;
    /** A failure no caller saw (a job without a finalizer, a finalizer, an event trigger), as text. */
    onBackgroundError?: (message: string) => void;
}

export class AsyncPump {
    private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
    private stopped = true;
    private reported: number;
    /** Steps run so far. */
    steps = 0;
    /** Clock skips made for delayed queueables (fastDelays). */
    skips = 0;

    constructor(
        private readonly org: OfflineOrg,
        private readonly options: PumpOptions = {},
    ) {
        this.reported = org.platform.async.engine.backgroundErrors.length;
    }

    start(): void {
        this.stopped = false;
        this.schedule(0);
    }

    stop(): void {
        this.stopped = true;
        if (this.timer) {
            clearTimeout(this.timer as NodeJS.Timeout);
            clearImmediate(this.timer as NodeJS.Immediate);
        }
        this.timer = null;
    }

    /** Looks for due work now (after a request committed new work). */
    poke(): void {
        if (!this.stopped) this.schedule(0);
    }

    private schedule(ms: number): void {
        if (this.timer) {
            clearTimeout(this.timer as NodeJS.Timeout);
            clearImmediate(this.timer as NodeJS.Immediate);
        }
        this.timer = ms <= 0 ? setImmediate(() => this.tick()) : setTimeout(() => this.tick(), ms);
    }

    /** One turn: run one due step, or wait for the next due time. */
    private tick(): void {
        this.timer = null;
        if (this.stopped) return;
        const engine = this.org.platform.async.engine;
        if (this.org.store.inTransaction || engine.inTransaction) {
            this.schedule(10);
            return;
        }
        let ran = false;
        try {
            ran = engine.runNext();
        } catch (e) {
            this.options.onBackgroundError?.(
                `the scheduler failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            );
        }
        if (ran) {
            this.steps++;
            this.reportErrors();
            this.options.afterStep?.();
            this.schedule(0);
            return;
        }
        const next = engine.nextDue();
        const idle = this.options.idleMs ?? 250;
        if (next === null) {
            this.schedule(idle);
            return;
        }
        const wait = next.at - this.org.clock.now();
        if (wait <= 0) {
            this.schedule(0);
            return;
        }
        const fast = this.options.fastDelayMs ?? 1000;
        if (this.options.fastDelays && next.kind === 'job' && wait > fast) {
            this.timer = setTimeout(() => {
                this.timer = null;
                if (this.stopped) return;
                const again = engine.nextDue();
                if (again && again.kind === 'job' && again.at === next.at) {
                    this.org.clock.advanceTo(next.at);
                    this.skips++;
                }
                this.schedule(0);
            }, fast);
            return;
        }
        this.schedule(Math.min(wait, idle * 4));
    }

    private reportErrors(): void {
        const async = this.org.platform.async;
        const errors = async.engine.backgroundErrors;
        for (; this.reported < errors.length; this.reported++) {
            const b = errors[this.reported];
            this.options.onBackgroundError?.(`job ${b.jobId ?? '(event)'}: ${async.host.describeError(b.error)}`);
        }
    }
}
