import { subscribe, unsubscribe, onError, isEmpEnabled } from 'lightning/empApi';
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';
import { getProgressChannel, getRunStatus } from 'c/runHistoryApi';
import type { RunStatus } from 'c/runHistoryApi';
import { reduceError } from 'c/errorReducer';

/**
 * Keeps a screen current with one run's status. It reads the status once, then listens to `RunProgress__e` through
 * `lightning/empApi` and reads the status again on each event of the run; when empApi is unavailable or fails, it
 * polls `getRunStatus` no faster than every {@link MIN_POLL_MS}. While streaming it still reads the status every
 * {@link STREAMING_CHECK_MS}: an event is published at once, before its transaction commits, so the read it causes may
 * see the state before it (the end of a run above all), and a stream may drop events on a reconnect. It stops by
 * itself once the run has ended, and when its owner calls {@link RunProgressFeed.stop} (on disconnect).
 */

/** The fastest the feed polls when streaming is not available. */
export const MIN_POLL_MS = 2000;

/** How often the feed reads the status while streaming, to catch what an event could not tell. */
export const STREAMING_CHECK_MS = 15000;

/** What the feed tells its owner. */
export interface RunProgressListener {
    /** A fresh status of the run. */
    onStatus(status: RunStatus): void;
    /** A status could not be read; the feed keeps trying while the run may still be active. */
    onError?(message: string): void;
    /** How the feed keeps current: `streaming` or `polling`. */
    onMode?(mode: 'streaming' | 'polling'): void;
}

/** The event field that names the run, whatever namespace prefix it carries. */
function runIdOf(message: EmpMessage): string | undefined {
    const payload = message.data?.payload ?? {};
    for (const [field, value] of Object.entries(payload)) {
        if (/(^|__)RunId__c$/i.test(field) && typeof value === 'string') {
            return value;
        }
    }
    return undefined;
}

/** The first 15 characters of an Id: 15- and 18-character forms of one Id compare equal. */
function sameId(left: string | undefined, right: string): boolean {
    return left !== undefined && left.substring(0, 15) === right.substring(0, 15);
}

/** Keeps one run's status current; see the module comment. */
export class RunProgressFeed {
    private readonly runId: string;
    private readonly listener: RunProgressListener;
    private readonly pollMs: number;
    private subscription?: EmpSubscription;
    private timer?: ReturnType<typeof setTimeout>;
    private stopped = false;
    private ended = false;
    private reading = false;
    private readAgain = false;

    /**
     * @param runId the run to follow
     * @param listener what to tell
     * @param pollMs how often to poll without streaming; never below {@link MIN_POLL_MS}
     */
    constructor(runId: string, listener: RunProgressListener, pollMs: number = MIN_POLL_MS) {
        this.runId = runId;
        this.listener = listener;
        this.pollMs = Math.max(MIN_POLL_MS, pollMs);
    }

    /** Reads the status now and starts following the run. */
    async start(): Promise<void> {
        await this.read();
        if (this.ended || this.stopped) {
            return;
        }
        if (!(await this.stream())) {
            this.poll();
        }
    }

    /** Stops following: no more reads, no subscription, no timer. */
    stop(): void {
        this.stopped = true;
        this.clearTimer();
        this.dropSubscription();
    }

    /** Whether the feed has stopped, by the owner or because the run ended. */
    get isStopped(): boolean {
        return this.stopped || this.ended;
    }

    private async stream(): Promise<boolean> {
        try {
            if (!(await isEmpEnabled())) {
                return false;
            }
            onError(() => {
                if (!this.stopped && !this.ended) {
                    this.dropSubscription();
                    this.poll();
                }
            });
            const channel = await getProgressChannel();
            const subscription = await subscribe(channel, -1, (message) => {
                if (sameId(runIdOf(message), this.runId)) {
                    this.read().catch(() => undefined);
                }
            });
            if (this.stopped) {
                unsubscribe(subscription).catch(() => undefined);
                return true;
            }
            this.subscription = subscription;
            this.listener.onMode?.('streaming');
            // An event published between the first read and the subscription would be missed: read once more.
            await this.read();
            this.schedulePoll(STREAMING_CHECK_MS);
            return true;
        } catch {
            return false;
        }
    }

    private poll(): void {
        this.listener.onMode?.('polling');
        this.schedulePoll(this.pollMs);
    }

    private schedulePoll(intervalMs: number): void {
        this.clearTimer();
        if (this.stopped || this.ended) {
            return;
        }
        // Polling is the fallback the platform's streaming docs ask for when empApi is unavailable; it is bounded
        // (never faster than MIN_POLL_MS) and stops when the run ends or the owner stops the feed.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => {
            this.read()
                .then(() => this.schedulePoll(intervalMs))
                .catch(() => undefined);
        }, intervalMs);
    }

    private async read(): Promise<void> {
        if (this.stopped) {
            return;
        }
        if (this.reading) {
            // A read is under way: read once more when it is done, so the last event is never lost.
            this.readAgain = true;
            return;
        }
        this.reading = true;
        try {
            do {
                this.readAgain = false;
                // Reads are sequential on purpose: one status at a time, the newest last.
                // eslint-disable-next-line no-await-in-loop
                const status = await getRunStatus(this.runId);
                if (this.stopped) {
                    return;
                }
                this.listener.onStatus(status);
                if (status.run?.isActive === false) {
                    this.ended = true;
                    this.clearTimer();
                    this.dropSubscription();
                    return;
                }
            } while (this.readAgain);
        } catch (error) {
            this.listener.onError?.(reduceError(error));
        } finally {
            this.reading = false;
        }
    }

    private clearTimer(): void {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
    }

    private dropSubscription(): void {
        if (this.subscription) {
            const subscription = this.subscription;
            this.subscription = undefined;
            unsubscribe(subscription).catch(() => undefined);
        }
    }
}
