import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { findRuns } from 'c/runHistoryApi';
import type { RunSummary } from 'c/runHistoryApi';
import { getTargets } from 'c/targetApi';
import type { TargetInfo } from 'c/targetApi';
import { reduceError } from 'c/errorReducer';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { historyRows, modeOptions, stateOptions, targetOptions } from './historyRows';
import type { HistoryRow, Option } from './historyRows';

/** The most runs the server lists at once (RunHistoryController.MAX_RUNS). */
const SERVER_MAX_RUNS = 200;

/**
 * The run history: the latest runs, newest first, filtered by target, mode and state, with a chart of the records
 * they synced and failed. Choosing a run tells the page (`runselect` { runId }) and shows its details below; its
 * record page opens from the row. On a target's record page the list holds that target's runs only.
 */
export default class RunHistory extends NavigationMixin(LightningElement) {
    /** On a target's record page: the target. */
    @api recordId?: string;
    /** How many runs to list (a design attribute), 1 to 200. */
    @api maxRuns = 50;
    /** Whether to draw the chart (a design attribute; true unless set to false). */
    @api
    get showChart(): boolean {
        return this.chartWanted;
    }
    set showChart(value: boolean) {
        this.chartWanted = value !== false && (value as unknown) !== 'false';
    }

    readonly labels = LABELS;
    readonly modeOptions: Option[] = modeOptions();
    readonly stateOptions: Option[] = stateOptions();

    runs?: RunSummary[];
    targets?: TargetInfo[];
    targetFilter = '';
    modeFilter = '';
    stateFilter = '';
    selectedRunId?: string;
    loading = false;
    errorMessage?: string;
    targetsError?: string;
    private chartWanted = true;
    private request = 0;

    override connectedCallback(): void {
        if (!this.recordId) {
            this.loadTargets().catch(() => undefined);
        }
        this.load().catch(() => undefined);
    }

    get showTargetFilter(): boolean {
        return !this.recordId;
    }

    get targetOptions(): Option[] {
        return targetOptions(this.targets);
    }

    get rows(): HistoryRow[] {
        return historyRows(this.runs ?? [], this.selectedRunId);
    }

    get hasRuns(): boolean {
        return (this.runs ?? []).length > 0;
    }

    get isEmpty(): boolean {
        return this.runs !== undefined && this.runs.length === 0 && !this.errorMessage;
    }

    get countText(): string {
        return this.runs ? formatLabel(LABELS.count, this.runs.length) : '';
    }

    get chartVisible(): boolean {
        return this.chartWanted && this.hasRuns;
    }

    handleTargetChange(event: CustomEvent<{ value: string }>): void {
        this.targetFilter = event.detail.value ?? '';
        this.load().catch(() => undefined);
    }

    handleModeChange(event: CustomEvent<{ value: string }>): void {
        this.modeFilter = event.detail.value ?? '';
        this.load().catch(() => undefined);
    }

    handleStateChange(event: CustomEvent<{ value: string }>): void {
        this.stateFilter = event.detail.value ?? '';
        this.load().catch(() => undefined);
    }

    async handleRefresh(): Promise<void> {
        await this.load();
    }

    handleSelect(event: Event): void {
        const runId = (event.currentTarget as HTMLElement).dataset.runId;
        if (runId) {
            this.select(runId);
        }
    }

    handleOpen(event: Event): void {
        const runId = (event.currentTarget as HTMLElement).dataset.runId;
        if (runId) {
            this[NavigationMixin.Navigate]({
                type: 'standard__recordPage',
                attributes: { recordId: runId, actionName: 'view' },
            });
        }
    }

    /** The details started a new run (a retry or a rollback): list it and show it. */
    async handleRunStarted(event: CustomEvent<{ runId: string }>): Promise<void> {
        if (event.detail?.runId) {
            this.select(event.detail.runId);
        }
        await this.load();
    }

    /** The shown run changed (it was cancelled or ended): read the list again. */
    async handleRunChanged(): Promise<void> {
        await this.load();
    }

    private select(runId: string): void {
        this.selectedRunId = runId;
        this.dispatchEvent(new CustomEvent('runselect', { detail: { runId } }));
    }

    private async loadTargets(): Promise<void> {
        try {
            this.targets = await getTargets();
            this.targetsError = undefined;
        } catch (error) {
            this.targetsError = reduceError(error);
        }
    }

    private async load(): Promise<void> {
        const request = ++this.request;
        this.loading = true;
        try {
            const runs = await findRuns(
                {
                    targetId: this.recordId || this.targetFilter || null,
                    mode: this.modeFilter || null,
                    state: this.stateFilter || null,
                },
                this.limit(),
            );
            if (request === this.request) {
                this.runs = runs ?? [];
                this.errorMessage = undefined;
            }
        } catch (error) {
            if (request === this.request) {
                this.runs = undefined;
                this.errorMessage = reduceError(error);
            }
        } finally {
            if (request === this.request) {
                this.loading = false;
            }
        }
    }

    private limit(): number {
        const wanted = Math.round(Number(this.maxRuns));
        if (!Number.isFinite(wanted) || wanted < 1) {
            return 50;
        }
        return Math.min(SERVER_MAX_RUNS, wanted);
    }
}
