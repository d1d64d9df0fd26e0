import { LightningElement, api } from 'lwc';
import { RunProgressFeed } from 'c/runProgressFeed';
import type { RunStatus } from 'c/runHistoryApi';
import { describeState, modeLabel } from 'c/runStates';
import { formatCount, formatDuration, formatLabel } from 'c/resyncFormat';
import { progressRows } from './progressRows';
import type { ProgressRow } from './progressRows';
import { lifecyclePath } from './lifecyclePath';
import type { LifecyclePath } from './lifecyclePath';
import titleLabel from '@salesforce/label/c.Resync_Progress_Title';
import loadingLabel from '@salesforce/label/c.Resync_Progress_Loading';
import objectLabel from '@salesforce/label/c.Resync_Progress_Object';
import stateLabel from '@salesforce/label/c.Resync_Progress_State';
import progressLabel from '@salesforce/label/c.Resync_Progress_Progress';
import insertedLabel from '@salesforce/label/c.Resync_Progress_Inserted';
import updatedLabel from '@salesforce/label/c.Resync_Progress_Updated';
import unchangedLabel from '@salesforce/label/c.Resync_Progress_Unchanged';
import failedLabel from '@salesforce/label/c.Resync_Progress_Failed';
import deferredLabel from '@salesforce/label/c.Resync_Progress_Deferred';
import elapsedLabel from '@salesforce/label/c.Resync_Progress_Elapsed';
import liveLabel from '@salesforce/label/c.Resync_Progress_Live';
import pollingLabel from '@salesforce/label/c.Resync_Progress_Polling';
import detailsLabel from '@salesforce/label/c.Resync_Progress_Details';
import pathLabel from '@salesforce/label/c.Resync_Progress_Path';
import totalsLabel from '@salesforce/label/c.Resync_Progress_Totals';
import cancelRequestedLabel from '@salesforce/label/c.Resync_Progress_CancelRequested';
import notVisibleLabel from '@salesforce/label/c.Resync_Progress_NotVisible';

/**
 * A run's live progress: its state on the life-cycle path, its totals and elapsed time, and a row per object with a
 * progress bar and inserted / updated / unchanged / failed / deferred counts. It follows the run through
 * `RunProgressFeed` (empApi events, or polling when streaming is unavailable) until the run ends, and tells its owner
 * each fresh status (`statuschange`) and the end (`runended`), both with `{ status }`. `rundetails` asks the owner
 * to open the run's details.
 */
export default class RunProgress extends LightningElement {
    readonly labels = {
        title: titleLabel,
        loading: loadingLabel,
        object: objectLabel,
        state: stateLabel,
        progress: progressLabel,
        inserted: insertedLabel,
        updated: updatedLabel,
        unchanged: unchangedLabel,
        failed: failedLabel,
        deferred: deferredLabel,
        elapsed: elapsedLabel,
        details: detailsLabel,
        path: pathLabel,
        cancelRequested: cancelRequestedLabel,
    };

    status?: RunStatus;
    errorMessage?: string;
    mode?: 'streaming' | 'polling';
    private currentRunId?: string;
    private feed?: RunProgressFeed;
    private endTold = false;

    /** The run to follow. */
    @api
    get runId(): string | undefined {
        return this.currentRunId;
    }
    set runId(value: string | undefined) {
        if (value === this.currentRunId) {
            return;
        }
        this.currentRunId = value;
        this.status = undefined;
        this.errorMessage = undefined;
        this.endTold = false;
        if (this.isConnected) {
            this.follow();
        }
    }

    override connectedCallback(): void {
        this.follow();
    }

    override disconnectedCallback(): void {
        this.feed?.stop();
        this.feed = undefined;
    }

    get isLoading(): boolean {
        return this.status === undefined && this.errorMessage === undefined && this.currentRunId !== undefined;
    }

    get run(): RunStatus['run'] {
        return this.status?.run;
    }

    get heading(): string {
        const run = this.status?.run;
        return run ? `${run.name ?? ''} · ${modeLabel(run.mode)}` : this.labels.title;
    }

    get stateBadgeClass(): string {
        return `slds-badge ${describeState(this.status?.run?.state).badgeTheme}`;
    }

    get stateText(): string {
        return describeState(this.status?.run?.state).label;
    }

    get path(): LifecyclePath {
        return lifecyclePath(this.status?.run?.state ?? undefined);
    }

    get rows(): ProgressRow[] {
        return progressRows(this.status?.objects);
    }

    /** One line per object whose records the starting user's sharing hid from the run (they were not synced). */
    get notVisibleNotes(): { key: string; text: string }[] {
        return (this.status?.objects ?? [])
            .filter((object) => (object.notVisible ?? 0) > 0)
            .map((object) => ({
                key: object.objectName ?? String(object.position),
                text: formatLabel(notVisibleLabel, formatCount(object.notVisible), object.objectName ?? ''),
            }));
    }

    get totalsText(): string {
        const run = this.status?.run;
        return formatLabel(totalsLabel, run?.inserted ?? 0, run?.updated ?? 0, run?.unchanged ?? 0, run?.failed ?? 0);
    }

    get elapsedText(): string {
        return formatDuration(this.status?.run?.elapsedMs);
    }

    get modeText(): string | undefined {
        if (!this.mode || !this.status?.run?.isActive) {
            return undefined;
        }
        return this.mode === 'streaming' ? liveLabel : pollingLabel;
    }

    get showCancelRequested(): boolean {
        return this.status?.run?.cancelRequested === true && this.status.run.isActive === true;
    }

    get reason(): string | undefined {
        return this.status?.run?.stateReason ?? undefined;
    }

    handleDetails(): void {
        this.dispatchEvent(new CustomEvent('rundetails', { detail: { runId: this.currentRunId } }));
    }

    /** Reads the run's status again now, e.g. after an action on it. */
    @api
    refresh(): void {
        this.follow();
    }

    private follow(): void {
        this.feed?.stop();
        this.feed = undefined;
        const runId = this.currentRunId;
        if (!runId) {
            return;
        }
        const feed = new RunProgressFeed(runId, {
            onStatus: (status) => this.receive(status),
            onError: (message) => {
                this.errorMessage = message;
            },
            onMode: (mode) => {
                this.mode = mode;
            },
        });
        this.feed = feed;
        feed.start().catch(() => undefined);
    }

    private receive(status: RunStatus): void {
        this.status = status;
        this.errorMessage = undefined;
        this.dispatchEvent(new CustomEvent('statuschange', { detail: { status } }));
        if (status.run?.isActive === false && !this.endTold) {
            this.endTold = true;
            this.dispatchEvent(new CustomEvent('runended', { detail: { status } }));
        }
    }
}
