import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getRunStatus } from 'c/runHistoryApi';
import type { RunStatus, RunSummary } from 'c/runHistoryApi';
import { reduceError } from 'c/errorReducer';
import { describeState, modeLabel } from 'c/runStates';
import { EMPTY } from 'c/resyncFormat';
import { LABELS, STARTED_BY } from './labels';

/** A fact of the header. */
interface Fact {
    key: string;
    label: string;
    value: string;
}

/** What the progress child offers its parent. */
interface ProgressElement extends HTMLElement {
    refresh(): void;
}

/**
 * One run: a header (number, target, mode, state, who started it, schedule, original run), its live progress while
 * it is active, then its summary and errors once it has ended, and the actions on it. On a run's record page the run
 * is the record; as a child it is `run-id`. A run started from the actions (a retry or a rollback) is shown next —
 * on a record page by opening its record — and told to the parent with `runstarted` ({ runId }); a changed run with
 * `runchanged` ({ runId }).
 */
export default class RunDetail extends NavigationMixin(LightningElement) {
    /** On a run's record page: the run. */
    @api recordId?: string;

    readonly labels = LABELS;
    status?: RunStatus;
    errorMessage?: string;
    private givenRunId?: string;
    private followedRunId?: string;
    private request = 0;

    /** As a child: the run to show. */
    @api
    get runId(): string | undefined {
        return this.givenRunId;
    }
    set runId(value: string | undefined) {
        const shown = this.currentRunId;
        this.givenRunId = value;
        this.followedRunId = undefined;
        if (value !== shown && this.isConnected) {
            this.load().catch(() => undefined);
        }
    }

    override connectedCallback(): void {
        this.load().catch(() => undefined);
    }

    /** The run shown: the one followed after a start, else the given one, else the record. */
    get currentRunId(): string | undefined {
        return this.followedRunId ?? this.givenRunId ?? this.recordId;
    }

    get run(): RunSummary | undefined {
        return this.status?.run;
    }

    get isLoading(): boolean {
        return this.currentRunId !== undefined && this.status === undefined && this.errorMessage === undefined;
    }

    get hasNoRun(): boolean {
        return this.currentRunId === undefined;
    }

    get isActive(): boolean {
        return this.run?.isActive === true;
    }

    get hasEnded(): boolean {
        return this.run !== undefined && !this.isActive;
    }

    get heading(): string {
        return this.run?.name ?? LABELS.title;
    }

    get stateText(): string {
        return describeState(this.run?.state).label;
    }

    get badgeClass(): string {
        return `slds-badge ${describeState(this.run?.state).badgeTheme}`;
    }

    get facts(): Fact[] {
        const run = this.run ?? {};
        const startedBy = run.startedBy ? (STARTED_BY[run.startedBy] ?? run.startedBy) : EMPTY;
        return [
            { key: 'target', label: LABELS.target, value: run.targetName ?? EMPTY },
            { key: 'mode', label: LABELS.mode, value: modeLabel(run.mode) },
            { key: 'startedBy', label: LABELS.startedBy, value: startedBy },
            { key: 'schedule', label: LABELS.schedule, value: run.scheduleName ?? EMPTY },
        ];
    }

    get hasOriginalRun(): boolean {
        return Boolean(this.run?.originalRunId);
    }

    get objectNames(): string[] {
        return (this.status?.objects ?? []).map((object) => object.objectName ?? '').filter((name) => name !== '');
    }

    handleStatusChange(event: CustomEvent<{ status: RunStatus }>): void {
        this.take(event.detail?.status);
    }

    handleRunEnded(event: CustomEvent<{ status: RunStatus }>): void {
        this.take(event.detail?.status);
        this.dispatchEvent(new CustomEvent('runchanged', { detail: { runId: this.currentRunId } }));
    }

    handleOpenOriginal(): void {
        this.navigateTo(this.run?.originalRunId);
    }

    /** A retry or a rollback started: show it (or open its record on a record page) and tell the parent. */
    async handleRunStarted(event: CustomEvent<{ runId: string }>): Promise<void> {
        const runId = event.detail?.runId;
        if (!runId) {
            return;
        }
        if (this.givenRunId === undefined && this.recordId) {
            this.navigateTo(runId);
            return;
        }
        this.followedRunId = runId;
        this.dispatchEvent(new CustomEvent('runstarted', { detail: { runId } }));
        await this.load();
    }

    /** The run changed (e.g. a cancel was asked): read it again and tell the parent. */
    async handleRunChanged(): Promise<void> {
        this.template?.querySelector<ProgressElement>('c-run-progress')?.refresh();
        this.dispatchEvent(new CustomEvent('runchanged', { detail: { runId: this.currentRunId } }));
        await this.load(true);
    }

    private take(status: RunStatus | undefined): void {
        if (status?.run) {
            this.status = status;
            this.errorMessage = undefined;
        }
    }

    private navigateTo(recordId: string | undefined): void {
        if (recordId) {
            this[NavigationMixin.Navigate]({
                type: 'standard__recordPage',
                attributes: { recordId, actionName: 'view' },
            });
        }
    }

    /**
     * Reads the shown run's status.
     * @param keep whether to keep showing the current status while reading (a refresh of the same run)
     */
    private async load(keep = false): Promise<void> {
        const runId = this.currentRunId;
        const request = ++this.request;
        if (!keep) {
            this.status = undefined;
        }
        this.errorMessage = undefined;
        if (!runId) {
            return;
        }
        try {
            const status = await getRunStatus(runId);
            if (request === this.request) {
                this.status = status;
            }
        } catch (error) {
            if (request === this.request) {
                this.errorMessage = reduceError(error);
            }
        }
    }
}
