import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getEntities, processAll, processSelected } from 'c/resyncApi';
import type { EntityTable } from 'c/resyncApi';
import { reduceError } from 'c/errorReducer';
import { RESYNC_MODES, describeState, modeLabel } from 'c/runStates';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { entityColumns, entityRows } from './entityRows';
import type { Column, EntityRow } from './entityRows';

interface PendingStart {
    all: boolean;
    objectNames: string[];
}

/**
 * The Data Resync screen: choose a target and what to start (Failed & Missed or Full Data Resync), select entities
 * in the table of the target's objects with their latest attempts, and Process them (or Process All). It asks for
 * confirmation saying what will run, refuses with a message when nothing is selected or the target already has an
 * active run, then follows the run's progress and refreshes the attempt dates when it ends.
 */
export default class DataResync extends NavigationMixin(LightningElement) {
    /** The target chosen first (a design attribute): its name. */
    @api defaultTargetName?: string;
    /** The mode chosen first (a design attribute): FailedMissedResync or FullResync. */
    @api defaultMode?: string;
    /** On a target's record page: the target, chosen first. */
    @api recordId?: string;

    readonly labels = LABELS;
    readonly columns: Column[] = entityColumns(LABELS);

    targetId?: string;
    table?: EntityTable;
    mode = 'FailedMissedResync';
    selectedNames: string[] = [];
    loading = false;
    starting = false;
    errorMessage?: string;
    noticeMessage?: string;
    runId?: string;
    pending?: PendingStart;

    override connectedCallback(): void {
        if (this.defaultMode && RESYNC_MODES.includes(this.defaultMode)) {
            this.mode = this.defaultMode;
        }
        if (this.recordId) {
            this.targetId = this.recordId;
        }
    }

    get modeOptions(): { label: string; value: string }[] {
        return RESYNC_MODES.map((mode) => ({ label: modeLabel(mode), value: mode }));
    }

    get modeDescription(): string {
        return this.mode === 'FullResync' ? LABELS.fullDescription : LABELS.failedMissedDescription;
    }

    get rows(): EntityRow[] {
        return entityRows(this.table?.entities, LABELS.never);
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get showEmpty(): boolean {
        return this.table !== undefined && !this.hasRows;
    }

    get selectionText(): string {
        return formatLabel(LABELS.selected, this.selectedNames.length, this.rows.length);
    }

    get busy(): boolean {
        return this.starting || this.loading;
    }

    get processDisabled(): boolean {
        return this.busy || !this.table;
    }

    get confirmOpen(): boolean {
        return this.pending !== undefined;
    }

    get confirmTitle(): string {
        return formatLabel(LABELS.confirmTitle, modeLabel(this.mode));
    }

    get confirmMessage(): string {
        const pending = this.pending;
        if (!pending) {
            return '';
        }
        const template = pending.all ? LABELS.confirmAll : LABELS.confirmSelected;
        return formatLabel(
            template,
            modeLabel(this.mode),
            pending.objectNames.length,
            this.table?.targetName ?? '',
            pending.objectNames.join(', '),
        );
    }

    async handleTargetChange(event: CustomEvent<{ targetId?: string }>): Promise<void> {
        const targetId = event.detail.targetId;
        if (targetId === this.targetId && this.table) {
            return;
        }
        this.targetId = targetId;
        this.selectedNames = [];
        this.table = undefined;
        await this.load();
    }

    handleModeChange(event: CustomEvent<{ value: string }>): void {
        this.mode = event.detail.value;
    }

    handleRowSelection(event: CustomEvent<{ selectedRows: EntityRow[] }>): void {
        this.selectedNames = event.detail.selectedRows.map((row) => row.objectName);
    }

    handleProcess(): void {
        if (this.selectedNames.length === 0) {
            this.refuse(LABELS.nothingSelected);
            return;
        }
        this.ask({ all: false, objectNames: [...this.selectedNames] });
    }

    handleProcessAll(): void {
        const enabled = this.rows.filter((row) => row.enabled).map((row) => row.objectName);
        if (enabled.length === 0) {
            this.refuse(LABELS.noEnabled);
            return;
        }
        this.ask({ all: true, objectNames: enabled });
    }

    handleCancelConfirm(): void {
        this.pending = undefined;
    }

    async handleConfirm(): Promise<void> {
        const pending = this.pending;
        const targetId = this.targetId;
        if (!pending || !targetId) {
            return;
        }
        this.starting = true;
        this.errorMessage = undefined;
        try {
            const runId = pending.all
                ? await processAll(targetId, this.mode)
                : await processSelected(targetId, this.mode, pending.objectNames);
            this.runId = runId;
            this.noticeMessage = undefined;
            this.dispatchEvent(
                new ShowToastEvent({ title: formatLabel(LABELS.started, modeLabel(this.mode)), variant: 'success' }),
            );
            this.dispatchEvent(new CustomEvent('runstarted', { detail: { runId } }));
            await this.load();
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.starting = false;
            this.pending = undefined;
        }
    }

    async handleRunEnded(): Promise<void> {
        await this.load();
    }

    handleRunDetails(event: CustomEvent<{ runId: string }>): void {
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: event.detail.runId, actionName: 'view' },
        });
    }

    async handleRefresh(): Promise<void> {
        await this.load();
    }

    private ask(pending: PendingStart): void {
        this.noticeMessage = undefined;
        this.errorMessage = undefined;
        const table = this.table;
        if (table?.activeRunId) {
            this.refuse(formatLabel(LABELS.activeRun, describeState(table.activeRunState).label));
            return;
        }
        if (table && table.targetActive === false) {
            this.refuse(LABELS.targetInactive);
            return;
        }
        this.pending = pending;
    }

    private refuse(message: string): void {
        this.pending = undefined;
        this.noticeMessage = message;
    }

    private async load(): Promise<void> {
        const targetId = this.targetId;
        if (!targetId) {
            return;
        }
        this.loading = true;
        try {
            const table = await getEntities(targetId);
            if (targetId !== this.targetId) {
                return;
            }
            this.table = table;
            this.errorMessage = undefined;
            const known = new Set(this.rows.map((row) => row.objectName));
            this.selectedNames = this.selectedNames.filter((name) => known.has(name));
            if (!this.runId && table.activeRunId) {
                this.runId = table.activeRunId;
            }
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.loading = false;
        }
    }
}
