import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { RunSummary } from 'c/runHistoryApi';
import type { RollbackPreview } from 'c/recoveryApi';
import { cancelRun, retryRun } from 'c/runActionApi';
import { previewRollback, rollbackRun } from 'c/recoveryApi';
import { exportRecordLinks } from 'c/exportApi';
import { downloadCsv, exportFileName } from 'c/csvDownload';
import { reduceError } from 'c/errorReducer';
import { describeState } from 'c/runStates';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';

/**
 * What can be done with a run once it is shown: Retry failed, Roll back (after a confirmation saying what it deletes
 * and restores), Cancel while it runs, and Export Ids (CSV) of an object's record links on the target. A new run is
 * told with `runstarted` ({ runId }); a cancelled one with `runchanged` ({ runId, state }).
 */
export default class RunActions extends LightningElement {
    /** The run. */
    @api run?: RunSummary;
    /** The run's target, for the Id export. */
    @api targetId?: string;
    /** The objects whose Ids can be exported. */
    @api objectNames: string[] = [];

    readonly labels = LABELS;
    busy = false;
    errorMessage?: string;
    statusMessage = '';
    exportObject = '';
    rollbackOpen = false;
    rollbackPreview?: RollbackPreview;
    rollbackError?: string;
    cancelOpen = false;

    get retryDisabled(): boolean {
        return this.busy || this.run?.canRetry !== true;
    }

    get cancelDisabled(): boolean {
        return this.busy || this.run?.canCancel !== true;
    }

    get rollbackDisabled(): boolean {
        return this.busy || !this.run?.runId || this.run.isActive === true;
    }

    get objectOptions(): { label: string; value: string }[] {
        return (this.objectNames ?? []).map((name) => ({ label: name, value: name }));
    }

    get chosenObject(): string {
        return this.exportObject || (this.objectNames ?? [])[0] || '';
    }

    get exportDisabled(): boolean {
        return this.busy || !this.targetId || this.chosenObject === '';
    }

    async handleRetry(): Promise<void> {
        const runId = this.run?.runId;
        if (!runId) {
            return;
        }
        await this.act(async () => {
            const newRunId = await retryRun(runId);
            this.tellStarted(newRunId, LABELS.retryStarted);
        });
    }

    handleCancelClick(): void {
        this.cancelOpen = true;
    }

    handleCancelDismiss(): void {
        this.cancelOpen = false;
    }

    async handleCancelConfirm(): Promise<void> {
        const runId = this.run?.runId;
        this.cancelOpen = false;
        if (!runId) {
            return;
        }
        await this.act(async () => {
            const state = await cancelRun(runId);
            this.statusMessage = formatLabel(LABELS.cancelAsked, describeState(state).label);
            this.dispatchEvent(new CustomEvent('runchanged', { detail: { runId, state } }));
        });
    }

    async handleRollbackClick(): Promise<void> {
        const runId = this.run?.runId;
        if (!runId) {
            return;
        }
        this.rollbackOpen = true;
        this.rollbackPreview = undefined;
        this.rollbackError = undefined;
        try {
            this.rollbackPreview = await previewRollback(runId);
        } catch (error) {
            this.rollbackError = reduceError(error);
        }
    }

    handleRollbackCancel(): void {
        this.rollbackOpen = false;
    }

    async handleRollbackConfirm(): Promise<void> {
        const runId = this.run?.runId;
        if (!runId) {
            return;
        }
        this.busy = true;
        try {
            const newRunId = await rollbackRun(runId);
            this.rollbackOpen = false;
            this.tellStarted(newRunId, LABELS.rollbackStarted);
        } catch (error) {
            this.rollbackError = reduceError(error);
        } finally {
            this.busy = false;
        }
    }

    handleExportObject(event: CustomEvent<{ value: string }>): void {
        this.exportObject = event.detail.value ?? '';
    }

    async handleExportIds(): Promise<void> {
        const targetId = this.targetId;
        const objectName = this.chosenObject;
        if (!targetId || objectName === '') {
            return;
        }
        await this.act(async () => {
            const result = await downloadCsv(
                (cursor) => exportRecordLinks(targetId, objectName, cursor),
                exportFileName('ids', objectName, new Date()),
            );
            this.statusMessage = formatLabel(LABELS.exported, result.rows, result.fileName);
        });
    }

    private async act(work: () => Promise<void>): Promise<void> {
        this.busy = true;
        this.errorMessage = undefined;
        try {
            await work();
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.busy = false;
        }
    }

    private tellStarted(runId: string, message: string): void {
        this.statusMessage = message;
        this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
        this.dispatchEvent(new CustomEvent('runstarted', { detail: { runId } }));
    }
}
