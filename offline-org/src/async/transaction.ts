/**
 * The engine's view of one Apex transaction: what it has enqueued (staged until commit, dropped on rollback), and
 * which job it is running, which decides the enqueue rules (sync or async, chain depth, batch or future context).
 */
export type TransactionOrigin =
    'sync' | 'queueable' | 'future' | 'batch' | 'batchFinish' | 'schedule' | 'finalizer' | 'event';

export interface StagedJob {
    /** The engine's key of the job (its AsyncApexJob Id, or a key of its own for an event). */
    key: string;
    /**
     * Whether it is uncommitted work that forbids a callout. A Publish Immediately event is not (confirmed: Winter '21
     * release notes, "Make Apex Callouts After Publishing Platform Event Messages"); a Queueable, a future call, a
     * batch or a Publish After Commit event is.
     */
    blocksCallouts: boolean;
    commit(): void;
    rollback(): void;
}

export class AsyncTransaction<P> {
    readonly staged: StagedJob[] = [];
    finalizer: P | null = null;
    /** Queueables enqueued from here take this stack depth. */
    childDepth = 1;
    /** The chain's MaximumQueueableStackDepth, inherited by children. */
    chainMaxDepth: number | undefined;
    /** The user the step runs as: who enqueued or scheduled its job (null: whoever is running). */
    userId: string | null = null;

    constructor(
        readonly origin: TransactionOrigin,
        readonly isTest: boolean,
        /** The AsyncApexJob being run, if any. */
        readonly jobId: string | null,
        readonly allowsCallouts: boolean,
        /** The stack depth of the queueable being run (0 elsewhere). */
        readonly stackDepth = 0,
    ) {}

    get isAsync(): boolean {
        return this.origin !== 'sync';
    }

    /** Work enqueued in this transaction and not yet committed that blocks callouts. */
    hasUncommittedWork(): boolean {
        return this.staged.some((s) => s.blocksCallouts);
    }
}
