/**
 * A recording host for the async engine: a job is a label plus an optional action run inside its transaction.
 * Payloads are copied on freeze/thaw, as the platform serialises a job when it is enqueued.
 */
import { AsyncEngine } from '../../src/async/engine.js';
import type { AsyncEngineOptions } from '../../src/async/engine.js';
import type { AsyncHost, BatchSource, JobStep, TxLimits } from '../../src/async/host.js';
import { VirtualClock } from '../../src/async/clock.js';
import type { AsyncTransaction } from '../../src/async/transaction.js';

export interface FakeJob {
    label: string;
    count?: number;
    items?: number[];
    action?: (step: JobStep<FakeJob>, h: FakeHost) => void;
}

export class FakeHost implements AsyncHost<FakeJob> {
    readonly log: string[] = [];
    limits: TxLimits = { used: { queueableJobs: 0, futureCalls: 0 } };
    engine!: AsyncEngine<FakeJob>;
    tx: AsyncTransaction<FakeJob> | null = null;

    runStep(step: JobStep<FakeJob>, tx: AsyncTransaction<FakeJob>): BatchSource | void {
        const saved = { limits: this.limits, tx: this.tx };
        this.limits = { used: { queueableJobs: 0, futureCalls: 0 } };
        this.tx = tx;
        try {
            const detail =
                step.kind === 'batchExecute'
                    ? `:${JSON.stringify(step.scope)}`
                    : step.kind === 'finalizer'
                      ? `:${step.result}`
                      : '';
            this.log.push(`${step.kind}:${step.payload.label}${detail}`);
            step.payload.action?.(step, this);
            if (step.kind === 'batchStart') {
                const items = [...(step.payload.items ?? [])];
                return { take: (n: number) => items.splice(0, n) };
            }
        } finally {
            this.limits = saved.limits;
            this.tx = saved.tx;
        }
    }

    freeze(p: FakeJob): unknown {
        return { ...p };
    }

    thaw(frozen: unknown): FakeJob {
        return { ...(frozen as FakeJob) };
    }

    /** System.enqueueJob from the running code. */
    enqueueQueueable(
        job: FakeJob,
        options?: { maximumQueueableStackDepth?: number; duplicateSignature?: string },
    ): string {
        return this.engine.enqueue({ kind: 'queueable', className: job.label, payload: job, options }, this.limits);
    }
}

export function makeEngine(extra: Partial<AsyncEngineOptions<FakeJob>> = {}): {
    engine: AsyncEngine<FakeJob>;
    host: FakeHost;
    clock: VirtualClock;
} {
    const host = new FakeHost();
    const clock = new VirtualClock(Date.parse('2026-05-01T00:00:00Z'));
    const engine = new AsyncEngine<FakeJob>({ host, clock, timeZone: 'UTC', ...extra });
    host.engine = engine;
    return { engine, host, clock };
}
