/**
 * What the async engine needs from the interpreter (the "host"), and what it hands over. `P` is the host's
 * opaque value for a job (an Apex object, a future call's method and arguments); the engine never looks inside.
 */
import type { AsyncTransaction } from './transaction.js';

/** AsyncOptions (System.enqueueJob(job, options)). */
export interface QueueableOptions {
    maximumQueueableStackDepth?: number;
    duplicateSignature?: string;
    minimumQueueableDelayInMinutes?: number;
}

export type EnqueueRequest<P> =
    | { kind: 'queueable'; className: string; payload: P; options?: QueueableOptions; allowsCallouts?: boolean }
    | { kind: 'future'; className: string; methodName: string; payload: P; allowsCallouts?: boolean }
    | {
          kind: 'batch';
          className: string;
          payload: P;
          scope?: number;
          stateful?: boolean;
          allowsCallouts?: boolean;
          /** start() returns a QueryLocator (scope capped at 2,000) rather than an Iterable. */
          queryLocator?: boolean;
      }
    | { kind: 'schedule'; className: string; jobName: string; cronExpression: string; payload: P; timeZone?: string }
    /** EventBus.publish: delivered to the event's triggers after commit, or at once (even on rollback). */
    | { kind: 'event'; payload: P; publishAfterCommit: boolean };

/** What start() produced, drawn scope by scope (a QueryLocator cursor or an Iterable's elements). */
export interface BatchSource {
    /** Up to `n` more items; [] when exhausted. */
    take(n: number): unknown[];
}

export type FinalizerResult = 'SUCCESS' | 'UNHANDLED_EXCEPTION';

/** One unit of async work; each runs in its own transaction with async limits. */
export type JobStep<P> =
    | { kind: 'queueable'; jobId: string; payload: P }
    | { kind: 'future'; jobId: string; payload: P }
    | { kind: 'batchStart'; jobId: string; payload: P }
    | { kind: 'batchExecute'; jobId: string; payload: P; scope: unknown[] }
    | { kind: 'batchFinish'; jobId: string; payload: P }
    | { kind: 'schedule'; jobId: string; triggerId: string; payload: P }
    | { kind: 'finalizer'; jobId: string; payload: P; result: FinalizerResult; error: unknown }
    | { kind: 'event'; payload: P };

/** The counters of the current Apex transaction's limits (structurally `Limits` of src/apex/runtime/limits.ts). */
export interface TxLimits {
    used: { queueableJobs: number; futureCalls: number };
}

export interface AsyncHost<P> {
    /**
     * Runs one step in a fresh asynchronous Apex transaction (fresh statics, async limits, `tx` is the engine's view
     * of it). Commits on success. On an unhandled exception: rolls the transaction back and rethrows. `batchStart`
     * returns a BatchSource; the other steps return nothing.
     */
    runStep(step: JobStep<P>, tx: AsyncTransaction<P>): BatchSource | void;
    /**
     * The user running the code that enqueues now: a job runs as the user who enqueued (or scheduled) it, as on the
     * platform (`tx.userId` when its step runs). Optional: without it jobs run as whoever is running.
     */
    runningUserId?(): string;
    /** A job is serialised when enqueued (later changes by the caller do not reach it): freeze / thaw it. */
    freeze?(payload: P): unknown;
    thaw?(frozen: unknown): P;
    /** The message of a failure thrown by runStep, for ExtendedStatus. */
    describeError?(error: unknown): string;
}
